import { createRequire } from 'node:module'
import spdxCorrect from 'spdx-correct'
import {
  SPDX_IDS,
  canonicalCase,
  canonicalExpression,
  gnuId,
  joinExpressions,
  parseExpression,
  type LicenceExpression,
} from './expression.ts'

/**
 * How a licence string became an SPDX expression:
 * - `valid`: it already was a canonical SPDX expression;
 * - `normalised`: it was SPDX written loosely (case, deprecated ids such as `GPL-2.0+`, parentheses);
 * - `mapped`: free text mapped by the documented rules below;
 * - `unknown`: no sound mapping, `expression` is null.
 */
export type NormaliseReason = 'valid' | 'normalised' | 'mapped' | 'unknown'

export interface NormalisedLicence {
  expression: string | null
  reason: NormaliseReason
}

const UNKNOWN: NormalisedLicence = { expression: null, reason: 'unknown' }

/**
 * Normalises a declared licence (an SPDX expression or free text such as "MPL 2.0 et EPL 1.0") to a
 * canonical SPDX expression. Rules, chosen so that a mapping never claims more than the text says:
 *
 * - SPDX ids are matched case-insensitively; deprecated ids get their SPDX replacement, so a bare
 *   GNU id or version ("GPL-2.0", "GPL V2.0") is `-only` and `+` / "or later" is `-or-later`.
 * - A licence named without its version ("GPL", "CeCILL", "Apache", "BSD", "Licence Ouverte") is
 *   unknown: the version decides the terms, and no version is assumed. Licences that only ever had one
 *   version (MIT, ISC, CeCILL-B, CeCILL-C, CC0, Unlicense) need none.
 * - "et", "and", "&", "," and ";" join with AND; "ou", "or" and "/" with OR, at lower precedence, as in
 *   SPDX. A comma list such as "LGPL-2.1, LGPL-2.0, LGPL-3.0" names the licences that apply without
 *   saying that the user may choose among them, so it is read as AND: that reading never grants a
 *   choice the licensor may not have offered. The slash is the long-standing shorthand of dual
 *   licensing ("MIT/Apache-2.0"), hence OR.
 * - An expression with any unknown part is unknown as a whole.
 */
export function normaliseLicence(text: string): NormalisedLicence {
  const trimmed = text.trim()
  if (trimmed === '' || PLACEHOLDERS.test(nameKey(trimmed))) return UNKNOWN

  const strict = parseExpression(trimmed)
  if (strict) {
    const expression = canonicalExpression(strict)
    return { expression, reason: expression === trimmed ? 'valid' : 'normalised' }
  }
  const loose = parseExpression(fixCase(trimmed))
  if (loose) return { expression: canonicalExpression(loose), reason: 'normalised' }

  const whole = recogniseName(trimmed)
  if (whole) return { expression: whole, reason: 'mapped' }

  const parsed = parseFreeText(trimmed)
  return parsed ? { expression: canonicalExpression(parsed), reason: 'mapped' } : UNKNOWN
}

/** Strings that say there is no (known) licence. */
const PLACEHOLDERS = /^(?:n a|na|none|unknown|inconnue?|aucune?|proprietary|proprietaire|unlicensed|public domain|domaine public|see license\b.*)$/

/** Rewrites SPDX ids and operators written in the wrong case, so that the strict parser accepts them. */
function fixCase(text: string): string {
  return text.replace(/[A-Za-z0-9][A-Za-z0-9.+-]*/g, (word) => {
    if (/^(?:and|or|with)$/i.test(word)) return word.toUpperCase()
    const plus = word.endsWith('+')
    const id = canonicalCase(plus ? word.slice(0, -1) : word)
    return id ? id + (plus ? '+' : '') : word
  })
}

// "or" inside "or later" / "ou toute version ultérieure" is part of a licence name, not a choice.
const LATER = String.raw`(?:any\s+|toute\s+(?:autre\s+)?(?:version\s+)?|une\s+version\s+)?(?:later|newer|greater|higher|ult[ée]rieure|sup[ée]rieure|plus\s+r[ée]cente)\b`
const OR_SEPARATOR = new RegExp(String.raw`\s+(?:or|ou)\s+(?!${LATER})|\s*\/\s*`, 'i')
const AND_SEPARATOR = /\s+(?:and|et|&)\s+|\s*[,;]\s*/i

