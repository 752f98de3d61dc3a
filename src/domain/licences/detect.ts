import { gnuOrLater, joinExpressions, parseExpression, renderExpression, type LicenceExpression } from './expression.ts'
import { normaliseLicence } from './normalise.ts'
import { gnuNotices, signatureMatches } from './phrases.ts'
import {
  intersectionSize,
  referenceIndex,
  shingleKeys,
  sortedUnique,
  wordIds,
  type Reference,
} from './reference-index.ts'
import { isLicenceFileName } from './licence-files.ts'
import { joinWords, licenceWords } from './text.ts'

export interface LicenceMatch {
  id: string
  confidence: number
}

export interface LicenceDetection {
  /** SPDX expression, or null when no candidate reaches DETECTION_THRESHOLD. */
  expression: string | null
  /** 0..1: how sure the detector is of `expression` (of the best candidate when it is null). */
  confidence: number
  /** The best candidates, the chosen one first. */
  matches: LicenceMatch[]
}

/**
 * Below this confidence no licence is reported: a wrong licence stated with confidence is worse than
 * none. On the node_modules and Debian licence files (detect-accuracy.test.ts) correct answers score
 * 0.85 and more; a file too unlike any licence text scores well below.
 */
export const DETECTION_THRESHOLD = 0.75

/** A licence text found inside a longer file (README, source file, bundled notices). */
const CONTAINED_CONFIDENCE = 0.92
/** A file that is the opening of a longer licence text, as excerpts are. */
const EXCERPT_CONFIDENCE = 0.85
/** Shingles (about words) an excerpt needs before it can reach EXCERPT_CONFIDENCE. */
const EXCERPT_FULL_SIZE = 150
/** Evidence from phrases.ts: strong, yet below a full-text match. */
const PHRASE_CONFIDENCE = 0.9
/** A licence file holding only a name ("MIT", "Apache-2.0") is taken at its word, a little lower. */
const NAME_ONLY_CONFIDENCE = 0.8

const COVERED_CANDIDATES = 8
const VOTED_CANDIDATES = 3
const MIN_VOTES = 3
/**
 * Candidates this close to the best are near-variants of one another (BSD-3-Clause holds all of
 * BSD-1-Clause, GFDL-1.3 most of GFDL-1.2) or several licences of one file (a LICENSE followed by
 * bundled dependencies' licences). Among them the text met first in the file wins, as the licence of
 * the work itself comes before the ones it bundles, then the text that accounts for more of the file.
 */
const TIE_MARGIN = 0.03
/** How close another text must come to the chosen one (shingles matched, confidence) to be indistinguishable. */
const INDISTINCT = 0.98
const INDISTINCT_CONFIDENCE = 0.002
const AMBIGUOUS_CONFIDENCE = 0.6
/** Shingles apart below which two texts count as starting at the same place. */
const SAME_PLACE = 20
/** Dice coefficient above which the file is a licence text as a whole, not a file that cites one. */
const WHOLE_TEXT = 0.9
/** Shingles of other text that a licence text found in a file may have inside it (see textRegions). */
const MAX_GAP = 12

/** Characters read from a file: a licence, its notices and headers are at the top of much shorter files. */
const MAX_LENGTH = 500_000

const GNU_APPENDIX = ' how to apply these terms to your new '
const SPDX_HEADER = /SPDX-License-Identifier:[ \t]*([^\r\n]*)/gi
// What may follow an expression on its line: a comment's end.
const COMMENT_END = /\s*(?:\*\/|-->|\*\)|#\}|%\}|"""|''').*$/

/** A stretch of a file (start and length in shingles) and how many distinct shingles of a text it holds. */
interface Region {
  start: number
  length: number
  found: number
}

interface Candidate extends LicenceMatch {
  dice: number
  /** Shingles shared with the file. */
  common: number
  /** Where in the file the text starts, in shingles; Infinity for phrase evidence. */
  position: number
}

/**
 * Detects the licence of a file's text: a LICENSE / COPYING file, a README, a source file.
 *
 * 1. The text is compared with the SPDX licence texts (reference-index.ts) and searched for the
 *    phrases of phrases.ts (other languages, standard notices). A licence file (by its name) that
 *    holds nothing but a licence name is read with normaliseLicence.
 * 2. `SPDX-License-Identifier:` headers are declarations and are taken as they are (confidence 1),
 *    unless the file is a whole licence text.
 * 3. GNU "only" or "or later": both share one text. A notice "or (at your option) any later
 *    version", beyond the one in the licence's own "How to Apply" appendix, makes it `-or-later`; a
 *    bare text is reported `-only`, the reading that grants no more than the text shows. Comparisons of
 *    licence identity (tests, facets) treat both as the same licence.
 */
