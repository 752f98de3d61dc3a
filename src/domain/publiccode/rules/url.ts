// go-playground/validator's `url` and `http_url`, which the reference applies to its URL fields.
import { parseGoRequestUri, parseGoUrl } from '../go-url.ts'

/** An absolute URL: a scheme and a host (or an opaque part or fragment), or a `file:/` URL. */
export function isUrl(value: string): boolean {
  const s = value.toLowerCase()
  if (s === '') return false
  if (s.startsWith('file:/') && parseGoRequestUri(s).ok) return true
  const parsed = parseGoUrl(s)
  if (!parsed.ok || parsed.url.scheme === '') return false
  const { host, fragment, opaque } = parsed.url
  return host !== '' || fragment !== '' || opaque !== ''
}

/** An absolute `http:` or `https:` URL with a host. */
export function isHttpUrl(value: string): boolean {
  if (!isUrl(value)) return false
  const parsed = parseGoUrl(value.toLowerCase())
  return parsed.ok && parsed.url.host !== '' && (parsed.url.scheme === 'http' || parsed.url.scheme === 'https')
}
