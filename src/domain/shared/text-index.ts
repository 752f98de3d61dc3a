/**
 * Text search in memory, with PostgreSQL's own answers: the database stems and unaccents (each
 * document's `search` tsvector, the query's tsquery), this index matches and ranks them exactly as
 * `@@` and `ts_rank` do — so that a search the catalogue or the registry keeps in memory reads no table.
 *
 * It answers the queries a search box makes of plain words: lexemes joined by AND and OR
 * (parseTsquery leaves phrases, exclusions, weights and prefixes to the database).
 */

/**
 * The documents holding one lexeme, and the lexeme's contribution to ts_rank in each (see
 * calc_rank_or in PostgreSQL's tsrank.c); typed arrays, as an index holds some hundred thousand.
 */
interface Postings {
  docs: Int32Array
  terms: Float64Array
}

/** ts_rank's default weights of D, C, B and A positions. */
const WEIGHTS: Record<string, number> = { D: 0.1, C: 0.2, B: 0.4, A: 1 }

export type TsQuery = { lexeme: string } | { op: '&' | '|'; left: TsQuery; right: TsQuery }

/** The lexemes of documents, numbered in the order given (their tsvectors as text: `'lexeme':1A,5C …`). */
export class TextIndex {
  private readonly postings = new Map<string, Postings>()

  constructor(vectors: readonly string[]) {
    this.size = vectors.length
    const building = new Map<string, { docs: number[]; terms: number[] }>()
    // A term depends on the positions' weights alone: computed once per pattern of weights.
    const terms = new Map<string, number>()
    vectors.forEach((vector, doc) => {
      eachLexeme(vector, (lexeme, positions) => {
        const weights = positions.replace(/[0-9]+/g, '')
        let term = terms.get(weights)
        if (term === undefined) terms.set(weights, (term = rankTerm(weightsOf(positions))))
        let list = building.get(lexeme)
        if (!list) building.set(lexeme, (list = { docs: [], terms: [] }))
        list.docs.push(doc)
        list.terms.push(term)
      })
    })
    for (const [lexeme, { docs, terms }] of building) this.postings.set(lexeme, { docs: Int32Array.from(docs), terms: Float64Array.from(terms) })
  }

  readonly size: number

  /** The documents a query matches, as `@@` does: a flag per document. */
  matching(tree: TsQuery): Uint8Array {
    const flags = new Uint8Array(this.size)
    this.mark(tree, flags)
    return flags
  }

  /** Flags the documents a query matches (ORs flag into the same array: no array per word). */
  private mark(tree: TsQuery, flags: Uint8Array): void {
    if ('lexeme' in tree) {
      const docs = this.postings.get(tree.lexeme)?.docs
      if (docs) for (const doc of docs) flags[doc] = 1
    } else if (tree.op === '|') {
      this.mark(tree.left, flags)
      this.mark(tree.right, flags)
    } else {
      const left = this.matching(tree.left)
      const right = this.matching(tree.right)
      for (let doc = 0; doc < this.size; doc++) if (left[doc]! & right[doc]!) flags[doc] = 1
    }
  }

  /**
   * ts_rank (normalisation 0) of every document for a query of ORs at its top (calc_rank_or): the
   * query's distinct lexemes' parts summed in single precision, as PostgreSQL does, over their number.
   */
  ranks(tree: TsQuery): Float32Array {
    const sums = new Float32Array(this.size)
    // In PostgreSQL's order of the query's items (byte order), which decides the single-precision sums' roundings.
    const lexemes = [...new Set(lexemesOf(tree))].sort()
    for (const lexeme of lexemes) {
      const postings = this.postings.get(lexeme)
      if (!postings) continue
      for (let i = 0; i < postings.docs.length; i++) sums[postings.docs[i]!]! += postings.terms[i]!
    }
    for (let doc = 0; doc < this.size; doc++) sums[doc] = sums[doc]! / lexemes.length
    return sums
  }
}

/** Whether a query is an AND at its top: ts_rank then ranks by the words' distances, which this index does not. */
export const andAtTop = (tree: TsQuery): boolean => 'op' in tree && tree.op === '&'

export function lexemesOf(tree: TsQuery): string[] {
  return 'lexeme' in tree ? [tree.lexeme] : [...lexemesOf(tree.left), ...lexemesOf(tree.right)]
}

/**
 * One lexeme's part of ts_rank (normalisation 0) in one document: its positions' weights, the
 * heaviest counted whole and the others by 1/n², over π²/6, as calc_rank_or computes it — in single
 * precision (Math.fround) where it does, so that equal ranks stay equal and orders match the database's.
 */
function rankTerm(weights: readonly string[]): number {
  // A lexeme stored without positions counts as one position of weight D.
  const list = weights.length ? weights : ['D']
  const f = Math.fround
  let sum = 0
  let heaviest = -1
  let at = 0
  list.forEach((weight, j) => {
    const w = f(WEIGHTS[weight]!)
    sum = f(sum + f(w / ((j + 1) * (j + 1))))
    if (w > heaviest) {
      heaviest = w
      at = j
    }
  })
  return f(f(heaviest + sum) - f(heaviest / ((at + 1) * (at + 1)))) / 1.64493406685
}

/** A lexeme as written between quotes in a tsvector or tsquery: quotes and backslashes doubled. */
const unquoted = (text: string) => text.replaceAll("''", "'").replaceAll('\\\\', '\\')

/** `'lexeme':1A,5C 'other':2` → each lexeme's position weights, in position order. */
export function parseTsvector(text: string): Map<string, string[]> {
  const lexemes = new Map<string, string[]>()
  eachLexeme(text, (lexeme, positions) => lexemes.set(lexeme, weightsOf(positions)))
  return lexemes
}

/** The weight of each position of `1A,5C,9` (D when unmarked); none for a lexeme without positions. */
const weightsOf = (positions: string) => (positions ? positions.split(',').map((position) => /[A-D]$/.exec(position)?.[0] ?? 'D') : [])

/**
 * Each lexeme of a tsvector's text and its positions' text (`1A,5C`, empty without positions),
 * scanned by hand: an index reads some hundred thousand of them.
 */
function eachLexeme(text: string, visit: (lexeme: string, positions: string) => void): void {
  let at = text.indexOf("'")
  while (at >= 0) {
    // A quote inside a lexeme is doubled.
    let end = text.indexOf("'", at + 1)
    while (text.charCodeAt(end + 1) === 39) end = text.indexOf("'", end + 2)
    if (end < 0) return
    const quoted = text.slice(at + 1, end)
    let positions = ''
    let next = end + 1
    if (text.charCodeAt(next) === 58) {
      const space = text.indexOf(' ', next)
      positions = text.slice(next + 1, space < 0 ? text.length : space)
      next = space < 0 ? text.length : space
    }
    visit(quoted.includes("'") || quoted.includes('\\') ? unquoted(quoted) : quoted, positions)
    at = text.indexOf("'", next)
  }
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
