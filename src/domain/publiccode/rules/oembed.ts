// Videos must be hosted by an oEmbed provider: the URL must match one of the providers' URL schemes.
// This is a syntactic check; fetching the oEmbed data is a network concern.
import { OEMBED_SCHEMES } from '../data/oembed-schemes.ts'

const patterns = OEMBED_SCHEMES.map(
  (scheme) => new RegExp(`^${scheme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*/g, '.*')}$`),
)

export function isOembedUrl(url: string): boolean {
  return patterns.some((pattern) => pattern.test(url))
}
