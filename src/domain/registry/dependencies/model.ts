import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parse as parseTomlText, TomlError } from 'smol-toml'
import { FILE_CAP_BYTES } from '../crawled.ts'

export const ecosystems = ['npm', 'pypi', 'maven', 'packagist', 'rubygems', 'go', 'cargo'] as const
export type Ecosystem = (typeof ecosystems)[number]

/** A library a repository declares, as its manifest names it (name normalised per ecosystem). */
export interface Dependency {
  ecosystem: Ecosystem
  name: string
  /** The declared range (`^4.18.2`, `>=2.31,<3`), or the locked version when only a lockfile names it. */
  version: string | null
  scope: 'runtime' | 'dev'
  /** The manifest file it was read from. */
  manifest: string
}

export interface ManifestProblem {
  file: string
  line: number | null
  message: string
}

export interface ManifestReading {
  dependencies: Dependency[]
  problems: ManifestProblem[]
  /** False when the file could not be read as its format at all (syntax error, wrong document). */
  readable: boolean
}

/** Reads one manifest's text; never throws on bad input (a problem says what and where). */
export type ManifestReader = (text: string, file: string) => ManifestReading

/** Most dependencies kept from one manifest: real projects stay far below, generated junk does not. */
export const MAX_DEPENDENCIES_PER_MANIFEST = 2000

/** A collector for one manifest: dependencies in file order, problems, and a bound on both. */
export class Reading {
  readonly dependencies: Dependency[] = []
  readonly problems: ManifestProblem[] = []
  #overflow = false
  #readable = true

  constructor(
    readonly ecosystem: Ecosystem,
    readonly file: string,
  ) {}

  add(name: string, version: string | null, scope: Dependency['scope']): void {
    if (this.dependencies.length >= MAX_DEPENDENCIES_PER_MANIFEST) {
      if (!this.#overflow) this.problem(null, `More than ${MAX_DEPENDENCIES_PER_MANIFEST} dependencies: the rest are ignored.`)
      this.#overflow = true
      return
    }
    const trimmed = version?.trim()
    this.dependencies.push({ ecosystem: this.ecosystem, name, version: trimmed ? trimmed.slice(0, 200) : null, scope, manifest: this.file })
  }

  get full(): boolean {
    return this.#overflow
  }

  problem(line: number | null, message: string): void {
    // A hostile file could hold thousands of bad lines: the first ones say enough.
    if (this.problems.length < 20) this.problems.push({ file: this.file, line, message })
  }

  /** The file is not its format at all: a lockfile beside it may speak instead. */
  unreadable(line: number | null, message: string): void {
    this.#readable = false
    this.problem(line, message)
  }

  result(): ManifestReading {
    return { dependencies: this.dependencies, problems: this.problems, readable: this.#readable }
  }
}

/** The crawl keeps the first FILE_CAP_BYTES of a file: a syntax error at the end may just be that cut. */
function truncationHint(text: string): string {
  return text.length >= FILE_CAP_BYTES ? ' (the file may have been cut at the crawl size cap)' : ''
}

export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** JSON, or a problem with the line V8 reports (`at position N` on Node 20, `line N column M` later). */
export function parseJson(text: string, reading: Reading): Record<string, unknown> | undefined {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const lineColumn = /line (\d+) column/.exec(message)
    const position = /at position (\d+)/.exec(message)
    const line = lineColumn ? Number(lineColumn[1]) : position ? lineAt(text, Number(position[1])) : /end of JSON/.test(message) ? lineAt(text, text.length) : null
    reading.unreadable(line, `Invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '')}${truncationHint(text)}.`)
    return undefined
  }
  if (!isObject(value)) {
    reading.unreadable(1, 'Expected a JSON object.')
    return undefined
  }
  return value
}

export function parseToml(text: string, reading: Reading): Record<string, unknown> | undefined {
  try {
    return parseTomlText(text.replace(/^\uFEFF/, '')) as Record<string, unknown>
  } catch (error) {
    if (error instanceof TomlError) {
      reading.unreadable(error.line, `Invalid TOML: ${error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '')}${truncationHint(text)}.`)
    } else {
      // Deep nesting overflows the parser's stack: a RangeError, still a bad file and not a crash.
      reading.unreadable(null, `Invalid TOML: ${error instanceof Error ? error.message : String(error)}.`)
    }
    return undefined
  }
}

/**
 * XML without entity expansion: `&name;` stays as written, so neither a billion laughs nor an
 * external entity (refused by the parser) reaches anything; numbers stay text (`1.10` is not `1.1`).
 */
const xmlParser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  parseTagValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: true,
  isArray: (name) => name === 'dependency',
})

export function parseXml(text: string, reading: Reading): Record<string, unknown> | undefined {
  try {
    const validation = XMLValidator.validate(text.replace(/^\uFEFF/, ''))
    if (validation !== true) {
      reading.unreadable(validation.err.line, `Invalid XML: ${validation.err.msg}${truncationHint(text)}`)
      return undefined
    }
    const value: unknown = xmlParser.parse(text.replace(/^\uFEFF/, ''))
    if (isObject(value)) return value
    reading.unreadable(null, 'Invalid XML: no element.')
    return undefined
  } catch (error) {
    reading.unreadable(null, `Unreadable XML: ${error instanceof Error ? error.message : String(error)}.`)
    return undefined
  }
}

/** Text of a scalar read from JSON, TOML or XML; undefined for anything else. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  return undefined
}

/** Lines of a line-based manifest, `\r\n` or `\n`, numbered from 1. */
export function lines(source: string): string[] {
  return source.replace(/^\uFEFF/, '').split(/\r?\n/)
}
