/**
 * Where each field of a software came from, and the rule that protects what people wrote: an
 * enrichment (Wikidata, Comptoir du Libre, the registry) sets a field only when it is empty or was set
 * by an automatic source; a value a person set is never overwritten by one.
 */
export const fieldSources = ['manual', 'sill', 'wikidata', 'comptoir', 'registry'] as const
export type FieldSource = (typeof fieldSources)[number]
export type EnrichmentSource = Extract<FieldSource, 'wikidata' | 'comptoir' | 'registry'>
export const enrichmentSources: readonly EnrichmentSource[] = ['wikidata', 'comptoir', 'registry']

/** The fields of a software that enrichments may fill. */
export const enrichableFields = ['description_fr', 'description_en', 'logo_url', 'website', 'repository_url', 'licence', 'latest_version', 'latest_release_on'] as const
export type EnrichableField = (typeof enrichableFields)[number]

/** By field, the source of its value (the `field_sources` column). */
export type FieldSources = Partial<Record<EnrichableField, FieldSource>>

/**
 * Descriptions written in the SILL are its referents' prose: an automatic source's one-line summary
 * (Wikidata's "office suite") must not replace them, even though the SILL itself is imported.
 */
const CURATED_BY_SILL: ReadonlySet<EnrichableField> = new Set(['description_fr', 'description_en'])

export type FieldValue = string | null | undefined

function isEmpty(value: FieldValue): boolean {
  return value === null || value === undefined || value.trim() === ''
}

/** The `field_sources` column as stored, keeping only known fields and sources (it is jsonb: anything may be there). */
export function readFieldSources(value: unknown): FieldSources {
  const sources: FieldSources = {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return sources
  for (const field of enrichableFields) {
    const source = (value as Record<string, unknown>)[field]
    if ((fieldSources as readonly unknown[]).includes(source)) sources[field] = source as FieldSource
  }
  return sources
}

/**
 * The source of a field's value. A value written before sources were recorded is the SILL's on a
 * row the SILL owns, and a person's otherwise: when in doubt, a value is protected.
 */
export function sourceOf(software: { sill_id: string | null }, sources: FieldSources, field: EnrichableField, value: FieldValue): FieldSource | null {
  if (isEmpty(value)) return null
  return sources[field] ?? (software.sill_id !== null ? 'sill' : 'manual')
}

/** Whether an enrichment may write `field`, given its current value and recorded source: any automatic source may replace another's value. */
export function mayEnrich(software: { sill_id: string | null }, sources: FieldSources, field: EnrichableField, value: FieldValue): boolean {
  const source = sourceOf(software, sources, field, value)
  if (source === null) return true
  if (source === 'manual') return false
  if (source === 'sill' && CURATED_BY_SILL.has(field)) return false
  return true
}

export interface EnrichmentPlan {
  /** The fields to write, with their new values. */
  changes: Partial<Record<EnrichableField, string>>
  /** The field sources after the writes. */
  sources: FieldSources
  /** Fields the source had a different value for, kept because a person (or the SILL's prose) set them. */
  kept: EnrichableField[]
}

/**
 * What an enrichment writes: each value the source offers goes to a field it may write and where it
 * changes something; the field is then recorded as the source's. A source that no longer offers a
 * value clears nothing (a gap in Wikidata is not a reason to lose a link).
 */
export function planEnrichment(
  software: { sill_id: string | null } & Partial<Record<EnrichableField, FieldValue>>,
  storedSources: unknown,
  by: EnrichmentSource,
  offered: Partial<Record<EnrichableField, FieldValue>>,
): EnrichmentPlan {
  const sources = readFieldSources(storedSources)
  const changes: EnrichmentPlan['changes'] = {}
  const kept: EnrichableField[] = []
  // A release day belongs to its version: it is not set beside a version the source may not write.
  const versionKept = Boolean(offered.latest_version?.trim()) && !mayEnrich(software, sources, 'latest_version', software.latest_version)
  for (const field of enrichableFields) {
    const value = offered[field]?.trim()
    if (!value || (field === 'latest_release_on' && versionKept)) continue
    const current = software[field]
    if (!mayEnrich(software, sources, field, current)) {
      if (current?.trim() !== value) kept.push(field)
      continue
    }
    if (current?.trim() !== value) changes[field] = value
    // The source confirms a value an automatic source wrote: it is now the one that vouches for it.
    sources[field] = by
  }
  return { changes, sources, kept }
}

/**
 * The sources after `source` set `fields`: a person (add and edit forms, 'manual': protected from
 * enrichments from now on), or the SILL's import.
 */
export function markedAs(storedSources: unknown, fields: readonly EnrichableField[], source: FieldSource): FieldSources {
  const sources = readFieldSources(storedSources)
  for (const field of fields) sources[field] = source
  return sources
}
