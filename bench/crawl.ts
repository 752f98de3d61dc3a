import { openDatabase } from '../src/adapters/db/database.ts'
import { migrateToLatest } from '../src/adapters/db/migrate.ts'
import { createStores } from '../src/adapters/db/stores/index.ts'
import { Forges as ForgeAdapters } from '../src/adapters/forges/forges.ts'
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { crawlSources } from '../src/usecases/registry/crawl-sources.ts'
import { importSources } from '../src/usecases/registry/import-sources.ts'
import type { BenchResult } from './measure.ts'

/**
 * A full crawl of a synthetic world through the local forge servers, then a recrawl with nothing
 * changed: requests per repository and per account, wall time, peak memory of the crawler (the
 * simulated forges run in a child process). Sizes from SOCLE_BENCH_ACCOUNTS / SOCLE_BENCH_REPOSITORIES
 * (default 2,000 / 50,000); few plain git repositories, whose first clone builds a real repository.
 */
export async function benchCrawl(): Promise<BenchResult[]> {
  const accounts = Number(process.env.SOCLE_BENCH_ACCOUNTS ?? 2000)
  const repositories = Number(process.env.SOCLE_BENCH_REPOSITORIES ?? 50_000)
  const simulator = spawn(process.execPath, [new URL('../bin/run-ts.js', import.meta.url).pathname, new URL('./forge-sim-process.ts', import.meta.url).pathname, String(accounts), String(repositories)], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [line] = await createInterface({ input: simulator.stdout! })[Symbol.asyncIterator]().next().then((r) => [r.value as string])
  const world = JSON.parse(line!) as { yaml: string; githubUrl: string; repositories: number; githubRepositories: number; githubAccounts: number }
  const url = process.env.DATABASE_URL
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'socle-bench-crawl-'))
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir })
  const mode = database.kind
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200)
  try {
    await migrateToLatest(database.db)
    await importSources(database.db, [{ name: 'world.yml', text: world.yaml }])
    const sources = await createStores(database.db).sources.list()
    const githubUrl = world.githubUrl
    const run = async (full: boolean) => {
      const adapters = new ForgeAdapters({ 'github.com': Array.from({ length: 20 }, (_, i) => `bench-token-${i}`) })
      const started = Date.now()
      const result = await crawlSources(database.db, adapters, sources, { full, parallel: 8 })
      const failed = result.summaries.filter((s) => !s.ok).length
      return { ms: Date.now() - started, failed, github: adapters.requestCounts()[githubUrl] ?? 0, all: result.requests }
    }
    const first = await run(true)
    const second = await run(false)
    const { githubRepositories, githubAccounts } = world
    const stored = await createStores(database.db).repositories.total()
    return [
      { name: `crawl: repositories stored / in the world (${mode})`, value: stored / world.repositories, unit: 'ratio' },
      { name: `crawl: full, wall time, ${world.repositories} repositories (${mode})`, value: first.ms / 1000, unit: 's' },
      { name: 'crawl: full, GitHub requests per repository', value: first.github / githubRepositories, unit: 'req' },
      { name: 'crawl: full, all forges, requests per repository', value: first.all / world.repositories, unit: 'req' },
      { name: 'crawl: full, failed accounts', value: first.failed, unit: 'count' },
      { name: `crawl: unchanged recrawl, wall time (${mode})`, value: second.ms / 1000, unit: 's' },
      { name: 'crawl: unchanged recrawl, GitHub requests per account', value: second.github / githubAccounts, unit: 'req' },
      { name: 'crawl: unchanged recrawl, all forges, requests per account', value: second.all / sources.length, unit: 'req' },
      { name: `crawl: peak memory of the crawler (${mode})`, value: peak / 1024 / 1024, unit: 'MB' },
    ]
  } finally {
    clearInterval(sampler)
    simulator.kill('SIGTERM')
    await database.close()
    await fs.rm(dataDir, { recursive: true, force: true })
  }
}
