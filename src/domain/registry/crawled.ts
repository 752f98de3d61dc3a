/**
 * What a crawl reads of a forge, whatever the forge: every adapter (GitHub, GitLab, Gitea, plain git)
 * answers these shapes, and the crawl stores them.
 */
export interface CrawledAccount {
  type: 'organization' | 'user' | 'group' | 'repository'
  name: string | null
  description: string | null
  avatarUrl: string | null
  website: string | null
  email: string | null
  location: string | null
  createdAt: string | null
}

export interface CrawledRepository {
  /** The forge's own id (stable across renames), or the clone URL for plain git. */
  forgeId: string
  owner: string
  name: string
  url: string
  cloneUrl: string | null
  description: string | null
  topics: string[]
  homepage: string | null
  language: string | null
  /** Bytes (or share) by language, as the forge reports it. */
  languages: Record<string, number>
  /** The licence the forge declares (SPDX id), null when none or not recognised by the forge. */
  licence: string | null
  defaultBranch: string | null
  createdAt: string | null
  pushedAt: string | null
  archived: boolean
  fork: boolean
  parentFullName: string | null
  template: boolean
  stars: number
  forks: number
  watchers: number
  openIssues: number
  sizeKb: number | null
  latestRelease: { tag: string; publishedAt: string | null } | null
  /** Commit at the head of the default branch, where the forge tells it cheaply. */
  headCommit: string | null
  /** Names of the files at the root of the default branch, when the listing gives them. */
  rootFiles: string[] | null
}

/**
 * Facts some forges give only per repository (GitLab's and Gitea's languages, releases, licence): read
 * with the files of a pushed repository, kept as stored otherwise.
 */
export type DetailFacts = Partial<Pick<CrawledRepository, 'language' | 'languages' | 'licence' | 'latestRelease'>>

/** Root files a crawl reads, by role. Their names vary (README, readme.md, LICENCE.txt, COPYING…). */
export const rootFileRoles = ['readme', 'licence', 'contributing', 'codeOfConduct', 'security', 'publiccode'] as const
export type RootFileRole = (typeof rootFileRoles)[number]

/** Dependency manifests read for the libraries view, by exact file name. */
export const manifestNames = [
  'package.json', 'package-lock.json', 'requirements.txt', 'pyproject.toml', 'poetry.lock', 'Pipfile', 'pom.xml', 'build.gradle', 'build.gradle.kts',
  'composer.json', 'Gemfile', 'go.mod', 'Cargo.toml',
] as const

export function roleOfRootFile(name: string): RootFileRole | undefined {
  const lower = name.toLowerCase()
  if (lower === 'publiccode.yml' || lower === 'publiccode.yaml') return 'publiccode'
  const stem = lower.replace(/\.(md|markdown|txt|rst|adoc|org)$/, '')
  if (stem === 'readme' || stem === 'lisezmoi') return 'readme'
  if (['license', 'licence', 'copying', 'license-mit', 'license-apache', 'licence-fr', 'licence-en'].includes(stem)) return 'licence'
  if (stem === 'contributing' || stem === 'contribuer') return 'contributing'
  if (stem === 'code_of_conduct' || stem === 'code-of-conduct') return 'codeOfConduct'
  if (stem === 'security') return 'security'
  return undefined
}

/** Which root files to read, by name, from a listing of the root: one per role, and the manifests. */
export function wantedRootFiles(rootFiles: readonly string[]): string[] {
  const byRole = new Map<RootFileRole, string>()
  for (const name of [...rootFiles].sort()) {
    const role = roleOfRootFile(name)
    if (role && !byRole.has(role)) byRole.set(role, name)
  }
  const manifests = rootFiles.filter((name) => (manifestNames as readonly string[]).includes(name))
  return [...byRole.values(), ...manifests]
}

/**
 * A forge's time in one canonical form (`2025-03-06T21:46:11.000Z`): forges write `Z` or offsets, with
 * or without milliseconds, and the crawl compares push times as text.
 */
export function canonicalTime(value: string | null | undefined): string | null {
  if (!value) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

/** Size caps: the crawl keeps what a person or a check reads, not whole binaries. */
export const FILE_CAP_BYTES = 256 * 1024
