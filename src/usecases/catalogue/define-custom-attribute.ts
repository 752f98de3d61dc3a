import type { Stores } from '../../adapters/db/stores/index.ts'
import { type AttributeError, readAttributeDefinition } from '../../domain/catalogue/custom-attributes.ts'

type DefinitionForm = { key: string; label_fr: string; label_en: string; kind: string; position: string }

/** An administrator defines one of the deployment's extra software attributes, or changes it. */
export async function defineCustomAttribute(
  stores: Pick<Stores, 'catalogueAdmin' | 'audit'>,
  by: string | null,
  values: DefinitionForm,
): Promise<'done' | { errors: Partial<Record<keyof DefinitionForm, AttributeError>> }> {
  const read = readAttributeDefinition(values)
  if ('errors' in read) return read
  await stores.catalogueAdmin.saveCustomAttribute(read.attribute)
  await stores.audit.record({ agentId: by, action: 'custom-attribute.saved', subjectType: 'custom_attribute', subjectId: read.attribute.key, details: { kind: read.attribute.kind } })
  return 'done'
}

/** An administrator removes an extra attribute, and its values with it. */
export async function removeCustomAttribute(stores: Pick<Stores, 'catalogueAdmin' | 'audit'>, by: string | null, key: string): Promise<boolean> {
  if (!(await stores.catalogueAdmin.deleteCustomAttribute(key))) return false
  await stores.audit.record({ agentId: by, action: 'custom-attribute.removed', subjectType: 'custom_attribute', subjectId: key })
  return true
}
