// Applies the schema's validation tags the way go-playground/validator does for the reference:
// tags run in order and the first failing one is the field's only error; a nil pointer fails at
// once on its first tag unless that tag is `omitempty`, `omitnil` or a `required…`/`excluded…` one;
// nested structs are validated when their field's tags pass.
import type { Decoded, Field, FieldType, Path, Tag } from '../schema-types.ts'

export interface StructIssue {
  path: Path
  message: string
}

type Parent = { readonly [key: string]: Decoded }

/** Tags that check the value, as opposed to those steering the checks (omitempty, omitnil, dive). */
type CheckingTag = Exclude<Tag, { tag: 'omitempty' | 'omitnil' | 'dive' }>

/** Validates a decoded struct (absent means the zero struct) against its fields. */
export function validateStruct(fields: readonly Field[], value: Decoded, path: Path, issues: StructIssue[]): void {
  const struct = isStruct(value) ? value : {}
  for (const field of fields) {
    validateField(field, struct[field.key], struct, [...path, field.key], field.key, issues)
  }
}

interface Slot {
  type: FieldType
  pointer?: boolean | undefined
  tags?: readonly Tag[] | undefined
}

function validateField(slot: Slot, value: Decoded, parent: Parent, path: Path, name: string, issues: StructIssue[]): void {
  const tags = slot.tags ?? []
  const isNil = slot.pointer === true && (value === undefined || value === null)
  if (isNil) {
    const first = tags[0]
    if (first === undefined || first.tag === 'omitempty' || first.tag === 'omitnil' || first.tag === 'dive') return
    if (!RUNS_ON_NIL.has(first.tag)) {
      issues.push({ path, message: messageOf(first, slot.type, name, value) })
      return
    }
  }
  for (const [index, tag] of tags.entries()) {
    switch (tag.tag) {
      case 'omitempty':
        if (!hasValue(slot, value)) return
        continue
      case 'omitnil':
        if (isNil) return
        continue
      case 'dive':
        diveInto(slot.type, value, tags.slice(index + 1), path, name, issues)
        return
      default:
        if (!passes(tag, slot, value, parent)) {
          issues.push({ path, message: messageOf(tag, slot.type, name, value) })
          return
        }
    }
  }
  if (slot.type.kind === 'struct' && !isNil) validateStruct(slot.type.fields, value, path, issues)
}

// go-playground runs these on nil pointers instead of failing straight away.
const RUNS_ON_NIL = new Set<Tag['tag']>(['required', 'requiredIf', 'excludedUnless'])

function diveInto(type: FieldType, value: Decoded, tags: readonly Tag[], path: Path, name: string, issues: StructIssue[]): void {
  if (Array.isArray(value)) {
    const itemType: FieldType = type.kind === 'list' ? type.item : { kind: 'url' }
    const pointer = type.kind === 'urlList' || (type.kind === 'list' && type.nullableItems === true)
    for (const [index, item] of value.entries()) {
      validateField({ type: itemType, pointer, tags }, item, {}, [...path, index], `${name}[${index}]`, issues)
    }
  } else if (isStruct(value) && type.kind === 'map') {
    for (const [key, item] of Object.entries(value)) {
      validateField({ type: type.value, tags }, item, {}, [...path, key], `${name}[${key}]`, issues)
    }
  }
}

function hasValue(slot: Slot, value: Decoded): boolean {
  if (value === undefined || value === null) return false
  if (slot.pointer === true) return true
  if (typeof value === 'string') return value !== ''
  if (typeof value === 'boolean') return value
  return true
}

function passes(tag: CheckingTag, slot: Slot, value: Decoded, parent: Parent): boolean {
  switch (tag.tag) {
    case 'required':
      return hasValue(slot, value)
    case 'requiredIf':
      return parent[tag.field] !== tag.value || hasValue(slot, value)
    case 'excludedUnless':
      return parent[tag.field] === tag.value || !hasValue(slot, value)
    case 'gt0':
      return lengthOf(value) > 0
    case 'oneOf':
      return tag.values.includes(typeof value === 'string' ? value : '')
    case 'check':
      return tag.test(typeof value === 'string' ? value : '')
    case 'keys':
      return Object.keys(isStruct(value) ? value : {}).every((key) => tag.test(key))
  }
}

function lengthOf(value: Decoded): number {
  if (typeof value === 'string') return [...value].length
  if (Array.isArray(value)) return value.length
  return isStruct(value) ? Object.keys(value).length : 0
}

function messageOf(tag: CheckingTag, type: FieldType, name: string, value: Decoded): string {
  switch (tag.tag) {
    case 'required':
      return `${name} is a required field`
    case 'requiredIf':
      return `${name} is a required field when "${tag.field}" is "${tag.value}"`
    case 'excludedUnless':
      return `${name} must not be present unless "${tag.field}" is "${tag.value}"`
    case 'gt0':
      return type.kind === 'string' ? `${name} must be greater than 0 characters in length` : `${name} must contain more than 0 items`
    case 'oneOf':
      return `${name} must be one of the following: ${formatChoices(tag.values)}`
    case 'check':
      return tag.message(name, typeof value === 'string' ? value : '')
    case 'keys':
      return tag.message(name)
  }
}

/** `"a", "b" or "c"`, as the reference words the choices. */
function formatChoices(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`)
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '')
}

function isStruct(value: Decoded): value is { [key: string]: Decoded } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
