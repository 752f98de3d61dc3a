import type { CrawledAccount, CrawledRepository } from '../../domain/registry/crawled.ts'
import { canonicalTime, FILE_CAP_BYTES } from '../../domain/registry/crawled.ts'
import { type AccountListing, AccountNotFound, type ForgeAdapter, type ListOptions, type RepositoryDetails } from './forge-adapter.ts'
import { ForgeHttp, ForgeHttpError } from './forge-http.ts'

/**
 * GitHub (github.com or Enterprise) through GraphQL: 100 repositories a request, with the names of
 * their root files; then the files of new or pushed repositories, many repositories a request (aliases).
 */
const OWNER_FRAGMENT = `fragment Owner on RepositoryOwner {
  __typename login avatarUrl
  ... on Organization { name description websiteUrl email location createdAt }
  ... on User { name bio websiteUrl userEmail: email location createdAt }
}`

const REPOSITORY_FRAGMENT = `fragment Repo on Repository {
  databaseId name url description homepageUrl isArchived isFork isTemplate
  parent { nameWithOwner } stargazerCount forkCount watchers { totalCount } issues(states: [OPEN]) { totalCount }
  diskUsage createdAt pushedAt primaryLanguage { name }
  languages(first: 10, orderBy: {field: SIZE, direction: DESC}) { edges { size node { name } } }
  licenseInfo { spdxId }
  defaultBranchRef { name target { ... on Commit { oid } } }
  repositoryTopics(first: 20) { nodes { topic { name } } }
  latestRelease { tagName publishedAt }
  root: object(expression: "HEAD:") { ... on Tree { entries { name type } } }
}`

/** One page of several accounts in one request: an alias per account, each with its own cursor. */
function listQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$l${i}: String!, $c${i}: String`).join(', ')
  const owners = Array.from(
    { length: count },
    (_, i) => `a${i}: repositoryOwner(login: $l${i}) { ...Owner repositories(first: 100, after: $c${i}, privacy: PUBLIC, ownerAffiliations: [OWNER], orderBy: {field: PUSHED_AT, direction: DESC}) { totalCount pageInfo { hasNextPage endCursor } nodes { ...Repo } } }`,
  ).join('\n')
  return `query(${variables}) {\n rateLimit { cost remaining resetAt }\n${owners}\n}\n${OWNER_FRAGMENT}\n${REPOSITORY_FRAGMENT}`
}

interface GqlRepository {
  databaseId: number
  name: string
  url: string
  description: string | null
  homepageUrl: string | null
  isArchived: boolean
  isFork: boolean
  isTemplate: boolean
  parent: { nameWithOwner: string } | null
  stargazerCount: number
  forkCount: number
  watchers: { totalCount: number }
  issues: { totalCount: number }
  diskUsage: number | null
  createdAt: string
  pushedAt: string | null
  primaryLanguage: { name: string } | null
  languages: { edges: { size: number; node: { name: string } }[] } | null
  licenseInfo: { spdxId: string | null } | null
  defaultBranchRef: { name: string; target: { oid?: string } | null } | null
  repositoryTopics: { nodes: { topic: { name: string } }[] }
  latestRelease: { tagName: string; publishedAt: string | null } | null
  root: { entries?: { name: string; type: string }[] } | null
}

interface GqlOwner {
  __typename: 'Organization' | 'User'
  login: string
  avatarUrl: string | null
  name: string | null
  description?: string | null
  bio?: string | null
  websiteUrl: string | null
  email?: string | null
  /** User.email is non-null in GitHub's schema and Organization.email nullable: an alias avoids the conflict. */
  userEmail?: string
  location: string | null
  createdAt: string | null
  repositories: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlRepository[] }
}

interface GqlAnswer<T> {
  data?: T | null
  errors?: { type?: string; message: string; path?: string[] }[]
}

/** How many repositories' files one request reads. */
const FILES_BATCH = 50

export class GitHubAdapter implements ForgeAdapter {
  /** The GraphQL listing gives every fact: only files are read after it. */
  readonly factsReadWithFiles = [] as const

  constructor(
    private readonly http: ForgeHttp,
    /** `https://api.github.com`, or `https://HOST/api/v3` for Enterprise; GraphQL is beside it. */
    private readonly apiUrl: string,
  ) {}

  private get graphqlUrl(): string {
    return this.apiUrl.endsWith('/api/v3') ? `${this.apiUrl.slice(0, -'/api/v3'.length)}/api/graphql` : `${this.apiUrl}/graphql`
  }

  private async graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GqlAnswer<T>> {
    for (;;) {
      const response = await this.http.jsonBody<GqlAnswer<T>>(this.graphqlUrl, { method: 'POST', body: { query, variables } })
      const rateLimited = response.body.errors?.find((e) => e.type === 'RATE_LIMITED')
      if (!rateLimited) return response.body
      // GitHub may answer a rate limit inside a 200: wait for the reset the headers give.
      const reset = Number(response.headers.get('x-ratelimit-reset'))
      await new Promise((resolve) => setTimeout(resolve, Number.isFinite(reset) && reset > 0 ? Math.max(250, reset * 1000 - Date.now() + 250) : 60_000))
    }
  }

  async listAccount(owner: string, options: ListOptions): Promise<AccountListing> {
    const [listing] = await this.listAccounts([{ owner, options }])
    if (listing instanceof Error) throw listing
    return listing!
  }

  /**
   * Lists several accounts together: each request carries the next page of every account not done
   * yet, so a crawl of many small accounts costs far fewer requests than accounts. An account that
   * fails (unknown owner) is answered as its error; the others go on.
   */
  async listAccounts(requests: { owner: string; options: ListOptions }[]): Promise<(AccountListing | Error)[]> {
    const states = requests.map(() => ({ account: undefined as CrawledAccount | undefined, repositories: [] as CrawledRepository[], total: null as number | null, cursor: null as string | null, result: undefined as AccountListing | Error | undefined }))
    for (;;) {
      const pending = states.flatMap((state, index) => (state.result ? [] : [index]))
      if (pending.length === 0) return states.map((s) => s.result!)
      const variables = Object.fromEntries(pending.flatMap((index, i) => [[`l${i}`, requests[index]!.owner], [`c${i}`, states[index]!.cursor]]))
      let answer: GqlAnswer<Record<string, GqlOwner | null>>
      try {
        answer = await this.graphql(listQuery(pending.length), variables)
      } catch (error) {
        for (const index of pending) states[index]!.result = error instanceof Error ? error : new Error(String(error))
        continue
      }
      if (!answer.data) {
        const failure = new ForgeHttpError(`GitHub GraphQL error: ${answer.errors?.[0]?.message ?? 'no data'}`, 200, this.graphqlUrl)
        for (const index of pending) states[index]!.result = failure
        continue
      }
      pending.forEach((index, i) => {
        const state = states[index]!
        const { owner, options } = requests[index]!
        const data = answer.data![`a${i}`]
        if (!data) {
          state.result = new AccountNotFound(`No GitHub account ${owner}.`)
          return
        }
        state.account ??= toAccount(data)
        state.total = data.repositories.totalCount
        const page = data.repositories.nodes.map((node) => toCrawled(data.login, node))
        state.repositories.push(...page)
        const unchangedPast =
          !options.full &&
          options.knownNewestPush !== null &&
          options.knownTotal === state.total &&
          page.some((r) => r.pushedAt !== null && r.pushedAt <= options.knownNewestPush!)
        const complete = !data.repositories.pageInfo.hasNextPage
        if (unchangedPast || complete) state.result = { account: state.account, repositories: state.repositories, complete, total: state.total }
        else state.cursor = data.repositories.pageInfo.endCursor
      })
    }
  }

  async readDetails(requests: { repository: CrawledRepository; names: string[] | null }[]): Promise<Map<string, RepositoryDetails>> {
    const files = new Map<string, RepositoryDetails>()
    // The GraphQL listing always gives the root files: a null list only comes from an empty repository.
    const withNames = requests.flatMap(({ repository, names }) => (names && names.length > 0 ? [{ repository, names }] : []))
    for (const { repository } of requests) if (!files.has(repository.forgeId)) files.set(repository.forgeId, { files: {}, facts: {} })
    for (let start = 0; start < withNames.length; start += FILES_BATCH) {
      const batch = withNames.slice(start, start + FILES_BATCH)
      if (batch.length === 0) continue
      const fields = batch.map(({ repository, names }, i) => {
        const objects = names.map((name, j) => `f${j}: object(expression: ${JSON.stringify(`HEAD:${name}`)}) { ... on Blob { text byteSize isBinary } }`)
        return `r${i}: repository(owner: ${JSON.stringify(repository.owner)}, name: ${JSON.stringify(repository.name)}) { ${objects.join(' ')} }`
      })
      const answer = await this.graphql<Record<string, Record<string, { text: string | null; byteSize: number; isBinary: boolean } | null> | null>>(`query { ${fields.join('\n')} }`)
      batch.forEach(({ repository, names }, i) => {
        const objects = answer.data?.[`r${i}`]
        if (!objects) return
        const contents: Record<string, string> = {}
        names.forEach((name, j) => {
          const blob = objects[`f${j}`]
          if (blob && !blob.isBinary && blob.text !== null) contents[name] = blob.text.slice(0, FILE_CAP_BYTES)
        })
        files.set(repository.forgeId, { files: contents, facts: {} })
      })
    }
    return files
  }
}

