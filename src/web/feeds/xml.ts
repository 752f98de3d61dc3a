// Characters XML 1.0 allows (§2.2): tabs, line ends and every code point from U+0020 except the
// surrogates (lone ones included: the `u` flag reads them as code points) and U+FFFE, U+FFFF.
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu
const PLAIN = /^[\w\-./:%~+=?,;@ ]*$/
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text or an attribute value, safe inside XML: escaped, and without the characters XML cannot hold. */
export function xmlText(value: string): string {
  // Most values are addresses and plain words: nothing to do, and sitemaps write hundreds of thousands.
  if (PLAIN.test(value)) return value
  return value.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** An element with escaped text content and attributes. */
export function element(name: string, content: string | null | undefined, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${xmlText(value)}"`)
    .join('')
  return content === null || content === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${xmlText(content)}</${name}>`
}
