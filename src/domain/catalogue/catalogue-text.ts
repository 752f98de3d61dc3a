import { andAtTop, parseTsquery, TextIndex } from '../shared/text-index.ts'

/**
 * The catalogue's text search in memory: the published software's words (see TextIndex) and names,
 * matched and ranked as the database would — `@@` or a name close to the words (pg_trgm's `%`), ranked
 * by ts_rank plus the name's similarity.
 */
export interface IndexedText {
  /** The `search` tsvector as text: `'lexeme':1A,5C …`. */
  vector: string
  /** The name, unaccented and lower-cased (`name_plain`). */
  plainName: string
}

/** pg_trgm's default `pg_trgm.similarity_threshold`. */
const SIMILARITY_THRESHOLD = 0.3

export class CatalogueText {
  private readonly words: TextIndex
  private readonly trigrams: ReadonlySet<string>[]

  constructor(texts: readonly IndexedText[]) {
    this.words = new TextIndex(texts.map((text) => text.vector))
    this.trigrams = texts.map((text) => trigramsOf(text.plainName))
  }

  /**
   * The documents the query matches (its lexemes, or a name close to `plain`), with their relevance
   * (ts_rank plus the name's similarity); undefined for a query left to the database: a phrase, an
   * exclusion, or an AND at its top.
   */
  search(query: string, plain: string): Map<number, number> | undefined {
    const tree = parseTsquery(query)
    if (tree === undefined || (tree !== null && andAtTop(tree))) return undefined
    // ts_rank counts every query lexeme a document holds, whether the query matches it or only its name is close.
    const ranks = tree === null ? undefined : this.words.ranks(tree)
    const matched = tree === null ? undefined : this.words.matching(tree)
    const wanted = trigramsOf(plain)
    const found = new Map<number, number>()
    for (let doc = 0; doc < this.trigrams.length; doc++) {
      const similar = similarity(wanted, this.trigrams[doc]!)
      if (matched?.[doc] === 1 || similar >= SIMILARITY_THRESHOLD) found.set(doc, (ranks?.[doc] ?? 0) + similar)
    }
    return found
  }
}

/**
 * pg_trgm's trigrams of a text: each word (letters and digits) padded with two spaces before and
 * one after, cut in three-character windows.
 */
export function trigramsOf(text: string): Set<string> {
  const trigrams = new Set<string>()
  for (const [word] of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const padded = [' ', ' ', ...word, ' ']
    for (let j = 0; j + 3 <= padded.length; j++) trigrams.add(padded.slice(j, j + 3).join(''))
  }
  return trigrams
}

/** pg_trgm's similarity: shared trigrams over all the trigrams of both, in single precision. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const trigram of a) if (b.has(trigram)) shared++
  return Math.fround(shared / (a.size + b.size - shared))
}
