// A local GitLab instance (gitlab.com or self-hosted) under /api/v4: groups and subgroups, users,
// projects, files, trees, languages and releases, with GitLab's pagination (offset with x-total
// headers; keyset on /projects), its lookups (numeric id or URL-encoded path; an old project path
// still resolves after a rename, an old group path does not), weak ETags and per-minute rate limits
// announced in RateLimit-* headers (429 with Retry-After once spent).
import { Budgets, remaining, resetSeconds, type Budget } from './budgets.ts'
import { createStats, type FaultOptions, Faults } from './faults.ts'
import {
  basicProject, fileJson, type GitLabContext, group, languagePercentages, project, release, sha256, userBasic, userProfile,
} from './gitlab-json.ts'
import { type ForgeServer, type Route, type SimRequest, type SimResponse, startSimServer } from './http.ts'
import { type Account, gitBlobSha, type Repository, type World } from './world.ts'

export interface GitLabServerOptions {
  /** The world host served. Default gitlab.com. */
  host?: string
  /** Known tokens and their budgets per window (default 2,000, gitlab.com's). Unset: any token works. */
  tokens?: Record<string, { limit?: number }>
  /** Budget per window without a token (per address on GitLab; one bucket here). Default 500. */
  anonymousLimit?: number
  /** Rate-limit window. Default one minute. */
  windowMs?: number
  clock?: () => number
  faults?: Faults | FaultOptions
  port?: number
}

/** GitLab answers list requests with x-total only up to this count, as it skips counting beyond. */
const COUNT_LIMIT = 10_000

const notFound = (what: string): SimResponse => ({ status: 404, json: { message: `404 ${what} Not Found` } })

function tokenOf(request: SimRequest): string | undefined {
  const header = request.headers['private-token']
  if (typeof header === 'string' && header) return header
  return /^bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
}

const flag = (request: SimRequest, name: string): boolean => ['true', '1', 'yes'].includes(request.query.get(name) ?? '')

