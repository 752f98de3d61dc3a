import { z } from 'zod'
import type { Context } from '../../../context.ts'
import { InvalidCursor } from '../../../adapters/db/stores/repository-store.ts'
import { complianceBands } from '../../../domain/registry/derived.ts'
import {
  activityWindows, forgeKinds, parseRepositoryQuery, publiccodeStates, repositoryFacets, type RepositoryQuery, repositorySorts, yesNo,
} from '../../../domain/registry/repository-query.ts'
import { reuseCriteria } from '../../../domain/registry/reuse-score.ts'
import { RepositoryDto, toRepositoryDto } from '../../../usecases/opendata/shapes.ts'
import { ApiError } from '../api-error.ts'
import { type AnyRoute, route } from '../define.ts'

const many = (values: readonly string[] | undefined, description: string) => {
  const item = values ? z.enum(values as [string, ...string[]]) : z.string().max(200)
  return z.union([item, z.array(item).max(20)]).optional().describe(`${description} Repeat the parameter for several values (any of them).`)
}

/** The filters of the repository search, as the page's query string has them. */
const RepositoryFilterQuery = z.object({
  q: z.string().max(200).optional().describe('Full-text search over names, descriptions, topics and READMEs (accent-insensitive, typo-tolerant).'),
  organisation: many(undefined, 'Slug of the publishing body.'),
  ministry: many(undefined, 'Slug of a top-level body: its repositories and its sub-bodies’.'),
  kind: many(undefined, 'Kind of the publishing body (ministry, agency, local-authority, university…).'),
  forge: many(forgeKinds, 'Kind of forge.'),
  language: many(undefined, 'Primary language.'),
  licence: many(undefined, 'The licence that applies (SPDX expression).'),
  authorised: z.enum(yesNo).optional().describe('Under a licence French law authorises for administrations, or not.'),
  publiccode: many(publiccodeStates, 'publiccode.yml: valid, invalid or absent.'),
  compliance: many(complianceBands, 'Compliance band of the root files: high (80–100), medium (50–79), low (0–49).'),
  activity: z.enum(activityWindows).optional().describe('Pushed in the last 30 or 365 days.'),
  archived: z.enum(yesNo).optional(),
  fork: z.enum(yesNo).optional(),
  template: z.enum(yesNo).optional(),
  sort: z.enum(repositorySorts).optional().describe('relevance (with q, the default then), reuse (the default otherwise), stars, forks, pushed, created, name.'),
})

/** The query a request asks for; anything unreadable is a 400 naming the field. */
function repositoryQuery(raw: Record<string, unknown>): RepositoryQuery {
  const { query, problems } = parseRepositoryQuery(raw)
  const first = problems[0]
  if (first) {
    const details = problems.map((problem) => ({ field: `query.${problem.field}`, message: problem.message }))
    throw new ApiError(400, 'invalid_request', `Invalid query.${first.field}: ${first.message}`, details)
  }
  return query
}

const FacetValueDto = z.object({ value: z.string(), label: z.string().nullable(), count: z.number().int() })
const ReuseReasonDto = z.object({ criterion: z.enum(reuseCriteria), points: z.number().int(), max: z.number().int() })

export function codeRoutes(context: Pick<Context, 'stores'>): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/repositories',
      tag: 'Public code',
      summary: 'Search the repositories published by public bodies',
      query: RepositoryFilterQuery.extend({
        cursor: z.string().max(400).optional().describe('The nextCursor of the previous page.'),
        limit: z.coerce.number().int().min(1).max(100).default(20),
      }).strict(),
      response: z.object({ items: z.array(RepositoryDto), total: z.number().int(), nextCursor: z.string().nullable() }),
      async handler({ query }) {
        const { cursor, limit, ...filters } = query
        try {
          const result = await context.stores.repositories.search(repositoryQuery(filters), { cursor, limit })
          return { items: result.items.map(toRepositoryDto), total: result.total, nextCursor: result.nextCursor }
        } catch (error) {
          if (error instanceof InvalidCursor) throw new ApiError(400, 'invalid_request', `Invalid query.cursor: ${error.message}`)
          throw error
        }
      },
    }),
    route({
      method: 'GET',
      path: '/repositories/facets',
      tag: 'Public code',
      summary: 'Counts of each facet value under the same filters as the search',
      query: RepositoryFilterQuery.strict(),
      response: z.object(Object.fromEntries(repositoryFacets.map((facet) => [facet, z.array(FacetValueDto)])) as Record<(typeof repositoryFacets)[number], z.ZodArray<typeof FacetValueDto>>),
      async handler({ query }) {
        return await context.stores.repositories.facets(repositoryQuery(query))
      },
    }),
    route({
      method: 'GET',
      path: '/repositories/:host/:owner/:name',
      tag: 'Public code',
      summary: 'One repository, with its reuse score’s reasons and its compliance',
      params: z.object({
        host: z.string().max(255),
        owner: z.string().max(500).describe('Nested groups percent-encoded: group%2Fsubgroup.'),
        name: z.string().max(255),
      }),
      response: RepositoryDto.extend({
        reuseReasons: z.array(ReuseReasonDto),
        compliance: z.object({ score: z.number().int(), compliant: z.boolean(), rules: z.array(z.object({ id: z.string(), status: z.string() })) }).nullable(),
        publiccodeErrors: z.array(z.object({ key: z.string(), message: z.string() })).nullable(),
      }),
      async handler({ params }) {
        const repository = await context.stores.repositories.byAddress(params.host, params.owner, params.name)
        if (!repository || repository.gone_at) throw new ApiError(404, 'not_found', `No repository ${params.host}/${params.owner}/${params.name} in the registry.`)
        return {
          ...toRepositoryDto(repository),
          reuseReasons: repository.reuse_reasons as z.infer<typeof ReuseReasonDto>[],
          compliance: repository.compliance as { score: number; compliant: boolean; rules: { id: string; status: string }[] } | null,
          publiccodeErrors: (repository.publiccode_errors as { key: string; message: string }[] | null)?.map(({ key, message }) => ({ key, message })) ?? null,
        }
      },
    }),
  ]
}
