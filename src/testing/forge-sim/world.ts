// The synthetic world the forge servers answer from: public bodies, their accounts on GitHub, GitLab,
// Gitea/Forgejo and plain git servers, and their repositories. Deterministic from a seed; mutable
// through a few verbs (push, star, rename, transfer, remove…) so that tests can check what a crawler
// sees change. File contents are rendered on demand (content.ts) to keep 50,000 repositories small.
import { createHash } from 'node:crypto'
import { renderFile } from './content.ts'
import { FIRST_REPOSITORY_ID, generate, generateRepository, iso } from './generate.ts'

export type ForgeKind = 'github' | 'gitlab' | 'gitea' | 'git'
export type BodyKind = 'ministry' | 'agency' | 'operator' | 'local-authority' | 'university' | 'hospital'

export interface PublicBody {
  id: number
  slug: string
  name: string
  acronym: string | null
  kind: BodyKind
  parentId: number | null
  /** 9 digits with a valid Luhn key. */
  siren: string | null
  website: string
}

export interface Account {
  id: number
  forge: ForgeKind
  /** Web host: github.com, gitlab.com, a self-hosted instance… */
  host: string
  /** Login, or the last segment of a GitLab subgroup's path. */
  login: string
  /** Path in URLs: the login, or `group/subgroup` on GitLab. */
  fullPath: string
  type: 'organization' | 'user' | 'group'
  /** Parent group of a GitLab subgroup. */
  parentId: number | null
  bodyId: number
  name: string
  description: string | null
  avatarUrl: string
  website: string | null
  email: string | null
  location: string | null
  createdAt: string
}

export interface Repository {
  id: number
  accountId: number
  name: string
  description: string | null
  topics: string[]
  homepage: string | null
  language: string | null
  /** Bytes per language, the primary one first. */
  languages: Record<string, number>
  /** Key of LICENCES (licences.ts): GitHub's SPDX id, `NOASSERTION` for an unrecognised licence file; null: none. */
  license: string | null
  defaultBranch: string
  createdAt: string
  updatedAt: string
  pushedAt: string
  archived: boolean
  fork: boolean
  /** The repository this one is a fork of (same host), if it still exists. */
  parentId: number | null
  template: boolean
  stars: number
  forks: number
  watchers: number
  openIssues: number
  sizeKb: number
  release: { tag: string; publishedAt: string } | null
  /** Paths of the files at HEAD, sorted. */
  files: string[]
  publiccode: 'valid' | 'invalid' | null
  readmeLanguage: 'fr' | 'en'
  /** Number of pushes since generation: the HEAD commit and the README follow it. */
  revision: number
}

export interface WorldOptions {
  seed: string | number
  accounts: number
  repositories: number
  /** Share of accounts per forge kind (normalised). Default 55/25/10/10. */
  forges?: Partial<Record<ForgeKind, number>>
  /** The world's clock at creation (ISO); every mutation advances it by a minute. */
  now?: string
}

export interface TreeEntry {
  name: string
  path: string
  type: 'blob' | 'tree'
}

export interface Commit {
  oid: string
  date: string
  message: string
}

const DEFAULT_SHARES: Record<ForgeKind, number> = { github: 0.55, gitlab: 0.25, gitea: 0.1, git: 0.1 }

export function createWorld(options: WorldOptions): World {
  return new World(options)
}

