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
  OPERATING_SYSTEMS,
  orderFacetCounts,
  PLATFORMS,
  STATUSES,
  YES_NO,
} from '../../../domain/catalogue/facets.ts'
import type { CatalogueLife } from '../../../domain/catalogue/editions.ts'
import type { Page, PageRequest } from '../../../domain/shared/page.ts'
import type { DB, NewSoftware, Software } from '../schema.ts'
import { inBatches, withoutInternals } from '../batches.ts'
import { matchesText, relevance, textQuery } from '../search.ts'

export type SoftwareSort = CatalogueSort

export interface SoftwareSearch extends PageRequest {
  q?: string | undefined
  filters?: CatalogueFilters | undefined
  sort?: SoftwareSort | undefined
  /** The signed-in agent's organisation: the "used by my organisation" filter is counted for it. */
  organisation?: string | undefined
  /** Keep only the software that `organisation` uses (its users, matched without accents or case). */
  usedByOrganisation?: boolean | undefined
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

/**
 * The software the public catalogue shows (search, counts, exports): those accepted by moderation.
 * An agent's addition waits for a moderator (migration 0012); its page is seen by its author and staff only.
 */
export const publishedSoftware = (alias = 'software'): RawBuilder<boolean> => sql<boolean>`${sql.ref(`${alias}.moderation`)} = 'accepted'`

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

/**
 * Facets of a closed list are counted value by value in one pass over the matched rows (one filtered
 * count each); the others are grouped by value, array facets unnested as `v`, licence facets by licence.
 */
type ClosedFacet = 'status' | 'platform' | 'os' | 'market' | 'referents' | 'instance'
const CLOSED_FACETS: Record<ClosedFacet, { values: readonly string[]; has(value: string): RawBuilder<boolean> }> = {
  status: { values: STATUSES, has: (value) => sql`m.status = ${value}` },
  platform: { values: PLATFORMS, has: (value) => sql`m.platforms @> array[${value}]::text[]` },
  os: { values: OPERATING_SYSTEMS, has: (value) => sql`m.os @> array[${value}]::text[]` },
  market: { values: YES_NO, has: (value) => (value === 'yes' ? sql`m.market` : sql`not m.market`) },
  referents: { values: YES_NO, has: (value) => (value === 'yes' ? sql`m.referents` : sql`not m.referents`) },
  instance: { values: YES_NO, has: (value) => (value === 'yes' ? sql`m.instance` : sql`not m.instance`) },
}
const GROUPED_FACETS: Record<Exclude<FacetName, ClosedFacet>, { value: RawBuilder<string>; unnest?: RawBuilder<unknown> }> = {
  category: { value: sql`v`, unnest: sql`m.categories` },
  licence: { value: sql`coalesce(m.licence, '')` },
  authorised: { value: sql`coalesce(m.licence, '')` },
  year: { value: sql`v::text`, unnest: sql`m.sill_years` },
}
const isClosed = (facet: FacetName): facet is ClosedFacet => facet in CLOSED_FACETS

const ORDER: Record<SoftwareSort, RawBuilder<unknown>> = {
  relevance: sql`m.rank desc`,
  name: sql`m.sort_name`,
  updated: sql`m.updated_at desc`,
  users: sql`m.popularity desc`,
  release: sql`m.latest_release_on desc nulls last`,
}

/** One change of the catalogue, for its feed and API. */
export interface CatalogueChange {
  /** The change log entry's id, or the software's for a software added since the log. */
  id: string
  kind: 'added' | 'removed' | 'updated'
  /** Null when the software is no longer in the catalogue. */
  slug: string | null
  name: string
  version: string | null
  comment: string | null
  at: Date
  /** Its time to the microsecond, where the next page starts (a Date keeps milliseconds only). */
  position: string
}

/** The software of one page, and the facet counts when asked for. */
export interface SoftwareSearchResult {
  result: Page<SoftwareRecord>
  facets: FacetCounts
  /** With an organisation: how many of the software the other filters keep it uses. */
  usedByOrganisation?: number
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
    const { result, facets, usedByOrganisation } = await this.run(request, true)
    return { result, facets: facets!, ...(usedByOrganisation === undefined ? {} : { usedByOrganisation }) }
  }