function toAccount(data: GqlOwner): CrawledAccount {
  return {
    type: data.__typename === 'Organization' ? 'organization' : 'user',
    name: data.name,
    description: data.description ?? data.bio ?? null,
    avatarUrl: data.avatarUrl,
    website: data.websiteUrl,
    email: data.email || data.userEmail || null,
    location: data.location,
    createdAt: data.createdAt,
  }
}

function toCrawled(owner: string, r: GqlRepository): CrawledRepository {
  const spdx = r.licenseInfo?.spdxId
  return {
    forgeId: String(r.databaseId),
    owner,
    name: r.name,
    url: r.url,
    cloneUrl: `${r.url}.git`,
    description: r.description || null,
    topics: r.repositoryTopics.nodes.map((n) => n.topic.name),
    homepage: r.homepageUrl || null,
    language: r.primaryLanguage?.name ?? null,
    languages: Object.fromEntries((r.languages?.edges ?? []).map((e) => [e.node.name, e.size])),
    licence: spdx && spdx !== 'NOASSERTION' ? spdx : null,
    defaultBranch: r.defaultBranchRef?.name ?? null,
    createdAt: canonicalTime(r.createdAt),
    pushedAt: canonicalTime(r.pushedAt),
    archived: r.isArchived,
    fork: r.isFork,
    parentFullName: r.parent?.nameWithOwner ?? null,
    template: r.isTemplate,
    stars: r.stargazerCount,
    forks: r.forkCount,
    watchers: r.watchers.totalCount,
    openIssues: r.issues.totalCount,
    sizeKb: r.diskUsage,
    latestRelease: r.latestRelease ? { tag: r.latestRelease.tagName, publishedAt: r.latestRelease.publishedAt } : null,
    headCommit: r.defaultBranchRef?.target?.oid ?? null,
    rootFiles: r.root?.entries ? r.root.entries.filter((e) => e.type === 'blob').map((e) => e.name) : null,
  }
}