export function detectLicence(fullText: string, fileName?: string): LicenceDetection {
  const text = fullText.slice(0, MAX_LENGTH)
  const words = licenceWords(text)
  const phraseWords = joinWords(words)
  const notices = gnuNotices(phraseWords)
  // Each "How to Apply These Terms" appendix of a GNU licence holds one notice, as an example: only
  // notices beyond those place the work under a licence.
  const ownNotices = notices.length > phraseWords.split(GNU_APPENDIX).length - 1 ? notices : []
  const orLater = new Set(ownNotices.filter((notice) => notice.orLater).map((notice) => notice.id))
  const candidates: Candidate[] = [
    ...textCandidates(words, orLater),
    ...[...signatureMatches(phraseWords), ...ownNotices.map((notice) => notice.id)].map((id) => ({
      id,
      confidence: PHRASE_CONFIDENCE,
      dice: 0,
      common: 0,
      position: Infinity,
    })),
  ]
  if (fileName && isLicenceFileName(fileName) && text.trim().length <= 80) {
    const named = normaliseLicence(text).expression
    if (named) candidates.push({ id: named, confidence: NAME_ONLY_CONFIDENCE, dice: 0, common: 0, position: Infinity })
  }
  const ranked = rank(candidates)
  const best = ranked[0]

  // A licence text may quote identifiers (CAL-1.0 shows one as an example; Community-Spec-1.0 ends
  // with its own text's licence), so a whole licence text outweighs them.
  const declared = spdxHeaders(text)
  if (declared && !(best && best.dice >= WHOLE_TEXT)) {
    return { expression: declared, confidence: 1, matches: [{ id: declared, confidence: 1 }] }
  }
  const matches = ranked
    .slice(0, 5)
    .map(({ id, confidence }) => ({ id, confidence: Math.round(confidence * 1000) / 1000 }))
  return {
    expression: best && best.confidence >= DETECTION_THRESHOLD ? best.id : null,
    confidence: matches[0]?.confidence ?? 0,
    matches,
  }
}

/** All `SPDX-License-Identifier:` values of a text joined with AND, or null when there is none. */
function spdxHeaders(text: string): string | null {
  const expressions: LicenceExpression[] = []
  const seen = new Set<string>()
  for (const match of text.matchAll(SPDX_HEADER)) {
    const expression = normaliseLicence((match[1] ?? '').replace(COMMENT_END, '')).expression
    if (!expression || seen.has(expression)) continue
    seen.add(expression)
    const parsed = parseExpression(expression)
    if (parsed) expressions.push(parsed)
  }
  const joined = joinExpressions(expressions, 'and')
  return joined ? renderExpression(joined) : null
}

function textCandidates(words: readonly string[], orLater: ReadonlySet<string>): Candidate[] {
  const { references, postings, vocabulary } = referenceIndex()
  const ordered = shingleKeys(wordIds(words, vocabulary))
  const file = sortedUnique(ordered)
  if (file.length === 0) return []

  // Votes: how many of each text's indexed shingles the file has. The candidates are the texts the
  // file covers most (whole texts, texts inside longer files) and the most voted (excerpts).
  const votes = new Map<number, number>()
  postings.forEach(file, (reference) => votes.set(reference, (votes.get(reference) ?? 0) + 1))
  const voted = [...votes].filter(([, count]) => count >= MIN_VOTES)
  const coverage = ([reference, count]: [number, number]): number =>
    count / (references[reference] as Reference).indexed
  const chosen = new Set(
    [
      ...voted.sort((a, b) => coverage(b) - coverage(a)).slice(0, COVERED_CANDIDATES),
      ...voted.sort((a, b) => b[1] - a[1]).slice(0, VOTED_CANDIDATES),
    ].map(([reference]) => reference),
  )

  return [...chosen].map((index) => {
    const reference = references[index] as Reference
    return { id: gnuVariant(reference.id, orLater), ...similarity(ordered, file, reference.shingles) }
  })
}

