import type { FastifyInstance } from 'fastify'
import type { Context } from '../../../context.ts'
import { listBodies } from '../../../usecases/registry/list-bodies.ts'
import { readBody } from '../../../usecases/registry/read-body.ts'
import { registerFeeds } from '../../feeds/feed-routes.ts'
import { sendPage } from '../../render.ts'
import { registryPaths } from '../../views/registry-paths.ts'
import { notFound, type PageHandler, pageNumber, pageRoute, searchParams, text } from '../routes.tsx'
import { AccountPage } from './account.tsx'
import { isBodyKind } from './kinds.ts'
import { OrganisationPage } from './organisation.tsx'
import { OrganisationsPage } from './organisations.tsx'
import { StatisticsPage } from './statistics.tsx'

const BODIES_PER_PAGE = 50
const REPOSITORIES_PER_PAGE = 24

/** The pages of public bodies, of accounts and of the registry's statistics; its feeds and the sitemap. */
export function registerBodyPages(app: FastifyInstance, context: Pick<Context, 'stores' | 'config'>): void {
  const { stores } = context
  const withPage = (handler: PageHandler) => pageRoute(context.config.publicUrl, handler)

  app.get(
    `/:locale${registryPaths.organisations}`,
    withPage(async (page, request, reply) => {
      const query = request.query as Record<string, unknown>
      const q = text(query.q)
      // Unknown kinds and views fall back to every kind and to the list: a shared link never fails.
      const kind = isBodyKind(query.kind) ? query.kind : undefined
      const view = query.view === 'tree' ? 'tree' : 'list'
      const { rows, tree } = await listBodies(stores, { q, kind })
      const current = pageNumber(query.page)
      const pageRows = { items: rows.slice((current - 1) * BODIES_PER_PAGE, current * BODIES_PER_PAGE), total: rows.length, page: current, pageSize: BODIES_PER_PAGE }
      return sendPage(reply, <OrganisationsPage page={page} view={view} q={q} kind={kind} rows={pageRows} tree={tree} params={searchParams(query)} />)
    }),
  )

  app.get(
    `/:locale${registryPaths.organisations}/:slug`,
    withPage(async (page, request, reply) => {
      const { slug } = request.params as { slug: string }
      const query = request.query as Record<string, unknown>
      const reading = await readBody(stores, slug, { page: pageNumber(query.page), pageSize: REPOSITORIES_PER_PAGE })
      if (!reading) return notFound(reply)
      return sendPage(reply, <OrganisationPage page={page} {...reading} params={searchParams(query)} />)
    }),
  )

  app.get(
    '/:locale/code/accounts/*',
    withPage(async (page, request, reply) => {
      const path = (request.params as { '*': string })['*']
      const slash = path.indexOf('/')
      const [host, owner] = slash < 0 ? [path, ''] : [path.slice(0, slash), path.slice(slash + 1)]
      const account = host ? await stores.bodies.account(host, owner) : undefined
      if (!account) return notFound(reply)
      const query = request.query as Record<string, unknown>
      const [profile, repositories] = await Promise.all([
        stores.statistics.profile({ sourceId: account.id }),
        stores.repositories.search({ sort: 'pushed' }, { page: pageNumber(query.page), pageSize: REPOSITORIES_PER_PAGE }, { scope: { sourceId: account.id } }),
      ])
      return sendPage(reply, <AccountPage page={page} account={account} profile={profile} repositories={repositories} params={searchParams(query)} />)
    }),
  )

  app.get(
    `/:locale${registryPaths.statistics}`,
    withPage(async (page, _request, reply) => sendPage(reply, <StatisticsPage page={page} statistics={await stores.statistics.registry()} />)),
  )

  registerFeeds(app, context)
}
