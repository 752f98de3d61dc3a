import { z } from 'zod'
import type { Context } from '../../../context.ts'
import { type AnyRoute, route } from '../define.ts'
import { OrganisationDto, pageOf, RepositoryDto, toOrganisationDto, toRepositoryDto } from '../../../usecases/opendata/shapes.ts'
import { PageQuery } from './page-query.ts'

export function codeRoutes(context: Pick<Context, 'stores'>): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/repositories',
      tag: 'Public code',
      summary: 'Search the repositories published by public bodies',
      query: PageQuery.extend({
        q: z.string().max(200).optional().describe('Full-text search over names, descriptions and topics.'),
        organisation: z.string().max(100).optional().describe('Slug of the publishing body.'),
        forge: z.enum(['github', 'gitlab', 'gitea', 'git']).optional(),
        language: z.string().max(50).optional(),
        sort: z.enum(['relevance', 'stars', 'pushed', 'name']).optional(),
      }),
      response: pageOf(RepositoryDto),
      async handler({ query }) {
        const result = await context.stores.repositories.search(query)
        return { ...result, items: result.items.map(toRepositoryDto) }
      },
    }),
    route({
      method: 'GET',
      path: '/organisations',
      tag: 'Public code',
      summary: 'The public bodies that publish code',
      response: z.object({ items: z.array(OrganisationDto) }),
      async handler() {
        return { items: (await context.stores.organisations.list()).map(toOrganisationDto) }
      },
    }),
  ]
}
