// URIs identifying organisations (`organisation.uri`, `fundedBy[].uri`) and supported standards
// (`supports[].id`), as the reference checks them.
import { SUPPORT_ALIASES } from '../enums.ts'
import { parseGoRequestUri } from '../go-url.ts'
import { isItalianPaCode } from './italian-pa.ts'

const ITALIAN_PA = 'x-italian-pa:'

/** RFC 2141 URN, as github.com/leodido/go-urn parses it. */
export function isUrn(value: string): boolean {
  const match = /^urn:([A-Za-z0-9][A-Za-z0-9-]{0,31}):((?:[A-Za-z0-9()+,\-.:=@;$_!*'/?#]|%[0-9A-Fa-f]{2})+)$/i.exec(value)
  return match !== null && match[1]?.toLowerCase() !== 'urn'
}

/** Whether a value is meant to name an Italian administration (`urn:x-italian-pa:<codiceIPA>`). */
export function isItalianPaUrn(value: string): boolean {
  return value.startsWith(`urn:${ITALIAN_PA}`)
}

/**
 * An absolute URL with a host, or a URN; a `urn:x-italian-pa:` URN must name a known
 * administration.
 */
export function isOrganisationUri(value: string): boolean {
  const parsed = parseGoRequestUri(value)
  if (!parsed.ok) return false
  const { scheme, opaque, host } = parsed.url
  if (scheme === 'urn') {
    if (!isUrn(value)) return false
    return !opaque.toLowerCase().startsWith(ITALIAN_PA) || isItalianPaCode(opaque.slice(ITALIAN_PA.length))
  }
  return host !== ''
}

/** `alias:<name>` naming a known alias. */
export function isKnownSupportAlias(value: string): boolean {
  return !value.startsWith('alias:') || Object.hasOwn(SUPPORT_ALIASES, value.slice('alias:'.length))
}

/** An alias, or a syntactically valid URI (URL or URN). */
export function isSupportId(value: string): boolean {
  if (value.startsWith('alias:')) return true
  const parsed = parseGoRequestUri(value)
  return parsed.ok && parsed.url.scheme !== ''
}
