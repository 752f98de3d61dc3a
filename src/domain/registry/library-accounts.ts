/**
 * Where public bodies publish libraries: npm scopes and users, PyPI users and organisations, read from
 * a list of their web addresses, one a line (`https://www.npmjs.com/search?q=%40etalab`,
 * `https://pypi.org/user/etalab/`), `#` comments and blank lines ignored.
 */
export type LibraryAccount =
  | { ecosystem: 'npm'; kind: 'scope' | 'user'; name: string }
  | { ecosystem: 'pypi'; kind: 'user' | 'organization'; name: string }

export interface LibraryAccountProblem {
  line: number
  text: string
  reason: string
}

const NPM_SCOPE = /^@[a-z0-9][a-z0-9._~-]{0,213}$/
const NPM_USER = /^[a-z0-9][a-z0-9._-]{0,213}$/i
const PYPI_ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export function parseLibraryAccounts(list: string): { accounts: LibraryAccount[]; problems: LibraryAccountProblem[] } {
  const accounts: LibraryAccount[] = []
  const problems: LibraryAccountProblem[] = []
  const seen = new Set<string>()
  list.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/(^|\s)#.*$/, '').trim()
    if (!text) return
    const parsed = parseLibraryAccount(text)
    if ('reason' in parsed) {
      problems.push({ line: index + 1, text: text.slice(0, 200), reason: parsed.reason })
      return
    }
    const key = `${parsed.ecosystem}:${parsed.kind}:${parsed.name.toLowerCase()}`
    if (seen.has(key)) return
    seen.add(key)
    accounts.push(parsed)
  })
  return { accounts, problems }
}

/** One address: the account it names, or why it names none. */
export function parseLibraryAccount(address: string): LibraryAccount | { reason: string } {
  let url: URL
  try {
    url = new URL(address)
  } catch {
    return { reason: 'not a URL' }
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '')
  const segments = url.pathname.split('/').filter(Boolean).map((segment) => safeDecode(segment))
  if (host === 'npmjs.com') return npmAccount(url, segments)
  if (host === 'pypi.org') return pypiAccount(segments)
  return { reason: `${url.hostname} is not a registry Socle reads (npm, PyPI)` }
}

function npmAccount(url: URL, segments: string[]): LibraryAccount | { reason: string } {
  // npm has no page per scope: lists point at a search for `@scope` (or `scope:name`), or an organisation page.
  if (segments[0] === 'search') {
    const query = (url.searchParams.get('q') ?? '').trim()
    const lower = query.toLowerCase()
    const scope = lower.startsWith('scope:') ? `@${lower.slice('scope:'.length)}` : lower
    return NPM_SCOPE.test(scope) ? { ecosystem: 'npm', kind: 'scope', name: scope } : { reason: `the npm search "${query.slice(0, 80)}" is not a scope` }
  }
  if (segments[0] === 'org' && segments[1]) {
    const scope = `@${segments[1].toLowerCase()}`
    return NPM_SCOPE.test(scope) ? { ecosystem: 'npm', kind: 'scope', name: scope } : { reason: 'not an npm organisation name' }
  }
  if (segments[0]?.startsWith('~')) {
    const user = segments[0].slice(1)
    return NPM_USER.test(user) ? { ecosystem: 'npm', kind: 'user', name: user } : { reason: 'not an npm user name' }
  }
  return { reason: 'an npm address that names no scope, organisation or user' }
}

function pypiAccount(segments: string[]): LibraryAccount | { reason: string } {
  const [kind, name] = segments
  if ((kind === 'user' || kind === 'org') && name && segments.length === 2) {
    if (!PYPI_ACCOUNT.test(name)) return { reason: `not a PyPI ${kind === 'user' ? 'user' : 'organisation'} name` }
    return { ecosystem: 'pypi', kind: kind === 'user' ? 'user' : 'organization', name }
  }
  return { reason: 'a PyPI address that names no user or organisation' }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
