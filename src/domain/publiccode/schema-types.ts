// Vocabulary of the schema (schema.ts) shared by the decoder and the struct rules: the reference
// describes publiccode.yml as Go structs with go-playground/validator tags, and these types describe
// the same things, so that decoding and validation follow the reference field by field.

export type FieldType =
  | { kind: 'string' }
  | { kind: 'bool' }
  /** A string that must parse as a URL (Go's net/url) to be decoded at all. */
  | { kind: 'url' }
  /** A URL or a list of URLs, read as a list. */
  | { kind: 'urlList' }
  /** `nullableItems`: the Go items are pointers, so a null item stays null instead of becoming zero. */
  | { kind: 'list'; item: FieldType; nullableItems?: boolean }
  | { kind: 'map'; value: FieldType }
  | { kind: 'struct'; fields: readonly Field[] }

export interface Field {
  key: string
  type: FieldType
  /** A Go pointer: absent or null is "nil", which validation tells apart from an empty value. */
  pointer?: boolean
  /** Validation tags, in order; the first failing one is reported. */
  tags?: readonly Tag[]
}

export type Tag =
  | { tag: 'required' }
  | { tag: 'omitempty' }
  | { tag: 'omitnil' }
  /** Applies the following tags to each item of a list or value of a map. */
  | { tag: 'dive' }
  | { tag: 'gt0' }
  | { tag: 'requiredIf'; field: string; value: string }
  | { tag: 'excludedUnless'; field: string; value: string }
  | { tag: 'oneOf'; values: readonly string[] }
  /** A check of a string value; `message` receives the field's display name and the value. */
  | { tag: 'check'; test: (value: string) => boolean; message: (name: string, value: string) => string }
  /** A check of every key of a map. */
  | { tag: 'keys'; test: (key: string) => boolean; message: (name: string) => string }

/** Decoded value: plain data in the shape of the model; undefined stands for absent, null or nil. */
export type Decoded = string | boolean | null | undefined | Decoded[] | { [key: string]: Decoded }

/** Location of a value in the document: mapping keys and sequence indexes. */
export type Path = readonly (string | number)[]
