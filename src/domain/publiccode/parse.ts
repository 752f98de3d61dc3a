// From raw input to a YAML syntax tree, refusing what a hostile or broken file can do to a YAML
// parser: too large, not UTF-8, binary, nested deeper than any publiccode.yml needs.
import { CST, isCollection, isPair, LineCounter, Lexer, parseAllDocuments, type Alias, type Document, type Node } from 'yaml'

export const DEFAULT_MAX_BYTES = 1024 * 1024

// A publiccode.yml nests about six levels. The bound leaves room for odd formatting while keeping
// the parser (recursive, and quadratic on some deep inputs) far from its limits.
const MAX_NESTING = 200

export interface Problem {
  message: string
  line: number | null
  column: number | null
}

export interface ParsedYaml {
  /** Root node of the first document. */
  root: Node
  lines: LineCounter
  /** The node an alias stands for. */
  resolveAlias: (alias: Alias) => Node | undefined
}

export type ParseOutcome = { ok: true; yaml: ParsedYaml } | { ok: false; problem: Problem }

const fail = (message: string, line: number | null = null, column: number | null = null): ParseOutcome => ({
  ok: false,
  problem: { message, line, column },
})

/** Decodes and parses a publiccode.yml given as text or bytes. */
export function parseYaml(input: string | Uint8Array, maxBytes: number, fileName: string): ParseOutcome {
  const text = decodeInput(input, maxBytes, fileName)
  if (typeof text !== 'string') return text

  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.exec(text)
  if (control) {
    const { line, col } = positionOf(text, control.index)
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    return fail(`${fileName} contains the control character U+${code}: it is binary data, not YAML`, line, col)
  }
  if (text.trim() === '') return fail(`${fileName} is empty`)

  const tooDeep = findExcessiveNesting(text)
  if (tooDeep !== null) {
    const { line, col } = positionOf(text, tooDeep)
    return fail(`${fileName} is nested more than ${MAX_NESTING} levels deep`, line, col)
  }

  const lines = new LineCounter()
  const docs = parseAllDocuments(text, {
    version: '1.2',
    schema: 'core',
    intAsBigInt: true,
    uniqueKeys: true,
    merge: true,
    prettyErrors: false,
    lineCounter: lines,
  })
  // An input with no document at all (only comments) parses as an empty stream.
  const documents: Document[] = Array.isArray(docs) ? docs : []
  for (const doc of documents) {
    const [error] = doc.errors
    if (error) {
      const { line, col } = lines.linePos(error.pos[0])
      return fail(error.message, line, col)
    }
  }
  // Like the reference, only the first document of a stream is read.
  const doc = documents[0]
  const root = doc?.contents ?? null
  if (doc === undefined || root === null) return fail(`${fileName} holds no YAML value`)
  return { ok: true, yaml: { root, lines, resolveAlias: indexAnchors(root) } }
}

function decodeInput(input: string | Uint8Array, maxBytes: number, fileName: string): string | ParseOutcome {
  const tooLarge = () => fail(`${fileName} is larger than the limit of ${formatBytes(maxBytes)}`)
  if (typeof input === 'string') {
    // A UTF-16 code unit takes at least one UTF-8 byte, so counting bytes is only needed near the limit.
    if (input.length > maxBytes) return tooLarge()
    if (input.length * 3 > maxBytes && new TextEncoder().encode(input).length > maxBytes) return tooLarge()
    // Lone surrogates cannot come from UTF-8: the text was decoded from something else.
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(input)) {
      return fail('Invalid UTF-8')
    }
    return input.startsWith('\uFEFF') ? input.slice(1) : input
  }
  if (input.length > maxBytes) return tooLarge()
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input)
  } catch {
    return fail('Invalid UTF-8')
  }
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}

/**
 * Bounds the nesting with the lexer alone (linear, no recursion): a line nests at most as deep as
 * its indentation, plus its block indicators (`- - x`), plus the open flow collections.
 * Returns the offset where the bound is exceeded, or null.
 */
function findExcessiveNesting(text: string): number | null {
  let offset = 0
  let flowDepth = 0
  let lineDepth = 0
  let atLineStart = true
  let inScalar = false
  for (const token of new Lexer().lex(text)) {
    const start = offset
    offset += token.length
    if (inScalar) {
      // The token after a scalar marker is the scalar's text, which may span several lines.
      inScalar = false
      if (token.endsWith('\n')) {
        atLineStart = true
        lineDepth = 0
      }
      continue
    }
    switch (CST.tokenType(token)) {
      case 'scalar':
        inScalar = true
        break
      case 'newline':
        atLineStart = true
        lineDepth = 0
        continue
      case 'space':
        if (atLineStart) lineDepth += token.length
        break
      case 'flow-map-start':
      case 'flow-seq-start':
        flowDepth++
        break
      case 'flow-map-end':
      case 'flow-seq-end':
        flowDepth = Math.max(0, flowDepth - 1)
        break
      case 'seq-item-ind':
      case 'explicit-key-ind':
      case 'map-value-ind':
        if (flowDepth === 0) lineDepth++
        break
    }
    atLineStart = atLineStart && CST.tokenType(token) === 'space'
    if (lineDepth + flowDepth > MAX_NESTING) return start
  }
  return null
}

/** 1-based line and column of an offset, for the problems found before the YAML parser runs. */
function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, col: offset - lineStart + 1 }
}

/**
 * Alias resolution through an index of the anchors, built in one pass. The YAML library's own
 * resolution walks the whole document for each alias, which a file made of many aliases turns into
 * quadratic work. An alias stands for the last node with its anchor that precedes it.
 */
function indexAnchors(root: Node): (alias: Alias) => Node | undefined {
  const anchors = new Map<string, Node[]>()
  const pending: unknown[] = [root]
  while (pending.length > 0) {
    const item = pending.pop()
    if (isPair(item)) pending.push(item.key, item.value)
    else if (isCollection(item)) pending.push(...item.items)
    if (item && typeof item === 'object' && 'anchor' in item && typeof item.anchor === 'string') {
      const nodes = anchors.get(item.anchor) ?? []
      nodes.push(item as Node)
      anchors.set(item.anchor, nodes)
    }
  }
  for (const nodes of anchors.values()) nodes.sort((a, b) => start(a) - start(b))
  return (alias) => {
    const offset = start(alias)
    let found: Node | undefined
    for (const node of anchors.get(alias.source) ?? []) {
      if (start(node) > offset) break
      found = node
    }
    return found
  }
}

const start = (node: Node): number => node.range?.[0] ?? 0