  /**
   * One statement reads the rows the text matches once (the costly part: the text search; without
   * text, each part reads the narrow index of migration 0014 instead, in name order for the pages), then
   * pages them under every filter, and counts each facet under the other facets' filters: the total
   * and every value of a closed list in a single pass, the other facets (words, years, licences)
   * grouped by value. A second statement reads the page's rows by id.
   */
  private async run(request: SoftwareSearch, withFacets: boolean): Promise<{ result: Page<SoftwareRecord>; facets?: FacetCounts; usedByOrganisation?: number }> {
    const text = request.q?.trim() ? textQuery(request.q.trim()) : undefined
    const organisation = request.organisation?.trim()
    const usedByOrganisation = organisation
      ? sql<boolean>`m.id in (select u.software_id from software_user u where socle_unaccent(lower(u.organisation)) = socle_unaccent(lower(${organisation})))`
      : undefined
    const licences = withFacets || request.filters?.licence?.length || request.filters?.authorised?.length ? await this.licenceClasses() : { byFamily: new Map(), authorised: [] }
    const filters = request.filters ?? {}
    // The organisation's filter, when chosen, applies with every facet's.
    const where = (except?: FacetName) => (request.usedByOrganisation && usedByOrganisation ? sql`${filtersCondition(filters, licences, except)} and ${usedByOrganisation}` : filtersCondition(filters, licences, except))
    const sort = effectiveSort({ q: text ? request.q : undefined, sort: request.sort })
    const closed = withFacets ? FACETS.filter(isClosed).flatMap((facet) => CLOSED_FACETS[facet].values.map((value) => ({ facet, value }))) : []
    const closedCounts = closed.map(({ facet, value }) => sql`count(*) filter (where ${where(facet)} and ${CLOSED_FACETS[facet].has(value)})::int`)
    if (withFacets && usedByOrganisation) closedCounts.push(sql`count(*) filter (where ${filtersCondition(filters, licences)} and ${usedByOrganisation})::int`)
    // Without a licence choice, both licence facets count the same rows by licence: one grouping serves both.
    const licenceShared = !filters.licence?.length && !filters.authorised?.length
    const grouped = (Object.keys(GROUPED_FACETS) as (keyof typeof GROUPED_FACETS)[])
      .filter((facet) => !(facet === 'authorised' && licenceShared))
      .map((facet) => {
        const { value, unnest } = GROUPED_FACETS[facet]
        return sql`(select json_agg(f) from (
          select ${facet} as facet, ${value} as value, count(*)::int as n
          from matched m ${unnest ? sql`cross join lateral unnest(${unnest}) as v` : sql``}
          where ${where(facet)} group by 2) f)`
      })
    const { rows: [answer] } = await sql<{ ids: string[] | null; counts: number[]; facets: ({ facet: FacetName; value: string; n: number }[] | null)[] | null }>`
      with matched as ${text ? sql`materialized` : sql`not materialized`} (
        select s.id, s.status, s.categories, s.licence, s.platforms, s.os, coalesce(s.support_market, false) as market,
          s.referent_count > 0 as referents, s.public_instance_count > 0 as instance, s.sill_years,
          ${text ? relevance(sql.ref('s.search'), sql.ref('s.name'), text) : sql`0`} as rank, lower(s.name) as sort_name, s.updated_at,
          s.user_count + s.referent_count as popularity, s.latest_release_on
        from software s where ${publishedSoftware('s')} and ${text ? matchesText(sql.ref('s.search'), sql.ref('s.name'), text) : sql`true`}
      )
      select
        -- json_agg reads the page in its subquery's order (no window over every matched row to number it).
        (select json_agg(p.id) from (
          select m.id from matched m where ${where()}
          order by ${ORDER[sort]}, m.sort_name, m.id limit ${request.pageSize} offset ${(request.page - 1) * request.pageSize}
        ) p) as ids,
        (select array[count(*) filter (where ${where()})::int${closedCounts.length ? sql`, ${sql.join(closedCounts)}` : sql``}] from matched m) as counts,
        ${withFacets ? sql`array[${sql.join(grouped)}]` : sql`null`} as facets
    `.execute(this.db)
    const ids = answer!.ids ?? []
    const rows = ids.length ? await this.db.selectFrom('software').selectAll().where('id', 'in', ids).execute() : []
    const byId = new Map(rows.map((row) => [row.id, withoutInternals(row)]))
    const [total = 0, ...closedValues] = answer!.counts
    const result = { items: ids.flatMap((id) => byId.get(id) ?? []), total, page: request.page, pageSize: request.pageSize }
    if (!withFacets) return { result }
    const organisationCount = usedByOrganisation ? closedValues[closed.length] : undefined
    const counted = [
      ...(answer!.facets ?? []).flatMap((counts) => counts ?? []).flatMap((r) => (r.facet === 'licence' && licenceShared ? [r, { ...r, facet: 'authorised' as const }] : [r])),
      ...closed.map(({ facet, value }, i) => ({ facet, value, n: closedValues[i]! })).filter((r) => r.n > 0),
    ]
    const facets = Object.fromEntries(
      FACETS.map((facet) => {
        const raw = counted.filter((r) => r.facet === facet)
        const values = facet === 'licence' || facet === 'authorised' ? byLicenceClass(facet, raw) : raw.map((r) => ({ value: r.value, count: r.n }))
        return [facet, orderFacetCounts(facet, values, filters[facet])]
      }),
    ) as FacetCounts
    return { result, facets, ...(organisationCount === undefined ? {} : { usedByOrganisation: organisationCount }) }
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
      // Only published software is linked to: one awaiting moderation is not for every visitor.
      software.parent_id ? this.db.selectFrom('software as s').select(link).where('s.id', '=', software.parent_id).where(publishedSoftware('s')).executeTakeFirst() : undefined,
      this.db.selectFrom('software as s').select(link).where('s.parent_id', '=', software.id).where(publishedSoftware('s')).orderBy(sql`lower(s.name)`).execute(),
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
        .where(publishedSoftware('s'))
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
    const row = await this.db.selectFrom('software').select((eb) => eb.fn.countAll<number>().as('n')).where(publishedSoftware()).executeTakeFirstOrThrow()
    return row.n
  }

