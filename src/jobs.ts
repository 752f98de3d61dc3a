import os from 'node:os'
import type { JobQueue } from './adapters/jobs/job-queue.ts'
import type { Context } from './context.ts'
import { recordHeartbeat } from './usecases/system/record-heartbeat.ts'

/** Every background job Socle runs, by queue name. Later features add their queues here. */
export const QUEUES = {
  heartbeat: 'system.heartbeat',
  /** One job per source: pg-boss hands each to one worker, so no repository is fetched twice in a pass. */
  crawlSource: 'registry.crawl-source',
  /** Enqueues a crawl of every source; scheduled by `socle crawl --schedule`. */
  crawlAll: 'registry.crawl-all',
  /** Derives the registry's scores, search text and dependencies from what the crawls stored. */
  deriveRegistry: 'registry.derive',
} as const

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

export const queueNames = Object.values(QUEUES) as [QueueName, ...QueueName[]]

/** Starts the handlers of every queue on this process. */
export async function startWorkers(queue: JobQueue, context: Pick<Context, 'database' | 'stores' | 'forges'>): Promise<void> {
  const worker = `${os.hostname()}:${process.pid}`
  await queue.work(QUEUES.heartbeat, (job) => recordHeartbeat(context.database.db, { id: job.id, queue: QUEUES.heartbeat }, worker))
  await queue.work(QUEUES.crawlSource, async (job) => {
    const { sourceId, full } = job.data as { sourceId: string; full?: boolean }
    const source = await context.stores.sources.byId(sourceId)
    if (!source) return // removed since it was queued
    // Loaded on first use: a web process (and the first page after a start) does not wait for the crawler's modules.
    const { crawlSource } = await import('./usecases/registry/crawl-source.ts')
    const summary = await crawlSource(context.database.db, source, context.forges.adapterFor(source), { full: Boolean(full) })
    // A failed crawl is recorded on the source (stale, with the error); the job fails too, so pg-boss retries it later.
    if (!summary.ok) throw new Error(summary.error)
  })
  await queue.work(QUEUES.deriveRegistry, async () => {
    const { deriveRegistryFacts } = await import('./usecases/registry/derive-registry-facts.ts')
    await deriveRegistryFacts(context.database.db)
  })
  await queue.work(QUEUES.crawlAll, async (job) => {
    const { full } = job.data as { full?: boolean }
    for (const source of await context.stores.sources.list()) await queue.enqueue(QUEUES.crawlSource, { sourceId: source.id, full: Boolean(full) })
  })
}
