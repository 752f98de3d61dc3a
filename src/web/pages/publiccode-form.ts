// The publiccode.yml editor's form: what it holds, read from a file or from a form post, and the
// publiccode.yml it describes.
//
// Field names are the validator's keys (`legal.license`, `maintenance.contacts[0].email`,
// `description.en-GB.features`), so that each issue the validator reports finds its field.
//
// Keys the form does not show are never lost: the file the user loaded travels with the form in a
// hidden field (`original`), and the document is built on top of it. Every key the form shows takes
// the form's value (a field left empty removes its key), every other key stays as it was loaded.
// A field left empty whose key was loaded empty (`categories: []`) keeps it, so that loading a file
// and saving it unchanged gives the same document back.
import { parse } from 'yaml'
import { LATEST_VERSION, serializePublicCode, validatePublicCode, type Issue, type PublicCode, type ValidationResult } from '../../domain/publiccode/index.ts'

/** Single-line fields, by their key in the document. */
const TEXT_KEYS = [
  'name',
  'url',
  'landingURL',
  'logo',
  'softwareVersion',
  'releaseDate',
  'organisation.uri',
  'organisation.name',
  'developmentStatus',
  'softwareType',
  'legal.license',
  'legal.mainCopyrightOwner',
  'maintenance.type',
] as const
type TextKey = (typeof TEXT_KEYS)[number]

/** The keys of `description.<language>` the form shows. */
const DESCRIPTION_KEYS = ['shortDescription', 'longDescription', 'features', 'documentation'] as const

/** The lists of `maintenance` edited as rows, with the keys of each row: every key of the standard. */
export const ROW_KEYS = {
  contacts: ['name', 'email', 'phone', 'affiliation'],
  contractors: ['name', 'until', 'email', 'website'],
} as const
export type RowList = keyof typeof ROW_KEYS
const ROW_LISTS = Object.keys(ROW_KEYS) as RowList[]
type Row = Record<string, string>

/** The languages a new file is described in: the administration's, and English for everyone else. */
const DEFAULT_LANGUAGES = ['fr', 'en']
/** Rows shown for each list, at least; a button adds more. */
const MIN_ROWS = 2
/** Bounds on what a form post can ask the server to render. */
const MAX_ROWS = 50
const MAX_LANGUAGES = 20

/** Names of the fields that are not keys of the document. */
export const FIELD = {
  original: 'original',
  source: 'source',
  action: 'action',
  platformsOther: 'platformsOther',
  descriptionLanguages: 'descriptionLanguages',
} as const

export interface DescriptionForm {
  language: string
  shortDescription: string
  longDescription: string
  features: string[]
  documentation: string
}

export interface EditorForm {
  /** The publiccode.yml loaded ('' when starting empty): the keys the form does not show come from it. */
  original: string
  text: Record<TextKey, string>
  platforms: string[]
  categories: string[]
  descriptions: DescriptionForm[]
  rows: Record<RowList, Row[]>
  localisationReady: boolean
  availableLanguages: string[]
}

/** What a post of the editor asks for. */
export type EditorAction = 'load' | 'generate' | `add-${RowList}`

export interface Generated {
  yaml: string
  result: ValidationResult
}

export const descriptionField = (language: string, key: string) => `description.${language}.${key}`
export const rowField = (list: RowList, index: number, key: string) => `maintenance.${list}[${index}].${key}`

type Data = Record<string, unknown>

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value)
const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
const unique = (values: string[]) => [...new Set(values)]
const isLanguageTag = (value: string) => /^[A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value)

/** A scalar as the text of a field: files may hold numbers or booleans where the standard wants text. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : ''
}

function asTextList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(asText).filter((item) => item !== '') : []
}

function at(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), data)
}

/**
 * The document a file holds, as plain data to build on: the validator's reading when the file is
 * valid (numbers read as the reference reads them), otherwise a plain YAML reading, so that an
 * invalid file can still be loaded and fixed. Nothing when the file cannot be read at all.
 */
function baseDocument(original: string): Data {
  if (original.trim() === '') return {}
  const result = validatePublicCode(original)
  if (result.document) return structuredClone(result.document) as unknown as Data
  if (result.errors.some((issue) => issue.key === '')) return {}
  try {
    const data: unknown = parse(original, { version: '1.2' })
    return isRecord(data) ? data : {}
  } catch {
    return {}
  }
}

function padRows(rows: Row[]): Row[] {
  const empty = (list: Row[]) => Array.from({ length: Math.max(0, MIN_ROWS - list.length) }, () => ({}))
  return [...rows, ...empty(rows)]
}

