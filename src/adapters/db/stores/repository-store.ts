import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import { complianceBandRanges } from '../../../domain/registry/derived.ts'
import type { RepositoryFacet, RepositoryFilters, RepositoryQuery, RepositorySort } from '../../../domain/registry/repository-query.ts'
import type { Page } from '../../../domain/shared/page.ts'
import { encodeCursor, readCursor } from '../../../domain/shared/cursor.ts'
import { inBatches } from '../batches.ts'
import type { DB, NewRepository, Repository } from '../schema.ts'
import { type TextQuery, textQuery } from '../search.ts'
import { publishedSoftware } from './software-store.ts'

/** The columns a list of repositories shows (cards, exports): everything but the files' text. */
const SUMMARY_COLUMNS = [
  'id', 'forge', 'forge_host', 'owner', 'name', 'url', 'clone_url', 'description', 'topics', 'homepage', 'language', 'languages', 'licence',
  'effective_licence', 'licence_authorised', 'default_branch', 'stars', 'forks', 'watchers', 'open_issues', 'size_kb', 'archived', 'is_fork',
  'parent_full_name', 'is_template', 'created_on_forge', 'pushed_at', 'first_seen_at', 'latest_release', 'publiccode_valid', 'reuse_score',
  'compliance_score', 'reused_by', 'organisation_id', 'source_id', 'is_demo', 'gone_at',
] as const satisfies readonly (keyof Repository)[]

export type RepositorySummary = Pick<Repository, (typeof SUMMARY_COLUMNS)[number]>

export type RepositoryRecord = RepositorySummary & {
  organisation_slug: string | null
  organisation_name: string | null
}

/** A repository with everything the crawl and the registry know of it: its page. */
export type RepositoryDetail = Omit<Repository, 'search' | 'readme_search'> & { organisation_slug: string | null; organisation_name: string | null }

/** Which repositories a list covers, besides the user's filters: a body's page, an account's page. */
export type RepositoryScope = { organisationIds: readonly string[] } | { sourceId: string }

/** Pages for people (offset), or a cursor for programs (stable while rows are added). */
export type RepositoryWindow = { page: number; pageSize: number } | { cursor: string | undefined; limit: number }

export interface RepositoryResults extends Page<RepositoryRecord> {
  /** The cursor of the next page, null on the last one (cursor windows only). */
  nextCursor: string | null
}

export interface FacetValue {
  value: string
  label: string | null
  count: number
}

export type RepositoryFacets = Record<RepositoryFacet, FacetValue[]>

/** Below this many matches in names, descriptions and topics, a search is widened (see textMatch). */
const FEW_MATCHES = 100

/** A search's words, and whether READMEs are read for them (see RepositoryStore.textMatch). */
interface TextMatch {
  text: TextQuery
  /** Names close to the words, and READMEs, are searched too. */
  widened: boolean
}

/** The two ways words match a listed repository `l`: in its text, or a name close enough to be a typo. */
function matchConditions(text: TextQuery): { inText: RawBuilder<SqlBool>; nameClose: RawBuilder<SqlBool> } {
  return { inText: sql<SqlBool>`l.search @@ ${text.query}`, nameClose: sql<SqlBool>`socle_unaccent(lower(l.name)) % ${text.plain}` }
}

/** Facet counts kept at most (lists without words; see facets). */
const FACET_CACHE_SIZE = 200

/** Values listed at most per facet (the selected ones are always listed). */
const FACET_VALUES = 30

/** The sorts, as an SQL key (with the row's id to break ties) and a direction. */
const SORT_KEYS: Record<Exclude<RepositorySort, 'relevance'>, { key: RawBuilder<unknown>; direction: 'desc' | 'asc' }> = {
  reuse: { key: sql`r.reuse_score`, direction: 'desc' },
  stars: { key: sql`r.stars`, direction: 'desc' },
  forks: { key: sql`r.forks`, direction: 'desc' },
  pushed: { key: sql`coalesce(r.pushed_at, '-infinity'::timestamptz)`, direction: 'desc' },
  created: { key: sql`coalesce(r.created_on_forge, '-infinity'::timestamptz)`, direction: 'desc' },
  name: { key: sql`lower(r.name)`, direction: 'asc' },
}