/**
 * Confidence that a file holds a licence text, the best of three readings:
 * - the file is the text: Dice coefficient of the two shingle sets;
 * - the text sits inside a longer file (README, source file, bundled notices): Dice coefficient of
 *   the text and the file region where it is found, lowered by CONTAINED_CONFIDENCE. The region is
 *   compared, not only the text's own shingles, so that a text missing a clause the region has
 *   (0BSD inside an ISC notice) scores lower than the text that has it;
 * - the file is the opening of the text (an excerpt): share of the file found in the text, lowered
 *   by EXCERPT_CONFIDENCE and by the excerpt's shortness.
 */
function similarity(ordered: Int32Array, file: Int32Array, reference: Int32Array): Omit<Candidate, 'id'> {
  const common = intersectionSize(file, reference)
  const dice = (2 * common) / (file.length + reference.length)
  const excerpt = EXCERPT_CONFIDENCE * (common / file.length) ** 2 * Math.min(1, file.length / EXCERPT_FULL_SIZE)
  const regions = textRegions(ordered, reference)
  const largest = regions.reduce((most, region) => Math.max(most, region.found), 0)
  const region = regions.find((candidate) => candidate.found === largest)
  const regionDice = region ? (2 * region.found) / (region.length + reference.length) : 0
  const contained = CONTAINED_CONFIDENCE * regionDice ** 2
  // Where the text starts: its first region about as large as the largest (a LICENSE file that
  // repeats a licence for bundled code starts with the work's own).
  const first = regions.find((candidate) => candidate.found >= 0.9 * largest)
  return { confidence: Math.max(dice, contained, excerpt), dice, common, position: first?.start ?? Infinity }
}

/**
 * The stretches of the file made of this text's shingles: a stretch goes on across gaps of up to
 * MAX_GAP shingles (a changed name, a missing word) and ends at a longer gap.
 */
function textRegions(ordered: Int32Array, reference: Int32Array): Region[] {
  const regions: Region[] = []
  let current: Region | undefined
  let seen = new Set<number>()
  let lastFound = -Infinity
  for (let i = 0; i < ordered.length; i++) {
    const shingle = ordered[i] as number
    if (!binarySearch(reference, shingle)) continue
    if (!current || i - lastFound > MAX_GAP) {
      current = { start: i, length: 0, found: 0 }
      regions.push(current)
      seen = new Set()
    }
    if (!seen.has(shingle)) {
      seen.add(shingle)
      current.found++
    }
    current.length = i - current.start + 1
    lastFound = i
  }
  return regions
}

function binarySearch(sorted: Int32Array, value: number): boolean {
  let low = 0
  let high = sorted.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const found = sorted[middle] as number
    if (found === value) return true
    if (found < value) low = middle + 1
    else high = middle - 1
  }
  return false
}

/** The `-or-later` id of a GNU text when the file has an "or any later version" notice for it. */
function gnuVariant(id: string, orLater: ReadonlySet<string>): string {
  const later = gnuOrLater(id)
  return later && orLater.has(later) ? later : id
}

/**
 * Best candidate per id, the chosen one first (see TIE_MARGIN), then by confidence. When another
 * text at the same place accounts for as much of the file as well, the file cannot tell them apart
 * (the opening shared by Artistic-1.0 and Artistic-1.0-cl8): the chosen one keeps at most
 * AMBIGUOUS_CONFIDENCE, below the threshold.
 */
function rank(candidates: readonly Candidate[]): Candidate[] {
  const byId = new Map<string, Candidate>()
  for (const candidate of candidates) {
    const known = byId.get(candidate.id)
    if (!known || candidate.confidence > known.confidence) byId.set(candidate.id, candidate)
  }
  const sorted = [...byId.values()].sort((a, b) => b.confidence - a.confidence)
  const top = sorted[0]?.confidence ?? 0
  const tied = sorted.filter((candidate) => candidate.confidence >= top - TIE_MARGIN)
  const start = Math.min(...tied.map(({ position }) => position))
  const [chosen, next] = tied
    .filter(({ position }) => position <= start + SAME_PLACE)
    .sort((a, b) => b.common - a.common || b.confidence - a.confidence)
  if (!chosen) return sorted
  const ambiguous =
    next !== undefined &&
    chosen.common > 0 &&
    next.common >= INDISTINCT * chosen.common &&
    next.confidence >= chosen.confidence - INDISTINCT_CONFIDENCE
  const first = ambiguous ? { ...chosen, confidence: Math.min(chosen.confidence, AMBIGUOUS_CONFIDENCE) } : chosen
  return [first, ...sorted.filter((candidate) => candidate !== chosen)]
}
