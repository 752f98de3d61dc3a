// YAML syntax tree → plain data, following the schema the way the reference's YAML library
// (goccy/go-yaml, strict mode) decodes into Go structs, because which problems get reported, and
// where, depends on it:
// - a scalar given where a string is expected is printed the Go way; other mismatches are type errors;
// - within a struct, decoding goes on after an error but only the first error is kept, and the
//   struct, list or map holding an error is dropped by its parent (the top level keeps the rest);
// - unknown keys are an error, reported only when the struct has no type error.
import { isAlias, isMap, isScalar, isSeq, Scalar, type Alias, type Node } from 'yaml'
import { parseGoUrl } from './go-url.ts'
import { plainText, scalarToGoString } from './go-scalar.ts'
import type { Decoded, Field, FieldType } from './schema-types.ts'

// Aliases let a small file stand for a huge document ("billion laughs"); no publiccode.yml
// comes near this many values.
export const MAX_DECODED_VALUES = 100_000

export interface DecodeError {
  kind: 'type' | 'unknown-field' | 'other'
  message: string
  /** Offset in the source of the node the error is about. */
  offset: number
}

export type DecodedStruct = { [key: string]: Decoded }

export interface DecodeOutcome {
  value: DecodedStruct
  /** The reference reports a single decoding error: the first one met. */
  error: DecodeError | null
  /** Set when alias expansion went past MAX_DECODED_VALUES; the value is then incomplete. */
  tooLarge: boolean
}

type Step<T extends Decoded = Decoded> = { value: T; error: DecodeError | null }

class TooManyValues extends Error {}

/** Decodes the root mapping of a publiccode.yml against the top-level fields. */
export function decodeDocument(root: Node, fields: readonly Field[], resolve: (alias: Alias) => Node | undefined): DecodeOutcome {
  const decoder = new Decoder(resolve)
  try {
    const { value, error } = decoder.struct(root, fields)
    return { value, error, tooLarge: false }
  } catch (error) {
    if (error instanceof TooManyValues) return { value: {}, error: null, tooLarge: true }
    throw error
  }
}

const ok = <T extends Decoded>(value: T): Step<T> => ({ value, error: null })
const start = (node: Node): number => node.range?.[0] ?? 0
const typeError = (node: Node): DecodeError => ({ kind: 'type', message: 'wrong type for this field', offset: start(node) })

function isNull(node: Node | null | undefined): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null)
}

class Decoder {
  private decoded = 0

  constructor(private readonly resolveAlias: (alias: Alias) => Node | undefined) {}

  private deref(node: Node): Node | null {
    if (++this.decoded > MAX_DECODED_VALUES) throw new TooManyValues()
    return isAlias(node) ? (this.resolveAlias(node) ?? null) : node
  }

  value(source: Node, type: FieldType): Step {
    const node = this.deref(source)
    if (node === null || isNull(node)) return ok(zero(type))
    switch (type.kind) {
      case 'string':
        return this.string(node)
      case 'bool':
        return isScalar(node) && typeof node.value === 'boolean' ? ok(node.value) : { value: undefined, error: typeError(node) }
      case 'url':
        return this.url(node)
      case 'urlList':
        return this.urlList(node)
      case 'list':
        return this.list(node, type.item, type.nullableItems === true)
      case 'map':
        return this.map(node, type.value)
      case 'struct':
        return this.struct(node, type.fields)
    }
  }

  private string(node: Node): Step {
    if (!isScalar(node) || node.value === null) return { value: undefined, error: typeError(node) }
    return ok(scalarToGoString(node.value, plainText(node)))
  }

  private url(node: Node): Step {
    const text = this.string(node)
    if (text.error || typeof text.value !== 'string') return text
    const parsed = parseGoUrl(text.value)
    if (parsed.ok) return text
    return { value: undefined, error: { kind: 'other', message: `parsing URL "${text.value}": ${parsed.error}`, offset: start(node) } }
  }

  private urlList(node: Node): Step {
    if (isSeq(node)) {
      const list = this.list(node, { kind: 'url' }, true)
      if (!list.error) return list
    }
    const single = this.url(node)
    return single.error ? single : ok([single.value])
  }

  private list(node: Node, item: FieldType, nullableItems: boolean): Step<Decoded[]> {
    if (!isSeq(node)) return { value: [], error: typeError(node) }
    const items: Decoded[] = []
    let error: DecodeError | null = null
    for (const entry of node.items as (Node | null)[]) {
      if (nullableItems && isNull(entry)) {
        items.push(null)
        continue
      }
      const step = entry === null ? ok(zero(item)) : this.value(entry, item)
      if (step.error) error ??= step.error
      else items.push(step.value)
    }
    return { value: items, error }
  }

  private map(node: Node, valueType: FieldType): Step<DecodedStruct> {
    if (!isMap(node)) return { value: {}, error: typeError(node) }
    const entries: DecodedStruct = {}
    let error: DecodeError | null = null
    for (const { key, value } of this.pairs(node)) {
      const name = key.value === null ? 'null' : scalarToGoString(key.value, plainText(key))
      const step = isNull(value) ? ok(zero(valueType)) : this.value(value as Node, valueType)
      if (step.error) error ??= step.error
      else entries[name] = step.value
    }
    return { value: entries, error }
  }

  struct(source: Node, fields: readonly Field[]): Step<DecodedStruct> {
    const node = this.deref(source)
    if (node === null || isNull(node)) return ok({})
    if (!isMap(node)) return { value: {}, error: typeError(node) }
    const entries = new Map<string, { key: Scalar; value: Node | null }>()
    for (const pair of this.pairs(node)) {
      // goccy gives up on the keys of a mapping that has a non-string key, silently.
      if (typeof pair.key.value !== 'string') return ok({})
      entries.set(pair.key.value, pair)
    }
    const value: DecodedStruct = {}
    let error: DecodeError | null = null
    for (const field of fields) {
      const entry = entries.get(field.key)
      if (entry === undefined || isNull(entry.value)) continue
      const step = this.value(entry.value as Node, field.type)
      if (step.error) error ??= step.error
      else value[field.key] = step.value
    }
    if (error) return { value, error }
    for (const [key, entry] of entries) {
      if (!fields.some((field) => field.key === key)) {
        return { value, error: { kind: 'unknown-field', message: `unknown field "${key}"`, offset: start(entry.key) } }
      }
    }
    return ok(value)
  }

  /** Entries of a mapping in document order, `<<` merge keys expanded; scalar keys only. */
  private *pairs(node: Node): Generator<{ key: Scalar; value: Node | null }> {
    if (!isMap(node)) return
    for (const pair of node.items) {
      const key = pair.key as Node | null
      const value = pair.value as Node | null
      if (isScalar(key) && typeof key.value === 'symbol') {
        const merged = value === null ? null : this.deref(value)
        for (const source of merged !== null && isSeq(merged) ? (merged.items as Node[]) : [merged]) {
          const mapping = source === null ? null : this.deref(source)
          if (mapping !== null) yield* this.pairs(mapping)
        }
        continue
      }
      // A non-scalar key reads as a key that is not a string.
      yield { key: isScalar(key) ? key : new Scalar(null), value }
    }
  }
}

/** Go's zero value of a type, in decoded form; absent (undefined) where the model omits it. */
function zero(type: FieldType): Decoded {
  switch (type.kind) {
    case 'string':
    case 'url':
      return ''
    case 'bool':
      return false
    case 'struct':
      return {}
    default:
      return undefined
  }
}
