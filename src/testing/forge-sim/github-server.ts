// A local GitHub: the REST endpoints a crawler of public repositories calls, and the GraphQL API, on
// one server, answering from the world with GitHub's shapes, pagination, redirects, ETags and rate
// limits (primary per token and resource, secondary on concurrency). `prefix: '/api/v3'` makes it a
// GitHub Enterprise Server (REST under /api/v3, GraphQL at /api/graphql).
import { Budgets, remaining, resetSeconds, type Budget } from './budgets.ts'
import { createStats, type FaultOptions, Faults } from './faults.ts'
import { runGraphQL } from './github-graphql.ts'
import {
  contentEntry, fullRepository, type GitHubContext, languages, latestRelease, minimalRepository, organization, user,
} from './github-json.ts'
import { hash32 } from './random.ts'
import { type ForgeServer, type Route, type SimRequest, type SimResponse, startSimServer } from './http.ts'
import type { Account, Repository, World } from './world.ts'

export interface GitHubServerOptions {
  /** The world host served. Default github.com. */
  host?: string
  /** `''` (api.github.com) or `/api/v3` (Enterprise: GraphQL then at /api/graphql). */
  prefix?: string
  /** Known tokens and their hourly budgets (default 5,000 each). Unset: any token is accepted. */
  tokens?: Record<string, { core?: number; graphql?: number }>
  /** Requests per window without a token (per address on GitHub; one bucket here). Default 60. */
  anonymousLimit?: number
  /** Length of a rate-limit window. Default one hour. */
  windowMs?: number
  /** Clock of the rate limits (epoch ms). Default Date.now. */
  clock?: () => number
  /** Concurrent requests above which the secondary limit answers. Default 100, as GitHub documents. */
  maxConcurrent?: number
  /** Status of a secondary-limit answer: GitHub sends 403 or 429. Default 403. */
  secondaryStatus?: 403 | 429
  /** Status of a GraphQL answer when the budget is spent. GitHub sends 200 (with RATE_LIMITED). */
  graphqlLimitStatus?: 200 | 403
  faults?: Faults | FaultOptions
  port?: number
}

export interface GitHubServer extends ForgeServer {
  graphqlUrl: string
  /** Spends what is left of a token's budget (`undefined`: the anonymous one). */
  exhaust(token: string | undefined, resource?: 'core' | 'graphql'): void
}

const DOCS = 'https://docs.github.com/rest'
const DEFAULT_LIMIT = 5000

function notFound(documentation = DOCS): SimResponse {
  return { status: 404, json: { message: 'Not Found', documentation_url: documentation, status: '404' } }
}

function tokenOf(request: SimRequest): string | undefined {
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  return match?.[1]
}

