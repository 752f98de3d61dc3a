import { normaliseLicence } from '../../domain/licences/index.ts'
import { canonicalTime, type CrawledRepository, roleOfRootFile } from '../../domain/registry/crawled.ts'
import { type AccountListing, AccountNotFound, type ForgeAdapter, type ListOptions, type RepositoryDetails, type RepositoryFacts } from './forge-adapter.ts'
import { ForgeHttp, ForgeHttpError, orWhenRefused, readRootFiles } from './forge-http.ts'

interface GitLabProject {
  id: number
  name: string
  path: string
  path_with_namespace: string
  namespace: { full_path: string }
  description: string | null
  topics?: string[]
  tag_list?: string[]
  web_url: string
  http_url_to_repo: string
  default_branch: string | null
  created_at: string
  last_activity_at: string
  archived: boolean
  forked_from_project?: { path_with_namespace: string } | null
  star_count: number
  forks_count: number
  open_issues_count?: number
  license?: { key: string; nickname?: string } | null
}

interface GitLabRelease {
  tag_name: string
  released_at?: string | null
  created_at: string
}

interface GitLabGroup {
  id: number
  name: string
  full_path: string
  description: string | null
  avatar_url: string | null
  web_url: string
  created_at?: string
}

/**
 * GitLab (gitlab.com or self-hosted) through REST v4: a group with its subgroups, a user, or — owner
 * empty — every public project of the instance; 100 projects a request, newest activity first.
 */
export class GitLabAdapter implements ForgeAdapter {
  readonly factsReadWithFiles = ['language', 'languages', 'licence', 'latestRelease'] as const

  constructor(
    private readonly http: ForgeHttp,
    private readonly apiUrl: string,
  ) {}

  private get<T>(path: string): Promise<{ body: T; headers: Headers }> {
    return this.http.jsonBody<T>(`${this.apiUrl}${path}`)
  }

  private async projectsPath(owner: string): Promise<{ path: string; account: AccountListing['account'] }> {
    const order = 'order_by=last_activity_at&sort=desc&per_page=100'
    if (!owner) return { path: `/projects?visibility=public&${order}`, account: { type: 'group', name: null, description: null, avatarUrl: null, website: null, email: null, location: null, createdAt: null } }
    try {
      const { body: group } = await this.get<GitLabGroup>(`/groups/${encodeURIComponent(owner)}`)
      return {
        path: `/groups/${group.id}/projects?include_subgroups=true&with_shared=false&${order}`,
        account: { type: 'group', name: group.name, description: group.description || null, avatarUrl: group.avatar_url, website: group.web_url, email: null, location: null, createdAt: group.created_at ?? null },
      }
    } catch (error) {
      if (!(error instanceof ForgeHttpError && error.status === 404)) throw error
    }
    const { body: users } = await this.get<{ id: number; name: string; avatar_url: string | null; web_url: string }[]>(`/users?username=${encodeURIComponent(owner)}`)
    const user = users[0]
    if (!user) throw new AccountNotFound(`No GitLab group or user ${owner}.`)
    return {
      path: `/users/${user.id}/projects?${order}`,
      account: { type: 'user', name: user.name, description: null, avatarUrl: user.avatar_url, website: user.web_url, email: null, location: null, createdAt: null },
    }
  }

  async listAccount(owner: string, options: ListOptions): Promise<AccountListing> {
    const { path, account } = await this.projectsPath(owner)
    const repositories: CrawledRepository[] = []
    let total: number | null = null
    for (let page = 1; ; page++) {
      const { body, headers } = await this.get<GitLabProject[]>(`${path}&page=${page}`)
      const header = headers.get('x-total')
      if (header !== null && Number.isFinite(Number(header))) total = Number(header)
      const batch = body.map(toCrawled)
      repositories.push(...batch)
      const unchangedPast =
        !options.full && options.knownNewestPush !== null && options.knownTotal === total && total !== null && batch.some((r) => r.pushedAt !== null && r.pushedAt <= options.knownNewestPush!)
      if (unchangedPast) return { account, repositories, complete: false, total }
      const next = headers.get('x-next-page')
      if (!next || body.length === 0) return { account, repositories, complete: true, total: total ?? repositories.length }
    }
  }

  readDetails(requests: { repository: CrawledRepository; names: string[] | null }[]): Promise<Map<string, RepositoryDetails>> {
    return readRootFiles(this.http, requests.map((r) => r.repository), {
      rootNames: async (repository, ref) =>
        (await this.get<{ name: string; type: string }[]>(`/projects/${repository.forgeId}/repository/tree?per_page=100&ref=${ref}`)).body.filter((e) => e.type === 'blob').map((e) => e.name),
      fileUrl: (repository, name, ref) => `${this.apiUrl}/projects/${repository.forgeId}/repository/files/${encodeURIComponent(name)}?ref=${ref}`,
      facts: (repository, rootNames) => this.facts(repository, rootNames),
      emptyFacts: { language: null, languages: {}, licence: null, latestRelease: null },
    })
  }

  /**
   * Languages (percentages), the latest release, and the licence GitLab detects in the root licence
   * file: the project is read with `license=true` only when the root has such a file.
   */
  private async facts(repository: CrawledRepository, rootNames: string[]): Promise<RepositoryFacts> {
    const project = `/projects/${repository.forgeId}`
    const [languages, releases, licence] = await Promise.all([
      this.get<Record<string, number>>(`${project}/languages`).then((r) => r.body),
      // Releases may be restricted to members on a public project: then there is none to show.
      orWhenRefused(this.get<GitLabRelease[]>(`${project}/releases?per_page=1`).then((r) => r.body), []),
      rootNames.some((name) => roleOfRootFile(name) === 'licence') ? this.get<GitLabProject>(`${project}?license=true`).then((r) => r.body.license?.key ?? null) : null,
    ])
    const [latest] = releases
    return {
      languages,
      language: Object.entries(languages).reduce<[string, number] | null>((top, entry) => (!top || entry[1] > top[1] ? entry : top), null)?.[0] ?? null,
      licence: licence ? normaliseLicence(licence).expression : null,
      latestRelease: latest ? { tag: latest.tag_name, publishedAt: canonicalTime(latest.released_at ?? latest.created_at) } : null,
    }
  }
}

function toCrawled(p: GitLabProject): CrawledRepository {
  return {
    forgeId: String(p.id),
    owner: p.namespace.full_path,
    name: p.path,
    url: p.web_url,
    cloneUrl: p.http_url_to_repo,
    description: p.description || null,
    topics: p.topics ?? p.tag_list ?? [],
    homepage: null,
    language: null,
    languages: {},
    licence: null,
    defaultBranch: p.default_branch,
    createdAt: canonicalTime(p.created_at),
    pushedAt: canonicalTime(p.last_activity_at),
    archived: p.archived,
    fork: Boolean(p.forked_from_project),
    parentFullName: p.forked_from_project?.path_with_namespace ?? null,
    template: false,
    stars: p.star_count,
    forks: p.forks_count,
    watchers: 0,
    openIssues: p.open_issues_count ?? 0,
    sizeKb: null,
    latestRelease: null,
    headCommit: null,
    rootFiles: null,
  }
}
