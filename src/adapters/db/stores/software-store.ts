import { type Kysely, type RawBuilder, sql } from 'kysely'
import {
  type CatalogueFilters,
  type CatalogueSort,
  effectiveSort,
  FACETS,
  type FacetCount,
  type FacetCounts,
  type FacetName,
  licenceFacets,
  orderFacetCounts,
} from '../../../domain/catalogue/facets.ts'
import type { Page, PageRequest } from '../../../domain/shared/page.ts'
import type { DB, NewSoftware, Software } from '../schema.ts'
import { inBatches, withoutInternals } from '../batches.ts'
import { matchesText, relevance, textQuery } from '../search.ts'

export type SoftwareSort = CatalogueSort

export interface SoftwareSearch extends PageRequest {
  q?: string | undefined
  filters?: CatalogueFilters | undefined
  sort?: SoftwareSort | undefined
}

export type SoftwareRecord = Omit<Software, 'search'>

/** A software linked from another's page. */
export interface SoftwareLink {
  slug: string
  name: string
}

export interface SoftwareChangeRecord {
  kind: string
  version: string | null
  comment: string | null
  /** 'YYYY-MM-DD' */
  occurred_on: string
}

/** What the registry knows of a software's source repository. */
export interface SoftwareRepository {
  forge_host: string
  owner: string
  name: string
  stars: number
  pushed_at: Date | null
}

export interface SoftwareDetails {
  software: SoftwareRecord
  parent: SoftwareLink | null
  children: SoftwareLink[]
  similar: SoftwareLink[]
  changes: SoftwareChangeRecord[]
  repository: SoftwareRepository | null
}

/**
 * The matched rows of a search, in the CTE `m`: the facet attributes and the sort keys of every
 * software the text matches. The licence family and its authorisation are the domain's rules
 * (TypeScript): a licence filter reaches SQL as the lists of the catalogue's licences in the chosen
 * classes, and licence counts are counted by licence, then summed by class.
 */
interface LicenceClasses {
  byFamily: Map<string, string[]>
  authorised: string[]
}

const yesNo = (column: RawBuilder<boolean>, values: string[]): RawBuilder<boolean> =>
  values.includes('yes') === values.includes('no') ? sql`true` : values.includes('yes') ? column : sql`not ${column}`

/** The SQL condition of one facet's chosen values, over the matched rows `m`. */
function facetCondition(facet: FacetName, values: string[], licences: LicenceClasses): RawBuilder<boolean> {
  switch (facet) {
    case 'status': return sql`m.status = any(${values}::text[])`
    case 'category': return sql`m.categories && ${values}::text[]`
    case 'licence': {
      const listed = values.flatMap((family) => licences.byFamily.get(family) ?? [])
      const inList = sql<boolean>`coalesce(m.licence = any(${listed}::text[]), false)`
      // Unknown or proprietary is every licence of no known family, and no licence at all.
      return values.includes('proprietary-or-unknown') ? sql`(${inList} or m.licence is null)` : inList
    }
    case 'authorised': return yesNo(sql`coalesce(m.licence = any(${licences.authorised}::text[]), false)`, values)
    case 'platform': return sql`m.platforms && ${values}::text[]`
    case 'os': return sql`m.os && ${values}::text[]`
    case 'market': return yesNo(sql`m.market`, values)
    case 'referents': return yesNo(sql`m.referents`, values)
    case 'instance': return yesNo(sql`m.instance`, values)
    case 'year': return sql`m.sill_years && ${values.map(Number)}::int[]`
  }
}

/** Every chosen facet but `except`, ANDed. */
function filtersCondition(filters: CatalogueFilters, licences: LicenceClasses, except?: FacetName): RawBuilder<boolean> {
  const conditions = FACETS.filter((facet) => facet !== except && filters[facet]?.length).map((facet) => facetCondition(facet, filters[facet]!, licences))
  return conditions.length ? sql`(${sql.join(conditions, sql` and `)})` : sql`true`
}

/** A facet's value in a counted row (array facets are unnested as `v`); licence facets count by licence. */
const FACET_VALUE: Record<FacetName, { value: RawBuilder<string>; unnest?: RawBuilder<unknown> }> = {
  status: { value: sql`m.status` },
  category: { value: sql`v`, unnest: sql`m.categories` },
  licence: { value: sql`coalesce(m.licence, '')` },
  authorised: { value: sql`coalesce(m.licence, '')` },
  platform: { value: sql`v`, unnest: sql`m.platforms` },
  os: { value: sql`v`, unnest: sql`m.os` },
  market: { value: sql`case when m.market then 'yes' else 'no' end` },
  referents: { value: sql`case when m.referents then 'yes' else 'no' end` },
  instance: { value: sql`case when m.instance then 'yes' else 'no' end` },
  year: { value: sql`v::text`, unnest: sql`m.sill_years` },
}

