import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import type { ComptoirExport } from '../../domain/catalogue/comptoir.ts'
import { applyEnrichment, emptyReport, type EnrichmentReport, recordEnrichmentFailure, tally } from './enrich-software.ts'

export interface ComptoirSource {
  export(): Promise<ComptoirExport>
}

/**
 * Enriches every software that has a Comptoir du Libre id (the SILL import fills it) from Comptoir's
 * export: its page there, its service providers and user count, and its website and repository where
 * the provenance rule allows. When the export cannot be read, every software keeps what it had and
 * the failure is recorded on each.
 */
export async function enrichFromComptoir(db: Kysely<DB>, comptoir: ComptoirSource, now = new Date()): Promise<EnrichmentReport> {
  const report = emptyReport('comptoir')
  const rows = await db.selectFrom('software').select(['id', 'slug', 'comptoir_du_libre_id']).where('comptoir_du_libre_id', 'is not', null).orderBy('slug').execute()
  report.considered = rows.length
  if (rows.length === 0) return report
  let listed: ComptoirExport
  try {
    listed = await comptoir.export()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    for (const row of rows) report.failures.push({ software: row.slug, error: message })
    await recordEnrichmentFailure(db, rows.map((row) => row.id), 'comptoir', message, now)
    return report
  }
  for (const row of rows) {
    const entry = listed.software.get(row.comptoir_du_libre_id!)
    if (!entry) {
      const error = `Comptoir du Libre does not list the software #${row.comptoir_du_libre_id}.`
      report.failures.push({ software: row.slug, error })
      await recordEnrichmentFailure(db, [row.id], 'comptoir', error, now)
      continue
    }
    const outcome = await applyEnrichment(
      db,
      row.id,
      'comptoir',
      { website: entry.website, repository_url: entry.repositoryUrl },
      { comptoir_url: entry.url, service_providers: entry.providers, comptoir_user_count: entry.userCount },
      now,
    )
    tally(report, outcome)
  }
  return report
}
