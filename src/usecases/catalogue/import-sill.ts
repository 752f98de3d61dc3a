import { type Kysely, sql } from 'kysely'
import type { DB, NewSoftware, SoftwareTable } from '../../adapters/db/schema.ts'
import { type EnrichableField, enrichableFields, markedAs, readFieldSources } from '../../domain/catalogue/provenance.ts'
import { readSill, type SillChange, type SillEntry, type SillFormat, type SillProblem } from '../../domain/catalogue/sill-legacy.ts'

export interface ImportSillResult {
  format: SillFormat | null
  /** Software added to the catalogue. */
  imported: number
  /** Software already there whose SILL data (fields, parent or similar software) changed. */
  updated: number
  unchanged: number
  /** Change-log lines recorded for the first time. */
  changes: number
  problems: SillProblem[]
}

/** The `source` of the links and change-log lines that the SILL imports own. */
const SOURCE = 'sill'

/**
 * Imports the SILL (the 2022 legacy file or Catalogi's export, with the 2022 change log if given) into
 * the catalogue, in one transaction: a failure leaves the catalogue as it was.
 *
 * Idempotent: a software is found again by its SILL id, then by its Wikidata id, then by its slug (a
 * row without SILL id found this way, such as a demo row, becomes the SILL's and is no longer a demo).
 * Importing the same file twice changes nothing: rows, versions and dates stay as they are.
 *
 * The import is the source of the SILL's fields and rewrites them (an edit made in Socle to one of
 * them lasts until the next import), of the parent link and of the similar-software links it made;
 * fields that the file's format does not have at all are left as they are. The descriptive fields
 * that other sources also fill (descriptions, links, SPDX licence, Wikidata id, latest version) are
 * written when the SILL gives a value and kept when it gives none, and recorded as the SILL's (see
 * provenance.ts); one a person edited in Socle (recorded as manual) is kept and reported. The slug
 * never changes, so that addresses stay. Software absent from the file are left as they are.
 */
