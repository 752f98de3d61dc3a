import { z } from 'zod'
import type { AccountRecord, BodySummary } from '../../../adapters/db/stores/body-store.ts'
import type { Context } from '../../../context.ts'
import { encodeCursor, readCursor } from '../../../domain/shared/cursor.ts'
import { bodyKinds } from '../../../domain/sources/sources-file.ts'
import { iso } from '../../../usecases/opendata/shapes.ts'
import { compareBodies, listBodies } from '../../../usecases/registry/list-bodies.ts'
import { readBody } from '../../../usecases/registry/read-body.ts'
import { ApiError } from '../api-error.ts'
import { type AnyRoute, route } from '../define.ts'

const TAG = 'Public code'
const date = z.iso.datetime()

const Tally = z.object({ key: z.string(), count: z.number().int() })

const ProfileDto = z.object({
  repositories: z.number().int(),
  archived: z.number().int(),
  pushedLast30Days: z.number().int(),
  pushedLast365Days: z.number().int(),
  publiccode: z.object({ present: z.number().int(), valid: z.number().int() }),
  languages: z.array(Tally).describe('The 15 most used languages.'),
  otherLanguages: z.number().int().describe('Repositories in another language, or none known.'),
  licences: z.array(Tally.extend({ authorised: z.boolean() })).describe('The 15 most used licences, and whether CRPA art. D323-2-1 authorises each for software.'),
  otherLicences: z.number().int(),
  withoutLicence: z.number().int(),
  authorisedLicences: z.number().int().describe('Repositories under an authorised licence.'),
  createdByYear: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  forges: z.array(Tally).describe('Repositories by forge host.'),
})

const StatisticsDto = ProfileDto.extend({ bodies: z.number().int(), accounts: z.number().int() })

const BodyDto = z.object({
  slug: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.string(),
  parent: z.string().nullable().describe('Slug of the body it reports to.'),
  siren: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  repositoryCount: z.number().int().describe('Repositories of the body itself.'),
  totalRepositoryCount: z.number().int().describe('Repositories of the body and of all its sub-bodies.'),
  demo: z.boolean(),
})

const AccountDto = z.object({
  url: z.string(),
  forge: z.string(),
  host: z.string(),
  owner: z.string(),
  organisation: z.string().nullable().describe('Slug of the body that owns the account.'),
  name: z.string().nullable(),
  description: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  location: z.string().nullable(),
  createdAt: date.nullable(),
  forgeRepositoryCount: z.number().int().nullable().describe('How many repositories the forge says the account has.'),
  repositoryCount: z.number().int().describe('Repositories Socle holds for the account.'),
  status: z.enum(['new', 'ok', 'stale', 'gone']),
  lastError: z.string().nullable().describe('Why the last crawl failed, while the account is stale.'),
  lastCrawledAt: date.nullable(),
})

const Slug = z.object({ slug: z.string().min(1).max(200) })

/** The opaque position after which the next page of bodies starts: the last body's name and slug. */
const Cursor = z.object({ name: z.string(), slug: z.string() })

function bodyCursor(body: Pick<BodySummary, 'name' | 'slug'>): string {
  return encodeCursor({ name: body.name, slug: body.slug })
}

function decodeCursor(cursor: string): z.infer<typeof Cursor> {
  const parsed = Cursor.safeParse(readCursor(cursor))
  if (parsed.success) return parsed.data
  throw new ApiError(400, 'invalid_request', 'Invalid query.cursor: use the nextCursor of a previous answer.', [{ field: 'query.cursor', message: 'not a cursor' }])
}

function toAccountDto(a: AccountRecord): z.infer<typeof AccountDto> {
  return {
    url: a.url,
    forge: a.forge,
    host: a.host,
    owner: a.owner,
    organisation: a.organisation_slug,
    name: a.name,
    description: a.description,
    avatarUrl: a.avatar_url,
    website: a.website,
    email: a.email,
    location: a.location,
    createdAt: iso(a.created_on_forge),
    forgeRepositoryCount: a.repository_count,
    repositoryCount: a.repositories,
    status: a.status as z.infer<typeof AccountDto>['status'],
    lastError: a.status === 'stale' ? a.last_error : null,
    lastCrawledAt: iso(a.last_crawled_at),
  }
}

