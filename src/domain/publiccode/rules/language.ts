// BCP 47 language tags, the two ways the reference checks them:
// - description keys (`isStrictLanguageTag`): the reference's strict rule, which only accepts a tag
//   written in its canonical registered form (no `en_GB`, no `eng` for `en`);
// - availableLanguages (`isLanguageTag`): golang.org/x/text's parser, which also accepts what it can
//   canonicalise (`en_GB`, `eng`) but rejects unknown subtags.
// Languages come from x/text's table; scripts and regions from the runtime's ICU data, which
// covers the same registries.
import { IANA_EXTLANGS, IANA_M49_REGIONS, IANA_VARIANTS } from '../data/bcp47-registry.ts'
import { THREE_LETTER_ALIASES, THREE_LETTER_LANGUAGES, TWO_LETTER_LANGUAGES } from '../data/languages.ts'
import { isCountryCode } from './country.ts'

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })
const scriptNames = new Intl.DisplayNames(['en'], { type: 'script', fallback: 'none' })
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })

const twoLetterOfIso3 = new Map(
  [...TWO_LETTER_LANGUAGES].flatMap(([code, iso3]) => (iso3 === null ? [] : [[iso3, code] as const])),
)

/** x/text's ParseBase: the canonical form of a primary language subtag, or null when unknown. */
function canonicalLanguage(subtag: string): string | null {
  const code = subtag.toLowerCase()
  if (code.length === 2) return TWO_LETTER_LANGUAGES.has(code) ? code : null
  if (code.length !== 3) return null
  if (THREE_LETTER_LANGUAGES.has(code)) return code
  const alias = THREE_LETTER_ALIASES.get(code) ?? twoLetterOfIso3.get(code)
  if (alias !== undefined) return alias
  return languageNames.of(code) === undefined ? null : code
}

function isKnownScript(script: string): boolean {
  const titleCase = script.charAt(0).toUpperCase() + script.slice(1).toLowerCase()
  return /^Qa[a-b][a-x]$/.test(titleCase) || scriptNames.of(titleCase) !== undefined
}

function isKnownRegion(region: string): boolean {
  if (/^\d{3}$/.test(region)) return IANA_M49_REGIONS.has(region)
  // Private-use codes (AA, QM–QZ, XA–XZ, ZZ) are valid region subtags.
  if (/^(aa|q[m-z]|x[a-z]|zz)$/i.test(region)) return true
  return isCountryCode(region.toUpperCase()) || regionNames.of(region.toUpperCase()) !== undefined
}

/** Whether a registered prefix requirement (e.g. `sl` for `nedis`) is met by the whole tag. */
function hasPrefix(tag: string, prefixes: readonly string[]): boolean {
  return prefixes.length === 0 || prefixes.some((prefix) => `${tag.toLowerCase()}-`.startsWith(prefix.toLowerCase()))
}

const GRANDFATHERED_OR_PRIVATE =
  /^(?:EN-GB-OED|I-(?:AMI|BNN|DEFAULT|ENOCHIAN|HAK|KLINGON|LUX|MINGO|NAVAJO|PWN|TAO|TAY|TSU)|SGN-BE-FR|SGN-BE-NL|SGN-CH-DE|ART-LOJBAN|CEL-GAULISH|NO-BOK|NO-NYN|ZH-(?:GUOYU|HAKKA|MIN|MIN-NAN|XIANG)|X(?:-[A-Z0-9]{1,8})+)$/
const LANGUAGE_TAG = new RegExp(
  '^((?:[A-Z]{2,3}(?:-[A-Z]{3}){0,3})|[A-Z]{4}|[A-Z]{5,8})' + // language and extended languages
    '(?:-([A-Z]{4}))?' + // script
    '(?:-([A-Z]{2}|[0-9]{3}))?' + // region
    '(?:-((?:[A-Z0-9]{5,8}|[0-9][A-Z0-9]{3})(?:-(?:[A-Z0-9]{5,8}|[0-9][A-Z0-9]{3}))*))?' + // variants
    '(?:-((?:[A-WYZ0-9](?:-[A-Z0-9]{2,8})+)(?:-(?:[A-WYZ0-9](?:-[A-Z0-9]{2,8})+))*))?' + // extensions
    '(?:-X(?:-[A-Z0-9]{1,8})+)?$', // private use
)

interface TagParts {
  languages: string[]
  script: string | undefined
  region: string | undefined
  variants: string[]
}

function splitTag(upperTag: string): TagParts | 'private' | null {
  if (GRANDFATHERED_OR_PRIVATE.test(upperTag)) return 'private'
  const match = LANGUAGE_TAG.exec(upperTag)
  if (!match) return null
  return {
    languages: (match[1] ?? '').split('-'),
    script: match[2],
    region: match[3],
    variants: match[4]?.split('-') ?? [],
  }
}

/** Shared checks of script, region and variants; `strictVariants` also demands their prefixes. */
function hasKnownSubtags(tag: string, parts: TagParts, strictVariants: boolean): boolean {
  if (parts.script !== undefined && !isKnownScript(parts.script)) return false
  if (parts.region !== undefined && !isKnownRegion(parts.region)) return false
  return parts.variants.every((variant) => {
    const prefixes = IANA_VARIANTS[variant.toLowerCase()]
    return prefixes !== undefined && (!strictVariants || hasPrefix(tag, prefixes))
  })
}

/** The reference's strict BCP 47 rule, applied to the language keys of `description`. */
export function isStrictLanguageTag(tag: string): boolean {
  const parts = splitTag(tag.toUpperCase())
  if (parts === 'private') return true
  if (parts === null) return false
  const [base = '', ...extlangs] = parts.languages
  if (base.length > 3 || canonicalLanguage(base)?.toUpperCase() !== base) return false
  const extlangsOk = extlangs.every((extlang) => {
    const prefix = IANA_EXTLANGS.get(extlang.toLowerCase())
    return prefix !== undefined && hasPrefix(tag, [prefix])
  })
  return extlangsOk && hasKnownSubtags(tag, parts, true)
}

/** golang.org/x/text's language.Parse succeeding, as `bcp47_language_tag` requires. */
export function isLanguageTag(tag: string): boolean {
  const parts = splitTag(tag.replaceAll('_', '-').toUpperCase())
  if (parts === 'private') return true
  if (parts === null) return false
  const [base = '', ...extlangs] = parts.languages
  if (base.length > 3 || canonicalLanguage(base) === null) return false
  return extlangs.every((extlang) => canonicalLanguage(extlang) !== null) && hasKnownSubtags(tag, parts, false)
}
