import { loadConfig } from '../src/config.ts'
import { type Database, openDatabase } from '../src/adapters/db/database.ts'
import { migrateToLatest } from '../src/adapters/db/migrate.ts'
import { createStores } from '../src/adapters/db/stores/index.ts'
import { createPostgresTemplate, databaseUrl, dropPostgresTemplate } from '../src/testing/postgres-template.ts'
import { buildApp } from '../src/web/app.tsx'
import { fillCatalogue } from './catalogue-data.ts'
import { type BenchResult, percentiles } from './measure.ts'

/**
 * Server time of the catalogue's search over a large catalogue: SOCLE_BENCH_SOFTWARE software (default
 * 5,000) and SOCLE_BENCH_DECLARATIONS declarations (default 50,000), generated from realistic words,
 * on PGlite and, when DATABASE_URL is set, on a fresh database of that PostgreSQL server. Each page
 * answer is the whole work of a visit: reading the query, the search, every facet's counts, the HTML.
 */
export async function benchCatalogue(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  const pglite = await openDatabase({ kind: 'pglite' })
  try {
    results.push(...(await measure(pglite)))
  } finally {
    await pglite.close()
  }
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const name = await createPostgresTemplate(serverUrl, async () => {})
    const postgres = await openDatabase({ kind: 'postgres', url: databaseUrl(serverUrl, name) })
    try {
      results.push(...(await measure(postgres)))
    } finally {
      await postgres.close()
      await dropPostgresTemplate(serverUrl, name)
    }
  }
  return results
}

async function measure(database: Database): Promise<BenchResult[]> {
  const software = Number(process.env.SOCLE_BENCH_SOFTWARE ?? 5000)
  const declarations = Number(process.env.SOCLE_BENCH_DECLARATIONS ?? 50_000)
  await migrateToLatest(database.db)
  await fillCatalogue(database.db, software, declarations)
  const config = { ...loadConfig({}), logLevel: 'silent' as const, apiRateLimit: 1_000_000 }
  const app = await buildApp({ config, database, stores: createStores(database.db), queue: undefined }, { logger: false })
  const mode = `${database.kind}, ${software.toLocaleString('en-GB')} software`
  // Queries rotate so that no single plan or cache flatters the numbers.
  const rotate = (paths: string[]) => {
    let i = 0
    return async () => {
      const path = paths[i++ % paths.length]!
      const response = await app.inject(path)
      if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`)
    }
  }
  const words = ['bureautique', 'cartographie', 'messagerie', 'gestion', 'données', 'libreofice', 'securite', 'web', 'visioconference', 'archives']
  const facets = ['licence=copyleft&platform=web', 'year=2022&status=recommended', 'category=Bureautique&authorised=yes', 'os=linux&referents=yes&market=yes', 'instance=yes&licence=permissive&licence=weak-copyleft']
  try {
    return [
      ...(await percentiles(`catalogue page, text (${mode})`, 200, rotate(words.map((w) => `/fr/catalogue?q=${encodeURIComponent(w)}`)))),
      ...(await percentiles(`catalogue page, text and facets (${mode})`, 200, rotate(words.map((w, i) => `/fr/catalogue?q=${encodeURIComponent(w)}&${facets[i % facets.length]}`)))),
      ...(await percentiles(`catalogue page, facets, by users (${mode})`, 200, rotate(facets.map((f) => `/fr/catalogue?${f}&sort=users`)))),
      ...(await percentiles(`catalogue page, everything, page 3 (${mode})`, 200, rotate(['/fr/catalogue?page=3', '/fr/catalogue?page=3&sort=release']))),
      ...(await percentiles(`API software search with facets (${mode})`, 200, rotate(words.map((w, i) => `/api/v1/software?q=${encodeURIComponent(w)}&${facets[i % facets.length]}&facets=true`)))),
      // Each web process keeps the catalogue for its searches: the first search after a write reads it again.
      ...(await percentiles(`catalogue page right after a write, catalogue read again (${mode})`, 20, async () => {
        await database.db.updateTable('software').set({ updated_at: new Date() }).where('slug', '=', 'bench-0').execute()
        await rotate(['/fr/catalogue?q=web'])()
      })),
    ]
  } finally {
    await app.close()
  }
}