const ORDER: Record<SoftwareSort, RawBuilder<unknown>> = {
  relevance: sql`m.rank desc`,
  name: sql`m.sort_name`,
  updated: sql`m.updated_at desc`,
  users: sql`m.popularity desc`,
  release: sql`m.latest_release_on desc nulls last`,
}

/** The software of one page, and the facet counts when asked for. */
export interface SoftwareSearchResult {
  result: Page<SoftwareRecord>
  facets: FacetCounts
}

/** The catalogue's software, read and written in the database. */
export class SoftwareStore {
  constructor(private readonly db: Kysely<DB>) {}

  async search(request: SoftwareSearch): Promise<Page<SoftwareRecord>> {
    return (await this.run(request, false)).result
  }

  /**
   * A page of the search and the count of each facet value among the software that the text and
   * the other facets' choices match.
   */
  async searchWithFacets(request: SoftwareSearch): Promise<SoftwareSearchResult> {
    const { result, facets } = await this.run(request, true)
    return { result, facets: facets! }
  }

  /**
   * One statement reads the rows the text matches once (the costly part: the text search), then
   * pages them under every filter and counts each facet under the other facets' filters; a second
   * reads the page's rows by id.
   */
  private async run(request: SoftwareSearch, withFacets: boolean): Promise<{ result: Page<SoftwareRecord>; facets?: FacetCounts }> {
    const text = request.q?.trim() ? textQuery(request.q.trim()) : undefined
    const filters = request.filters ?? {}
    const licences = withFacets || filters.licence?.length || filters.authorised?.length ? await this.licenceClasses() : { byFamily: new Map(), authorised: [] }
    const sort = effectiveSort({ q: text ? request.q : undefined, sort: request.sort })
    const counts = FACETS.map((facet) => {
      const { value, unnest } = FACET_VALUE[facet]
      return sql`select ${facet} as facet, ${value} as value, count(*)::int as n
        from matched m ${unnest ? sql`cross join lateral unnest(${unnest}) as v` : sql``}
        where ${filtersCondition(filters, licences, facet)} group by 2`
    })
    const { rows: [answer] } = await sql<{ ids: string[] | null; total: number; facets: { facet: FacetName; value: string; n: number }[] | null }>`
      with matched as materialized (
        select s.id, s.status, s.categories, s.licence, s.platforms, s.os, coalesce(s.support_market, false) as market,
          s.referent_count > 0 as referents, s.public_instance_count > 0 as instance, s.sill_years,
          ${text ? relevance(sql.ref('s.search'), sql.ref('s.name'), text) : sql`0`} as rank, lower(s.name) as sort_name, s.updated_at,
          s.user_count + s.referent_count as popularity, s.latest_release_on
        from software s where ${text ? matchesText(sql.ref('s.search'), sql.ref('s.name'), text) : sql`true`}
      ),
      chosen as (select * from matched m where ${filtersCondition(filters, licences)})
      select
        (select json_agg(p.id order by p.n) from (
          select m.id, row_number() over (order by ${ORDER[sort]}, m.sort_name, m.id) as n from chosen m
          order by n limit ${request.pageSize} offset ${(request.page - 1) * request.pageSize}
        ) p) as ids,
        (select count(*)::int from chosen) as total,
        ${withFacets ? sql`(select json_agg(f) from (${sql.join(counts, sql` union all `)}) f)` : sql`null`} as facets
    `.execute(this.db)
    const ids = answer!.ids ?? []
    const rows = ids.length ? await this.db.selectFrom('software').selectAll().where('id', 'in', ids).execute() : []
    const byId = new Map(rows.map((row) => [row.id, withoutInternals(row)]))
    const result = { items: ids.flatMap((id) => byId.get(id) ?? []), total: answer!.total, page: request.page, pageSize: request.pageSize }
    if (!withFacets) return { result }
    const counted = answer!.facets ?? []
    const facets = Object.fromEntries(
      FACETS.map((facet) => {
        const raw = counted.filter((r) => r.facet === facet)
        const values = facet === 'licence' || facet === 'authorised' ? byLicenceClass(facet, raw) : raw.map((r) => ({ value: r.value, count: r.n }))
        return [facet, orderFacetCounts(facet, values, filters[facet])]
      }),
    ) as FacetCounts
    return { result, facets }
  }

