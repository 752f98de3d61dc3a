import { loadConfig, type Config } from '../config.ts'
import type { Context } from '../context.ts'
import { createStores } from '../adapters/db/stores/index.ts'
import { Forges } from '../adapters/forges/forges.ts'
import { startJobQueue } from '../adapters/jobs/job-queue.ts'
import { openTestDatabase, type TestDatabase } from './test-database.ts'

export type TestContext = Context & { database: TestDatabase }

/** A context over a fresh test database, wired as `openContext` wires a real one. */
export async function createTestContext(options: { config?: Partial<Config>; queue?: boolean } = {}): Promise<TestContext> {
  // Tests never reach the internet: every remote service points at a closed local port unless a test
  // starts a local server for it and says so.
  const nowhere = 'http://127.0.0.1:9'
  const defaults = loadConfig({})
  const config: Config = {
    ...defaults,
    demo: false,
    logLevel: 'silent',
    packageRegistries: { npm: nowhere, pypi: nowhere },
    enrichment: { ...defaults.enrichment, wikidataUrl: nowhere, comptoirUrl: nowhere },
    ...options.config,
  }
  const database = await openTestDatabase()
  const queue = options.queue ? await startJobQueue(database, { role: 'all', pollingIntervalSeconds: 0.5 }) : undefined
  return {
    config,
    database,
    stores: createStores(database.db),
    forges: new Forges(config.forgeTokens, { backoffMs: 20, maxWaitMs: 10_000 }),
    queue,
    async close() {
      await queue?.stop()
      await database.close()
    },
  }
}
