// A local Gitea/Forgejo instance under /api/v1: organisations, users, their repositories (page and
// limit ≤ 50, x-total-count and Link headers), repository details, files (raw and contents),
// languages, releases (newest first) and the latest one. A renamed or transferred repository answers 307 to its new path,
// as Gitea's redirects do. Gitea has no API rate limit of its own: the rate-limit faults answer as a
// reverse proxy in front of it would (429 with Retry-After).
import { createStats, type FaultOptions, Faults } from './faults.ts'
import { contents, type GiteaContext, organization, release, repository, user } from './gitea-json.ts'
import { type ForgeServer, type Route, type SimRequest, type SimResponse, startSimServer } from './http.ts'
import type { Account, Repository, World } from './world.ts'

export interface GiteaServerOptions {
  /** The world host served. Default codeberg.org. */
  host?: string
  /** Known tokens. Unset: any token (or none) is accepted. */
  tokens?: string[]
  faults?: Faults | FaultOptions
  port?: number
}

/** Gitea's DEFAULT_PAGING_NUM and MAX_RESPONSE_ITEMS. */
const DEFAULT_LIMIT = 30
const MAX_LIMIT = 50

function tokenOf(request: SimRequest): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? request.query.get('token') ?? request.query.get('access_token') ?? undefined
}

