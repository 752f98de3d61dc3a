import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Context } from '../../../context.ts'
import { type SourceStatus, sourceStatuses } from '../../../adapters/db/stores/source-store.ts'
import { type AgentRole, hasRole } from '../../../domain/agents/agents.ts'
import { enqueueSourceCrawl, QUEUES } from '../../../jobs.ts'
import { csrfToken, verifyCsrf } from '../../auth/csrf.tsx'
import { requireRole } from '../../auth/require-role.ts'
import { sendPage } from '../../render.ts'
import { href, type PageContext } from '../../views/page-context.ts'
import { type PageHandler, pageNumber, pageRoute } from '../routes.tsx'
import { CRAWL_ADMIN_PATH, type CrawlAdminView, CrawlAdminPage } from './admin-crawl.tsx'

const SOURCES_PER_PAGE = 50
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The crawler's administration: moderators and administrators read the sources and the crawl in
 * progress; administrators start a crawl of every source, a full one, or a recrawl of one source.
 */
export function registerCrawlAdminPages(app: FastifyInstance, context: Pick<Context, 'stores' | 'config' | 'queue'>): void {
  const { stores, queue } = context
  const withPage = (handler: PageHandler) => pageRoute(context.config.publicUrl, handler)
  const field = (request: FastifyRequest, name: string) => {
    const value = ((request.body ?? {}) as Record<string, unknown>)[name]
    return typeof value === 'string' ? value : ''
  }

  const crawlPage = async (page: PageContext, request: FastifyRequest, reply: FastifyReply, notice?: CrawlAdminView['notice'], code = 200) => {
    const reader = requireRole(request, 'moderator')
    const query = request.query as Record<string, unknown>
    // An unknown state shows every source: a shared link never fails.
    const status = sourceStatuses.find((s) => s === query.state) as SourceStatus | undefined
    const [sources, pass, jobs] = await Promise.all([
      stores.sources.page({ status }, { page: pageNumber(query.page), pageSize: SOURCES_PER_PAGE }),
      stores.crawl.latestPass(),
      queue ? Promise.all([queue.pending(QUEUES.crawlSource), queue.pending(QUEUES.crawlAll)]).then(([sources, all]) => ({ sources, all })) : undefined,
    ])
    // The administrator token (null) and administrators act; moderators read.
    const mayAct = reader === null || hasRole(reader.role as AgentRole, 'admin')
    const view: CrawlAdminView = { sources, status, pass, jobs, csrf: mayAct ? csrfToken(request, reply) : undefined, notice }
    return sendPage(reply, <CrawlAdminPage page={page} view={view} />, code)
  }

  app.get(
    `/:locale${CRAWL_ADMIN_PATH}`,
    withPage(async (page, request, reply) => {
      const queued = (request.query as Record<string, unknown>).info === 'queued'
      return crawlPage(page, request, reply, queued ? { kind: 'success', text: page.t('crawl.admin.queued') } : undefined)
    }),
  )

  app.post(
    `/:locale${CRAWL_ADMIN_PATH}/start`,
    withPage(async (page, request, reply) => {
      requireRole(request, 'admin')
      verifyCsrf(request)
      if (!queue) return crawlPage(page, request, reply, { kind: 'error', text: page.t('crawl.admin.noQueue') }, 503)
      await queue.enqueue(QUEUES.crawlAll, { full: field(request, 'full') === 'yes' })
      return reply.redirect(href(page, `${CRAWL_ADMIN_PATH}?info=queued`), 303)
    }),
  )

  app.post(
    `/:locale${CRAWL_ADMIN_PATH}/source`,
    withPage(async (page, request, reply) => {
      requireRole(request, 'admin')
      verifyCsrf(request)
      if (!queue) return crawlPage(page, request, reply, { kind: 'error', text: page.t('crawl.admin.noQueue') }, 503)
      const id = field(request, 'source')
      const source = UUID.test(id) ? await stores.sources.byId(id) : undefined
      if (!source) return crawlPage(page, request, reply, { kind: 'error', text: page.t('crawl.admin.unknownSource') }, 400)
      await enqueueSourceCrawl(queue, stores, source.id, false)
      return reply.redirect(href(page, `${CRAWL_ADMIN_PATH}?info=queued`), 303)
    }),
  )
}
