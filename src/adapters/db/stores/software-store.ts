import { type Kysely, type RawBuilder, sql } from 'kysely'
import {
  type CatalogueFilters,
  type CatalogueSort,
  effectiveSort,
  FACETS,
  type FacetCounts,
  type FacetName,
  LICENCE_FAMILIES,
  licenceFacets,
  orderFacetCounts,
} from '../../../domain/catalogue/facets.ts'
import type { Page, PageRequest } from '../../../domain/shared/page.ts'
import type { DB, NewSoftware, Software } from '../schema.ts'
import { inBatches, withoutInternals } from '../batches.ts'
import { matchesText, pageTotal, relevance, textQuery } from '../search.ts'

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
 * The facet attributes of a software row, as SQL over the alias `s`. The licence family and its
 * authorisation are the domain's rules (TypeScript), so they reach SQL as the list of the catalogue's
 * licences in each class: a few dozen distinct expressions, read at each search.
 */
interface FacetColumns {
  status: RawBuilder<string>
  categories: RawBuilder<string[]>
  licenceFamily: RawBuilder<string>
  authorised: RawBuilder<boolean>
  platforms: RawBuilder<string[]>
  os: RawBuilder<string[]>
  market: RawBuilder<boolean>
  referents: RawBuilder<boolean>
  instance: RawBuilder<boolean>
  years: RawBuilder<number[]>
}

const MATCHED_COLUMNS: FacetColumns = {
  status: sql`m.status`,
  categories: sql`m.categories`,
  licenceFamily: sql`m.licence_family`,
  authorised: sql`m.authorised`,
  platforms: sql`m.platforms`,
  os: sql`m.os`,
  market: sql`m.market`,
  referents: sql`m.referents`,
  instance: sql`m.instance`,
  years: sql`m.sill_years`,
}

const yesNo = (column: RawBuilder<boolean>, values: string[]): RawBuilder<boolean> =>
  values.includes('yes') === values.includes('no') ? sql`true` : values.includes('yes') ? column : sql`not ${column}`

/** The SQL condition of one facet's chosen values. */
function facetCondition(facet: FacetName, values: string[], c: FacetColumns): RawBuilder<boolean> {
  switch (facet) {
    case 'status': return sql`${c.status} = any(${values}::text[])`
    case 'category': return sql`${c.categories} && ${values}::text[]`
    case 'licence': return sql`${c.licenceFamily} = any(${values}::text[])`
    case 'authorised': return yesNo(c.authorised, values)
    case 'platform': return sql`${c.platforms} && ${values}::text[]`
    case 'os': return sql`${c.os} && ${values}::text[]`
    case 'market': return yesNo(c.market, values)
    case 'referents': return yesNo(c.referents, values)
    case 'instance': return yesNo(c.instance, values)
    case 'year': return sql`${c.years} && ${values.map(Number)}::int[]`
  }
}

/** Every chosen facet but `except`, ANDed. */
function filtersCondition(filters: CatalogueFilters, c: FacetColumns, except?: FacetName): RawBuilder<boolean> {
  const conditions = FACETS.filter((facet) => facet !== except && filters[facet]?.length).map((facet) => facetCondition(facet, filters[facet]!, c))
  return conditions.length ? sql`(${sql.join(conditions, sql` and `)})` : sql`true`
}

/** A facet's value in a counted row: the rows of array facets are unnested as `v`. */
const FACET_VALUE: Record<FacetName, { value: RawBuilder<string>; unnest?: RawBuilder<unknown> }> = {
  status: { value: sql`m.status` },
  category: { value: sql`v`, unnest: sql`m.categories` },
  licence: { value: sql`m.licence_family` },
  authorised: { value: sql`case when m.authorised then 'yes' else 'no' end` },
  platform: { value: sql`v`, unnest: sql`m.platforms` },
  os: { value: sql`v`, unnest: sql`m.os` },
  market: { value: sql`case when m.market then 'yes' else 'no' end` },
  referents: { value: sql`case when m.referents then 'yes' else 'no' end` },
  instance: { value: sql`case when m.instance then 'yes' else 'no' end` },
  year: { value: sql`v::text`, unnest: sql`m.sill_years` },
}

const ORDER: Record<Exclude<SoftwareSort, 'relevance'>, RawBuilder<unknown>> = {
  name: sql`lower(s.name)`,
  updated: sql`s.updated_at desc`,
  users: sql`(s.user_count + s.referent_count) desc`,
  release: sql`s.latest_release_on desc nulls last`,
}