/** The git object id of a blob, as `git hash-object` computes it. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text)
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

const key = (host: string, path: string): string => `${host}/${path}`.toLowerCase()

export class World {
  readonly seed: string
  readonly bodies: readonly PublicBody[]
  private clock: number
  private nextRepositoryId: number
  private readonly accountsById = new Map<number, Account>()
  private readonly accountsByPath = new Map<string, Account>()
  private readonly repositoriesById = new Map<number, Repository>()
  private readonly repositoriesByPath = new Map<string, Repository>()
  /** Old `host/owner/name` of renamed or transferred repositories → repository id. */
  private readonly redirects = new Map<string, number>()
  private readonly repositoriesOfAccount = new Map<number, Repository[]>()
  private readonly subgroups = new Map<number, Account[]>()

  constructor(options: WorldOptions) {
    this.seed = String(options.seed)
    this.clock = Date.parse(options.now ?? '2025-06-01T12:00:00Z')
    const forges = { ...DEFAULT_SHARES, ...options.forges }
    const generated = generate({ seed: this.seed, accounts: options.accounts, repositories: options.repositories, forges, now: this.clock })
    this.bodies = generated.bodies
    for (const account of generated.accounts) this.indexAccount(account)
    for (const repository of generated.repositories) this.indexRepository(repository)
    this.nextRepositoryId = FIRST_REPOSITORY_ID + generated.repositories.length
  }

  /** The world's clock (ISO, second precision). */
  get now(): string {
    return iso(this.clock)
  }

  // ---- reading ----

  accounts(filter: { host?: string; forge?: ForgeKind } = {}): Account[] {
    return [...this.accountsById.values()].filter((a) => (!filter.host || a.host === filter.host) && (!filter.forge || a.forge === filter.forge))
  }

  repositories(filter: { host?: string; forge?: ForgeKind } = {}): Repository[] {
    const all = [...this.repositoriesById.values()]
    if (!filter.host && !filter.forge) return all
    return all.filter((r) => {
      const owner = this.ownerOf(r)
      return (!filter.host || owner.host === filter.host) && (!filter.forge || owner.forge === filter.forge)
    })
  }

  /** Every host of the world with its forge kind, by kind then host. */
  hosts(): Array<{ host: string; forge: ForgeKind }> {
    const seen = new Map<string, ForgeKind>()
    for (const account of this.accountsById.values()) seen.set(account.host, account.forge)
    return [...seen].map(([host, forge]) => ({ host, forge })).sort((a, b) => a.forge.localeCompare(b.forge) || a.host.localeCompare(b.host))
  }

  body(id: number): PublicBody {
    const body = this.bodies[id - 1]
    if (!body) throw new Error(`no body ${id}`)
    return body
  }

  account(id: number): Account | undefined {
    return this.accountsById.get(id)
  }

  repository(id: number): Repository | undefined {
    return this.repositoriesById.get(id)
  }

  findAccount(host: string, fullPath: string): Account | undefined {
    return this.accountsByPath.get(key(host, fullPath))
  }

  /** The repository at `owner/name` now (not following renames). */
  findRepository(host: string, ownerPath: string, name: string): Repository | undefined {
    return this.repositoriesByPath.get(key(host, `${ownerPath}/${name}`))
  }

  /** The repository that was at `owner/name` before a rename or a transfer. */
  movedRepository(host: string, ownerPath: string, name: string): Repository | undefined {
    const id = this.redirects.get(key(host, `${ownerPath}/${name}`))
    return id === undefined ? undefined : this.repositoriesById.get(id)
  }

  ownerOf(repository: Repository): Account {
    const owner = this.accountsById.get(repository.accountId)
    if (!owner) throw new Error(`repository ${repository.id} has no owner`)
    return owner
  }

  /** `owner/name`, with the full group path on GitLab. */
  fullName(repository: Repository): string {
    return `${this.ownerOf(repository).fullPath}/${repository.name}`
  }

  webUrl(repository: Repository): string {
    return `https://${this.ownerOf(repository).host}/${this.fullName(repository)}`
  }

  /** An account's repositories in id (creation) order; with its subgroups' too when asked. */
  repositoriesOf(account: Account, options: { includeSubgroups?: boolean } = {}): Repository[] {
    const own = this.repositoriesOfAccount.get(account.id) ?? []
    if (!options.includeSubgroups) return [...own]
    return [...own, ...this.subgroupsOf(account).flatMap((g) => this.repositoriesOf(g, options))].sort((a, b) => a.id - b.id)
  }

  subgroupsOf(account: Account): Account[] {
    return [...(this.subgroups.get(account.id) ?? [])]
  }

  plainGitRepositories(): Repository[] {
    return this.repositories({ forge: 'git' })
  }

  fileText(repository: Repository, path: string): string | null {
    const owner = this.ownerOf(repository)
    const body = this.body(owner.bodyId)
    return renderFile(
      {
        seed: this.seed,
        repository,
        url: this.webUrl(repository),
        ownerLogin: owner.login,
        bodyName: body.name,
        bodyWebsite: body.website,
        contactEmail: owner.email ?? `contact@${new URL(body.website).hostname.replace(/^www\./, '')}`,
      },
      path,
    )
  }

  /** The entries of a folder at HEAD (`''` for the root), folders first like the forges list them. */
  tree(repository: Repository, folder = ''): TreeEntry[] | null {
    const prefix = folder ? `${folder.replace(/\/$/, '')}/` : ''
    const entries = new Map<string, TreeEntry>()
    for (const file of repository.files) {
      if (!file.startsWith(prefix)) continue
      const rest = file.slice(prefix.length)
      const slash = rest.indexOf('/')
      const name = slash === -1 ? rest : rest.slice(0, slash)
      entries.set(name, { name, path: prefix + name, type: slash === -1 ? 'blob' : 'tree' })
    }
    if (folder && entries.size === 0) return null
    return [...entries.values()].sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'tree' ? -1 : 1))
  }

  /**
   * The HEAD commit of a hosted repository. Its id is derived, not computed from real git objects:
   * only the plain git server (git-server.ts) makes real commits.
   */
  headCommit(repository: Repository): Commit {
    const oid = createHash('sha1').update(`${this.seed}:${repository.id}:${repository.revision}`).digest('hex')
    return { oid, date: repository.pushedAt, message: repository.revision === 0 ? 'Initial commit' : `Update README (${repository.revision})` }
  }

  // ---- mutations ----

  /** A new commit: pushed_at moves to the world's clock and the README changes. */
  push(repository: Repository): Repository {
    const now = this.tick()
    repository.revision += 1
    repository.pushedAt = now
    repository.updatedAt = now
    repository.sizeKb += 1
    return repository
  }

  star(repository: Repository, count = 1): Repository {
    repository.stars = Math.max(0, repository.stars + count)
    repository.updatedAt = this.tick()
    return repository
  }

  /** Renames; the old name then redirects (GitHub, Gitea) or still resolves (GitLab) to the repository. */
  rename(repository: Repository, newName: string): Repository {
    const owner = this.ownerOf(repository)
    this.move(repository, owner, newName)
    return repository
  }

  /** Moves to another account of the same host; the old path redirects like a rename. */
  transfer(repository: Repository, newOwner: Account): Repository {
    const owner = this.ownerOf(repository)
    if (newOwner.host !== owner.host) throw new Error(`cannot transfer from ${owner.host} to ${newOwner.host}`)
    if (!this.accountsById.has(newOwner.id)) throw new Error(`account ${newOwner.fullPath} does not exist`)
    this.move(repository, newOwner, repository.name)
    return repository
  }

  /** Deletes: every URL of the repository, old names included, answers 404 afterwards. */
  remove(repository: Repository): void {
    const owner = this.ownerOf(repository)
    this.repositoriesById.delete(repository.id)
    this.repositoriesByPath.delete(key(owner.host, this.fullNameOf(owner, repository.name)))
    this.detach(owner, repository)
    for (const [old, id] of this.redirects) if (id === repository.id) this.redirects.delete(old)
    this.tick()
  }

  /** Deletes an account with its repositories (and, on GitLab, its subgroups). */
  removeAccount(account: Account): void {
    for (const subgroup of this.subgroupsOf(account)) this.removeAccount(subgroup)
    for (const repository of this.repositoriesOf(account)) this.remove(repository)
    this.accountsById.delete(account.id)
    this.accountsByPath.delete(key(account.host, account.fullPath))
    if (account.parentId !== null) {
      const siblings = this.subgroups.get(account.parentId) ?? []
      this.subgroups.set(account.parentId, siblings.filter((g) => g.id !== account.id))
    }
  }

  /** A new repository in `account`, created now; `fields` override the generated values. */
  addRepository(account: Account, fields: Partial<Omit<Repository, 'id' | 'accountId'>> = {}): Repository {
    if (!this.accountsById.has(account.id)) throw new Error(`account ${account.fullPath} does not exist`)
    const now = this.tick()
    const taken = new Set(this.repositoriesOf(account).map((r) => r.name))
    if (fields.name && taken.has(fields.name)) throw new Error(`${account.fullPath}/${fields.name} already exists`)
    const generated = generateRepository({
      seed: this.seed,
      id: this.nextRepositoryId++,
      account,
      body: this.body(account.bodyId),
      now: Date.parse(now),
      taken,
      forkCandidates: [],
      createdNow: true,
    })
    const repository: Repository = { ...generated, ...fields }
    this.indexRepository(repository)
    return repository
  }

  // ---- internals ----

  private tick(): string {
    this.clock += 60_000
    return iso(this.clock)
  }

  private fullNameOf(owner: Account, name: string): string {
    return `${owner.fullPath}/${name}`
  }

  private indexAccount(account: Account): void {
    this.accountsById.set(account.id, account)
    this.accountsByPath.set(key(account.host, account.fullPath), account)
    if (account.parentId !== null) this.subgroups.set(account.parentId, [...(this.subgroups.get(account.parentId) ?? []), account])
  }

  private indexRepository(repository: Repository): void {
    const owner = this.ownerOf(repository)
    const path = key(owner.host, this.fullNameOf(owner, repository.name))
    this.repositoriesById.set(repository.id, repository)
    this.repositoriesByPath.set(path, repository)
    // A new repository at an old path ends that path's redirect, as on GitHub.
    this.redirects.delete(path)
    // Kept in id order: listings sort from it, and a transferred repository lands in the middle.
    const list = this.repositoriesOfAccount.get(owner.id) ?? []
    const at = list.findLastIndex((r) => r.id < repository.id) + 1
    list.splice(at, 0, repository)
    this.repositoriesOfAccount.set(owner.id, list)
  }

  private detach(owner: Account, repository: Repository): void {
    const list = this.repositoriesOfAccount.get(owner.id) ?? []
    this.repositoriesOfAccount.set(owner.id, list.filter((r) => r.id !== repository.id))
  }

  private move(repository: Repository, newOwner: Account, newName: string): void {
    const owner = this.ownerOf(repository)
    const oldPath = key(owner.host, this.fullNameOf(owner, repository.name))
    const newPath = key(newOwner.host, this.fullNameOf(newOwner, newName))
    if (newPath === oldPath) return
    if (this.repositoriesByPath.has(newPath)) throw new Error(`${newOwner.fullPath}/${newName} already exists`)
    this.repositoriesByPath.delete(oldPath)
    this.detach(owner, repository)
    repository.accountId = newOwner.id
    repository.name = newName
    repository.updatedAt = this.tick()
    this.indexRepository(repository)
    this.redirects.set(oldPath, repository.id)
  }
}
