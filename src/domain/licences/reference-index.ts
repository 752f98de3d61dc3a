import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { SPDX_IDS, gnuId } from './expression.ts'
import { licenceWords } from './text.ts'

/**
 * The SPDX licence texts as sets of word 3-grams ("shingles"), built once on first use.
 *
 * Comparing a file against ~700 full texts would be slow, so each text indexes its distinctive
 * shingles (those found in at most MAX_POSTINGS texts, and at least its MIN_INDEXED rarest ones, so
 * that MIT-like texts made only of common shingles are indexed too). A file's shingles vote through
 * this inverted index for a handful of candidates in one pass, and only those candidates are compared
 * exactly (sorted-array intersection).
 */

/** One licence text; identical texts under several SPDX ids (GPL-3.0-only / -or-later) share one. */
export interface Reference {
  /** The id reported for this text (see preferredId). */
  id: string
  /** Shingle hashes, sorted, without duplicates. */
  shingles: Int32Array
  /** How many of the shingles are in the inverted index. */
  indexed: number
}

export interface ReferenceIndex {
  references: readonly Reference[]
  /** Shingle hash → indexes in `references` of the texts that index it. */
  postings: Postings
  /** Word → id, for the words of the reference texts. */
  vocabulary: ReadonlyMap<string, number>
}

const MAX_POSTINGS = 40
const MIN_INDEXED = 60
/**
 * Shorter forms a licence is commonly found in, each indexed as a text of its own under the same id:
 * the GNU licences and Apache-2.0 without their optional "How to apply" appendix (up to and including
 * "END OF TERMS AND CONDITIONS"), and LGPL-3.0 without the GPL-3.0 text that the SPDX copy appends.
 */
const SHORTER_FORMS: readonly { marker: string; keepMarker: boolean }[] = [
  { marker: 'end of terms and conditions', keepMarker: true },
  { marker: 'gnu general public license version 3 29 june 2007', keepMarker: false },
]

/**
 * The inverted index as three flat arrays: the shingles, sorted; where each one's references start;
 * the references. A Map of arrays would hold some 130,000 small objects for the whole life of a
 * crawler that reads one licence file now and then.
 */
export class Postings {
  constructor(
    private readonly shingles: Int32Array,
    private readonly starts: Int32Array,
    private readonly references: Int32Array,
  ) {}

  static from(lists: ReadonlyMap<number, readonly number[]>): Postings {
    const shingles = Int32Array.from(lists.keys()).sort()
    const starts = new Int32Array(shingles.length + 1)
    const references = new Int32Array([...lists.values()].reduce((sum, list) => sum + list.length, 0))
    let at = 0
    shingles.forEach((shingle, i) => {
      starts[i] = at
      for (const reference of lists.get(shingle) as readonly number[]) references[at++] = reference
    })
    starts[shingles.length] = at
    return new Postings(shingles, starts, references)
  }

  /** Calls `visit` with the references of each of `sorted` (sorted shingles), in one forward search. */
  forEach(sorted: Int32Array, visit: (reference: number) => void): void {
    let low = 0
    for (const shingle of sorted) {
      let high = this.shingles.length
      while (low < high) {
        const middle = (low + high) >>> 1
        if ((this.shingles[middle] as number) < shingle) low = middle + 1
        else high = middle
      }
      if (low === this.shingles.length) return
      if (this.shingles[low] !== shingle) continue
      for (let i = this.starts[low] as number; i < (this.starts[low + 1] as number); i++) visit(this.references[i] as number)
    }
  }
}

let index: ReferenceIndex | undefined

export function referenceIndex(): ReferenceIndex {
  index ??= buildIndex()
  return index
}