function parseFreeText(text: string): LicenceExpression | null {
  const alternatives: LicenceExpression[] = []
  for (const alternative of text.split(OR_SEPARATOR)) {
    const parts: LicenceExpression[] = []
    for (const part of alternative.split(AND_SEPARATOR)) {
      const node = parsePart(part.trim().replace(/^\((.*)\)$/, '$1'))
      if (!node) return null
      parts.push(node)
    }
    const joined = joinExpressions(parts, 'and')
    if (!joined) return null
    alternatives.push(joined)
  }
  return joinExpressions(alternatives, 'or')
}

function parsePart(part: string): LicenceExpression | null {
  if (part === '') return null
  const strict = parseExpression(fixCase(part))
  if (strict) return strict
  const name = recogniseName(part)
  const canonical = name === undefined ? guardedCorrection(part) : name
  return canonical ? parseExpression(canonical) : null
}

/**
 * A comparable form of a licence name: lower case without accents, "licence" spelt "license",
 * versions without trailing ".0" and without a "v"/"version" prefix, filler words dropped.
 * "GPL V2.0" → "gpl 2", "Apache License, Version 2.0" → "apache license 2", "CeCILL-B" → "cecill b".
 */
function nameKey(text: string): string {
  const tokens =
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/licen[cs]/g, 'licens')
      .match(/\d+(?:\.\d+)*|[a-z]+|\+/g) ?? []
  const kept: string[] = []
  tokens.forEach((token, i) => {
    const next = tokens[i + 1] ?? ''
    const beforeNumber = /^\d/.test(next)
    if (token === 'the' || token === 'version' || token === 'licensed') return
    if (token === 'v' && beforeNumber) return
    if (/^\d/.test(token)) kept.push(token.replace(/(?:\.0)+$/, ''))
    else kept.push(beforeNumber && token.length > 2 && token.endsWith('v') ? token.slice(0, -1) : token)
  })
  return kept.join(' ')
}

const withoutLicenseWord = (key: string): string =>
  key
    .split(' ')
    .filter((token) => token !== 'license' && token !== 'licenses')
    .join(' ')

/** Keys of every SPDX id and licence name, for names written by hand. Ambiguous keys map to nothing. */
const NAME_KEYS = ((): ReadonlyMap<string, string | null> => {
  const list: Readonly<Record<string, { name: string }>> = createRequire(import.meta.url)('spdx-license-list')
  const keys = new Map<string, string | null>()
  const add = (key: string, expression: string): void => {
    if (key === '') return
    const known = keys.get(key)
    keys.set(key, known === undefined || known === expression ? expression : null)
  }
  const names = new Map<string, string[]>(Object.entries(list).map(([id, { name }]) => [id, [id, name]]))
  for (const id of SPDX_IDS) if (!names.has(id)) names.set(id, [id])
  for (const [id, spellings] of names) {
    const parsed = parseExpression(id)
    if (!parsed) continue
    const expression = canonicalExpression(parsed)
    for (const spelling of spellings) {
      add(nameKey(spelling), expression)
      add(withoutLicenseWord(nameKey(spelling)), expression)
    }
  }
  return keys
})()

/**
 * Common names that are not SPDX names. Each names one licence with one version: "Expat" is Debian's
 * name for MIT; "BSD 3" and the misnomer "BSD-3.0" mean the 3-clause BSD (BSD licences are counted in
 * clauses, they have no version 3.0); CC0 only ever had version 1.0.
 */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['expat', 'MIT'],
  ['bsd 2', 'BSD-2-Clause'],
  ['simplified bsd', 'BSD-2-Clause'],
  ['freebsd', 'BSD-2-Clause'],
  ['bsd 3', 'BSD-3-Clause'],
  ['new bsd', 'BSD-3-Clause'],
  ['revised bsd', 'BSD-3-Clause'],
  ['modified bsd', 'BSD-3-Clause'],
  ['bsd 4', 'BSD-4-Clause'],
  ['asl 2', 'Apache-2.0'],
  ['apache software 2', 'Apache-2.0'],
  ['cc 0', 'CC0-1.0'],
  ['cc zero', 'CC0-1.0'],
])