export async function importSill(db: Kysely<DB>, input: { json: unknown; updates?: unknown }): Promise<ImportSillResult> {
  const sill = readSill(input.json, input.updates)
  const problems = [...sill.problems]
  const carried = (field: keyof SillEntry) => !sill.absentFields.includes(field)
  return await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('software')
      .select([...READ_AS_IS, sql<string | null>`referenced_on::text`.as('referenced_on'), sql<string | null>`dereferenced_on::text`.as('dereferenced_on')])
      .execute()
    const bySill = new Map(rows.flatMap((row) => (row.sill_id ? [[row.sill_id, row] as const] : [])))
    const byWikidata = new Map(rows.flatMap((row) => (row.wikidata_id ? [[row.wikidata_id, row] as const] : [])))
    const bySlug = new Map(rows.map((row) => [row.slug, row]))
    const slugs = new Set(bySlug.keys())

    // A software is matched once; one found by Wikidata id or slug must not be another SILL entry.
    const matched = new Map<string, (typeof rows)[number]>()
    const claimed = new Set<string>()
    for (const entry of sill.entries) {
      const row = [bySill.get(entry.sillId), entry.wikidataId ? byWikidata.get(entry.wikidataId) : undefined, bySlug.get(entry.slug)].find(
        (candidate) => candidate && !claimed.has(candidate.id) && (candidate.sill_id === null || candidate.sill_id === entry.sillId),
      )
      if (!row) continue
      matched.set(entry.sillId, row)
      claimed.add(row.id)
    }

    // A Wikidata id is unique in the catalogue: one that another software holds is not taken from it.
    const fieldsOf = (entry: SillEntry): Record<string, unknown> => {
      const holder = entry.wikidataId ? byWikidata.get(entry.wikidataId) : undefined
      const wikidataTaken = holder !== undefined && holder.id !== matched.get(entry.sillId)?.id
      if (wikidataTaken) problems.push({ id: entry.sillId, name: entry.name, field: 'wikidataId', reason: `Wikidata id ${entry.wikidataId} is that of software ${holder.slug}: left out` })
      const fields: Record<string, unknown> = {}
      for (const [column, field] of Object.entries(SILL_COLUMNS)) if (carried(field)) fields[column] = entry[field]
      for (const [column, field] of Object.entries(DESCRIPTIVE_COLUMNS)) if (entry[field] !== null && !(field === 'wikidataId' && wikidataTaken)) fields[column] = entry[field]
      return fields
    }

    // New software first, so that every entry has an id before parents and links are written.
    const ids = new Map([...matched].map(([sillId, row]) => [sillId, row.id]))
    const added = new Set<string>()
    for (const entry of sill.entries.filter((e) => !matched.has(e.sillId))) {
      const fields = fieldsOf(entry)
      const values = { description_fr: '', description_en: '', ...fields, slug: freeSlug(entry, slugs), sill_id: entry.sillId, field_sources: JSON.stringify(sillSources({}, fields)) } as NewSoftware
      const { id } = await trx.insertInto('software').values(values).returning('id').executeTakeFirstOrThrow()
      ids.set(entry.sillId, id)
      added.add(id)
    }

    const updated = new Set<string>()
    for (const entry of sill.entries) {
      const id = ids.get(entry.sillId)!
      const parent_id = entry.parentSillId ? (ids.get(entry.parentSillId) ?? null) : null
      const row: Record<string, unknown> | undefined = matched.get(entry.sillId)
      if (!row) {
        if (parent_id) await trx.updateTable('software').set({ parent_id }).where('id', '=', id).execute()
        continue
      }
      const wanted = { ...fieldsOf(entry), sill_id: entry.sillId, is_demo: false, ...(carried('parentSillId') ? { parent_id } : {}) }
      const stored = readFieldSources(row.field_sources)
      const changed = Object.fromEntries(
        Object.entries(wanted).filter(([column, value]) => {
          if (!differs(row[column], value)) return false
          if (stored[column as EnrichableField] !== 'manual') return true
          problems.push({ id: entry.sillId, name: entry.name, field: column, reason: 'edited by hand in Socle: kept' })
          return false
        }),
      )
      if (Object.keys(changed).length === 0) continue
      const sources = sillSources(stored, changed)
      await trx
        .updateTable('software')
        .set({ ...changed, field_sources: JSON.stringify(sources), version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute()
      updated.add(id)
    }

    for (const id of await writeSimilarLinks(trx, sill.entries, ids)) if (!added.has(id)) updated.add(id)
    const changes = await writeChanges(trx, sill.changes, ids)
    return { format: sill.format, imported: added.size, updated: updated.size, unchanged: matched.size - updated.size, changes, problems }
  })
}

type Column = Exclude<keyof SoftwareTable, 'search'>

/** The fields the SILL is the source of, by column: written empty or not. */
const SILL_COLUMNS = {
  name: 'name',
  function: 'function',
  licence_text: 'licenceText',
  categories: 'categories',
  keywords: 'keywords',
  status: 'status',
  referenced_on: 'referencedOn',
  dereferenced_on: 'dereferencedOn',
  dereferenced_reason: 'dereferencedReason',
  last_recommended_version: 'lastRecommendedVersion',
  min_version: 'minVersion',
  max_version: 'maxVersion',
  sill_years: 'sillYears',
  sill_group: 'sillGroup',
  support_market: 'supportMarket',
  from_public_service: 'fromPublicService',
  comptoir_du_libre_id: 'comptoirDuLibreId',
  framalibre_slug: 'framalibreSlug',
  catalogue_numerique_url: 'catalogueNumeriqueUrl',
  usage_context: 'usageContext',
} as const satisfies Partial<Record<Column, keyof SillEntry>>

/** The fields other sources fill too, by column: written when the SILL gives a value. */
const DESCRIPTIVE_COLUMNS = {
  description_fr: 'descriptionFr',
  description_en: 'descriptionEn',
  licence: 'licence',
  website: 'website',
  documentation_url: 'documentationUrl',
  repository_url: 'repositoryUrl',
  logo_url: 'logoUrl',
  wikidata_id: 'wikidataId',
  latest_version: 'latestVersion',
} as const satisfies Partial<Record<Column, keyof SillEntry>>

