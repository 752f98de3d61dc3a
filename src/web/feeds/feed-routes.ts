import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { FeedRepository } from '../../adapters/db/stores/body-store.ts'
import type { Context } from '../../context.ts'
import { bodyNode, subtreeIds } from '../../usecases/registry/read-body.ts'
import { isLocale, type Locale, locales, translator } from '../i18n/index.ts'
import { href } from '../views/page-context.ts'
import { organisationFeedHref, organisationHref, registryPaths, repositoryHref } from '../views/registry-paths.ts'
import { notFound } from '../pages/routes.tsx'
import { readCatalogueChanges } from '../../usecases/catalogue/catalogue-feed.ts'
import { atomFeed } from './atom.ts'
import { type SitemapAddress, type SitemapSection, sitemapFiles, sitemapIndex, sitemapUrlset } from './sitemap.ts'

const FEED_SIZE = 50
const ATOM = 'application/atom+xml; charset=utf-8'
const XML = 'application/xml; charset=utf-8'

/** The address of the catalogue's change feed. */
export const catalogueFeedHref = (locale: Locale) => href({ locale }, '/catalogue/changes.atom')

/** The Atom feeds of new repositories (all, and per body), of the catalogue's changes, and the sitemap. */
export function registerFeeds(app: FastifyInstance, context: Pick<Context, 'stores' | 'config'>): void {
  const { stores } = context
  const baseUrl = (request: FastifyRequest) => context.config.publicUrl || `${request.protocol}://${request.host}`

  app.get('/:locale/code/feed.atom', async (request, reply) => {
    const { locale } = request.params as { locale: string }
    if (!isLocale(locale)) return notFound(reply)
    const t = translator(locale)
    const base = baseUrl(request)
    const entries = await stores.bodies.newest(FEED_SIZE)
    const self = `${base}${href({ locale }, registryPaths.feed)}`
    return reply.type(ATOM).send(feed(locale, base, { id: self, self, page: `${base}${href({ locale }, registryPaths.search)}`, title: t('bodies.feed.all') }, entries))
  })

  app.get('/:locale/code/organisations/:slug/feed.atom', async (request, reply) => {
    const { locale, slug } = request.params as { locale: string; slug: string }
    if (!isLocale(locale)) return notFound(reply)
    const body = await stores.bodies.bySlug(slug)
    if (!body) return notFound(reply)
    const node = await bodyNode(stores, body.id)
    const ids = node ? subtreeIds(node) : [body.id]
    const base = baseUrl(request)
    const self = `${base}${organisationFeedHref({ locale }, slug)}`
    const title = translator(locale)('bodies.feed.body', { name: body.name })
    return reply.type(ATOM).send(feed(locale, base, { id: self, self, page: `${base}${organisationHref({ locale }, slug)}`, title }, await stores.bodies.newest(FEED_SIZE, ids)))
  })

  app.get('/:locale/catalogue/changes.atom', async (request, reply) => {
    const { locale } = request.params as { locale: string }
    if (!isLocale(locale)) return notFound(reply)
    const t = translator(locale)
    const base = baseUrl(request)
    const { items } = await readCatalogueChanges(stores, { limit: FEED_SIZE })
    const self = `${base}${catalogueFeedHref(locale)}`
    return reply.type(ATOM).send(
      atomFeed({
        id: self,
        title: t('catalogueData.feed.title'),
        subtitle: t('catalogueData.feed.subtitle'),
        selfUrl: self,
        pageUrl: `${base}${href({ locale }, '/catalogue')}`,
        lang: locale,
        author: t('site.name'),
        updated: items[0]?.at ?? new Date(),
        entries: items.map((change) => ({
          id: `urn:uuid:${change.id}`,
          title: t(`catalogueData.change.${change.kind}`, { name: change.name }),
          url: `${base}${href({ locale }, change.slug ? `/catalogue/${encodeURIComponent(change.slug)}` : '/catalogue')}`,
          updated: change.at,
          summary: [change.version ? t('catalogueData.change.version', { version: change.version }) : '', change.comment ?? ''].filter(Boolean).join(' — ') || null,
          categories: [change.kind],
        })),
      }),
    )
  })

  const sections = async (): Promise<SitemapSection[]> => {
    const counts = await stores.bodies.addressCounts()
    const fixed = ['/', '/catalogue', registryPaths.search, registryPaths.organisations, registryPaths.statistics, registryPaths.mostReusable, registryPaths.libraries]
    return [
      { count: fixed.length, read: async (offset, limit) => fixed.slice(offset, offset + limit).map((path) => ({ at: (locale: string) => href({ locale: locale as Locale }, path) })) },
      {
        count: counts.software,
        read: async (offset, limit) =>
          (await stores.bodies.softwareAddresses(offset, limit)).map((s): SitemapAddress => ({ at: (locale) => href({ locale: locale as Locale }, `/catalogue/${encodeURIComponent(s.slug)}`), lastmod: s.updated_at })),
      },
      {
        count: counts.bodies,
        read: async (offset, limit) =>
          (await stores.bodies.bodyAddresses(offset, limit)).map((b): SitemapAddress => ({ at: (locale) => organisationHref({ locale: locale as Locale }, b.slug), lastmod: b.updated_at })),
      },
      {
        count: counts.repositories,
        read: async (offset, limit) =>
          (await stores.bodies.repositoryAddresses(offset, limit)).map((r): SitemapAddress => ({ at: (locale) => repositoryHref({ locale: locale as Locale }, r), lastmod: r.updated_at })),
      },
    ]
  }

  // One file when everything fits (50,000 URLs), else an index of numbered files.
  app.get('/sitemap.xml', async (request, reply) => {
    const all = await sections()
    const { files } = sitemapFiles(all, locales)
    const base = baseUrl(request)
    if (files > 1) return reply.type(XML).send(sitemapIndex(Array.from({ length: files }, (_, i) => `${base}/sitemaps/${i + 1}.xml`)))
    return reply.type(XML).send(Readable.from(sitemapUrlset(all, { baseUrl: base, locales, file: 0 })))
  })

  app.get('/sitemaps/:file', async (request, reply) => {
    const match = /^([1-9]\d{0,5})\.xml$/.exec((request.params as { file: string }).file)
    const all = await sections()
    const file = match ? Number(match[1]) : 0
    if (file < 1 || file > sitemapFiles(all, locales).files) return notFound(reply)
    return reply.type(XML).send(Readable.from(sitemapUrlset(all, { baseUrl: baseUrl(request), locales, file: file - 1 })))
  })
}

function feed(locale: Locale, base: string, about: { id: string; self: string; page: string; title: string }, repositories: FeedRepository[]): string {
  const t = translator(locale)
  return atomFeed({
    id: about.id,
    title: about.title,
    subtitle: t('bodies.feed.subtitle'),
    selfUrl: about.self,
    pageUrl: about.page,
    lang: locale,
    author: t('site.name'),
    updated: repositories[0] ? new Date(repositories[0].first_seen_at) : new Date(),
    entries: repositories.map((r) => ({
      id: `urn:uuid:${r.id}`,
      title: `${r.owner}/${r.name}`,
      url: `${base}${repositoryHref({ locale }, r)}`,
      updated: new Date(r.first_seen_at),
      published: r.created_on_forge ? new Date(r.created_on_forge) : undefined,
      summary: r.description,
      author: r.organisation_name,
      categories: [r.language, r.licence].filter((c): c is string => Boolean(c)),
    })),
  })
}
