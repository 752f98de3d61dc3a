import autocannon from 'autocannon'
import { loadConfig } from '../src/config.ts'
import { openDatabase } from '../src/adapters/db/database.ts'
import { migrateToLatest } from '../src/adapters/db/migrate.ts'
import { createStores } from '../src/adapters/db/stores/index.ts'
import { loadDemoContent } from '../src/usecases/system/load-demo-content.ts'
import { buildApp } from '../src/web/app.tsx'
import { listen } from '../src/testing/browser.ts'
import { type BenchResult, percentiles } from './measure.ts'

/** Server time of the main pages and API calls on the demo content, and throughput under load. */
export async function benchWeb(): Promise<BenchResult[]> {
  const url = process.env.DATABASE_URL
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite' })
  const mode = database.kind
  await migrateToLatest(database.db)
  await loadDemoContent(database.db)
  const config = { ...loadConfig({}), logLevel: 'silent' as const, apiRateLimit: 1_000_000 }
  const app = await buildApp({ config, database, stores: createStores(database.db), queue: undefined }, { logger: false })
  const results: BenchResult[] = []
  const page = (path: string) => async () => {
    const response = await app.inject(path)
    if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`)
  }
  results.push(...(await percentiles(`home page (${mode})`, 200, page('/fr/'))))
  results.push(...(await percentiles(`catalogue search page (${mode})`, 200, page('/fr/catalogue?q=bureautique'))))
  results.push(...(await percentiles(`API software search (${mode})`, 200, page('/api/v1/software?q=libreofice'))))
  const base = await listen(app)
  const load = await autocannon({ url: `${base}/fr/catalogue?q=cartographie`, connections: 10, duration: 5 })
  results.push({ name: `catalogue page under load, 10 connections (${mode})`, value: load.requests.average, unit: 'req/s' })
  results.push({ name: `errors under load (${mode})`, value: load.errors + load.non2xx, unit: 'count' })
  await app.close()
  await database.close()
  return results
}
