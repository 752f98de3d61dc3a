import type { Stores } from '../../adapters/db/stores/index.ts'
import type { SoftwareRecord } from '../../adapters/db/stores/software-store.ts'
import { type AttributeError, readAttributeValues } from '../../domain/catalogue/custom-attributes.ts'
import { type EnrichableField, enrichableFields, markedAs } from '../../domain/catalogue/provenance.ts'
import { readSoftwareForm, type SoftwareFields, type SoftwareFormErrors, type SoftwareFormValues } from '../../domain/catalogue/moderation.ts'

export type EditSoftwareResult =
  | { saved: SoftwareRecord }
  | { errors: SoftwareFormErrors; attributeErrors: Record<string, AttributeError> }
  /** The software changed since the form was opened: nothing was written; here is what it holds now. */
  | { stale: SoftwareRecord }
  | 'notFound'

/**
 * A moderator edits a software's fields and custom attributes, from the version their form was
 * opened at: if someone saved in between, the edit is refused and nothing is overwritten.
 */
export async function editSoftware(
  stores: Pick<Stores, 'catalogueAdmin' | 'audit'>,
  by: string | null,
  softwareId: string,
  formVersion: number,
  values: SoftwareFormValues,
  attributeForm: Record<string, unknown>,
): Promise<EditSoftwareResult> {
  const current = await stores.catalogueAdmin.byId(softwareId)
  if (!current) return 'notFound'
  const read = readSoftwareForm(values)
  const attributes = readAttributeValues(await stores.catalogueAdmin.customAttributes(), attributeForm)
  if ('errors' in read || 'errors' in attributes) {
    return { errors: 'errors' in read ? read.errors : {}, attributeErrors: 'errors' in attributes ? attributes.errors : {} }
  }
  if (read.fields.wikidata_id && read.fields.wikidata_id !== current.wikidata_id) {
    const same = await stores.catalogueAdmin.possibleDuplicates({ name: read.fields.name, wikidataId: read.fields.wikidata_id })
    if (same.some((d) => d.reasons.includes('wikidata') && d.slug !== current.slug)) return { errors: { wikidata_id: 'taken' }, attributeErrors: {} }
  }
  const changed = (Object.keys(read.fields) as (keyof SoftwareFields)[]).filter((key) => JSON.stringify(read.fields[key]) !== JSON.stringify(current[key]))
  // What a person changed is theirs from now on: no enrichment overwrites it.
  const setByHand = enrichableFields.filter((field: EnrichableField) => (changed as string[]).includes(field))
  const saved = await stores.catalogueAdmin.edit(softwareId, formVersion, read.fields, attributes.values, markedAs(current.field_sources, setByHand, 'manual'))
  if (!saved) {
    const now = await stores.catalogueAdmin.byId(softwareId)
    return now ? { stale: now } : 'notFound'
  }
  // Which fields changed, not their values: the software's page and history show those.
  if (JSON.stringify(attributes.values) !== JSON.stringify(current.custom_attributes)) changed.push('custom_attributes' as keyof SoftwareFields)
  await stores.audit.record({ agentId: by, action: 'software.edited', subjectType: 'software', subjectId: softwareId, details: { fields: changed, version: saved.version } })
  return { saved }
}
