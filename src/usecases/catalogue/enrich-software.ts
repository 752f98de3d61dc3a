import { type Kysely, sql } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import { createStores } from '../../adapters/db/stores/index.ts'
import { type EnrichableField, type EnrichmentSource, type FieldValue, planEnrichment } from '../../domain/catalogue/provenance.ts'

/** What one enrichment run did, for the command's summary and the job's log. */
export interface EnrichmentReport {
  source: EnrichmentSource
  /** Software the source was asked about. */
  considered: number
  /** Software whose fields or facts changed. */
  updated: number
  /** Values the source offered for fields a person set: kept as the person wrote them. */
  kept: number
  /** Software the source could not answer for, and why: they keep what they had. */
  failures: { software: string; error: string }[]
}

export function emptyReport(source: EnrichmentSource): EnrichmentReport {
  return { source, considered: 0, updated: 0, kept: 0, failures: [] }
}

/** The facts a source owns outright (no person writes them): replaced by each answer of that source. */
export interface SourceFacts {
  developers?: string[]
  service_providers?: { name: string; url: string | null; website: string | null }[]
  comptoir_url?: string | null
  comptoir_user_count?: number | null
  repository_pushed_at?: string | null
}

const ENRICHED_COLUMNS = ['id', 'slug', 'sill_id', 'version', 'field_sources', 'description_fr', 'description_en', 'logo_url', 'website', 'repository_url', 'licence', 'latest_version', 'developers', 'service_providers', 'comptoir_url', 'comptoir_user_count', 'repository_pushed_at'] as const

/** jsonb keeps an object's keys in its own order: values are compared with their keys sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
  return value ?? null
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/**
 * Writes what a source says of one software: its offered values to the fields the provenance rule
 * lets it write (recording it as their source), its own facts as they are, and when it answered.
 * The row is locked while read and written, so that a person's edit in between is never lost; its
 * version and `updated_at` move only when something changed, and each change is in the audit log.
 */
export async function applyEnrichment(
  db: Kysely<DB>,
  softwareId: string,
  by: EnrichmentSource,
  offered: Partial<Record<EnrichableField, FieldValue>>,
  facts: SourceFacts,
  now: Date,
): Promise<{ changed: boolean; kept: EnrichableField[] }> {
  return await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('software')
      .select([...ENRICHED_COLUMNS, sql<string | null>`latest_release_on::text`.as('latest_release_on')])
      .where('id', '=', softwareId)
      .forUpdate()
      .executeTakeFirst()
    if (!row) return { changed: false, kept: [] }
    const plan = planEnrichment(row, row.field_sources, by, offered)
    const instant = (value: unknown) => (value ? new Date(value as string | Date).getTime() : null)
    const changedFacts = Object.fromEntries(
      Object.entries(facts).filter(([key, value]) => {
        const current = row[key as keyof typeof row]
        return key === 'repository_pushed_at' ? instant(current) !== instant(value) : !sameJson(current, value)
      }),
    ) as SourceFacts
    const { service_providers: providers, ...plainFacts } = changedFacts
    const changed = Object.keys(plan.changes).length > 0 || Object.keys(changedFacts).length > 0 || !sameJson(row.field_sources, plan.sources)
    const status = JSON.stringify({ [by]: { checkedAt: now.toISOString() } })
    await trx
      .updateTable('software')
      .set({
        ...plan.changes,
        ...plainFacts,
        ...(providers ? { service_providers: JSON.stringify(providers) } : {}),
        field_sources: JSON.stringify(plan.sources),
        enrichment: sql`enrichment || ${status}::jsonb`,
        enriched_at: now,
        ...(changed ? { version: sql`version + 1`, updated_at: now } : {}),
      })
      .where('id', '=', softwareId)
      .execute()
    if (changed) {
      await createStores(trx).audit.record({
        agentId: null,
        action: 'software.enriched',
        subjectType: 'software',
        subjectId: softwareId,
        details: { source: by, fields: Object.keys(plan.changes), facts: Object.keys(changedFacts) },
      })
    }
    return { changed, kept: plan.kept }
  })
}

/** Records that a source failed for these software (when and why), leaving everything they hold as it was. */
export async function recordEnrichmentFailure(db: Kysely<DB>, softwareIds: string[], by: EnrichmentSource, error: string, now: Date): Promise<void> {
  if (softwareIds.length === 0) return
  const status = JSON.stringify({ [by]: { checkedAt: now.toISOString(), error } })
  await db.updateTable('software').set({ enrichment: sql`enrichment || ${status}::jsonb` }).where('id', 'in', softwareIds).execute()
}

/** Adds one software's outcome to the report. */
export function tally(report: EnrichmentReport, outcome: { changed: boolean; kept: EnrichableField[] }): void {
  if (outcome.changed) report.updated++
  report.kept += outcome.kept.length
}