/** Repositories published by public bodies, as crawled from the forges: search, facets, pages. */
export class RepositoryStore {
  private readonly facetCache = new Map<string, { version: string; facets: RepositoryFacets }>()

  constructor(private readonly db: Kysely<DB>) {}

  /** One window of the repositories matching a query. */
  async search(query: RepositoryQuery, window: RepositoryWindow, options: { now?: Date; scope?: RepositoryScope } = {}): Promise<RepositoryResults> {
    const match = await this.textMatch(query.q)
    const where = this.where(query, options.now ?? new Date(), options.scope)
    const sort = query.sort === 'relevance' && !query.q ? 'reuse' : query.sort
    const cursor = 'cursor' in window ? decodeCursor(window.cursor) : undefined
    const limit = 'cursor' in window ? window.limit : window.pageSize
    const offset = 'cursor' in window ? (cursor?.offset ?? 0) : (window.page - 1) * window.pageSize

    let after: RawBuilder<SqlBool> | undefined
    const { key, direction } = sort === 'relevance' ? { key: sql`r.score`, direction: 'desc' as const } : SORT_KEYS[sort]
    if (sort !== 'relevance' && cursor?.after) {
      after = direction === 'desc' ? sql<SqlBool>`(${key}, r.id) < (${cursor.after[0]}, ${cursor.after[1]})` : sql<SqlBool>`(${key}, r.id) > (${cursor.after[0]}, ${cursor.after[1]})`
    }
    const conditions = after ? [...where, after] : where
    const order = (k: RawBuilder<unknown>, id: RawBuilder<unknown>) => (direction === 'desc' ? sql`${k} desc, ${id} desc` : sql`${k} asc, ${id} asc`)
    // The window is chosen in the narrow listing; only its rows are read from the repositories. The
    // total is counted apart: a window count would keep every match in memory to count them.
    const [rows, total] = await Promise.all([
      sql<RepositoryRecord & { sort_key: unknown }>`
        with window_rows as (
          select r.id, ${key} as sort_key
          from ${this.listed(match, sort === 'relevance')} left join organisation o on o.id = r.organisation_id
          where ${sql.join(conditions, sql` and `)}
          order by ${order(key, sql`r.id`)}
          limit ${limit + 1} offset ${after ? 0 : offset}
        )
        select ${sql.join(SUMMARY_COLUMNS.map((column) => sql.ref(`r.${column}`)))}, o.slug as organisation_slug, o.name as organisation_name, w.sort_key
        from window_rows w join repository r on r.id = w.id left join organisation o on o.id = r.organisation_id
        order by ${order(sql`w.sort_key`, sql`w.id`)}
      `.execute(this.db),
      this.count(this.listed(match, false), where),
    ])
    const items = rows.rows.slice(0, limit).map(({ sort_key: _key, ...row }) => row)
    let nextCursor: string | null = null
    if ('cursor' in window && rows.rows.length > limit) {
      const last = rows.rows[limit - 1]!
      nextCursor = sort === 'relevance' ? encodeCursor({ offset: offset + limit }) : encodeCursor({ after: [cursorValue(last.sort_key), last.id] })
    }
    const page = 'cursor' in window ? 1 : window.page
    return { items, total, page, pageSize: limit, nextCursor }
  }

  /**
   * How many repositories each facet value would give: every facet counted under the other facets'
   * filters (choosing a language does not hide the other languages), in one pass for the facets
   * without a selection and one query per facet with one.
   */
  async facets(query: RepositoryQuery, options: { now?: Date; scope?: RepositoryScope } = {}): Promise<RepositoryFacets> {
    const now = options.now ?? new Date()
    if (query.q) return await this.countFacets(query, now, options.scope)
    // Lists without words — the registry's first page, a body's page, a few facets ticked — are what
    // most visitors open: their counts are kept while the listing does not change, and an hour at most
    // (the activity facet moves with time).
    const { sort: _sort, ...filters } = query
    const key = JSON.stringify([filters, options.scope ?? null, Math.floor(now.getTime() / 3_600_000)])
    const version = await this.listingVersion()
    const kept = this.facetCache.get(key)
    if (kept && kept.version === version) return kept.facets
    const facets = await this.countFacets(query, now, options.scope)
    this.facetCache.delete(key)
    this.facetCache.set(key, { version, facets })
    if (this.facetCache.size > FACET_CACHE_SIZE) this.facetCache.delete(this.facetCache.keys().next().value!)
    return facets
  }