export async function startGitLabServer(world: World, options: GitLabServerOptions = {}): Promise<ForgeServer> {
  const host = options.host ?? 'gitlab.com'
  const budgets = new Budgets(options.windowMs ?? 60_000, options.clock ?? Date.now)
  const stats = createStats()
  const faults = options.faults instanceof Faults ? options.faults : new Faults(options.faults)
  let ctx: GitLabContext = { world, api: '', web: `https://${host}` }

  const known = (token: string | undefined): boolean => token === undefined || !options.tokens || token in options.tokens
  const budgetOf = (token: string | undefined): Budget =>
    budgets.get(token ?? '', token === undefined ? (options.anonymousLimit ?? 500) : (options.tokens?.[token]?.limit ?? 2000))
  const rateHeaders = (token: string | undefined, budget: Budget): Record<string, string | number> => ({
    'ratelimit-name': token === undefined ? 'throttle_unauthenticated_api' : 'throttle_authenticated_api',
    'ratelimit-limit': budget.limit,
    'ratelimit-observed': budget.used,
    'ratelimit-remaining': remaining(budget),
    'ratelimit-reset': resetSeconds(budget),
    'ratelimit-resettime': new Date(budget.resetAt).toUTCString(),
  })
  const throttled = (token: string | undefined, budget: Budget): SimResponse => ({
    status: 429,
    raw: 'Retry later\n',
    headers: { ...rateHeaders(token, budget), 'retry-after': Math.max(1, resetSeconds(budget) - Math.floor((options.clock ?? Date.now)() / 1000)) },
  })

  const glAccount = (id: string): Account | undefined => {
    const account = /^\d+$/.test(id) ? world.account(Number(id)) : world.findAccount(host, id)
    return account && account.host === host && account.forge === 'gitlab' ? account : undefined
  }
  const findGroup = (id: string): Account | undefined => {
    const account = glAccount(id)
    return account?.type === 'group' ? account : undefined
  }
  const findUser = (id: string): Account | undefined => {
    const account = glAccount(id)
    return account?.type === 'user' ? account : undefined
  }
  /** By id, by path, or by a path it had before a rename or transfer (GitLab follows those for projects). */
  const findProject = (id: string): Repository | undefined => {
    if (/^\d+$/.test(id)) {
      const repository = world.repository(Number(id))
      return repository && world.ownerOf(repository).host === host && world.ownerOf(repository).forge === 'gitlab' ? repository : undefined
    }
    const slash = id.lastIndexOf('/')
    if (slash === -1) return undefined
    const [owner, name] = [id.slice(0, slash), id.slice(slash + 1)]
    const repository = world.findRepository(host, owner, name) ?? world.movedRepository(host, owner, name)
    return repository && world.ownerOf(repository).forge === 'gitlab' ? repository : undefined
  }

  /** Offset pagination: x-page, x-per-page, x-next-page, x-prev-page, x-total(-pages) and Link. */
  function offsetPage<T>(request: SimRequest, items: T[]): { page: T[]; headers: Record<string, string | number> } {
    const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page')) || 20))
    const page = Math.max(1, Number(request.query.get('page')) || 1)
    const counted = items.length <= COUNT_LIMIT
    const totalPages = Math.max(1, Math.ceil(items.length / perPage))
    const hasNext = page * perPage < items.length
    const link = (n: number, rel: string): string => {
      const query = new URLSearchParams(request.query)
      query.set('page', String(n))
      query.set('per_page', String(perPage))
      return `<${ctx.api}${request.path}?${query}>; rel="${rel}"`
    }
    const links = [...(page > 1 ? [link(page - 1, 'prev')] : []), ...(hasNext ? [link(page + 1, 'next')] : []), link(1, 'first'), ...(counted ? [link(totalPages, 'last')] : [])]
    return {
      page: items.slice((page - 1) * perPage, page * perPage),
      headers: {
        'x-page': page,
        'x-per-page': perPage,
        'x-next-page': hasNext ? page + 1 : '',
        'x-prev-page': page > 1 ? page - 1 : '',
        ...(counted ? { 'x-total': items.length, 'x-total-pages': totalPages } : {}),
        link: links.join(', '),
      },
    }
  }

  /** Project lists: filters, order_by/sort, id_after/id_before, `simple`, and the pagination asked for. */
  function projectList(request: SimRequest, items: Repository[], keyset: boolean): SimResponse {
    const orderBy = request.query.get('order_by') ?? 'created_at'
    const sort = request.query.get('sort') ?? 'desc'
    const allowed = ['id', 'name', 'path', 'created_at', 'updated_at', 'last_activity_at', 'star_count', 'similarity']
    if (!allowed.includes(orderBy)) return { status: 400, json: { error: 'order_by does not have a valid value' } }
    if (!['asc', 'desc'].includes(sort)) return { status: 400, json: { error: 'sort does not have a valid value' } }
    const archived = request.query.get('archived')
    if (archived !== null) items = items.filter((r) => r.archived === (archived === 'true'))
    const after = Number(request.query.get('id_after'))
    const before = Number(request.query.get('id_before'))
    if (after) items = items.filter((r) => r.id > after)
    if (before) items = items.filter((r) => r.id < before)
    const keyOf = (r: Repository): string | number => {
      switch (orderBy) {
        case 'name': case 'path': case 'similarity': return r.name.toLowerCase()
        case 'updated_at': return r.updatedAt
        case 'last_activity_at': return r.pushedAt > r.updatedAt ? r.pushedAt : r.updatedAt
        case 'star_count': return r.stars
        case 'id': return r.id
        default: return r.createdAt
      }
    }
    const sign = sort === 'asc' ? 1 : -1
    items.sort((a, b) => sign * (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : a.id - b.id))
    const render = (r: Repository) =>
      flag(request, 'simple') ? basicProject(ctx, r) : project(ctx, r, { license: flag(request, 'license'), statistics: flag(request, 'statistics') })
    if (keyset && request.query.get('pagination') === 'keyset') {
      if (orderBy !== 'id') return { status: 405, json: { error: 'Keyset pagination is not yet available for this type of request' } }
      const perPage = Math.min(100, Math.max(1, Number(request.query.get('per_page')) || 20))
      const page = items.slice(0, perPage)
      const headers: Record<string, string> = {}
      if (items.length > perPage) {
        const query = new URLSearchParams(request.query)
        query.set(sort === 'asc' ? 'id_after' : 'id_before', String(page.at(-1)!.id))
        query.delete(sort === 'asc' ? 'id_before' : 'id_after')
        headers.link = `<${ctx.api}${request.path}?${query}>; rel="next"`
      }
      return { status: 200, json: page.map(render), headers }
    }
    const { page, headers } = offsetPage(request, items)
    return { status: 200, json: page.map(render), headers }
  }

  const withProject = (handler: (repository: Repository, request: SimRequest) => SimResponse) => (request: SimRequest): SimResponse => {
    const repository = findProject(request.params.id!)
    return repository ? handler(repository, request) : notFound('Project')
  }

  const resolveRef = (repository: Repository, ref: string | null): boolean =>
    ref === null || ['HEAD', repository.defaultBranch, world.headCommit(repository).oid, repository.release?.tag].includes(ref)

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/groups/:id',
      handler: (request) => {
        const account = findGroup(request.params.id!)
        if (!account) return notFound('Group')
        const withProjects = request.query.get('with_projects') !== 'false'
        const projects = withProjects ? world.repositoriesOf(account).slice(-100).reverse().map((r) => project(ctx, r)) : undefined
        return { status: 200, json: { ...group(ctx, account), shared_with_groups: [], prevent_sharing_groups_outside_hierarchy: false, ...(projects ? { projects, shared_projects: [] } : {}) } }
      },
    },
    {
      method: 'GET',
      pattern: '/groups/:id/subgroups',
      handler: (request) => {
        const account = findGroup(request.params.id!)
        if (!account) return notFound('Group')
        const { page, headers } = offsetPage(request, world.subgroupsOf(account).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id))
        return { status: 200, json: page.map((g) => group(ctx, g)), headers }
      },
    },
    {
      method: 'GET',
      pattern: '/groups/:id/descendant_groups',
      handler: (request) => {
        const account = findGroup(request.params.id!)
        if (!account) return notFound('Group')
        const descendants = (a: Account): Account[] => world.subgroupsOf(a).flatMap((g) => [g, ...descendants(g)])
        const { page, headers } = offsetPage(request, descendants(account).sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id))
        return { status: 200, json: page.map((g) => group(ctx, g)), headers }
      },
    },
    {
      method: 'GET',
      pattern: '/groups/:id/projects',
      handler: (request) => {
        const account = findGroup(request.params.id!)
        if (!account) return notFound('Group')
        // GitLab paginates group projects by offset only: `pagination=keyset` is ignored there.
        return projectList(request, world.repositoriesOf(account, { includeSubgroups: flag(request, 'include_subgroups') }), false)
      },
    },
    {
      method: 'GET',
      pattern: '/projects',
      handler: (request) => projectList(request, world.repositories({ host, forge: 'gitlab' }), true),
    },
    {
      method: 'GET',
      pattern: '/users',
      handler: (request) => {
        const username = request.query.get('username')
        const users = world.accounts({ host, forge: 'gitlab' }).filter((a) => a.type === 'user' && (!username || a.login.toLowerCase() === username.toLowerCase()))
        const { page, headers } = offsetPage(request, users)
        return { status: 200, json: page.map((u) => userBasic(ctx, u)), headers }
      },
    },
    {
      method: 'GET',
      pattern: '/users/:id',
      handler: (request) => {
        const account = /^\d+$/.test(request.params.id!) ? findUser(request.params.id!) : undefined
        return account ? { status: 200, json: userProfile(ctx, account) } : notFound('User')
      },
    },
    {
      method: 'GET',
      pattern: '/users/:id/projects',
      handler: (request) => {
        const account = findUser(request.params.id!)
        return account ? projectList(request, world.repositoriesOf(account), false) : notFound('User')
      },
    },
    {
      method: 'GET',
      pattern: '/projects/:id',
      handler: withProject((repository, request) => ({ status: 200, json: project(ctx, repository, { license: flag(request, 'license'), statistics: flag(request, 'statistics') }) })),
    },
    { method: 'GET', pattern: '/projects/:id/languages', handler: withProject((repository) => ({ status: 200, json: languagePercentages(repository) })) },
    {
      method: 'GET',
      pattern: '/projects/:id/repository/files/:file_path/raw',
      handler: withProject((repository, request) => {
        const text = resolveRef(repository, request.query.get('ref')) ? world.fileText(repository, request.params.file_path!) : null
        if (text === null) return notFound('File')
        const head = world.headCommit(repository)
        return {
          status: 200,
          raw: text,
          headers: {
            'x-gitlab-blob-id': gitBlobSha(text),
            'x-gitlab-commit-id': head.oid,
            'x-gitlab-content-sha256': sha256(text),
            'x-gitlab-encoding': 'base64',
            'x-gitlab-file-name': request.params.file_path!.slice(request.params.file_path!.lastIndexOf('/') + 1),
            'x-gitlab-file-path': request.params.file_path!,
            'x-gitlab-last-commit-id': head.oid,
            'x-gitlab-ref': request.query.get('ref') ?? repository.defaultBranch,
            'x-gitlab-size': Buffer.byteLength(text),
          },
        }
      }),
    },
    {
      method: 'GET',
      pattern: '/projects/:id/repository/files/:file_path',
      handler: withProject((repository, request) => {
        const ref = request.query.get('ref')
        if (!ref) return { status: 400, json: { error: 'ref is missing, ref is empty' } }
        const text = resolveRef(repository, ref) ? world.fileText(repository, request.params.file_path!) : null
        return text === null ? notFound('File') : { status: 200, json: fileJson(ctx, repository, request.params.file_path!, text, ref) }
      }),
    },
    {
      method: 'GET',
      pattern: '/projects/:id/repository/tree',
      handler: withProject((repository, request) => {
        if (!resolveRef(repository, request.query.get('ref'))) return notFound('Tree')
        const path = request.query.get('path') ?? ''
        const recursive = flag(request, 'recursive')
        const list = (folder: string): ReturnType<typeof treeEntry>[] =>
          (world.tree(repository, folder) ?? []).flatMap((entry) => [treeEntry(repository, entry), ...(recursive && entry.type === 'tree' ? list(entry.path) : [])])
        if (path && !world.tree(repository, path)) return notFound('Tree')
        const { page, headers } = offsetPage(request, list(path))
        return { status: 200, json: page, headers }
      }),
    },
    {
      method: 'GET',
      pattern: '/projects/:id/releases',
      handler: withProject((repository, request) => {
        const { page, headers } = offsetPage(request, repository.release ? [repository] : [])
        return { status: 200, json: page.map((r) => release(ctx, r)), headers }
      }),
    },
  ]

  function treeEntry(repository: Repository, entry: { name: string; path: string; type: 'blob' | 'tree' }) {
    const id = entry.type === 'blob' ? gitBlobSha(world.fileText(repository, entry.path) ?? '') : gitBlobSha(`tree:${repository.id}:${repository.revision}:${entry.path}`)
    return { id, name: entry.name, type: entry.type, path: entry.path, mode: entry.type === 'tree' ? '040000' : '100644' }
  }

  const server = await startSimServer({
    routes,
    stats,
    faults,
    prefix: '/api/v4',
    port: options.port,
    hooks: {
      etag: () => true,
      admit: (request) => {
        const token = tokenOf(request)
        if (!known(token)) return { status: 401, json: { message: '401 Unauthorized' } }
        const budget = budgetOf(token)
        return remaining(budget) === 0 ? throttled(token, budget) : null
      },
      finish: (request, _endpoint, response) => {
        if (response.status === 429 || response.status === 401) return
        const token = tokenOf(request)
        const budget = budgetOf(token)
        // Rack::Attack counts every request, conditional ones included.
        budget.used += 1
        response.headers = { ...response.headers, ...rateHeaders(token, budget) }
      },
      rateLimited: (request, kind) => {
        const token = tokenOf(request)
        const budget = kind === 'rateLimit' ? budgets.exhaust(token ?? '', budgetOf(token).limit) : budgetOf(token)
        return throttled(token, budget)
      },
      notFound: () => ({ status: 404, json: { error: '404 Not Found' } }),
    },
  })
  ctx = { world, api: server.url, web: `https://${host}` }
  return { url: server.url, stats, faults, stop: server.stop }
}