  /** Every row, in batches: for exports. */
  all(): AsyncGenerator<SoftwareRecord> {
    return inBatches((afterId, limit) => {
      let query = this.db.selectFrom('software').selectAll().where(publishedSoftware())
      if (afterId) query = query.where('id', '>', afterId)
      return query.orderBy('id').limit(limit).execute().then((rows) => rows.map(withoutInternals))
    })
  }

  /**
   * The catalogue's changes, newest first: the change log (added, removed, updated) and the software
   * added since, which the log does not list. `before` is the last change of the previous page.
   */
  async changes(limit: number, before?: { position: string; id: string }): Promise<CatalogueChange[]> {
    const { rows } = await sql<Omit<CatalogueChange, 'at'> & { at: Date | string }>`
      select change.*, to_char(change.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as position from (
        select c.id, c.kind, s.slug, c.software_name as name, c.version, c.comment, (c.occurred_on::timestamp at time zone 'UTC') as at
        from software_change c left join software s on s.id = c.software_id and ${publishedSoftware('s')}
        union all
        select s.id, 'added', s.slug, s.name, null, null, s.created_at
        from software s
        where ${publishedSoftware('s')} and not exists (select from software_change c where c.software_id = s.id and c.kind = 'added')
      ) change
      ${before ? sql`where (change.at, change.id) < (${before.position}::timestamptz, ${before.id}::uuid)` : sql``}
      order by change.at desc, change.id desc
      limit ${limit}
    `.execute(this.db)
    return rows.map((row) => ({ ...row, at: new Date(row.at) }))
  }

  /** The years of the SILL lists recorded on the catalogue's software. */
  async recordedSillYears(): Promise<number[]> {
    const { rows } = await sql<{ year: number }>`select distinct unnest(sill_years) as year from software where ${publishedSoftware()} order by 1`.execute(this.db)
    return rows.map((row) => row.year)
  }

  /** Every published software with what tells its presence in the catalogue over time, in batches. */
  async *withLives(): AsyncGenerator<{ software: SoftwareRecord; life: CatalogueLife }> {
    let batch: SoftwareRecord[] = []
    const flush = async () => {
      const ids = batch.map((software) => software.id)
      // Days as the database writes them: a date read into a Date would shift with the time zone.
      const [days, logged] = await Promise.all([
        this.db
          .selectFrom('software')
          .select(['id', sql<string | null>`referenced_on::text`.as('referenced_on'), sql<string | null>`dereferenced_on::text`.as('dereferenced_on'), sql<string>`created_at::date::text`.as('created_on')])
          .where('id', 'in', ids)
          .execute(),
        this.db
          .selectFrom('software_change')
          .select(['software_id', 'kind', sql<string>`occurred_on::text`.as('day')])
          .where('software_id', 'in', ids)
          .where('kind', 'in', ['added', 'removed'])
          .execute(),
      ])
      const daysOf = new Map(days.map((row) => [row.id, row]))
      const lives = batch.map((software) => ({
        software,
        life: {
          sillYears: software.sill_years,
          referencedOn: daysOf.get(software.id)?.referenced_on ?? null,
          dereferencedOn: daysOf.get(software.id)?.dereferenced_on ?? null,
          added: logged.filter((c) => c.software_id === software.id && c.kind === 'added').map((c) => c.day),
          removed: logged.filter((c) => c.software_id === software.id && c.kind === 'removed').map((c) => c.day),
          createdOn: daysOf.get(software.id)?.created_on ?? '',
          dereferenced: software.status === 'dereferenced',
        },
      }))
      batch = []
      return lives
    }
    for await (const software of this.all()) {
      batch.push(software)
      if (batch.length === 500) yield* await flush()
    }
    if (batch.length > 0) yield* await flush()
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
