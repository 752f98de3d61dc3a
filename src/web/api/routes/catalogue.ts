import { z } from 'zod'
import type { Context } from '../../../context.ts'
import { ApiError } from '../api-error.ts'
import { type AnyRoute, route } from '../define.ts'
import { pageOf, SoftwareDto, toSoftwareDto } from '../../../usecases/opendata/shapes.ts'
import { PageQuery } from './page-query.ts'

export function catalogueRoutes(context: Pick<Context, 'stores'>): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/software',
      tag: 'Catalogue',
      summary: 'Search the software catalogue',
      query: PageQuery.extend({
        q: z.string().max(200).optional().describe('Full-text search: accent-insensitive, French and English, tolerant of typos in names.'),
        status: z.enum(['recommended', 'observation', 'dereferenced']).optional(),
        sort: z.enum(['relevance', 'name', 'updated']).optional(),
      }),
      response: pageOf(SoftwareDto),
      async handler({ query }) {
        const result = await context.stores.software.search(query)
        return { ...result, items: result.items.map(toSoftwareDto) }
      },
    }),
    route({
      method: 'GET',
      path: '/software/:slug',
      tag: 'Catalogue',
      summary: 'One software of the catalogue',
      params: z.object({ slug: z.string().max(100) }),
      response: SoftwareDto,
      async handler({ params }) {
        const software = await context.stores.software.bySlug(params.slug)
        if (!software) throw new ApiError(404, 'not_found', `No software "${params.slug}" in the catalogue.`)
        return toSoftwareDto(software)
      },
    }),
  ]
}