export async function startGiteaServer(world: World, options: GiteaServerOptions = {}): Promise<ForgeServer> {
  const host = options.host ?? 'codeberg.org'
  const web = `https://${host}`
  const stats = createStats()
  const faults = options.faults instanceof Faults ? options.faults : new Faults(options.faults)
  let ctx: GiteaContext = { world, api: '', web }

  const notFound = (): SimResponse => ({ status: 404, json: { errors: [], message: "The target couldn't be found.", url: `${web}/api/swagger` } })
  const giteaAccount = (login: string): Account | undefined => {
    const account = world.findAccount(host, login)
    return account?.forge === 'gitea' ? account : undefined
  }

  /** page/limit pagination with x-total-count and Link (next, last, first, prev), as Gitea sends them. */
  function paginate<T>(request: SimRequest, items: T[]): { page: T[]; headers: Record<string, string | number> } {
    const limit = Math.min(MAX_LIMIT, Math.max(1, Number(request.query.get('limit')) || DEFAULT_LIMIT))
    const page = Math.max(1, Number(request.query.get('page')) || 1)
    const last = Math.max(1, Math.ceil(items.length / limit))
    const link = (n: number, rel: string): string => {
      const query = new URLSearchParams(request.query)
      query.set('limit', String(limit))
      query.set('page', String(n))
      return `<${ctx.api}${request.path}?${query}>; rel="${rel}"`
    }
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ]
    return {
      page: items.slice((page - 1) * limit, page * limit),
      headers: { 'x-total-count': items.length, ...(links.length ? { link: links.join(',') } : {}), 'access-control-expose-headers': 'X-Total-Count, Link' },
    }
  }

  const listRepositories = (request: SimRequest, account: Account | undefined): SimResponse => {
    if (!account) return notFound()
    const { page, headers } = paginate(request, world.repositoriesOf(account))
    return { status: 200, json: page.map((r) => repository(ctx, r)), headers }
  }

  type RepositoryHandler = (repo: Repository, request: SimRequest) => SimResponse
  /** Finds the repository, or redirects an old name (307 to the same URL with the new owner/name). */
  const withRepository = (handler: RepositoryHandler) => (request: SimRequest): SimResponse => {
    const { owner, repo } = request.params as { owner: string; repo: string }
    const current = world.findRepository(host, owner, repo)
    if (current) return handler(current, request)
    const moved = world.movedRepository(host, owner, repo)
    if (!moved || world.ownerOf(moved).forge !== 'gitea') return notFound()
    const rest = request.path.split('/').slice(4).join('/')
    const query = request.query.toString()
    return { status: 307, headers: { location: `${ctx.api}/repos/${world.fullName(moved)}${rest ? `/${rest}` : ''}${query ? `?${query}` : ''}` }, raw: '' }
  }

  const knownRef = (repo: Repository, ref: string | null): boolean =>
    ref === null || ref === '' || [repo.defaultBranch, world.headCommit(repo).oid, repo.release?.tag].includes(ref)

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: '/orgs/:org',
      handler: (request) => {
        const account = giteaAccount(request.params.org!)
        return account && account.type !== 'user' ? { status: 200, json: organization(account) } : notFound()
      },
    },
    {
      method: 'GET',
      pattern: '/users/:user',
      handler: (request) => {
        const account = giteaAccount(request.params.user!)
        return account ? { status: 200, json: user(ctx, account) } : notFound()
      },
    },
    {
      method: 'GET',
      pattern: '/orgs/:org/repos',
      handler: (request) => {
        const account = giteaAccount(request.params.org!)
        return listRepositories(request, account?.type === 'user' ? undefined : account)
      },
    },
    { method: 'GET', pattern: '/users/:user/repos', handler: (request) => listRepositories(request, giteaAccount(request.params.user!)) },
    {
      method: 'GET',
      pattern: '/repos/search',
      handler: (request) => {
        const { page, headers } = paginate(request, world.repositories({ host, forge: 'gitea' }).sort((a, b) => a.id - b.id))
        return { status: 200, json: { ok: true, data: page.map((r) => repository(ctx, r)) }, headers }
      },
    },
    { method: 'GET', pattern: '/repos/:owner/:repo', handler: withRepository((repo) => ({ status: 200, json: repository(ctx, repo) })) },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/raw/*filepath',
      handler: withRepository((repo, request) => {
        let path = request.params.filepath!
        // The path may start with the ref (`main/README.md`), as the web UI's raw URLs do.
        const first = path.split('/')[0]!
        if (path.includes('/') && knownRef(repo, first) && world.fileText(repo, path) === null) path = path.slice(first.length + 1)
        const text = knownRef(repo, request.query.get('ref')) ? world.fileText(repo, path) : null
        return text === null ? notFound() : { status: 200, raw: text }
      }),
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/contents/*filepath',
      handler: withRepository((repo, request) => {
        if (!knownRef(repo, request.query.get('ref'))) return notFound()
        const path = request.params.filepath!.replace(/^\/+|\/+$/g, '')
        if (path && world.fileText(repo, path) !== null) {
          return { status: 200, json: contents(ctx, repo, { name: path.slice(path.lastIndexOf('/') + 1), path, type: 'blob' }, true) }
        }
        const entries = world.tree(repo, path)
        return entries && repo.files.length > 0 ? { status: 200, json: entries.map((entry) => contents(ctx, repo, entry, false)) } : notFound()
      }),
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/languages',
      handler: withRepository((repo) => ({ status: 200, json: Object.fromEntries(Object.entries(repo.languages).sort((a, b) => b[1] - a[1])) })),
    },
    {
      method: 'GET',
      // Newest first, paged like every list; drafts are only shown to writers, and the world has none.
      pattern: '/repos/:owner/:repo/releases',
      handler: withRepository((repo, request) => {
        const { page, headers } = paginate(request, repo.release ? [repo] : [])
        return { status: 200, json: page.map((r) => release(ctx, r)), headers }
      }),
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/releases/latest',
      handler: withRepository((repo) => (repo.release ? { status: 200, json: release(ctx, repo) } : notFound())),
    },
  ]

  const server = await startSimServer({
    routes,
    stats,
    faults,
    prefix: '/api/v1',
    port: options.port,
    hooks: {
      // Gitea sends no ETag with API JSON; raw files carry one.
      etag: (endpoint) => endpoint.includes('/raw/'),
      admit: (request) => {
        const token = tokenOf(request)
        return token !== undefined && options.tokens && !options.tokens.includes(token)
          ? { status: 401, json: { message: 'user does not exist [uid: 0, name: ]', url: `${web}/api/swagger` } }
          : null
      },
      rateLimited: () => ({ status: 429, raw: 'Too Many Requests\n', headers: { 'retry-after': faults.retryAfterSeconds } }),
      notFound: () => ({ status: 404, raw: '404 page not found\n' }),
    },
  })
  ctx = { world, api: server.url, web }
  return { url: server.url, stats, faults, stop: server.stop }
}
