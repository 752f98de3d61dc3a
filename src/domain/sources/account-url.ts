import { defaultApiUrl, type ForgeInstance, type ForgeKind, guessForgeKind } from './forge-kinds.ts'

/** An account on a forge: what a source points at. `owner` is empty for a whole instance. */
export interface ForgeAccount {
  /** Canonical URL: https, lower-case host, no trailing slash. */
  url: string
  kind: ForgeKind
  host: string
  apiUrl: string
  /** Login, group path (with subgroups: `a/b`), or empty for every public project of an instance. */
  owner: string
}

export type AccountUrlResult = { ok: true; account: ForgeAccount } | { ok: false; url: string; reason: string }

/**
 * Reads an account URL as people write them in lists ("https://github.com/etalab",
 * "https://gitlab.inria.fr/cedar/", "https://framagit.org/parcoursup"). A URL it cannot map to a
 * forge and an owner is answered with the reason, never guessed.
 */
export function parseAccountUrl(input: string, forges: readonly ForgeInstance[] = []): AccountUrlResult {
  const text = input.trim()
  const fail = (reason: string): AccountUrlResult => ({ ok: false, url: text, reason })
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail('not a URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`${url.protocol} URLs are not accounts: give the https address of the account`)
  if (url.username || url.password) return fail('the URL carries credentials: give the public address of the account')
  if (url.search || url.hash) return fail('the URL has a query or fragment: give the address of the account itself (for npm scopes, see the libraries list)')
  const host = url.hostname.toLowerCase()
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
  const configured = forges.find((f) => f.host === host)
  const kind = configured?.kind ?? guessForgeKind(host)
  const apiUrl = configured?.apiUrl ?? defaultApiUrl(kind, host)
  if (segments[0] === 'projects' && kind === 'git') {
    return fail('a project page of a FusionForge or GForge, not a git account: give the git URL of each repository')
  }
  if (kind === 'github') {
    if (segments.length !== 1) return fail(segments.length === 0 ? 'GitHub itself, not an account: add the organisation or user' : 'a GitHub account is one path segment (https://github.com/LOGIN)')
  }
  if (kind === 'gitea' && segments.length > 1) return fail('a Gitea/Forgejo account is one path segment (https://HOST/LOGIN)')
  if (segments.length === 0 && kind === 'git') {
    return fail('a whole server of unknown kind: list its accounts, or declare the forge with its kind (gitlab, gitea) in the sources file to crawl all its public projects')
  }
  const owner = segments.join('/').replace(/\.git$/, kind === 'git' ? '.git' : '')
  return {
    ok: true,
    account: { url: `https://${host}${owner ? `/${owner}` : ''}`, kind, host, apiUrl, owner },
  }
}