function toBodyDto(body: BodySummary, parentSlug: string | null, ownCount: number, totalCount: number): z.infer<typeof BodyDto> {
  return {
    slug: body.slug,
    name: body.name,
    acronym: body.acronym,
    kind: body.kind,
    parent: parentSlug,
    siren: body.siren,
    website: body.website,
    description: body.description,
    repositoryCount: ownCount,
    totalRepositoryCount: totalCount,
    demo: body.is_demo,
  }
}

/** Public bodies, their accounts and the registry's statistics. */
export function bodyRoutes(context: Pick<Context, 'stores'>): AnyRoute[] {
  const { stores } = context
  return [
    route({
      method: 'GET',
      path: '/organisations',
      tag: TAG,
      summary: 'The public bodies that publish code, by name, with their repository counts',
      query: z.object({
        q: z.string().max(200).optional().describe('Name or acronym: accent-insensitive, tolerant of typos, or a part of either.'),
        kind: z.enum(bodyKinds).optional(),
        cursor: z.string().max(1000).optional().describe('The nextCursor of the previous page.'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: z.object({ items: z.array(BodyDto), total: z.number().int(), nextCursor: z.string().nullable() }),
      async handler({ query }) {
        const { rows } = await listBodies(stores, { q: query.q, kind: query.kind })
        const after = query.cursor ? decodeCursor(query.cursor) : undefined
        const rest = after ? rows.filter((row) => compareBodies(row.body, after) > 0) : rows
        const page = rest.slice(0, query.limit)
        const last = page.at(-1)
        return {
          items: page.map((row) => toBodyDto(row.body, row.parent?.slug ?? null, row.ownCount, row.totalCount)),
          total: rows.length,
          nextCursor: last && rest.length > page.length ? bodyCursor(last.body) : null,
        }
      },
    }),
    route({
      method: 'GET',
      path: '/organisations/:slug',
      tag: TAG,
      summary: 'One public body: its identity, sub-bodies and what it publishes (with its sub-bodies)',
      params: Slug,
      response: BodyDto.extend({
        children: z.array(z.object({ slug: z.string(), name: z.string(), totalRepositoryCount: z.number().int() })),
        statistics: ProfileDto,
      }),
      async handler({ params }) {
        const reading = await readBody(stores, params.slug, { page: 1, pageSize: 1 })
        if (!reading) throw new ApiError(404, 'not_found', `No public body has the slug "${params.slug}".`)
        const { body, node, profile } = reading
        return {
          ...toBodyDto(body, body.parent?.slug ?? null, node.ownCount, node.totalCount),
          children: node.children.map((child) => ({ slug: child.body.slug, name: child.body.name, totalRepositoryCount: child.totalCount })),
          statistics: profile,
        }
      },
    }),
    route({
      method: 'GET',
      path: '/organisations/:slug/accounts',
      tag: TAG,
      summary: 'The forge accounts of a public body, with their crawl status',
      params: Slug,
      response: z.object({ items: z.array(AccountDto) }),
      async handler({ params }) {
        const body = await stores.bodies.bySlug(params.slug)
        if (!body) throw new ApiError(404, 'not_found', `No public body has the slug "${params.slug}".`)
        return { items: (await stores.bodies.accounts([body.id])).map(toAccountDto) }
      },
    }),
    route({
      method: 'GET',
      path: '/accounts/:host/:owner',
      tag: TAG,
      summary: 'One forge account, with what its repositories look like',
      params: z.object({
        host: z.string().min(1).max(253),
        owner: z.string().min(1).max(500).describe('The owner, URL-encoded: a GitLab subgroup is `group%2Fsubgroup`.'),
      }),
      response: AccountDto.extend({ statistics: ProfileDto }),
      async handler({ params }) {
        const account = await stores.bodies.account(params.host, params.owner)
        if (!account) throw new ApiError(404, 'not_found', `No account ${params.host}/${params.owner} is registered.`)
        return { ...toAccountDto(account), statistics: await stores.statistics.profile({ sourceId: account.id }) }
      },
    }),
    route({
      method: 'GET',
      path: '/statistics',
      tag: TAG,
      summary: 'Statistics of the registry: repositories, bodies, accounts, forges, languages, licences, publiccode.yml, activity',
      response: StatisticsDto,
      async handler() {
        return await stores.statistics.registry()
      },
    }),
  ]
}
