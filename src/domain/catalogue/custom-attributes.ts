/**
 * The extra attributes a deployment defines for its software (as catalogi's custom attributes): a key,
 * labels in French and English, and a kind that says how a value is read from a form and shown.
 * Pure rules, no I/O.
 */
import { httpAddress } from './moderation.ts'

export const ATTRIBUTE_KINDS = ['boolean', 'text', 'url'] as const
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number]

export interface CustomAttribute {
  key: string
  label_fr: string
  label_en: string
  kind: AttributeKind
  position: number
}

export type CustomValue = boolean | string

export type AttributeError = 'required' | 'tooLong' | 'invalid'

const KEY = /^[a-z][a-z0-9_]{0,49}$/

/** A definition from a form: its fields, or what is wrong with each. */
export function readAttributeDefinition(values: { key: string; label_fr: string; label_en: string; kind: string; position: string }):
  | { attribute: CustomAttribute }
  | { errors: Partial<Record<keyof typeof values, AttributeError>> } {
  const errors: Partial<Record<keyof typeof values, AttributeError>> = {}
  const key = values.key.trim()
  if (!key) errors.key = 'required'
  else if (!KEY.test(key)) errors.key = 'invalid'
  for (const label of ['label_fr', 'label_en'] as const) {
    const value = values[label].trim()
    if (!value) errors[label] = 'required'
    else if (value.length > 200) errors[label] = 'tooLong'
  }
  if (!(ATTRIBUTE_KINDS as readonly string[]).includes(values.kind)) errors.kind = 'invalid'
  const position = values.position.trim() ? Number(values.position) : 0
  if (!Number.isInteger(position) || Math.abs(position) > 10_000) errors.position = 'invalid'
  if (Object.keys(errors).length > 0) return { errors }
  return { attribute: { key, label_fr: values.label_fr.trim(), label_en: values.label_en.trim(), kind: values.kind as AttributeKind, position } }
}

/**
 * A software's values from a form (`attr_KEY` fields): a boolean is a ticked box, text and addresses
 * are left out when empty. Keys of no defined attribute are dropped.
 */
export function readAttributeValues(
  attributes: readonly CustomAttribute[],
  raw: Record<string, unknown>,
): { values: Record<string, CustomValue> } | { errors: Record<string, AttributeError> } {
  const values: Record<string, CustomValue> = {}
  const errors: Record<string, AttributeError> = {}
  for (const attribute of attributes) {
    const given = raw[`attr_${attribute.key}`]
    const value = typeof given === 'string' ? given.trim() : ''
    if (attribute.kind === 'boolean') {
      values[attribute.key] = value === 'on'
      continue
    }
    if (!value) continue
    if (value.length > 2000) errors[attribute.key] = 'tooLong'
    else if (attribute.kind === 'url') {
      const url = httpAddress(value)
      if (url) values[attribute.key] = url
      else errors[attribute.key] = 'invalid'
    } else values[attribute.key] = value
  }
  return Object.keys(errors).length > 0 ? { errors } : { values }
}

/** The stored values a page shows: those of defined attributes, of the right type, in the attributes' order. */
export function shownAttributes(attributes: readonly CustomAttribute[], stored: unknown): { attribute: CustomAttribute; value: CustomValue }[] {
  const values = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {}
  return attributes.flatMap((attribute): { attribute: CustomAttribute; value: CustomValue }[] => {
    const value = values[attribute.key]
    if (attribute.kind === 'boolean') return typeof value === 'boolean' ? [{ attribute, value }] : []
    return typeof value === 'string' && value ? [{ attribute, value }] : []
  })
}
