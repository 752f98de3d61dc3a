import { type Kysely, sql } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import { repositoryParts } from '../../adapters/db/stores/software-store.ts'
import { applyEnrichment, emptyReport, type EnrichmentReport, tally } from './enrich-software.ts'

/** A release tag as a version: `v7.6.0` → `7.6.0`; tags that are not versions (`nightly`) give none. */
export function versionOfTag(tag: string): string | null {
  const match = /^(?:v|version[-_]?|release[-_]?)?(\d+(?:\.\d+)*(?:[-+.][0-9A-Za-z.-]+)?)$/i.exec(tag.trim())
  return match ? match[1]! : null
}

/**
 * Enriches every software whose source repository Socle's registry has crawled: its latest release
 * (version and day) where the provenance rule allows, its licence when it has none, and the last push.
 * Reads only Socle's database: a repository the registry does not list is skipped, not a failure.
 */
export async function enrichFromRegistry(db: Kysely<DB>, now = new Date()): Promise<EnrichmentReport> {
  const report = emptyReport('registry')
  const rows = await db.selectFrom('software').select(['id', 'slug', 'repository_url', 'licence']).where('repository_url', 'is not', null).orderBy('slug').execute()
  for (const row of rows) {
    const parts = repositoryParts(row.repository_url)
    if (!parts) continue
    const repository = await db
      .selectFrom('repository')
      .select(['latest_release', 'effective_licence', 'pushed_at'])
      .where('forge_host', '=', parts.host)
      .where(sql`lower(owner)`, '=', parts.owner)
      .where(sql`lower(name)`, '=', parts.name)
      .where('gone_at', 'is', null)
      .executeTakeFirst()
    if (!repository) continue
    report.considered++
    const release = repository.latest_release as { tag: string; publishedAt: string | null } | null
    const version = release ? versionOfTag(release.tag) : null
    const outcome = await applyEnrichment(
      db,
      row.id,
      'registry',
      {
        latest_version: version,
        latest_release_on: version ? release?.publishedAt?.slice(0, 10) : null,
        // The registry's licence only fills a gap: the catalogue's licence is the software's, a repository's may be one part's.
        licence: row.licence ? null : repository.effective_licence,
      },
      { repository_pushed_at: repository.pushed_at ? repository.pushed_at.toISOString() : null },
      now,
    )
    tally(report, outcome)
  }
  return report
}
