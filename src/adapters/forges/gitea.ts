import { canonicalTime, type CrawledRepository } from '../../domain/registry/crawled.ts'
import { type AccountListing, AccountNotFound, type ForgeAdapter, type ListOptions, type RepositoryDetails, type RepositoryFacts } from './forge-adapter.ts'
import { ForgeHttp, ForgeHttpError, orWhenRefused, readRootFiles } from './forge-http.ts'

interface GiteaRepository {
  id: number
  name: string
  full_name: string
  owner: { login: string }
  description: string
  website: string
  topics?: string[] | null
  html_url: string
  clone_url: string
  default_branch: string
  created_at: string
  updated_at: string
  archived: boolean
  fork: boolean
  parent?: { full_name: string } | null
  template?: boolean
  stars_count: number
  forks_count: number
  watchers_count: number
  open_issues_count: number
  size: number
  language: string
  empty?: boolean
  /** SPDX ids of the licences Gitea detects (Gitea 1.23 and later; Forgejo does not say). */
  licenses?: string[] | null
}

interface GiteaRelease {
  tag_name: string
  published_at: string | null
  created_at: string
}

interface GiteaAccount {
  login?: string
  username?: string
  full_name: string
  description?: string
  website: string
  email?: string
  location: string
  avatar_url: string
  created?: string
}

const PAGE_SIZE = 50

/** Gitea and Forgejo through API v1: an organisation or a user, 50 repositories a request. */
export class GiteaAdapter implements ForgeAdapter {
  readonly factsReadWithFiles = ['languages', 'latestRelease'] as const

  constructor(
    private readonly http: ForgeHttp,
    private readonly apiUrl: string,
  ) {}

  private get<T>(path: string): Promise<{ body: T; headers: Headers }> {
    return this.http.jsonBody<T>(`${this.apiUrl}${path}`)
  }

  async listAccount(owner: string, _options: ListOptions): Promise<AccountListing> {
    let kind: 'orgs' | 'users' = 'orgs'
    let facts: GiteaAccount
    try {
      facts = (await this.get<GiteaAccount>(`/orgs/${encodeURIComponent(owner)}`)).body
    } catch (error) {
      if (!(error instanceof ForgeHttpError && error.status === 404)) throw error
      kind = 'users'
      try {
        facts = (await this.get<GiteaAccount>(`/users/${encodeURIComponent(owner)}`)).body
      } catch (inner) {
        if (inner instanceof ForgeHttpError && inner.status === 404) throw new AccountNotFound(`No Gitea organisation or user ${owner}.`)
        throw inner
      }
    }
    // Gitea cannot sort an account's repositories by push: every listing is complete.
    const repositories: CrawledRepository[] = []
    let total: number | null = null
    for (let page = 1; ; page++) {
      const { body, headers } = await this.get<GiteaRepository[]>(`/${kind}/${encodeURIComponent(owner)}/repos?page=${page}&limit=${PAGE_SIZE}`)
      const header = headers.get('x-total-count')
      if (header !== null) total = Number(header)
      repositories.push(...body.map(toCrawled))
      if (body.length < PAGE_SIZE || (total !== null && repositories.length >= total)) break
    }
    return {
      account: {
        type: kind === 'orgs' ? 'organization' : 'user',
        name: facts.full_name || null,
        description: facts.description || null,
        avatarUrl: facts.avatar_url || null,
        website: facts.website || null,
        email: facts.email || null,
        location: facts.location || null,
        createdAt: facts.created ?? null,
      },
      repositories,
      complete: true,
      total: total ?? repositories.length,
    }
  }

  readDetails(requests: { repository: CrawledRepository; names: string[] | null }[]): Promise<Map<string, RepositoryDetails>> {
    const base = (r: CrawledRepository) => `/repos/${encodeURIComponent(r.owner)}/${encodeURIComponent(r.name)}`
    return readRootFiles(this.http, requests.map((r) => r.repository), {
      rootNames: async (repository, ref) => (await this.get<{ name: string; type: string }[]>(`${base(repository)}/contents?ref=${ref}`)).body.filter((e) => e.type === 'file').map((e) => e.name),
      fileUrl: (repository, name, ref) => `${this.apiUrl}${base(repository)}/contents/${encodeURIComponent(name)}?ref=${ref}`,
      facts: async (repository): Promise<RepositoryFacts> => {
        const [languages, releases] = await Promise.all([
          this.get<Record<string, number>>(`${base(repository)}/languages`).then((r) => r.body),
          // Releases may be turned off on a repository: then there is none to show.
          orWhenRefused(this.get<GiteaRelease[]>(`${base(repository)}/releases?limit=1`).then((r) => r.body), []),
        ])
        const [latest] = releases
        return { languages, latestRelease: latest ? { tag: latest.tag_name, publishedAt: canonicalTime(latest.published_at ?? latest.created_at) } : null }
      },
      emptyFacts: { languages: {}, latestRelease: null },
    })
  }
}

function toCrawled(r: GiteaRepository): CrawledRepository {
  return {
    forgeId: String(r.id),
    owner: r.owner.login,
    name: r.name,
    url: r.html_url,
    cloneUrl: r.clone_url,
    description: r.description || null,
    topics: r.topics ?? [],
    homepage: r.website || null,
    language: r.language || null,
    languages: {},
    licence: r.licenses?.length ? r.licenses.join(' AND ') : null,
    defaultBranch: r.empty ? null : r.default_branch,
    createdAt: canonicalTime(r.created_at),
    pushedAt: canonicalTime(r.updated_at),
    archived: r.archived,
    fork: r.fork,
    parentFullName: r.parent?.full_name ?? null,
    template: r.template ?? false,
    stars: r.stars_count,
    forks: r.forks_count,
    watchers: r.watchers_count,
    openIssues: r.open_issues_count,
    sizeKb: r.size,
    latestRelease: null,
    headCommit: null,
    rootFiles: null,
  }
}
