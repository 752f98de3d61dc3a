import type { FastifyInstance } from 'fastify'
import type { Context } from '../../context.ts'
import { validatePublicCode } from '../../domain/publiccode/index.ts'
import { parseRepositoryQuery } from '../../domain/registry/repository-query.ts'
import { sendPage } from '../render.ts'
import { registryPaths } from '../views/registry-paths.ts'
import { CodePage } from './code.tsx'
import { ECOSYSTEMS, LibrariesPage, LibraryPage } from './libraries.tsx'
import { RepositoryPage } from './repository.tsx'
import { ReusablePage } from './reusable.tsx'
import { notFound, pageNumber, pageRoute, text } from './routes.tsx'

/** Results a page shows: with the facets, a page stays under 60 KB of HTML. */
const RESULTS_PER_PAGE = 20
const LIBRARIES_PER_PAGE = 50

/** The repository search, a repository's page, the most reusable repositories and the libraries. */
export function registerCodePages(app: FastifyInstance, context: Pick<Context, 'stores' | 'config'>): void {
  const { stores } = context
  const route = (handler: Parameters<typeof pageRoute>[1]) => pageRoute(context.config.publicUrl, handler)

  app.get(
    `/:locale${registryPaths.search}`,
    route(async (page, request, reply) => {
      const raw = request.query as Record<string, unknown>
      // A page reads its address leniently: a value it cannot read is left out, never an error.
      const { query } = parseRepositoryQuery(raw)
      const [result, facets] = await Promise.all([
        stores.repositories.search(query, { page: pageNumber(raw.page), pageSize: RESULTS_PER_PAGE }),
        stores.repositories.facets(query),
      ])
      return sendPage(reply, <CodePage page={page} view={{ query, result, facets }} />)
    }),
  )

  app.get(
    `/:locale${registryPaths.mostReusable}`,
    route(async (page, request, reply) => {
      const raw = request.query as Record<string, unknown>
      const result = await stores.repositories.search({ sort: 'reuse', fork: 'no', archived: 'no' }, { page: pageNumber(raw.page), pageSize: RESULTS_PER_PAGE })
      return sendPage(reply, <ReusablePage page={page} result={result} />)
    }),
  )

  app.get(
    '/:locale/code/r/*',
    route(async (page, request, reply) => {
      const path = (request.params as { '*': string })['*'].split('/').filter(Boolean)
      if (path.length < 3) return notFound(reply)
      const [host, ...rest] = path as [string, ...string[]]
      const name = rest.pop()!
      const repository = await stores.repositories.byAddress(host, rest.join('/'), name)
      if (!repository) return notFound(reply)
      const [history, reusedBy, software, dependencies] = await Promise.all([
        stores.repositories.counterHistory(repository.id),
        stores.repositories.forksByOtherBodies(repository),
        stores.repositories.catalogueSoftware(repository.url),
        stores.registry.dependenciesOf(repository.id),
      ])
      const publiccode = repository.publiccode_text === null ? null : validatePublicCode(repository.publiccode_text).document
      return sendPage(reply, <RepositoryPage page={page} view={{ repository, publiccode, history, reusedBy, software, dependencies }} />)
    }),
  )

  app.get(
    `/:locale${registryPaths.libraries}`,
    route(async (page, request, reply) => {
      const raw = request.query as Record<string, unknown>
      const ecosystem = (ECOSYSTEMS as readonly unknown[]).includes(raw.ecosystem) ? (raw.ecosystem as string) : undefined
      const q = text(raw.q)
      const current = pageNumber(raw.page)
      const [used, published] = await Promise.all([
        stores.registry.mostUsedLibraries({ ecosystem, q, limit: LIBRARIES_PER_PAGE, offset: (current - 1) * LIBRARIES_PER_PAGE }),
        stores.registry.publishedLibraries({ ecosystem, limit: 200, offset: 0 }),
      ])
      return sendPage(
        reply,
        <LibrariesPage page={page} view={{ ecosystem, q, used: { ...used, page: current, pageSize: LIBRARIES_PER_PAGE }, published: published.items }} />,
      )
    }),
  )

  app.get(
    `/:locale${registryPaths.libraries}/:ecosystem/*`,
    route(async (page, request, reply) => {
      const { ecosystem, '*': name } = request.params as { ecosystem: string; '*': string }
      if (!(ECOSYSTEMS as readonly string[]).includes(ecosystem) || !name || name.length > 300) return notFound(reply)
      const [published, dependents] = await Promise.all([stores.registry.publishedLibrary(ecosystem, name), stores.registry.dependents(ecosystem, name, 100)])
      if (!published && dependents.length === 0) return notFound(reply)
      const repositories = await stores.repositories.byIds(dependents.map((d) => d.repository_id))
      return sendPage(reply, <LibraryPage page={page} ecosystem={ecosystem} name={name} published={published} dependents={repositories} />)
    }),
  )
}
