// PublicCode → publiccode.yml text. Keys come in the standard's order (the schema's), strings are
// quoted wherever a YAML reader could take them for something else (including YAML 1.1 readers and
// the reference's number rules), and multi-line texts are written as block scalars.
import { Document, Scalar, visit } from 'yaml'
import { readsAsGoNumber } from './go-scalar.ts'
import type { PublicCode } from './model.ts'
import { PUBLICCODE } from './schema.ts'
import type { Field, FieldType } from './schema-types.ts'

// Plain scalars that YAML 1.1 reads as booleans or dates, which a reader of the file could misread.
const YAML_1_1_AMBIGUOUS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$/

export function serializePublicCode(document: PublicCode): string {
  const yaml = new Document(ordered(document, { kind: 'struct', fields: PUBLICCODE }), { version: '1.2' })
  visit(yaml, {
    Scalar(_, node) {
      if (typeof node.value !== 'string') return
      if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL
      else if (YAML_1_1_AMBIGUOUS.test(node.value) || readsAsGoNumber(node.value)) node.type = Scalar.QUOTE_DOUBLE
    },
  })
  return yaml.toString({ lineWidth: 100 })
}

/** A copy of `value` whose struct keys follow the schema's order. */
function ordered(value: unknown, type: FieldType): unknown {
  if (Array.isArray(value)) {
    const item: FieldType = type.kind === 'list' ? type.item : { kind: 'string' }
    return value.map((entry) => ordered(entry, item))
  }
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  if (type.kind === 'map') {
    return Object.fromEntries(Object.entries(record).map(([key, entry]) => [key, ordered(entry, type.value)]))
  }
  if (type.kind !== 'struct') return value
  const fields: readonly Field[] = type.fields
  return Object.fromEntries(
    fields.filter((field) => record[field.key] !== undefined).map((field) => [field.key, ordered(record[field.key], field.type)]),
  )
}
