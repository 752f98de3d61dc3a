import os from 'node:os'
import type { JobQueue } from './adapters/jobs/job-queue.ts'
import type { Context } from './context.ts'
import { type EnrichmentSource, enrichmentSources } from './domain/catalogue/provenance.ts'
import { recordHeartbeat } from './usecases/system/record-heartbeat.ts'

/** Every background job Socle runs, by queue name. Later features add their queues here. */
export const QUEUES = {
  heartbeat: 'system.heartbeat',
  /** Vacuums and analyses the embedded database (PGlite has no autovacuum); scheduled nightly by its workers. */
  vacuum: 'system.vacuum',
  /** One job per source: pg-boss hands each to one worker, so no repository is fetched twice in a pass. */
  crawlSource: 'registry.crawl-source',
  /** Enqueues a crawl of every source; scheduled by `socle crawl --schedule`. */
  crawlAll: 'registry.crawl-all',
  /** Derives the registry's scores, search text and dependencies from what the crawls stored. */
  deriveRegistry: 'registry.derive',
  /** Enriches the catalogue from one source (`{ source: 'wikidata' | 'comptoir' | 'registry' }`) or, without one, from each; scheduled daily by `socle enrich --schedule`. */
  enrichCatalogue: 'catalogue.enrich',
} as const

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

export const queueNames = Object.values(QUEUES) as [QueueName, ...QueueName[]]

/** Starts the handlers of every queue on this process. */
export async function startWorkers(queue: JobQueue, context: Pick<Context, 'config' | 'database' | 'stores' | 'forges'>): Promise<void> {
  const worker = `${os.hostname()}:${process.pid}`
  await queue.work(QUEUES.heartbeat, (job) => recordHeartbeat(context.database.db, { id: job.id, queue: QUEUES.heartbeat }, worker))
  await queue.work(QUEUES.vacuum, async () => void (await context.database.executeSql('vacuum (analyze)')))
  // A server vacuums itself; PGlite's dead rows and planner statistics wait for this (at night, UTC).
  if (context.database.kind === 'pglite') await queue.schedule(QUEUES.vacuum, '15 3 * * *', {})
  const requestsSent = () => Object.values(context.forges.requestCounts()).reduce((a, b) => a + b, 0)
  await queue.work(QUEUES.crawlSource, async (job) => {
    const { sourceId, full, passId } = job.data as CrawlSourceJob
    const source = await context.stores.sources.byId(sourceId)
    if (!source) return // removed since it was queued
    // Loaded on first use: a web process (and the first page after a start) does not wait for the crawler's modules.
    const { crawlSource } = await import('./usecases/registry/crawl-source.ts')
    // A process runs its crawl jobs one after another: the requests sent meanwhile are this job's.
    const before = requestsSent()
    try {
      const summary = await crawlSource(context.database.db, source, context.forges.adapterFor(source), { full: Boolean(full) })
      // A failed crawl is recorded on the source (stale, with the error); the job fails too, so pg-boss retries it later.
      if (!summary.ok) throw new Error(summary.error)
    } finally {
      if (passId) await context.stores.crawl.passProgressed(passId, requestsSent() - before, new Date())
    }
  })
  await queue.work(QUEUES.deriveRegistry, async () => {
    const { deriveRegistryFacts } = await import('./usecases/registry/derive-registry-facts.ts')
    await deriveRegistryFacts(context.database.db)
  })
  await queue.work(QUEUES.enrichCatalogue, async (job) => {
    const { source } = job.data as { source?: EnrichmentSource }
    const { enrichCatalogue } = await import('./usecases/catalogue/enrich-catalogue.ts')
    // What failed is recorded on each software, which keeps its data; retrying at once would not help.
    for (const each of source ? [source] : enrichmentSources) await enrichCatalogue(context.database.db, context.config, each)
  })
  await queue.work(QUEUES.crawlAll, async (job) => {
    const { full } = job.data as { full?: boolean }
    const sources = await context.stores.sources.list()
    const passId = await context.stores.crawl.startPass({ full: Boolean(full), sourceId: null, sourceCount: sources.length }, new Date())
    for (const source of sources) await queue.enqueue(QUEUES.crawlSource, { sourceId: source.id, full: Boolean(full), passId } satisfies CrawlSourceJob)
  })
}

/** A source's crawl job; `passId` names the pass whose progress it adds to. */
export interface CrawlSourceJob {
  sourceId: string
  full?: boolean
  passId?: string
}

/** Queues a recrawl of one source now, as a pass of its own that the administration page follows. */
export async function enqueueSourceCrawl(queue: JobQueue, stores: Pick<Context['stores'], 'crawl'>, sourceId: string, full: boolean): Promise<string> {
  const passId = await stores.crawl.startPass({ full, sourceId, sourceCount: 1 }, new Date())
  return await queue.enqueue(QUEUES.crawlSource, { sourceId, full, passId } satisfies CrawlSourceJob)
}
