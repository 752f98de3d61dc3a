// The parts of Go's net/url parser that the reference validator's URL rules depend on. The WHATWG
// URL parser of JavaScript accepts and normalises different things, so the rules use this instead.

export interface GoUrl {
  /** Lowercased. */
  scheme: string
  /** Set for `scheme:rest` URLs whose rest does not start with `/` (e.g. URNs, `mailto:`). */
  opaque: string
  host: string
  path: string
  rawQuery: string
  fragment: string
}

export type GoUrlResult = { ok: true; url: GoUrl } | { ok: false; error: string }

/** `url.Parse`: a URL or a relative reference, with an optional `#fragment`. */
export function parseGoUrl(raw: string): GoUrlResult {
  const hash = raw.indexOf('#')
  const parsed = parse(hash === -1 ? raw : raw.slice(0, hash), false)
  if (!parsed.ok || hash === -1) return parsed
  const fragment = unescape(raw.slice(hash + 1), 'fragment')
  if (fragment === null) return { ok: false, error: 'invalid URL escape in fragment' }
  return { ok: true, url: { ...parsed.url, fragment } }
}

/** `url.ParseRequestURI`: an absolute URI or an absolute path, no fragment. */
export function parseGoRequestUri(raw: string): GoUrlResult {
  return parse(raw, true)
}

function parse(raw: string, viaRequest: boolean): GoUrlResult {
  const error = (message: string): GoUrlResult => ({ ok: false, error: message })
  if (/[\u0000-\u001F\u007F]/.test(raw)) return error('invalid control character in URL')
  if (raw === '' && viaRequest) return error('empty url')
  const url: GoUrl = { scheme: '', opaque: '', host: '', path: '', rawQuery: '', fragment: '' }
  if (raw === '*') return { ok: true, url: { ...url, path: '*' } }

  const split = splitScheme(raw)
  if (split === null) return error('missing protocol scheme')
  url.scheme = split.scheme.toLowerCase()
  let rest = split.rest

  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    rest = rest.slice(0, -1)
  } else {
    const query = rest.indexOf('?')
    if (query !== -1) {
      url.rawQuery = rest.slice(query + 1)
      rest = rest.slice(0, query)
    }
  }

  if (!rest.startsWith('/')) {
    if (url.scheme !== '') return { ok: true, url: { ...url, opaque: rest } }
    if (viaRequest) return error('invalid URI for request')
    const firstSegment = rest.split('/', 1)[0] ?? ''
    if (firstSegment.includes(':')) return error('first path segment in URL cannot contain colon')
  }

  if ((url.scheme !== '' || (!viaRequest && !rest.startsWith('///'))) && rest.startsWith('//')) {
    let authority = rest.slice(2)
    const slash = authority.indexOf('/')
    rest = slash === -1 ? '' : authority.slice(slash)
    authority = slash === -1 ? authority : authority.slice(0, slash)
    const at = authority.lastIndexOf('@')
    const host = parseHost(at === -1 ? authority : authority.slice(at + 1))
    if (!host.ok) return error(host.error)
    if (at !== -1 && !/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(authority.slice(0, at))) {
      return error('invalid userinfo')
    }
    url.host = host.host
  }

  const path = unescape(rest, 'path')
  if (path === null) return error('invalid URL escape in path')
  url.path = path
  return { ok: true, url }
}

/** Splits `scheme:rest`; a string that does not start with a valid scheme has none. */
function splitScheme(raw: string): { scheme: string; rest: string } | null {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? ''
    if (/[A-Za-z]/.test(c)) continue
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw }
      continue
    }
    if (c === ':') return i === 0 ? null : { scheme: raw.slice(0, i), rest: raw.slice(i + 1) }
    return { scheme: '', rest: raw }
  }
  return { scheme: '', rest: raw }
}

function parseHost(host: string): { ok: true; host: string } | { ok: false; error: string } {
  let port = ''
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']')
    if (close === -1) return { ok: false, error: "missing ']' in host" }
    port = host.slice(close + 1)
  } else {
    const colon = host.lastIndexOf(':')
    if (colon !== -1) port = host.slice(colon)
  }
  if (port !== '' && !/^:[0-9]*$/.test(port)) return { ok: false, error: `invalid port "${port}" after host` }
  const decoded = unescape(host, 'host')
  if (decoded === null) return { ok: false, error: `invalid character in host name "${host}"` }
  return { ok: true, host: decoded }
}

// Characters Go lets through unescaped in a host; any other ASCII character makes the host invalid.
const HOST_CHARACTER = /^[A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"]$/

/** Percent-decodes `s`, or returns null where Go reports an escape or host error. */
function unescape(s: string, mode: 'path' | 'fragment' | 'host'): string | null {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? ''
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3)
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null
      // In a host, only non-ASCII bytes and "%25" (a zone separator) may be escaped.
      if (mode === 'host' && parseInt(hex, 16) < 0x80 && hex !== '25') return null
      out += String.fromCharCode(parseInt(hex, 16))
      i += 2
      continue
    }
    if (mode === 'host' && c.charCodeAt(0) < 0x80 && !HOST_CHARACTER.test(c)) return null
    out += c
  }
  return out
}
