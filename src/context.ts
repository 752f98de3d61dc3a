import type { Config } from './config.ts'
import { type Database, openDatabase } from './adapters/db/database.ts'
import { migrateToLatest } from './adapters/db/migrate.ts'
import { createStores, type Stores } from './adapters/db/stores/index.ts'
import { Forges } from './adapters/forges/forges.ts'
import { type JobQueue, startJobQueue } from './adapters/jobs/job-queue.ts'
import { startWorkers } from './jobs.ts'
import { loadDemoContent } from './usecases/system/load-demo-content.ts'

/**
 * The composition root: opens the database, brings it up to date, and wires the adapters that a
 * process of the given role needs. Every entry point (CLI commands, web, worker, tests) goes through it.
 */
export interface Context {
  config: Config
  database: Database
  stores: Stores
  /** The forge adapters the crawler uses, sharing each forge's limits within the process. */
  forges: Forges
  /** Present when the role uses jobs. */
  queue: JobQueue | undefined
  close(): Promise<void>
}

export type Role =
  /** Web and API only: enqueues jobs, runs none. */
  | 'web'
  /** Runs jobs only. */
  | 'worker'
  /** Both, in one process: the embedded (PGlite) mode. */
  | 'all'
  /** A one-off command: database only. */
  | 'command'

export async function openContext(config: Config, role: Role): Promise<Context> {
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir, ...(role === 'command' ? { sharedBuffers: '1MB' } : {}) },
  )
  let queue: JobQueue | undefined
  try {
    await migrateToLatest(database.db)
    if (config.demo && role !== 'worker') await loadDemoContent(database.db)
    if (role !== 'command') queue = await startJobQueue(database, { role })
    const context: Context = {
      config,
      database,
      stores: createStores(database.db),
      forges: new Forges(config.forgeTokens),
      queue,
      async close() {
        await queue?.stop()
        await database.close()
      },
    }
    if (queue && role !== 'web') await startWorkers(queue, context)
    return context
  } catch (error) {
    await queue?.stop().catch(() => {})
    await database.close().catch(() => {})
    throw error
  }
}
