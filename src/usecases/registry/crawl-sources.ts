import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import type { SourceRecord } from '../../adapters/db/stores/source-store.ts'
import type { Forges } from '../../adapters/forges/forges.ts'
import { mapConcurrent } from '../../domain/shared/concurrency.ts'
import { type CrawlSummary, crawlSource } from './crawl-source.ts'

export interface CrawlPassResult {
  summaries: CrawlSummary[]
  requests: number
}

/**
 * Crawls sources, a few at a time (each forge also caps its own concurrency), and reports on each.
 * Every source is committed on its own: a pass interrupted at any point resumes with the sources it
 * had not finished, since those finished keep their `last_crawled_at`.
 */
export async function crawlSources(
  db: Kysely<DB>,
  forges: Forges,
  sources: SourceRecord[],
  options: { full: boolean; parallel?: number; onProgress?: (done: number, total: number, summary: CrawlSummary) => void },
): Promise<CrawlPassResult> {
  let done = 0
  const summaries = await mapConcurrent(sources, options.parallel ?? 8, async (source) => {
    const summary = await crawlSource(db, source, forges.adapterFor(source), { full: options.full })
    options.onProgress?.(++done, sources.length, summary)
    return summary
  })
  return { summaries, requests: Object.values(forges.requestCounts()).reduce((a, b) => a + b, 0) }
}
