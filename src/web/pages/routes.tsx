import type {} from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Context } from '../../context.ts'
import { isLocale, preferredLocale, translator } from '../i18n/index.ts'
import type { PageContext } from '../views/page-context.ts'
import { sendPage } from '../render.ts'
import { readCatalogueQuery } from '../../domain/catalogue/facets.ts'
import { CataloguePage } from './catalogue.tsx'
import { registerCodePages } from './code-routes.tsx'
import { HomePage } from './home.tsx'
import { OpeningPage } from './opening.tsx'
import { SoftwarePage } from './software.tsx'
import { TextPage } from './text-page.tsx'
import { ApiReferencePage } from './api-reference.tsx'
import type { AnyRoute } from '../api/define.ts'
import { registerCheckPage } from './check-page.tsx'
import { registerPubliccodePages } from './publiccode-routes.tsx'
import { registerBodyPages } from './registry/body-routes.tsx'
import { registerAccountPages } from './account/routes.tsx'
import { registerEditionPages } from './catalogue/editions.tsx'
import { registerCrawlAdminPages } from './registry/admin-crawl-routes.tsx'
import { declarationViewer, registerDeclarationPages } from './catalogue/declaration-routes.tsx'
import { redirectMergedSoftware, registerCatalogueAdminPages, softwareModerationView, viewerOf } from './catalogue/admin-routes.tsx'
import { canView } from '../../domain/catalogue/moderation.ts'
import { signedInAs } from '../auth/session.ts'

export const LOCALE_COOKIE = 'socle_lang'
const PAGE_SIZE = 24

/** The page context of a request under /fr or /en; remembers the language chosen in a cookie. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, publicUrl: string): PageContext | undefined {
  const [, first, ...rest] = request.url.split('?')[0]!.split('/')
  if (!isLocale(first)) return undefined
  if (request.cookies[LOCALE_COOKIE] !== first) {
    reply.setCookie(LOCALE_COOKIE, first, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400, httpOnly: true })
  }
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
  const path = rest.length === 1 && rest[0] === '' ? '' : `/${rest.join('/')}`
  const t = translator(first)
  return { locale: first, t, path, search: query, publicUrl, signedInAs: signedInAs(request, t) }
}

export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound()
  return reply
}

/** Query values are read leniently on pages: anything unreadable falls back to the default. */
export function pageNumber(value: unknown): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.slice(0, 200) : undefined
}

export function searchParams(query: unknown): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') params.set(key, value)
  }
  return params
}

export type PageHandler = (page: PageContext, request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>

/** A handler of a page under /fr or /en: gets the page context; any other first segment is a 404. */
export function pageRoute(publicUrl: string, handler: PageHandler) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const page = pageContext(request, reply, publicUrl)
    if (!page) return notFound(reply)
    return handler(page, request, reply)
  }
}

export function registerPages(app: FastifyInstance, context: Pick<Context, 'stores' | 'config' | 'queue'>, apiRoutes: AnyRoute[]): void {
  const { stores } = context
  const publicUrl = context.config.publicUrl
  const withPage = (handler: PageHandler) => pageRoute(publicUrl, handler)

  app.get('/', async (request, reply) => {
    const locale = preferredLocale(request.cookies[LOCALE_COOKIE], request.headers['accept-language'])
    return reply.header('vary', 'Accept-Language, Cookie').redirect(`/${locale}/`, 302)
  })

  app.get('/:locale', async (request, reply) => {
    const { locale } = request.params as { locale: string }
    if (!isLocale(locale)) return notFound(reply)
    return reply.redirect(`/${locale}/`, 301)
  })

  app.get(
    '/:locale/',
    withPage(async (page, _request, reply) => {
      const [software, repositories, organisations] = await Promise.all([
        stores.software.search({ page: 1, pageSize: 6, sort: 'updated' }),
        stores.repositories.search({ sort: 'pushed' }, { page: 1, pageSize: 4 }),
        stores.organisations.list(),
      ])
      const data = {
        counts: { software: software.total, repositories: repositories.total, organisations: organisations.length },
        software: software.items,
        repositories: repositories.items,
        hasDemo: organisations.some((o) => o.is_demo),
      }
      return sendPage(reply, <HomePage page={page} data={data} />)
    }),
  )

  app.get(
    '/:locale/catalogue',
    withPage(async (page, request, reply) => {
      // Unreadable values are left out: the page shows the rest of the search.
      const { query: read } = readCatalogueQuery(request.query as Record<string, unknown>)
      // "Used by my organisation" is a signed-in agent's, with an organisation in their profile; visitors never see it.
      const organisation = request.agent?.organisation?.trim() || undefined
      const query = organisation ? read : { ...read, usedByMyOrganisation: undefined }
      const search = { ...query, pageSize: PAGE_SIZE, organisation, usedByOrganisation: query.usedByMyOrganisation }
      const { result, facets, usedByOrganisation } = await stores.software.searchWithFacets(search)
      const mine = organisation === undefined ? undefined : { organisation, count: usedByOrganisation ?? 0 }
      return sendPage(reply, <CataloguePage page={page} view={{ query, result, facets, mine }} />)
    }),
  )

  app.get(
    '/:locale/catalogue/:slug',
    withPage(async (page, request, reply) => {
      const { slug } = request.params as { slug: string }
      const details = await stores.software.details(slug)
      if (!details) return redirectMergedSoftware(context, page, slug, reply)
      if (!canView(details.software, viewerOf(request))) return notFound(reply)
      // Private instances too: the page shows them to their declarers and to moderators only.
      const declarations = await stores.declarations.forSoftware(details.software.id, { privateInstances: true })
      return sendPage(reply, <SoftwarePage page={page} details={details} declarations={declarations} viewer={declarationViewer(request)} moderation={await softwareModerationView(context, request, details.software)} />)
    }),
  )

  registerCodePages(app, context)

  const textPages = [
    ['/community', 'community', 'community.title', 'community.lead'],
    ['/accessibility', 'other', 'accessibility.title', 'accessibility.body'],
  ] as const
  for (const [path, section, title, body] of textPages) {
    app.get(
      `/:locale${path}`,
      withPage(async (page, _request, reply) => sendPage(reply, <TextPage page={page} section={section} title={title} body={body} />)),
    )
  }

  app.get('/:locale/opening', withPage(async (page, _request, reply) => sendPage(reply, <OpeningPage page={page} />)))
  registerPubliccodePages(app, context)
  registerCheckPage(app, context, { allowedAddresses: context.config.fetchAllowedAddresses })
  registerBodyPages(app, context)
  registerAccountPages(app, context)
  registerEditionPages(app, context)
  registerCrawlAdminPages(app, context)
  registerDeclarationPages(app, context)
  registerCatalogueAdminPages(app, context)

  app.get(
    '/:locale/api',
    withPage(async (page, _request, reply) => sendPage(reply, <ApiReferencePage page={page} routes={apiRoutes} />)),
  )
}
