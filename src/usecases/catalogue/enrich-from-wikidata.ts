import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import type { WikidataFetch } from '../../adapters/wikidata/wikidata-client.ts'
import { parseQid } from '../../domain/catalogue/wikidata-entity.ts'
import { applyEnrichment, emptyReport, type EnrichmentReport, recordEnrichmentFailure, tally } from './enrich-software.ts'

export interface WikidataSource {
  fetchSoftware(ids: readonly string[]): Promise<WikidataFetch>
}

/**
 * Enriches every software that names a Wikidata item: descriptions, logo, website, repository,
 * licence and latest version where the provenance rule allows, and its developers. An item Wikidata
 * does not have, or a request that failed, is reported and recorded on the software, which keeps
 * what it had.
 */
export async function enrichFromWikidata(db: Kysely<DB>, wikidata: WikidataSource, now = new Date()): Promise<EnrichmentReport> {
  const report = emptyReport('wikidata')
  const rows = await db.selectFrom('software').select(['id', 'slug', 'wikidata_id']).where('wikidata_id', 'is not', null).orderBy('slug').execute()
  report.considered = rows.length
  const byQid = new Map<string, typeof rows>()
  for (const row of rows) {
    const qid = parseQid(row.wikidata_id!)
    if (!qid) {
      const error = `"${row.wikidata_id}" is not a Wikidata item id (Q followed by digits).`
      report.failures.push({ software: row.slug, error })
      await recordEnrichmentFailure(db, [row.id], 'wikidata', error, now)
      continue
    }
    byQid.set(qid, [...(byQid.get(qid) ?? []), row])
  }
  const fetched = await wikidata.fetchSoftware([...byQid.keys()])
  const fail = async (qids: string[], error: (qid: string) => string) => {
    for (const qid of qids) {
      const software = byQid.get(qid) ?? []
      for (const row of software) report.failures.push({ software: row.slug, error: error(qid) })
      await recordEnrichmentFailure(db, software.map((row) => row.id), 'wikidata', error(qid), now)
    }
  }
  await fail(fetched.missing, (qid) => `Wikidata has no item ${qid}.`)
  for (const failure of fetched.failures) await fail(failure.ids, () => failure.error)
  for (const [qid, item] of fetched.software) {
    for (const row of byQid.get(qid) ?? []) {
      const outcome = await applyEnrichment(
        db,
        row.id,
        'wikidata',
        {
          description_fr: item.descriptions.fr,
          description_en: item.descriptions.en,
          logo_url: item.logoUrl,
          website: item.website,
          repository_url: item.repositoryUrl,
          licence: item.licence,
          latest_version: item.latestVersion?.name,
          latest_release_on: item.latestVersion?.publishedOn,
        },
        { developers: item.developers },
        now,
      )
      tally(report, outcome)
    }
  }
  return report
}