export async function startGitHubServer(world: World, options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const host = options.host ?? 'github.com'
  const prefix = options.prefix ?? ''
  const graphqlPath = prefix ? `${prefix.replace(/\/v3$/, '')}/graphql` : '/graphql'
  const web = `https://${host}`
  const budgets = new Budgets(options.windowMs ?? 3_600_000, options.clock ?? Date.now)
  const stats = createStats()
  const faults = options.faults instanceof Faults ? options.faults : new Faults(options.faults)
  const tokenNames = Object.keys(options.tokens ?? {})
  let requestCount = 0
  let api = ''

  const known = (token: string | undefined): boolean => token === undefined || !options.tokens || token in options.tokens
  const viewerId = (token: string | undefined): number => (token === undefined ? 0 : 9_000_000 + (tokenNames.includes(token) ? tokenNames.indexOf(token) + 1 : hash32(token) % 100_000))
  const budgetOf = (token: string | undefined, resource: 'core' | 'graphql'): Budget => {
    const limit = token === undefined ? (resource === 'core' ? (options.anonymousLimit ?? 60) : 0) : (options.tokens?.[token]?.[resource] ?? DEFAULT_LIMIT)
    return budgets.get(`${resource}:${token ?? ''}`, limit)
  }
  const rateHeaders = (budget: Budget, resource: string): Record<string, string | number> => ({
    'x-ratelimit-limit': budget.limit,
    'x-ratelimit-remaining': remaining(budget),
    'x-ratelimit-reset': resetSeconds(budget),
    'x-ratelimit-used': budget.used,
    'x-ratelimit-resource': resource,
  })
  const common = (): Record<string, string> => ({
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `0000:${(++requestCount).toString(16).toUpperCase().padStart(6, '0')}`,
  })
  const context = (request: SimRequest): GitHubContext => ({ world, api, web, authenticated: tokenOf(request) !== undefined })

  const badCredentials = (): SimResponse => ({ status: 401, json: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } })
  const primaryLimit = (token: string | undefined, budget: Budget): SimResponse => ({
    status: 403,
    headers: { ...rateHeaders(budget, 'core'), ...common() },
    json: {
      message:
        token === undefined
          ? "API rate limit exceeded for 127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)"
          : `API rate limit exceeded for user ID ${viewerId(token)}. If you reach out to GitHub Support for help, please include the request ID 0000:${requestCount.toString(16)} and timestamp ${new Date().toISOString()}.`,
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits',
      status: '403',
    },
  })
  const secondaryLimit = (): SimResponse => ({
    status: options.secondaryStatus ?? 403,
    headers: { 'retry-after': faults.retryAfterSeconds, ...common() },
    json: {
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:${requestCount.toString(16)}.`,
      documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(options.secondaryStatus ?? 403),
    },
  })
  const graphqlLimited = (token: string | undefined, budget: Budget): SimResponse => ({
    status: options.graphqlLimitStatus ?? 200,
    headers: { ...rateHeaders(budget, 'graphql'), ...common() },
    json: { errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for user ID ${viewerId(token)}.` }] },
  })

  const githubAccount = (login: string): Account | undefined => {
    const account = world.findAccount(host, login)
    return account?.forge === 'github' ? account : undefined
  }

  // ---- repository endpoints, reachable as /repos/{owner}/{repo}… and /repositories/{id}… ----

  type RepositoryHandler = (repository: Repository, request: SimRequest) => SimResponse
  const repositoryRoutes = (suffix: string, handler: RepositoryHandler, documentation: string): Route[] => [
    {
      method: 'GET',
      pattern: `${prefix}/repos/:owner/:repo${suffix}`,
      handler: (request) => {
        const { owner, repo } = request.params as { owner: string; repo: string }
        const current = world.findRepository(host, owner, repo)
        if (current) return handler(current, request)
        const moved = world.movedRepository(host, owner, repo)
        if (!moved) return notFound(documentation)
        // GitHub answers an old name with a permanent redirect to the repository's id URL.
        const rest = request.path.split('/').slice(prefix.split('/').length + 3).join('/')
        const query = request.query.toString()
        const location = `${api}/repositories/${moved.id}${rest ? `/${rest}` : ''}${query ? `?${query}` : ''}`
        return { status: 301, headers: { location }, json: { message: 'Moved Permanently', url: location, documentation_url: 'https://docs.github.com/v3/#http-redirects' } }
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/repositories/:id${suffix}`,
      handler: (request) => {
        const repository = world.repository(Number(request.params.id))
        return repository && world.ownerOf(repository).host === host ? handler(repository, request) : notFound(documentation)
      },
    },
  ]

  const contents: RepositoryHandler = (repository, request) => {
    const documentation = 'https://docs.github.com/rest/repos/contents#get-repository-content'
    const ref = request.query.get('ref')
    if (ref && ![repository.defaultBranch, world.headCommit(repository).oid, repository.release?.tag].includes(ref)) {
      return { status: 404, json: { message: `No commit found for the ref ${ref}`, documentation_url: documentation, status: '404' } }
    }
    const path = (request.params.path ?? '').replace(/^\/+|\/+$/g, '')
    const ctx = context(request)
    const text = path ? world.fileText(repository, path) : null
    if (text === null) {
      const entries = world.tree(repository, path)
      if (!entries || repository.files.length === 0) return notFound(documentation)
      return { status: 200, json: entries.map((entry) => contentEntry(ctx, repository, entry, false)) }
    }
    const accept = request.headers.accept ?? ''
    const raw = /application\/vnd\.github(?:\.v3)?\.raw/.exec(accept)
    if (raw) return { status: 200, raw: text, contentType: `${raw[0]}; charset=utf-8`, headers: { 'x-github-media-type': 'github.v3; param=raw' } }
    return { status: 200, json: contentEntry(ctx, repository, { name: path.slice(path.lastIndexOf('/') + 1), path, type: 'blob' }, true) }
  }

  // ---- lists of repositories, with GitHub's parameters and Link header ----

  const listRepositories = (request: SimRequest, account: Account | undefined, kind: 'orgs' | 'users'): SimResponse => {
    if (!account || (kind === 'orgs' && account.type === 'user')) return notFound(`https://docs.github.com/rest/repos/repos#list-${kind === 'orgs' ? 'organization' : 'repositories-for-a-user'}`)
    const type = request.query.get('type') ?? (kind === 'orgs' ? 'all' : 'owner')
    const sort = request.query.get('sort') ?? (kind === 'orgs' ? 'created' : 'full_name')
    const direction = request.query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc')
    const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page')) || 30))
    const page = Math.max(1, Number(request.query.get('page')) || 1)
    let items = world.repositoriesOf(account)
    if (type === 'forks') items = items.filter((r) => r.fork)
    else if (type === 'sources') items = items.filter((r) => !r.fork)
    else if (type === 'private' || type === 'member') items = []
    const keyOf = (r: Repository): string => (sort === 'updated' ? r.updatedAt : sort === 'pushed' ? r.pushedAt : sort === 'full_name' ? r.name.toLowerCase() : r.createdAt)
    const sign = direction === 'asc' ? 1 : -1
    items.sort((a, b) => sign * (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : a.id - b.id))
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const ctx = context(request)
    const body = items.slice((page - 1) * perPage, page * perPage).map((r) => minimalRepository(ctx, r))
    // GitHub's Link header points at the owner's id: /organizations/{id}/repos, /user/{id}/repos.
    const linkBase = `${api}/${account.type === 'user' ? 'user' : 'organizations'}/${account.id}/repos`
    const link = (n: number, rel: string): string => {
      const query = new URLSearchParams(request.query)
      query.set('page', String(n))
      return `<${linkBase}?${query}>; rel="${rel}"`
    }
    const links = [
      ...(page > 1 ? [link(Math.min(page - 1, last), 'prev')] : []),
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first')] : []),
    ]
    return { status: 200, json: body, headers: links.length > 0 && items.length > 0 ? { link: links.join(', ') } : {} }
  }

  const rateLimitBody = (request: SimRequest) => {
    const token = tokenOf(request)
    const resource = (budget: Budget) => ({ limit: budget.limit, used: budget.used, remaining: remaining(budget), reset: resetSeconds(budget) })
    const core = resource(budgetOf(token, 'core'))
    const fixed = (limit: number) => ({ limit, used: 0, remaining: limit, reset: Math.ceil(((options.clock ?? Date.now)() + 60_000) / 1000) })
    return {
      resources: { core, search: fixed(token ? 30 : 10), graphql: resource(budgetOf(token, 'graphql')), integration_manifest: fixed(5000), code_search: fixed(10) },
      rate: core,
    }
  }

  const graphql = async (request: SimRequest): Promise<SimResponse> => {
    const token = tokenOf(request)
    if (token === undefined) {
      return { status: 401, json: { message: 'This endpoint requires you to be authenticated.', documentation_url: 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql' } }
    }
    if (!known(token)) return badCredentials()
    if (request.concurrent > (options.maxConcurrent ?? 100)) return secondaryLimit()
    let body: unknown
    try {
      body = JSON.parse(request.body.toString('utf8'))
    } catch {
      return { status: 400, json: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' } }
    }
    const budget = budgetOf(token, 'graphql')
    const outcome = await runGraphQL(world, host, web, budget, body as object, viewerId(token))
    if (outcome.limited) return graphqlLimited(token, budget)
    return { status: 200, json: outcome.body, headers: { ...rateHeaders(budget, 'graphql'), ...common() } }
  }

  const routes: Route[] = [
    { method: 'GET', pattern: `${prefix}/rate_limit`, handler: (request) => ({ status: 200, json: rateLimitBody(request) }) },
    {
      method: 'GET',
      pattern: `${prefix}/orgs/:org`,
      handler: (request) => {
        const account = githubAccount(request.params.org!)
        return account && account.type !== 'user' ? { status: 200, json: organization(context(request), account) } : notFound('https://docs.github.com/rest/orgs/orgs#get-an-organization')
      },
    },
    {
      method: 'GET',
      pattern: `${prefix}/users/:user`,
      handler: (request) => {
        const account = githubAccount(request.params.user!)
        return account ? { status: 200, json: user(context(request), account) } : notFound('https://docs.github.com/rest/users/users#get-a-user')
      },
    },
    { method: 'GET', pattern: `${prefix}/orgs/:org/repos`, handler: (request) => listRepositories(request, githubAccount(request.params.org!), 'orgs') },
    { method: 'GET', pattern: `${prefix}/users/:user/repos`, handler: (request) => listRepositories(request, githubAccount(request.params.user!), 'users') },
    { method: 'GET', pattern: `${prefix}/organizations/:id/repos`, handler: (request) => listRepositories(request, accountById(request.params.id!), 'orgs') },
    { method: 'GET', pattern: `${prefix}/user/:id/repos`, handler: (request) => listRepositories(request, accountById(request.params.id!), 'users') },
    ...repositoryRoutes('', (repository, request) => ({ status: 200, json: fullRepository(context(request), repository) }), 'https://docs.github.com/rest/repos/repos#get-a-repository'),
    ...repositoryRoutes('/contents/*path', contents, 'https://docs.github.com/rest/repos/contents#get-repository-content'),
    ...repositoryRoutes('/readme', (repository, request) => {
      const readme = repository.files.find((f) => /^readme(\.|$)/i.test(f))
      return readme ? contents(repository, { ...request, params: { path: readme } }) : notFound('https://docs.github.com/rest/repos/contents#get-a-repository-readme')
    }, 'https://docs.github.com/rest/repos/contents#get-a-repository-readme'),
    ...repositoryRoutes('/languages', (repository) => ({ status: 200, json: languages(repository) }), 'https://docs.github.com/rest/repos/repos#list-repository-languages'),
    ...repositoryRoutes('/releases/latest', (repository, request) =>
      repository.release ? { status: 200, json: latestRelease(context(request), repository) } : notFound('https://docs.github.com/rest/releases/releases#get-the-latest-release'),
      'https://docs.github.com/rest/releases/releases#get-the-latest-release'),
    { method: 'POST', pattern: graphqlPath, handler: graphql },
  ]

  function accountById(id: string): Account | undefined {
    const account = world.account(Number(id))
    return account && account.host === host && account.forge === 'github' ? account : undefined
  }

  const isFree = (endpoint: string): boolean => endpoint.endsWith('/rate_limit') || endpoint.startsWith('POST ')
  const server = await startSimServer({
    routes,
    stats,
    faults,
    port: options.port,
    hooks: {
      etag: () => true,
      admit: (request, endpoint) => {
        if (endpoint.startsWith('POST ')) return null
        const token = tokenOf(request)
        if (!known(token)) return badCredentials()
        if (request.concurrent > (options.maxConcurrent ?? 100)) return secondaryLimit()
        const budget = budgetOf(token, 'core')
        return remaining(budget) === 0 && !isFree(endpoint) ? primaryLimit(token, budget) : null
      },
      finish: (request, endpoint, response, notModified) => {
        if (endpoint.startsWith('POST ') || response.headers?.['x-ratelimit-limit'] !== undefined) return
        const token = tokenOf(request)
        const budget = budgetOf(token, 'core')
        // A 304 is free, as GitHub documents for conditional requests; so is /rate_limit.
        if (!notModified && !isFree(endpoint) && response.status !== 401) budget.used += 1
        response.headers = { ...common(), ...response.headers, ...rateHeaders(budget, 'core') }
      },
      rateLimited: (request, kind) => {
        if (kind === 'secondaryRateLimit') return secondaryLimit()
        const token = tokenOf(request)
        const resource = request.method === 'POST' ? 'graphql' : 'core'
        const budget = budgets.exhaust(`${resource}:${token ?? ''}`, budgetOf(token, resource).limit)
        return resource === 'graphql' ? graphqlLimited(token, budget) : primaryLimit(token, budget)
      },
      notFound: () => notFound(),
    },
  })
  api = server.origin + prefix
  return {
    url: api,
    graphqlUrl: server.origin + graphqlPath,
    stats,
    faults,
    stop: server.stop,
    exhaust: (token, resource = 'core') => {
      budgets.exhaust(`${resource}:${token ?? ''}`, budgetOf(token, resource).limit)
    },
  }
}