/** What is read of the catalogue to match and compare; the two dates are read as days apart. */
const READ_AS_IS = (['id', 'slug', 'sill_id', 'wikidata_id', 'parent_id', 'is_demo', 'field_sources', ...Object.keys(SILL_COLUMNS), ...Object.keys(DESCRIPTIVE_COLUMNS)] as Column[]).filter(
  (column) => column !== 'referenced_on' && column !== 'dereferenced_on',
)

/** The field sources once the import has written `fields`: the SILL's where it gave a value. */
function sillSources(stored: unknown, fields: Record<string, unknown>) {
  return markedAs(stored, enrichableFields.filter((field) => field in fields && fields[field] !== null), 'sill')
}

function differs(current: unknown, wanted: unknown): boolean {
  if (Array.isArray(current) && Array.isArray(wanted)) return current.length !== wanted.length || current.some((value, i) => value !== wanted[i])
  return current !== wanted
}

/** The entry's slug, or, when another software has it, the slug followed by the SILL id. */
function freeSlug(entry: SillEntry, taken: Set<string>): string {
  let slug = entry.slug
  for (let n = 2; taken.has(slug); n++) slug = n === 2 ? `${entry.slug}-${entry.sillId}` : `${entry.slug}-${entry.sillId}-${n}`
  taken.add(slug)
  return slug
}

/** Makes the SILL's similar-software links those of the file; answers the software whose links changed. */
async function writeSimilarLinks(trx: Kysely<DB>, entries: SillEntry[], ids: Map<string, string>): Promise<Set<string>> {
  const changed = new Set<string>()
  if (ids.size === 0) return changed
  const wanted = new Set(entries.flatMap((entry) => entry.similarSillIds.map((similar) => `${ids.get(entry.sillId)} ${ids.get(similar)}`)))
  const existing = await trx
    .selectFrom('software_similar')
    .select(['software_id', 'similar_id'])
    .where('source', '=', SOURCE)
    .where('software_id', 'in', [...ids.values()])
    .execute()
  const present = new Set(existing.map((link) => `${link.software_id} ${link.similar_id}`))
  for (const link of existing) {
    if (wanted.has(`${link.software_id} ${link.similar_id}`)) continue
    await trx.deleteFrom('software_similar').where('software_id', '=', link.software_id).where('similar_id', '=', link.similar_id).execute()
    changed.add(link.software_id)
  }
  for (const pair of wanted) {
    if (present.has(pair)) continue
    const [software_id, similar_id] = pair.split(' ') as [string, string]
    // A link another source already made stays that source's.
    const result = await trx
      .insertInto('software_similar')
      .values({ software_id, similar_id, source: SOURCE })
      .onConflict((oc) => oc.columns(['software_id', 'similar_id']).doNothing())
      .executeTakeFirst()
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) changed.add(software_id)
  }
  return changed
}

/** Records the change-log lines not recorded yet, and links earlier ones to software found since. */
async function writeChanges(trx: Kysely<DB>, changes: SillChange[], ids: Map<string, string>): Promise<number> {
  let recorded = 0
  for (const change of changes) {
    const row = await trx
      .insertInto('software_change')
      .values({
        software_id: change.sillId ? (ids.get(change.sillId) ?? null) : null,
        software_name: change.softwareName,
        kind: change.kind,
        version: change.version,
        comment: change.comment,
        occurred_on: change.occurredOn,
        source: SOURCE,
      })
      .onConflict((oc) =>
        oc
          .columns(['source', 'occurred_on', 'entry_key'])
          .doUpdateSet((eb) => ({ software_id: eb.ref('excluded.software_id') }))
          .where(sql<boolean>`software_change.software_id is distinct from excluded.software_id`),
      )
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .executeTakeFirst()
    if (row?.inserted) recorded++
  }
  return recorded
}