function buildIndex(): ReferenceIndex {
  // Read, not required: the module cache would keep the 5 MB of texts once the index is built.
  const file = createRequire(import.meta.url).resolve('spdx-license-list/spdx-full.json')
  const full = JSON.parse(readFileSync(file, 'utf8')) as Readonly<Record<string, { licenseText: string }>>
  // Texts as their normalised words joined by spaces → the ids that share them.
  const byText = new Map<string, string[]>()
  for (const [id, { licenseText }] of Object.entries(full)) {
    // The list also holds deprecated ids ("GPL-2.0+", "GPL-2.0-with-classpath-exception").
    if (!SPDX_IDS.has(id)) continue
    const words = licenceWords(licenseText)
    // Some SPDX entries are only a pointer ("insert GPL v2 license text here"): nothing to compare.
    if (words.length < 20) continue
    const text = words.join(' ')
    const ids = byText.get(text)
    if (ids) ids.push(id)
    else byText.set(text, [id])
  }

  const texts: { id: string; text: string }[] = []
  for (const [text, ids] of byText) {
    const id = preferredId(ids)
    texts.push({ id, text })
    for (const { marker, keepMarker } of SHORTER_FORMS) {
      const at = text.indexOf(` ${marker}`)
      if (at > 0) texts.push({ id, text: text.slice(0, keepMarker ? at + marker.length + 1 : at) })
    }
  }

  const vocabulary = new Map<string, number>()
  const wordId = (word: string): number => {
    let id = vocabulary.get(word)
    if (id === undefined) {
      id = vocabulary.size + 1
      vocabulary.set(word, id)
    }
    return id
  }
  const shingleSets = texts.map(({ text }) => sortedUnique(shingleKeys(text.split(' ').map(wordId))))

  const frequency = new Map<number, number>()
  for (const shingles of shingleSets) {
    for (const shingle of shingles) frequency.set(shingle, (frequency.get(shingle) ?? 0) + 1)
  }
  const postings = new Map<number, number[]>()
  const references = texts.map(({ id }, referenceIndex): Reference => {
    const shingles = shingleSets[referenceIndex] as Int32Array
    const rarity = new Int32Array(shingles.length)
    let distinctive: number[] = []
    for (let i = 0; i < shingles.length; i++) {
      rarity[i] = frequency.get(shingles[i] as number) ?? 0
      if ((rarity[i] as number) <= MAX_POSTINGS) distinctive.push(shingles[i] as number)
    }
    if (distinctive.length < MIN_INDEXED) {
      const rarest = Array.from(shingles.keys()).sort((a, b) => (rarity[a] as number) - (rarity[b] as number))
      distinctive = rarest.slice(0, MIN_INDEXED).map((i) => shingles[i] as number)
    }
    for (const shingle of distinctive) {
      const list = postings.get(shingle)
      if (list) list.push(referenceIndex)
      else postings.set(shingle, [referenceIndex])
    }
    return { id, shingles, indexed: distinctive.length }
  })

  return { references, postings: Postings.from(postings), vocabulary }
}

/** A GNU text is reported `-only` (detect.ts decides on `-or-later`), other texts by their shortest id. */
function preferredId(ids: readonly string[]): string {
  const gnu = ids.map(gnuId).find((id) => id !== null)
  if (gnu) return `${gnu.family}-${gnu.version}-only`
  return [...ids].sort((a, b) => a.length - b.length || a.localeCompare(b))[0] ?? ''
}

/** The ids of a text's words; words no reference text has get ids of their own, past the vocabulary. */
export function wordIds(words: readonly string[], vocabulary: ReadonlyMap<string, number>): number[] {
  const unknown = new Map<string, number>()
  return words.map((word) => {
    const known = vocabulary.get(word)
    if (known !== undefined) return known
    let id = unknown.get(word)
    if (id === undefined) {
      id = vocabulary.size + 1 + unknown.size
      unknown.set(word, id)
    }
    return id
  })
}

/**
 * The word 3-grams of a text, in text order, as 30-bit hashes: small integers keep the index and the
 * comparisons fast. Two different 3-grams share a hash once in about a billion, which shifts a
 * similarity by far less than any threshold here.
 */
export function shingleKeys(wordIds: readonly number[]): Int32Array {
  const keys = new Int32Array(Math.max(0, wordIds.length - 2))
  for (let i = 0; i < keys.length; i++) {
    let hash =
      Math.imul(wordIds[i] as number, 0x9e3779b1) ^
      Math.imul(wordIds[i + 1] as number, 0x85ebca77) ^
      Math.imul(wordIds[i + 2] as number, 0xc2b2ae3d)
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d)
    hash = Math.imul(hash ^ (hash >>> 12), 0x297a2d39)
    keys[i] = (hash ^ (hash >>> 15)) & 0x3fffffff
  }
  return keys
}

export function sortedUnique(keys: Int32Array): Int32Array {
  const sorted = Int32Array.from(keys).sort()
  let unique = 0
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i] as number
  }
  return sorted.subarray(0, unique)
}

/** Size of the intersection of two sorted unique arrays. */
export function intersectionSize(a: Int32Array, b: Int32Array): number {
  let i = 0
  let j = 0
  let count = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as number
    const y = b[j] as number
    if (x === y) {
      count++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return count
}
