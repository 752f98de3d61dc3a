// Keys and positions of issues, in the reference's notation: `a.b[0].c` for fields and list items,
// and `description[en-GB]` for map keys that are not all letters (`description.en` otherwise).
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Pair } from 'yaml'
import type { Path } from './schema-types.ts'

export function formatKey(path: Path): string {
  let key = ''
  for (const segment of path) {
    if (typeof segment === 'number') key += `[${segment}]`
    else if (key === '') key = segment
    else key += /^[A-Za-z]+$/.test(segment) ? `.${segment}` : `[${segment}]`
  }
  return key
}

export interface Position {
  line: number
  column: number
}

const keyText = (key: unknown): string => (isScalar(key) ? (typeof key.value === 'string' ? key.value : String(key.source)) : '')

/**
 * Where a path points in the document: the key of its last mapping segment or its last list item.
 * A path leading to something absent points at the deepest part that exists, as the reference does.
 */
export function locate(root: Node, path: Path, lines: LineCounter): Position {
  let node: Node | null = root
  let found: Node = root
  for (const segment of path) {
    if (typeof segment === 'number') {
      const item: unknown = isSeq(node) ? node.items[segment] : undefined
      if (!item || typeof item !== 'object') break
      node = item as Node
      found = node
    } else {
      const pair: Pair | undefined = isMap(node) ? node.items.find((entry) => keyText(entry.key) === segment) : undefined
      if (!pair || !isScalar(pair.key)) break
      found = pair.key
      node = (pair.value as Node | null) ?? null
    }
  }
  return positionOf(found, lines)
}

export function positionOf(node: Node, lines: LineCounter): Position {
  const { line, col } = lines.linePos(node.range?.[0] ?? 0)
  return { line, column: col }
}

/**
 * The key written on a line (the first one, in document order), the way the reference names the
 * field of a decoding error from the line the YAML library reports: a list item starting on the
 * line is named before the keys inside it.
 */
export function findKeyAtLine(node: unknown, line: number, prefix: string, lines: LineCounter): string {
  const lineOf = (item: Node) => lines.linePos(item.range?.[0] ?? 0).line
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = keyText(pair.key)
      const key = prefix === '' ? name : `${prefix}.${name}`
      if (isScalar(pair.key) && lineOf(pair.key) === line) return key
      const inner = findKeyAtLine(pair.value, line, key, lines)
      if (inner !== '') return inner
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const key = `${prefix}[${index}]`
      if (item && typeof item === 'object' && lineOf(item as Node) === line) return key
      const inner = findKeyAtLine(item, line, key, lines)
      if (inner !== '') return inner
    }
  }
  return ''
}
