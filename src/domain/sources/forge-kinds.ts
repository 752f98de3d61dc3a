/** The kinds of forge Socle crawls. `git`: any server answering git, read with `git ls-remote` and fetch. */
export const forgeKinds = ['github', 'gitlab', 'gitea', 'git'] as const
export type ForgeKind = (typeof forgeKinds)[number]

/**
 * A forge instance Socle knows: its web host, its kind and the base URL of its API. Deployments list
 * theirs in the sources file (`forges:`); these defaults only cover the large public forges, and a
 * deployment may override any of them (a test points github.com at a local server, for instance).
 */
export interface ForgeInstance {
  host: string
  kind: ForgeKind
  apiUrl: string
}

export function defaultApiUrl(kind: ForgeKind, host: string): string {
  switch (kind) {
    case 'github':
      return host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`
    case 'gitlab':
      return `https://${host}/api/v4`
    case 'gitea':
      return `https://${host}/api/v1`
    case 'git':
      return `https://${host}`
  }
}

export const defaultForges: ForgeInstance[] = (
  [
    ['github.com', 'github'],
    ['gitlab.com', 'gitlab'],
    ['framagit.org', 'gitlab'],
    ['forgemia.inra.fr', 'gitlab'],
    ['plmlab.math.cnrs.fr', 'gitlab'],
    ['codeberg.org', 'gitea'],
  ] as const
).map(([host, kind]) => ({ host, kind, apiUrl: defaultApiUrl(kind, host) }))

/**
 * The kind of a forge we have no configuration for, from its host name: GitLab and Gitea/Forgejo
 * instances are nearly always named after their software; anything else is read as plain git.
 */
export function guessForgeKind(host: string): ForgeKind {
  if (host === 'github.com' || host.startsWith('github.')) return 'github'
  if (/(^|[.-])gitlab\d*([.-]|$)|gitlab/.test(host)) return 'gitlab'
  if (/gitea|forgejo|codeberg/.test(host)) return 'gitea'
  return 'git'
}
