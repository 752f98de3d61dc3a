import { z } from 'zod'
import type { Context } from '../../../context.ts'
import { ApiError } from '../api-error.ts'
import { type AnyRoute, route, Streamed } from '../define.ts'
import { pageOf, SoftwareDto, toSoftwareDto } from '../../../usecases/opendata/shapes.ts'
import { PageQuery } from './page-query.ts'
import { InvalidChangeCursor, readCatalogueChanges } from '../../../usecases/catalogue/catalogue-feed.ts'
import { listEditions, readEdition } from '../../../usecases/catalogue/yearly-edition.ts'
import { exportRows, mapped } from '../../../usecases/opendata/export-dataset.ts'
import {
  type CatalogueFilters,
  FACET_VALUES,
  FACETS,
  type FacetName,
  FIRST_YEAR,
  LAST_YEAR,
  MAX_VALUE_LENGTH,
  MAX_VALUES_PER_FACET,
  SORTS,
} from '../../../domain/catalogue/facets.ts'

/** A facet's values: one (`?status=observation`) or several (`?status=observation&status=dereferenced`), ORed. */
function facetQuery(facet: FacetName) {
  const values = FACET_VALUES[facet]
  const one =
    values === 'text'
      ? z.string().min(1).max(MAX_VALUE_LENGTH)
      : values === 'year'
        ? z.string().regex(/^\d{4}$/, 'must be a year').refine((year) => Number(year) >= FIRST_YEAR && Number(year) <= LAST_YEAR, `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`)
        : z.enum(values as [string, ...string[]])
  return z
    .union([one, z.array(one).max(MAX_VALUES_PER_FACET)])
    .optional()
    .transform((value) => (value === undefined ? undefined : [...new Set(Array.isArray(value) ? value : [value])]))
    .describe(FACET_DESCRIPTIONS[facet])
}

const FACET_DESCRIPTIONS: Record<FacetName, string> = {
  status: 'Status in the catalogue.',
  category: 'Category, as the catalogue writes it.',
  licence: 'Licence family (of the SPDX expression; no licence counts as proprietary-or-unknown).',
  authorised: 'Whether the licence is in the list authorised for public bodies (CRPA art. D323-2-1).',
  platform: 'Platform it runs on.',
  os: 'Operating system it runs on.',
  market: 'Covered by the interministerial support contract.',
  referents: 'Has at least one referent.',
  instance: 'Has at least one public instance.',
  year: 'A year of the SILL that listed it.',
}

const SoftwareQuery = PageQuery.extend({
  q: z.string().max(200).optional().describe('Full-text search: accent-insensitive, French and English, tolerant of typos in names.'),
  sort: z.enum(SORTS).optional().describe('Default: relevance with q, name otherwise. users: users and referents, most first; release: latest release first.'),
  facets: z.enum(['true', 'false']).optional().describe('true: also answer the count of each facet value (each counted under the other facets’ filters).'),
  ...(Object.fromEntries(FACETS.map((facet) => [facet, facetQuery(facet)])) as Record<FacetName, ReturnType<typeof facetQuery>>),
}).strict()

const ChangeDto = z.object({
  id: z.string().describe('Stable: the same change keeps its id.'),
  kind: z.enum(['added', 'removed', 'updated']),
  software: z.object({ slug: z.string().nullable().describe('Null when the software is no longer in the catalogue.'), name: z.string() }),
  version: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.iso.datetime().describe('When it changed (the day, at midnight UTC, for the change log’s entries).'),
})

const EDITION_FILE = /^(\d{4})(?:\.(json|csv))?$/

export function catalogueRoutes(context: Pick<Context, 'stores'>): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/software/changes',
      tag: 'Catalogue',
      summary: 'The catalogue’s changes, newest first (also an Atom feed at /fr/catalogue/changes.atom)',
      query: z
        .object({
          cursor: z.string().max(400).optional().describe('The nextCursor of the previous page.'),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        })
        .strict(),
      response: z.object({ items: z.array(ChangeDto), nextCursor: z.string().nullable() }),
      async handler({ query }) {
        try {
          const page = await readCatalogueChanges(context.stores, query)
          return {
            items: page.items.map((c) => ({ id: c.id, kind: c.kind, software: { slug: c.slug, name: c.name }, version: c.version, comment: c.comment, at: c.at.toISOString() })),
            nextCursor: page.nextCursor,
          }
        } catch (error) {
          if (error instanceof InvalidChangeCursor) throw new ApiError(400, 'invalid_request', `Invalid query.cursor: ${error.message}.`, [{ field: 'query.cursor', message: 'not a cursor' }])
          throw error
        }
      },
    }),
    route({
      method: 'GET',
      path: '/software/editions',
      tag: 'Catalogue',
      summary: 'The yearly editions: the catalogue as it stood each year, with their sizes',
      response: z.object({
        items: z.array(z.object({ year: z.number().int(), recorded: z.boolean().describe('A list the SILL published; otherwise derived from the catalogue’s history, at the end of the year (today for the current one).'), count: z.number().int() })),
      }),
      async handler() {
        return { items: await listEditions(context.stores, new Date()) }
      },
    }),
    route({
      method: 'GET',
      path: '/software/editions/:edition',
      tag: 'Catalogue',
      summary: 'One yearly edition, whole, as JSON (2024, 2024.json) or CSV (2024.csv)',
      params: z.object({ edition: z.string().regex(EDITION_FILE, 'must be a year, optionally followed by .json or .csv').describe('A year, then .json or .csv.') }),
      response: z.instanceof(Streamed),
      produces: ['application/json', 'text/csv'],
      async handler({ params }) {
        const [, year, format = 'json'] = EDITION_FILE.exec(params.edition)! as unknown as [string, string, 'json' | 'csv' | undefined]
        const edition = await readEdition(context.stores, Number(year), new Date())
        if (!edition) throw new ApiError(404, 'not_found', `No edition of the catalogue for ${year}.`)
        const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8'
        return new Streamed(type, exportRows(SoftwareDto, mapped(edition.software, toSoftwareDto), format), `software-${year}.${format}`)
      },
    }),
    route({
      method: 'GET',
      path: '/software',
      tag: 'Catalogue',
      summary: 'Search the software catalogue',
      query: SoftwareQuery,
      response: pageOf(SoftwareDto).extend({
        facets: z.partialRecord(z.enum(FACETS), z.array(z.object({ value: z.string(), count: z.number().int() }))).optional().describe('With facets=true: the count of each facet value.'),
      }),
      async handler({ query }) {
        const { q, sort, page, pageSize, facets, ...chosen } = query
        const filters: CatalogueFilters = Object.fromEntries(Object.entries(chosen).filter(([, values]) => values !== undefined))
        const request = { q, sort, page, pageSize, filters }
        if (facets !== 'true') {
          const result = await context.stores.software.search(request)
          return { ...result, items: result.items.map(toSoftwareDto) }
        }
        const { result, facets: counts } = await context.stores.software.searchWithFacets(request)
        return { ...result, items: result.items.map(toSoftwareDto), facets: counts }
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
        // Software awaiting moderation (or rejected) is not public yet.
        if (!software || software.moderation !== 'accepted') throw new ApiError(404, 'not_found', `No software "${params.slug}" in the catalogue.`)
        return toSoftwareDto(software)
      },
    }),
  ]
}