const GNU_FAMILIES: ReadonlyMap<string, 'GPL' | 'LGPL' | 'AGPL' | 'GFDL'> = new Map([
  ['gpl', 'GPL'],
  ['general public', 'GPL'],
  ['lgpl', 'LGPL'],
  ['lesser gpl', 'LGPL'],
  ['lesser general public', 'LGPL'],
  ['library gpl', 'LGPL'],
  ['library general public', 'LGPL'],
  ['agpl', 'AGPL'],
  ['affero gpl', 'AGPL'],
  ['affero general public', 'AGPL'],
  ['fdl', 'GFDL'],
  ['gfdl', 'GFDL'],
  ['free documentation', 'GFDL'],
])
const GNU_ONLY = /^(?:only|seulement|uniquement)?$/
const GNU_LATER = /^(?:\+|(?:or|ou|and|et) (?:any |toute (?:autre )?|une )?(?:later|newer|greater|higher|ulterieure|superieure|plus recente)|later)$/

/** GNU licences: family, version and "only" / "or later" written any way; no version is no licence. */
function recogniseGnu(key: string): string | null | undefined {
  const tokens = withoutLicenseWord(key)
    .split(' ')
    .filter((token) => token !== 'gnu')
  const at = tokens.findIndex((token) => /^\d/.test(token))
  const family = GNU_FAMILIES.get((at < 0 ? tokens : tokens.slice(0, at)).join(' '))
  if (!family) return undefined
  const version = tokens[at]
  if (at < 0 || !version || !/^\d(?:\.\d)?$/.test(version)) return null
  const rest = tokens.slice(at + 1).join(' ')
  const suffix = GNU_LATER.test(rest) ? 'or-later' : GNU_ONLY.test(rest) ? 'only' : null
  const id = `${family}-${version.includes('.') ? version : `${version}.0`}-${suffix}`
  return suffix && SPDX_IDS.has(id) ? id : null
}

/** CeCILL: "CeCILL v2.1", "CeCILL-B", "licence CeCILL-C"; plain CeCILL needs its version. */
function recogniseCecill(key: string): string | null | undefined {
  const stripped = withoutLicenseWord(key)
  if (!/^cecill\b/.test(stripped)) return undefined
  const match = /^cecill(?: ([bc]))?(?: (1|1\.1|2|2\.1))?$/.exec(stripped)
  if (!match) return null
  const [, variant, version] = match
  if (variant) return version === undefined || version === '1' ? `CECILL-${variant.toUpperCase()}` : null
  return version ? `CECILL-${version.includes('.') ? version : `${version}.0`}` : null
}

/** Licence Ouverte / Open Licence by Etalab: only version 2.0 has an SPDX id. */
function recogniseEtalab(key: string): string | null | undefined {
  const stripped = withoutLicenseWord(key)
  if (!/\b(?:etalab|ouverte)\b|^open(?: 2)?$/.test(stripped)) return undefined
  return /^(?:(?:etalab|ouverte|open) )+2$/.test(stripped) ? 'etalab-2.0' : null
}

/**
 * One licence name: an SPDX or common name first, then the family rules. Returns an SPDX expression;
 * null when the name is ambiguous or of a known family without a sound mapping (no version, a version
 * that does not exist); undefined when not recognised at all.
 */
function recogniseName(text: string): string | null | undefined {
  const key = nameKey(text)
  for (const candidate of [key, withoutLicenseWord(key)]) {
    const known = ALIASES.get(candidate) ?? NAME_KEYS.get(candidate)
    if (known !== undefined) return known
  }
  for (const rule of [recogniseGnu, recogniseCecill, recogniseEtalab]) {
    const result = rule(key)
    if (result !== undefined) return result
  }
  return undefined
}

/**
 * spdx-correct catches misspellings but also guesses ("GPL" → GPL-3.0-or-later, "EUPL" → UPL-1.0,
 * "BSD-3.0" → BSD-2-Clause). Its answer is kept only when it invents neither a version nor a family,
 * and never for the families whose versions the rules above already decide.
 */
function guardedCorrection(part: string): string | null {
  const corrected = spdxCorrect(part, { upgrade: true })
  if (!corrected || gnuId(corrected) || /^(?:CECILL|etalab)/i.test(corrected)) return null
  const input = nameKey(part).split(' ')
  const output = nameKey(corrected).split(' ')
  const numbers = (tokens: string[]): string[] => tokens.filter((token) => /^\d/.test(token))
  const inventsVersion = numbers(output).some((number) => !numbers(input).includes(number))
  return inventsVersion || output[0] !== input[0] ? null : corrected
}