  /** A number that changes with every write to the listing (migration 0017). */
  private async listingVersion(): Promise<string> {
    const result = await sql<{ version: string }>`select last_value::text as version from repository_listing_version`.execute(this.db)
    return result.rows[0]?.version ?? ''
  }

  private async countFacets(query: RepositoryQuery, now: Date, scope: RepositoryScope | undefined): Promise<RepositoryFacets> {
    const selected = FACETS.filter((facet) => facetIsSet(query, facet.name))
    const unselected = FACETS.filter((facet) => !facetIsSet(query, facet.name))
    const listed = this.listed(await this.textMatch(query.q), false)
    const counts = await Promise.all([
      unselected.length > 0 ? this.facetCounts(unselected, listed, this.where(query, now, scope)) : [],
      ...selected.map((facet) => this.facetCounts([facet], listed, this.where({ ...query, [facet.name]: undefined }, now, scope))),
    ])
    const result = Object.fromEntries(FACETS.map((facet) => [facet.name, [] as FacetValue[]])) as RepositoryFacets
    for (const row of counts.flat()) result[row.facet].push({ value: row.value, label: row.label, count: row.count })
    for (const facet of FACETS) result[facet.name] = result[facet.name].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES)
    return result
  }

  /**
   * Every facet's counts in one pass over the matching rows: one grouping set per facet, the set of a
   * result row told by grouping()'s bits (0 for the facet it counts).
   */
  private async facetCounts(facets: readonly FacetDefinition[], listed: RawBuilder<unknown>, where: RawBuilder<SqlBool>[]): Promise<{ facet: RepositoryFacet; value: string; label: string | null; count: number }[]> {
    const needsRoots = facets.some((facet) => facet.name === 'ministry')
    const sets = facets.map((facet) => (facet.label ? sql`(${facet.value}, ${facet.label})` : sql`(${facet.value})`))
    const columns = facets.map((facet, i) => sql`${facet.value}::text as ${sql.ref(`v${i}`)}, ${facet.label ?? sql`null`}::text as ${sql.ref(`l${i}`)}`)
    const result = await sql<Record<string, string | number | null>>`
      with recursive ${needsRoots ? sql`roots as (
        select id, id as root from organisation where parent_id is null
        union all select child.id, roots.root from organisation child join roots on child.parent_id = roots.id
      ),` : sql``}
      filtered as not materialized (
        select r.forge, r.language, r.effective_licence, r.licence_authorised, r.publiccode_valid, r.compliance_score, r.pushed_at,
          r.archived, r.is_fork, r.is_template, o.slug as organisation_slug, o.name as organisation_name, o.kind as organisation_kind
          ${needsRoots ? sql`, m.slug as ministry_slug, m.name as ministry_name` : sql``}
        from ${listed} left join organisation o on o.id = r.organisation_id
        ${needsRoots ? sql`left join roots on roots.id = r.organisation_id left join organisation m on m.id = roots.root` : sql``}
        where ${sql.join(where, sql` and `)}
      )
      select grouping(${sql.join(facets.map((facet) => facet.value))}) as g, ${sql.join(columns)}, count(*)::int as n
      from filtered
      group by grouping sets (${sql.join(sets)})
    `.execute(this.db)
    const counts: { facet: RepositoryFacet; value: string; label: string | null; count: number }[] = []
    for (const row of result.rows) {
      const i = facets.findIndex((_, index) => ((Number(row.g) >> (facets.length - 1 - index)) & 1) === 0)
      const value = row[`v${i}`]
      if (i < 0 || value === null || value === undefined) continue
      counts.push({ facet: facets[i]!.name, value: String(value), label: (row[`l${i}`] as string | null) ?? null, count: Number(row.n) })
    }
    return counts
  }

  private async count(listed: RawBuilder<unknown>, where: RawBuilder<SqlBool>[]): Promise<number> {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${listed} left join organisation o on o.id = r.organisation_id where ${sql.join(where, sql` and `)}`.execute(this.db)
    return result.rows[0]?.n ?? 0
  }

  /**
   * The repositories a list reads, as `r` (their listing; gone ones are not in it): all of them, or
   * those the words match, each with its relevance as `r.score`. Each kind of match is read through
   * its own index and counted once: the words in the name, topics and description, ranked by the
   * text's rank (plus one when the name is the words themselves); then, for a search that finds
   * little (see textMatch), a name close enough to be a typo of the words, ranked by its similarity,
   * else the README.
   *
   * Counts and facets do not need the rank (`ranked` false).
   */
  private listed(match: TextMatch | undefined, ranked: boolean): RawBuilder<unknown> {
    if (!match) return sql`repository_listing r`
    const { text, widened } = match
    const { inText, nameClose } = matchConditions(text)
    return sql`(
      select l.*, ${ranked ? sql`ts_rank(l.search, ${text.query}) + case when socle_unaccent(lower(l.name)) = ${text.plain} then 1 else 0 end` : sql`0`} as score
        from repository_listing l where ${inText}
      ${widened ? sql`union all select l.*, ${ranked ? sql`similarity(socle_unaccent(lower(l.name)), ${text.plain})` : sql`0`} from repository_listing l where ${nameClose} and not ${inText}
      union all select l.*, 0 from repository_listing l
        where l.id in (select id from repository where readme_search @@ ${text.query}) and not ${inText} and not ${nameClose}` : sql``}
    ) r`
  }

  /**
   * The words of a list, if any, and whether the search is widened to names close enough to be a typo
   * of them and to READMEs: only when names, descriptions and topics match fewer than FEW_MATCHES
   * repositories. A common word is in half of all READMEs, a short one close to thousands of names,
   * and the results they would add would rank after the others anyway while costing a read of most
   * of the table; a rare or mistyped word, though, is worth finding wherever it is.
   */
  private async textMatch(q: string | undefined): Promise<TextMatch | undefined> {
    if (!q) return undefined
    const text = textQuery(q)
    const { inText } = matchConditions(text)
    const found = await sql<{ n: number }>`
      select count(*)::int as n from (select 1 from repository_listing l where ${inText} limit ${FEW_MATCHES}) matches
    `.execute(this.db)
    return { text, widened: (found.rows[0]?.n ?? 0) < FEW_MATCHES }
  }

  /** The SQL conditions of the filters but the words (see listed), over the listing `r`. */
  private where(filters: RepositoryFilters, now: Date, scope: RepositoryScope | undefined): RawBuilder<SqlBool>[] {
    const conditions: RawBuilder<SqlBool>[] = []
    const add = (condition: RawBuilder<unknown>) => conditions.push(condition as RawBuilder<SqlBool>)
    const anyOf = (column: RawBuilder<unknown>, values: readonly string[] | undefined) => {
      if (values && values.length > 0) add(sql`${column} in (${sql.join(values)})`)
    }
    const yes = (column: RawBuilder<unknown>, value: 'yes' | 'no' | undefined) => {
      if (value) add(value === 'yes' ? sql`${column} is true` : sql`${column} is not true`)
    }
    if (scope) add('sourceId' in scope ? sql`r.source_id = ${scope.sourceId}` : scope.organisationIds.length > 0 ? sql`r.organisation_id in (${sql.join(scope.organisationIds)})` : sql`false`)
    anyOf(sql`o.slug`, filters.organisation)
    if (filters.ministry && filters.ministry.length > 0) {
      add(sql`r.organisation_id in (
        with recursive tree as (
          select id from organisation where slug in (${sql.join(filters.ministry)})
          union select child.id from organisation child join tree on child.parent_id = tree.id
        ) select id from tree)`)
    }
    anyOf(sql`o.kind`, filters.kind)
    anyOf(sql`r.forge`, filters.forge)
    anyOf(sql`r.language`, filters.language)
    anyOf(sql`r.effective_licence`, filters.licence)
    yes(sql`r.licence_authorised`, filters.authorised)
    if (filters.publiccode && filters.publiccode.length > 0) {
      const states = { valid: sql`r.publiccode_valid is true`, invalid: sql`r.publiccode_valid is false`, absent: sql`r.publiccode_valid is null` }
      add(sql`(${sql.join(filters.publiccode.map((state) => states[state]), sql` or `)})`)
    }
    if (filters.compliance && filters.compliance.length > 0) {
      add(sql`(${sql.join(filters.compliance.map((band) => sql`r.compliance_score between ${complianceBandRanges[band][0]} and ${complianceBandRanges[band][1]}`), sql` or `)})`)
    }
    if (filters.activity) add(sql`r.pushed_at >= ${new Date(now.getTime() - Number(filters.activity) * 86_400_000)}`)
    yes(sql`r.archived`, filters.archived)
    yes(sql`r.is_fork`, filters.fork)
    yes(sql`r.is_template`, filters.template)
    return conditions.length > 0 ? conditions : [sql<SqlBool>`true`]
  }

  /** A repository by its forge address, with everything known of it. */
  async byAddress(forgeHost: string, owner: string, name: string): Promise<RepositoryDetail | undefined> {
    const row = await this.db
      .selectFrom('repository as r')
      .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
      .selectAll('r')
      .select(['o.slug as organisation_slug', 'o.name as organisation_name'])
      .where(sql<SqlBool>`lower(r.forge_host) = lower(${forgeHost}) and lower(r.owner) = lower(${owner}) and lower(r.name) = lower(${name})`)
      .orderBy('r.gone_at', 'desc')
      .executeTakeFirst()
    if (!row) return undefined
    const { search: _search, readme_search: _readme, ...detail } = row
    return detail
  }

  /** Repositories by id, in the order given. */
  async byIds(ids: readonly string[]): Promise<RepositoryRecord[]> {
    if (ids.length === 0) return []
    const result = await sql<RepositoryRecord>`
      select ${sql.join(SUMMARY_COLUMNS.map((column) => sql.ref(`r.${column}`)))}, o.slug as organisation_slug, o.name as organisation_name
      from repository r left join organisation o on o.id = r.organisation_id where r.id in (${sql.join(ids)})
    `.execute(this.db)
    const byId = new Map(result.rows.map((row) => [row.id, row]))
    return ids.flatMap((id) => byId.get(id) ?? [])
  }

  /** A listed repository by its web or clone address (any case, with or without `.git` or a final slash). */
  async byUrl(url: string): Promise<Pick<Repository, 'forge_host' | 'owner' | 'name' | 'url' | 'description' | 'publiccode_text'> | undefined> {
    const address = bareAddress(url)
    return await this.db
      .selectFrom('repository')
      .select(['forge_host', 'owner', 'name', 'url', 'description', 'publiccode_text'])
      .where('gone_at', 'is', null)
      .where((eb) => eb.or([eb(bareAddressOf(sql.ref('url')), '=', address), eb(bareAddressOf(sql.ref('clone_url')), '=', address)]))
      .executeTakeFirst()
  }

  /** Forks of a repository published by other public bodies: its reuse. */
  async forksByOtherBodies(repository: Pick<Repository, 'forge_host' | 'owner' | 'name' | 'organisation_id'>): Promise<RepositoryRecord[]> {
    const result = await sql<RepositoryRecord>`
      select ${sql.join(SUMMARY_COLUMNS.map((column) => sql.ref(`r.${column}`)))}, o.slug as organisation_slug, o.name as organisation_name
      from repository r left join organisation o on o.id = r.organisation_id
      where r.parent_full_name = ${`${repository.owner}/${repository.name}`} and r.forge_host = ${repository.forge_host} and r.is_fork
        and r.organisation_id is not null and r.organisation_id is distinct from ${repository.organisation_id} and r.gone_at is null
      order by r.stars desc, r.id limit 50
    `.execute(this.db)
    return result.rows
  }

  /** The counters at each crawl, oldest first (at most the last 200 crawls). */
  async counterHistory(repositoryId: string): Promise<{ crawled_at: Date; stars: number; forks: number; watchers: number; open_issues: number }[]> {
    const rows = await this.db
      .selectFrom('repository_counter')
      .select(['crawled_at', 'stars', 'forks', 'watchers', 'open_issues'])
      .where('repository_id', '=', repositoryId)
      .orderBy('crawled_at', 'desc')
      .limit(200)
      .execute()
    return rows.reverse()
  }

  /** Catalogue software whose source repository this is. */
  async catalogueSoftware(url: string): Promise<{ slug: string; name: string }[]> {
    return await this.db
      .selectFrom('software')
      .select(['slug', 'name'])
      .where(bareAddressOf(sql.ref('repository_url')), '=', bareAddress(url))
      .where(publishedSoftware())
      .orderBy('name')
      .execute()
  }

  async insert(rows: NewRepository[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('repository').values(rows).execute()
  }

  async total(): Promise<number> {
    const row = await this.db.selectFrom('repository').select((eb) => eb.fn.countAll<number>().as('n')).where('gone_at', 'is', null).executeTakeFirstOrThrow()
    return Number(row.n)
  }

  /** Every listed row, in batches, without the files' text: for exports. */
  all(): AsyncGenerator<RepositoryRecord> {
    return inBatches((afterId, limit) => {
      let query = this.db
        .selectFrom('repository as r')
        .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
        .select(SUMMARY_COLUMNS.map((column) => `r.${column}` as const))
        .select(['o.slug as organisation_slug', 'o.name as organisation_name'])
        .where('r.gone_at', 'is', null)
      if (afterId) query = query.where('r.id', '>', afterId)
      return query.orderBy('r.id').limit(limit).execute()
    })
  }
}

/**
 * A repository's address as addresses are compared: lower-case, without a final slash or `.git`, so
 * that a web address, a clone address and what a person types all find the same repository.
 */
function bareAddress(url: string): string {
  return url.trim().toLowerCase().replace(/\/+$/, '').replace(/\.git$/, '').replace(/\/+$/, '')
}

/** bareAddress, in SQL, of a column. */
function bareAddressOf(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`rtrim(regexp_replace(rtrim(lower(${column}), '/'), '\\.git$', ''), '/')`
}

interface FacetDefinition {
  name: RepositoryFacet
  /** The value counted, over the `filtered` relation of facetCounts. */
  value: RawBuilder<unknown>
  label?: RawBuilder<unknown>
}

const bool = (column: string) => sql`case when ${sql.ref(column)} is true then 'yes' else 'no' end`

const FACETS: readonly FacetDefinition[] = [
  { name: 'ministry', value: sql`ministry_slug`, label: sql`ministry_name` },
  { name: 'organisation', value: sql`organisation_slug`, label: sql`organisation_name` },
  { name: 'kind', value: sql`organisation_kind` },
  { name: 'forge', value: sql`forge` },
  { name: 'language', value: sql`language` },
  { name: 'licence', value: sql`effective_licence` },
  { name: 'authorised', value: bool('licence_authorised') },
  { name: 'publiccode', value: sql`case when publiccode_valid is null then 'absent' when publiccode_valid then 'valid' else 'invalid' end` },
  { name: 'compliance', value: sql`case when compliance_score >= 80 then 'high' when compliance_score >= 50 then 'medium' when compliance_score >= 0 then 'low' end` },
  { name: 'activity', value: sql`case when pushed_at >= now() - interval '30 days' then '30' when pushed_at >= now() - interval '365 days' then '365' end` },
  { name: 'archived', value: bool('archived') },
  { name: 'fork', value: bool('is_fork') },
  { name: 'template', value: bool('is_template') },
]

function facetIsSet(query: RepositoryFilters, facet: RepositoryFacet): boolean {
  const value = query[facet]
  return Array.isArray(value) ? value.length > 0 : Boolean(value)
}

interface Cursor {
  offset?: number
  after?: [string | number, string]
}

/** A cursor given back by a client; one this store did not give is refused (InvalidCursor). */
function decodeCursor(text: string | undefined): Cursor | undefined {
  if (!text) return undefined
  const parsed = readCursor(text)
  if (typeof parsed !== 'object' || parsed === null) throw new InvalidCursor()
  const { offset, after } = parsed as Cursor
  if (offset !== undefined && !(Number.isInteger(offset) && offset >= 0 && offset <= 100_000)) throw new InvalidCursor()
  if (after !== undefined && !(Array.isArray(after) && after.length === 2 && ['string', 'number'].includes(typeof after[0]) && typeof after[1] === 'string' && /^[0-9a-f-]{36}$/.test(after[1]))) {
    throw new InvalidCursor()
  }
  return { offset, after }
}

export class InvalidCursor extends Error {
  constructor() {
    super('The cursor is not one this API gave.')
  }
}

/** A sort key as a cursor holds it: dates as ISO text, the missing ones (sorted last as -infinity) as such. */
function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '-infinity' : value.toISOString()
  if (typeof value === 'number') return Number.isFinite(value) ? value : '-infinity'
  return String(value)
}