/** The form filled in from a publiccode.yml's text ('' for an empty form). */
function formOf(original: string): EditorForm {
  const base = baseDocument(original)
  const text = (key: string) => asText(at(base, key.split('.')))
  const descriptions = at(base, ['description'])
  const languages = unique([...DEFAULT_LANGUAGES, ...Object.keys(isRecord(descriptions) ? descriptions : {}).filter(isLanguageTag)]).slice(0, MAX_LANGUAGES)
  const rows = (list: RowList) => {
    const items = at(base, ['maintenance', list])
    const read = Array.isArray(items) ? items.filter(isRecord).map((item) => Object.fromEntries(ROW_KEYS[list].map((key) => [key, asText(item[key])]))) : []
    return padRows(read.slice(0, MAX_ROWS))
  }
  return {
    original,
    text: Object.fromEntries(TEXT_KEYS.map((key) => [key, text(key)])) as Record<TextKey, string>,
    platforms: asTextList(base.platforms),
    categories: asTextList(base.categories),
    descriptions: languages.map((language) => ({
      language,
      shortDescription: text(descriptionField(language, 'shortDescription')),
      longDescription: text(descriptionField(language, 'longDescription')),
      features: asTextList(at(base, ['description', language, 'features'])),
      documentation: text(descriptionField(language, 'documentation')),
    })),
    rows: { contacts: rows('contacts'), contractors: rows('contractors') },
    localisationReady: at(base, ['localisation', 'localisationReady']) === true,
    availableLanguages: asTextList(at(base, ['localisation', 'availableLanguages'])),
  }
}

export const emptyForm = (): EditorForm => formOf('')

/**
 * The form filled in from a file the user gives. A file that cannot be read at all (not YAML, too
 * large…) gives an empty form and the reason; it is not carried along.
 */
export function loadForm(source: string): { form: EditorForm; unreadable: Issue | null } {
  const unreadable = source.trim() === '' ? null : (validatePublicCode(source).errors.find((issue) => issue.key === '') ?? null)
  return { form: formOf(unreadable ? '' : source), unreadable }
}

/** A url-encoded form's values: one string per name, or several for repeated names (checkboxes). */
export type FormBody = Record<string, string | string[] | undefined>

/** Reads a post's body leniently: anything missing or malformed is an empty value. */
export function formBody(body: unknown): FormBody {
  return isRecord(body) ? (body as FormBody) : {}
}

/** A posted value, with the browser's CRLF line breaks as the LF of the file. */
export function posted(body: FormBody, name: string): string {
  const value = body[name]
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first.replace(/\r\n?/g, '\n') : ''
}

function postedAll(body: FormBody, name: string): string[] {
  const value = body[name]
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string' && item !== '')
}

const line = (body: FormBody, name: string) => posted(body, name).trim()
const lines = (text: string) => text.split('\n').filter((item) => item !== '')
const commaList = (text: string) => text.split(/[\s,]+/).filter(Boolean)

export function postedAction(body: FormBody): EditorAction {
  const action = posted(body, FIELD.action)
  return action === 'load' || action === 'add-contacts' || action === 'add-contractors' ? action : 'generate'
}

/** The form as posted: rows as they were shown, empty ones included. */
export function readForm(body: FormBody): EditorForm {
  const languages = unique([...DEFAULT_LANGUAGES, ...commaList(posted(body, FIELD.descriptionLanguages)).filter(isLanguageTag)]).slice(0, MAX_LANGUAGES)
  const rows = (list: RowList) => {
    const read: Row[] = []
    while (read.length < MAX_ROWS && body[rowField(list, read.length, 'name')] !== undefined) {
      const index = read.length
      read.push(Object.fromEntries(ROW_KEYS[list].map((key) => [key, line(body, rowField(list, index, key))])))
    }
    return read
  }
  return {
    original: posted(body, FIELD.original),
    text: Object.fromEntries(TEXT_KEYS.map((key) => [key, line(body, key)])) as Record<TextKey, string>,
    platforms: unique([...postedAll(body, 'platforms'), ...commaList(posted(body, FIELD.platformsOther))]),
    categories: unique(postedAll(body, 'categories')),
    // Descriptions are multi-line texts whose spaces and line breaks belong to the file: not trimmed.
    descriptions: languages.map((language) => ({
      language,
      shortDescription: posted(body, descriptionField(language, 'shortDescription')),
      longDescription: posted(body, descriptionField(language, 'longDescription')),
      features: lines(posted(body, descriptionField(language, 'features'))),
      documentation: line(body, descriptionField(language, 'documentation')),
    })),
    rows: { contacts: rows('contacts'), contractors: rows('contractors') },
    localisationReady: posted(body, 'localisation.localisationReady') === 'true',
    availableLanguages: commaList(posted(body, 'localisation.availableLanguages')),
  }
}