/** The catalogue's software, read and written in the database. */
export class SoftwareStore {
  constructor(private readonly db: Kysely<DB>) {}

  async search(request: SoftwareSearch): Promise<Page<SoftwareRecord>> {
    const text = request.q?.trim() ? textQuery(request.q.trim()) : undefined
    const filters = request.filters ?? {}
    const columns = await this.facetColumns(Boolean(filters.licence?.length || filters.authorised?.length))
    const where = sql`${text ? matchesText(sql.ref('s.search'), sql.ref('s.name'), text) : sql`true`} and ${filtersCondition(filters, columns)}`
    const sort = effectiveSort({ q: text ? request.q : undefined, sort: request.sort })
    const order = sort === 'relevance' && text ? sql`${relevance(sql.ref('s.search'), sql.ref('s.name'), text)} desc` : ORDER[sort === 'relevance' ? 'name' : sort]
    const { rows } = await sql<Software & { total_count: number }>`
      select s.*, count(*) over () as total_count from software s
      where ${where}
      order by ${order}, lower(s.name), s.id
      limit ${request.pageSize} offset ${(request.page - 1) * request.pageSize}
    `.execute(this.db)
    const total = await pageTotal(rows, request.page, async () => {
      const { rows: [count] } = await sql<{ n: number }>`select count(*)::int as n from software s where ${where}`.execute(this.db)
      return count!.n
    })
    return { items: rows.map(withoutInternals), total, page: request.page, pageSize: request.pageSize }
  }

  /**
   * The count of each facet value among the software that the text and the other facets' choices
   * match, in one statement: the matched rows are read once, then counted facet by facet.
   */
  async facetCounts(request: Pick<SoftwareSearch, 'q' | 'filters'>): Promise<FacetCounts> {
    const text = request.q?.trim() ? textQuery(request.q.trim()) : undefined
    const filters = request.filters ?? {}
    const columns = await this.facetColumns(true)
    const counts = FACETS.map((facet) => {
      const { value, unnest } = FACET_VALUE[facet]
      return sql`select ${facet} as facet, ${value} as value, count(*)::int as n
        from matched m ${unnest ? sql`cross join lateral unnest(${unnest}) as v` : sql``}
        where ${filtersCondition(filters, MATCHED_COLUMNS, facet)} group by 2`
    })
    const { rows } = await sql<{ facet: FacetName; value: string; n: number }>`
      with matched as materialized (
        select ${columns.status} as status, ${columns.categories} as categories, ${columns.licenceFamily} as licence_family,
          ${columns.authorised} as authorised, ${columns.platforms} as platforms, ${columns.os} as os, ${columns.market} as market,
          ${columns.referents} as referents, ${columns.instance} as instance, ${columns.years} as sill_years
        from software s where ${text ? matchesText(sql.ref('s.search'), sql.ref('s.name'), text) : sql`true`}
      )
      ${sql.join(counts, sql` union all `)}
    `.execute(this.db)
    return Object.fromEntries(
      FACETS.map((facet) => [facet, orderFacetCounts(facet, rows.filter((r) => r.facet === facet).map((r) => ({ value: r.value, count: r.n })), filters[facet])]),
    ) as FacetCounts
  }

  /** The facet columns over `software s`; the licence classes are read only when asked for (a search without licence filter skips them). */
  private async facetColumns(withLicences: boolean): Promise<FacetColumns> {
    const licences = withLicences ? await this.licenceClasses() : { byFamily: new Map<string, string[]>(), authorised: [] }
    const inFamily = LICENCE_FAMILIES.filter((family) => family !== 'proprietary-or-unknown' && licences.byFamily.get(family)?.length)
    return {
      status: sql`s.status`,
      categories: sql`s.categories`,
      licenceFamily: inFamily.length
        ? sql`(case ${sql.join(inFamily.map((family) => sql`when s.licence = any(${licences.byFamily.get(family)!}::text[]) then ${family}`), sql` `)} else 'proprietary-or-unknown' end)`
        : sql`'proprietary-or-unknown'`,
      authorised: sql`coalesce(s.licence = any(${licences.authorised}::text[]), false)`,
      platforms: sql`s.platforms`,
      os: sql`s.os`,
      market: sql`coalesce(s.support_market, false)`,
      referents: sql`(s.referent_count > 0)`,
      instance: sql`(s.public_instance_count > 0)`,
      years: sql`s.sill_years`,
    }
  }

  /** The catalogue's distinct licences by family, and those authorised. */
  private async licenceClasses(): Promise<{ byFamily: Map<string, string[]>; authorised: string[] }> {
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
