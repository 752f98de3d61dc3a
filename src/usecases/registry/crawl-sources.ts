import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import type { SourceRecord } from '../../adapters/db/stores/source-store.ts'
import type { Forges } from '../../adapters/forges/forges.ts'
import { mapConcurrent } from '../../domain/shared/concurrency.ts'
import { type CrawlSummary, crawlSourceBatch } from './crawl-source.ts'

export interface CrawlPassResult {
  summaries: CrawlSummary[]
  requests: number
}

/** Accounts listed together in one batch (GitHub: one GraphQL request a page for all of them). */
const BATCH_SIZE = 10

/**
 * Crawls sources, a few batches at a time (each forge also caps its own concurrency), and reports on
 * each. Every source is committed on its own: a pass interrupted at any point resumes with the sources
 * it had not finished, since those finished keep their `last_crawled_at`.
 */
export async function crawlSources(
  db: Kysely<DB>,
  forges: Forges,
  sources: SourceRecord[],
  options: { full: boolean; parallel?: number; onProgress?: (done: number, total: number, summary: CrawlSummary) => void },
): Promise<CrawlPassResult> {
  const byForge = new Map<string, SourceRecord[]>()
  for (const source of sources) byForge.set(source.api_url, [...(byForge.get(source.api_url) ?? []), source])
  const batches = [...byForge.values()].flatMap((group) => Array.from({ length: Math.ceil(group.length / BATCH_SIZE) }, (_, i) => group.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE)))
  let done = 0
  const results = await mapConcurrent(batches, options.parallel ?? 4, async (batch) => {
    const summaries = await crawlSourceBatch(db, batch, forges.adapterFor(batch[0]!), { full: options.full })
    for (const summary of summaries) options.onProgress?.(++done, sources.length, summary)
    return summaries
  })
  return { summaries: results.flat(), requests: Object.values(forges.requestCounts()).reduce((a, b) => a + b, 0) }
}