/** The form with one more empty row in a list. */
export function withRow(form: EditorForm, list: RowList): EditorForm {
  const rows = form.rows[list].length < MAX_ROWS ? [...form.rows[list], {}] : form.rows[list]
  return { ...form, rows: { ...form.rows, [list]: rows } }
}

/** A row's keys that were filled in. */
function filled(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''))
}

/**
 * The form as the document sees it: rows left empty dropped (and the minimum of empty rows added
 * back at the end), so that the validator's row numbers are the rows shown.
 */
export function compacted(form: EditorForm): EditorForm {
  const rows = (list: RowList) => padRows(form.rows[list].filter((row) => Object.keys(filled(row)).length > 0))
  return { ...form, rows: { contacts: rows('contacts'), contractors: rows('contractors') } }
}

/**
 * Sets `path` to the form's value. An empty value removes the key (and the objects it leaves
 * empty), unless the key already held an empty value, which is kept as the file had it.
 */
function put(target: Data, path: readonly string[], value: unknown): void {
  const [key, ...rest] = path as [string, ...string[]]
  if (rest.length === 0) {
    if (!isEmpty(value)) target[key] = value
    else if (!isEmpty(target[key])) delete target[key]
    return
  }
  const current = target[key]
  const child = isRecord(current) ? current : {}
  const wasEmpty = isRecord(current) && Object.keys(current).length === 0
  put(child, rest, value)
  if (Object.keys(child).length > 0 || wasEmpty) target[key] = child
  else delete target[key]
}

/** The values chosen, those the file had first and in its order: re-saving a file keeps its lists. */
function inFileOrder(before: unknown, chosen: string[]): string[] {
  const kept = Array.isArray(before) ? before.filter((item): item is string => typeof item === 'string' && chosen.includes(item)) : []
  return unique([...kept, ...chosen])
}

/** The document the form describes, on top of the file it was loaded from. */
export function buildDocument(form: EditorForm): PublicCode {
  const document = baseDocument(form.original)
  document.publiccodeYmlVersion = LATEST_VERSION
  for (const key of TEXT_KEYS) put(document, key.split('.'), form.text[key])
  put(document, ['platforms'], inFileOrder(document.platforms, form.platforms))
  put(document, ['categories'], inFileOrder(document.categories, form.categories))
  for (const description of form.descriptions) {
    for (const key of DESCRIPTION_KEYS) put(document, ['description', description.language, key], description[key])
  }
  for (const list of ROW_LISTS) put(document, ['maintenance', list], form.rows[list].map(filled).filter((row) => Object.keys(row).length > 0))
  put(document, ['localisation', 'localisationReady'], form.localisationReady)
  put(document, ['localisation', 'availableLanguages'], form.availableLanguages)
  // Whatever the form holds: the validator, not this type, judges the document.
  return document as unknown as PublicCode
}

/** The publiccode.yml the form describes, and the validator's verdict on it. */
export function generate(form: EditorForm): Generated {
  const yaml = serializePublicCode(buildDocument(form))
  return { yaml, result: validatePublicCode(yaml) }
}

/** Groups of fields an issue can be shown on when it is about no single field. */
const GROUPS = ['platforms', 'categories', 'organisation', 'description', 'legal', 'maintenance', 'localisation']

/** The names of every field and group of the form, which issues are shown next to. */
export function issueTargets(form: EditorForm): Set<string> {
  return new Set([
    ...TEXT_KEYS,
    ...GROUPS,
    'localisation.localisationReady',
    'localisation.availableLanguages',
    ...form.descriptions.flatMap(({ language }) => [`description.${language}`, ...DESCRIPTION_KEYS.map((key) => descriptionField(language, key))]),
    ...ROW_LISTS.flatMap((list) => [
      `maintenance.${list}`,
      ...form.rows[list].flatMap((_, index) => ROW_KEYS[list].map((key) => rowField(list, index, key))),
    ]),
  ])
}

/**
 * The field or group an issue belongs to: its key, or the nearest enclosing one the form has
 * (`description.en.features[2]` → `description.en.features`, `description.en.videos[0]` →
 * `description.en`). Null for keys the form has nothing for (a problem of the whole file…).
 */
export function issueTarget(key: string, targets: ReadonlySet<string>): string | null {
  // `description[en-GB].features[0]` → description, en-GB, features, 0
  const segments = [...key.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)].map(([, name, bracket]) => name ?? (/^\d+$/.test(bracket!) ? Number(bracket) : bracket!))
  for (let length = segments.length; length > 0; length--) {
    const name = segments.slice(0, length).map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('')
    if (targets.has(name)) return name
  }
  return null
}