  /** The catalogue's distinct licences by family, and those authorised. */
  private async licenceClasses(): Promise<LicenceClasses> {
    const { rows } = await sql<{ licence: string }>`select distinct licence from software where licence is not null`.execute(this.db)
    const byFamily = new Map<string, string[]>()
    const authorised: string[] = []
    for (const { licence } of rows) {
      const facets = licenceFacets(licence)
      byFamily.set(facets.family, [...(byFamily.get(facets.family) ?? []), licence])
      if (facets.authorised) authorised.push(licence)
    }
    return { byFamily, authorised }
  }

  async bySlug(slug: string): Promise<SoftwareRecord | undefined> {
    const row = await this.db.selectFrom('software').selectAll().where('slug', '=', slug).executeTakeFirst()
    return row ? withoutInternals(row) : undefined
  }

  /** A software and what its page links to: parent and children, similar software, change log, repository. */
  async details(slug: string): Promise<SoftwareDetails | undefined> {
    const software = await this.bySlug(slug)
    if (!software) return undefined
    const link = ['s.slug', 's.name'] as const
    const [parent, children, similar, changes, repository] = await Promise.all([
      software.parent_id ? this.db.selectFrom('software as s').select(link).where('s.id', '=', software.parent_id).executeTakeFirst() : undefined,
      this.db.selectFrom('software as s').select(link).where('s.parent_id', '=', software.id).orderBy(sql`lower(s.name)`).execute(),
      // Links are stated one way; a page shows them both ways.
      this.db
        .selectFrom('software as s')
        .select(link)
        .where((eb) =>
          eb.or([
            eb('s.id', 'in', eb.selectFrom('software_similar').select('similar_id').where('software_id', '=', software.id)),
            eb('s.id', 'in', eb.selectFrom('software_similar').select('software_id').where('similar_id', '=', software.id)),
          ]),
        )
        .orderBy(sql`lower(s.name)`)
        .execute(),
      this.db
        .selectFrom('software_change')
        .select(['kind', 'version', 'comment', sql<string>`occurred_on::text`.as('occurred_on')])
        .where('software_id', '=', software.id)
        .orderBy('occurred_on', 'desc')
        .orderBy('created_at', 'desc')
        .limit(100)
        .execute(),
      this.repositoryOf(software.repository_url),
    ])
    return { software, parent: parent ?? null, children, similar, changes, repository }
  }

  /** The registry's repository at a software's source address (host, then owner path and name, case-insensitive). */
  private async repositoryOf(url: string | null): Promise<SoftwareRepository | null> {
    const parts = repositoryParts(url)
    if (!parts) return null
    const row = await this.db
      .selectFrom('repository')
      .select(['forge_host', 'owner', 'name', 'stars', 'pushed_at'])
      .where('forge_host', '=', parts.host)
      .where(sql`lower(owner)`, '=', parts.owner)
      .where(sql`lower(name)`, '=', parts.name)
      .executeTakeFirst()
    return row ?? null
  }

  async insert(rows: NewSoftware[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('software').values(rows).execute()
  }

  /** Inserts the rows whose slug and Wikidata id are not taken yet (the demo, next to an imported catalogue). */
  async insertMissing(rows: NewSoftware[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('software').values(rows).onConflict((oc) => oc.doNothing()).execute()
  }

  async total(): Promise<number> {
    const row = await this.db.selectFrom('software').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return row.n
  }

  /** Every row, in batches: for exports. */
  all(): AsyncGenerator<SoftwareRecord> {
    return inBatches((afterId, limit) => {
      let query = this.db.selectFrom('software').selectAll()
      if (afterId) query = query.where('id', '>', afterId)
      return query.orderBy('id').limit(limit).execute().then((rows) => rows.map(withoutInternals))
    })
  }
}

/** Counts by licence ('' for none) summed by family, or by authorisation. */
function byLicenceClass(facet: 'licence' | 'authorised', counts: { value: string; n: number }[]): FacetCount[] {
  const sums = new Map<string, number>()
  for (const { value, n } of counts) {
    const { family, authorised } = licenceFacets(value || null)
    const key = facet === 'licence' ? family : authorised ? 'yes' : 'no'
    sums.set(key, (sums.get(key) ?? 0) + n)
  }
  return [...sums].map(([value, count]) => ({ value, count }))
}

/** `https://gitlab.com/group/sub/name.git/` → host `gitlab.com`, owner `group/sub`, name `name`, lower-cased. */
export function repositoryParts(url: string | null): { host: string; owner: string; name: string } | undefined {
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const segments = parsed.pathname.toLowerCase().split('/').filter(Boolean)
  const name = segments.pop()?.replace(/\.git$/, '')
  if (!name || segments.length === 0) return undefined
  return { host: parsed.hostname.toLowerCase(), owner: segments.join('/'), name }
}
