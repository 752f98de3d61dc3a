/**
 * The catalogue's text search in memory, with PostgreSQL's own answers: the database stems and
 * unaccents (each software's `search` tsvector, the query's tsquery), this index matches and ranks
 * them exactly as `@@`, `ts_rank` and pg_trgm's `%` and `similarity` do — so a search reads no table.
 *
 * It answers the queries the search box makes of plain words: lexemes joined by AND and OR. A query
 * with a phrase (`<->`) or an exclusion (`!`), or one that is an AND at its top (where ts_rank ranks
 * by the words' distances), is left to the database (`undefined`).
 */

/**
 * The documents holding one lexeme, and the lexeme's contribution to ts_rank in each (see
 * calc_rank_or in PostgreSQL's tsrank.c); typed arrays, as a catalogue holds some hundred thousand.
 */
interface Postings {
  docs: Int32Array
  terms: Float64Array
}

export interface IndexedText {
  /** The `search` tsvector as text: `'lexeme':1A,5C …`. */
  vector: string
  /** The name, unaccented and lower-cased (`name_plain`). */
  plainName: string
}

/** ts_rank's default weights of D, C, B and A positions. */
const WEIGHTS: Record<string, number> = { D: 0.1, C: 0.2, B: 0.4, A: 1 }
/** pg_trgm's default `pg_trgm.similarity_threshold`. */
const SIMILARITY_THRESHOLD = 0.3

export type TsQuery = { lexeme: string } | { op: '&' | '|'; left: TsQuery; right: TsQuery }

export class TextIndex {
  private readonly postings = new Map<string, Postings>()
  private readonly trigrams: ReadonlySet<string>[]

  constructor(texts: readonly IndexedText[]) {
    const building = new Map<string, { docs: number[]; terms: number[] }>()
    texts.forEach((text, doc) => {
      for (const [lexeme, positions] of parseTsvector(text.vector)) {
        let list = building.get(lexeme)
        if (!list) building.set(lexeme, (list = { docs: [], terms: [] }))
        list.docs.push(doc)
        list.terms.push(rankTerm(positions))
      }
    })
    for (const [lexeme, { docs, terms }] of building) this.postings.set(lexeme, { docs: Int32Array.from(docs), terms: Float64Array.from(terms) })
    this.trigrams = texts.map((text) => trigramsOf(text.plainName))
  }

  /**
   * The documents the query matches (its lexemes, or a name close to `plain`), with their relevance
   * (ts_rank plus the name's similarity); undefined for a query this index leaves to the database.
   */
  search(query: string, plain: string): Map<number, number> | undefined {
    const tree = parseTsquery(query)
    if (tree === undefined || (tree !== null && 'op' in tree && tree.op === '&')) return undefined
    // ts_rank counts every query lexeme a document holds, whether the query matches it or only its name is close.
    const count = this.trigrams.length
    const sums = new Float64Array(count)
    const holds = new Uint8Array(count)
    const lexemes = tree === null ? [] : [...new Set(lexemesOf(tree))]
    for (const lexeme of lexemes) {
      const postings = this.postings.get(lexeme)
      if (!postings) continue
      for (let i = 0; i < postings.docs.length; i++) {
        sums[postings.docs[i]!]! += postings.terms[i]!
        holds[postings.docs[i]!] = 1
      }
    }
    // A query of ORs matches what holds any of its lexemes; one with ANDs is evaluated.
    const matched = tree !== null && hasAnd(tree) ? this.matching(tree) : undefined
    const wanted = trigramsOf(plain)
    const ranks = new Map<number, number>()
    for (let doc = 0; doc < count; doc++) {
      const similar = similarity(wanted, this.trigrams[doc]!)
      if ((matched ? matched.has(doc) : holds[doc] === 1) || similar >= SIMILARITY_THRESHOLD) ranks.set(doc, (lexemes.length ? sums[doc]! / lexemes.length : 0) + similar)
    }
    return ranks
  }

  private matching(tree: TsQuery): Set<number> {
    if ('lexeme' in tree) return new Set(this.postings.get(tree.lexeme)?.docs)
    const left = this.matching(tree.left)
    const right = this.matching(tree.right)
    if (tree.op === '|') {
      for (const doc of right) left.add(doc)
      return left
    }
    return new Set([...left].filter((doc) => right.has(doc)))
  }
}

const hasAnd = (tree: TsQuery): boolean => 'op' in tree && (tree.op === '&' || hasAnd(tree.left) || hasAnd(tree.right))

function lexemesOf(tree: TsQuery): string[] {
  return 'lexeme' in tree ? [tree.lexeme] : [...lexemesOf(tree.left), ...lexemesOf(tree.right)]
}

/**
 * One lexeme's part of ts_rank (normalisation 0) in one document: its positions' weights, the
 * heaviest counted whole and the others by 1/n², over π²/6, as calc_rank_or computes it.
 */
function rankTerm(weights: readonly string[]): number {
  // A lexeme stored without positions counts as one position of weight D.
  const list = weights.length ? weights : ['D']
  let sum = 0
  let heaviest = -1
  let at = 0
  list.forEach((weight, j) => {
    const w = WEIGHTS[weight]!
    sum += w / ((j + 1) * (j + 1))
    if (w > heaviest) {
      heaviest = w
      at = j
    }
  })
  return (heaviest + sum - heaviest / ((at + 1) * (at + 1))) / 1.64493406685
}

/** A lexeme as written between quotes in a tsvector or tsquery: quotes and backslashes doubled. */
const unquoted = (text: string) => text.replaceAll("''", "'").replaceAll('\\\\', '\\')

/** `'lexeme':1A,5C 'other':2` → each lexeme's position weights, in position order. */
export function parseTsvector(text: string): Map<string, string[]> {
  const lexemes = new Map<string, string[]>()
  const entry = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g
  for (const [, quoted, positions] of text.matchAll(entry)) {
    const weights = positions ? positions.split(',').map((position) => /[A-D]$/.exec(position)?.[0] ?? 'D') : []
    lexemes.set(unquoted(quoted!), weights)
  }
  return lexemes
}

/**
 * A tsquery's text as a tree of lexemes, AND and OR (AND binds tighter); null for an empty query
 * (only stop words); undefined for what this index leaves to the database (phrases, NOT, weights, prefixes).
 */
export function parseTsquery(text: string): TsQuery | null | undefined {
  const tokens = [...text.matchAll(/'((?:[^']|'')*)'(:[*A-D]+)?|<\d*-?>|[&|!()]|\S/g)]
  if (tokens.length === 0) return null
  if (tokens.some(([token, , suffix]) => suffix || token.startsWith('<') || token === '!')) return undefined
  let i = 0
  const primary = (): TsQuery | undefined => {
    const token = tokens[i++]
    if (!token) return undefined
    if (token[0] === '(') {
      const inner = or()
      return tokens[i++]?.[0] === ')' ? inner : undefined
    }
    return token[1] === undefined ? undefined : { lexeme: unquoted(token[1]) }
  }
  const binary = (op: '&' | '|', operand: () => TsQuery | undefined) => (): TsQuery | undefined => {
    let left = operand()
    while (left && tokens[i]?.[0] === op) {
      i++
      const right = operand()
      left = right && { op, left, right }
    }
    return left
  }
  const or = binary('|', binary('&', primary))
  const tree = or()
  return i === tokens.length ? tree : undefined
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
