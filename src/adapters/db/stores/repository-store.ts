import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import { complianceBandRanges, complianceBands } from '../../../domain/registry/derived.ts'
import { activityWindows, type RepositoryFacet, repositoryFacets, type RepositoryFilters, type RepositoryQuery, type RepositorySort } from '../../../domain/registry/repository-query.ts'
import type { Page } from '../../../domain/shared/page.ts'
import { encodeCursor, readCursor } from '../../../domain/shared/cursor.ts'
import { inBatches } from '../batches.ts'
import type { DB, NewRepository, Repository, RepositoryListingTable } from '../schema.ts'
import { type TextQuery, textQuery } from '../search.ts'
import { publishedSoftware } from './software-store.ts'
import { currentVersion, KeptCopy } from '../kept-copy.ts'
import { andAtTop, parseTsquery } from '../../../domain/shared/text-index.ts'
import {
  FACET_VALUES, type ListedRepositoryRow, matchTiers, RANKED_MATCHES, RegistryListing, type RepositoryFacets, type RepositoryScope, type FacetValue, type TextMatch, type WidenedMatch,
} from '../../../domain/registry/listing.ts'

/** The columns a list of repositories shows (cards, exports): everything but the files' text. */
const SUMMARY_COLUMNS = [
  'id', 'forge', 'forge_host', 'owner', 'name', 'url', 'clone_url', 'description', 'topics', 'homepage', 'language', 'languages', 'licence',
  'effective_licence', 'licence_authorised', 'default_branch', 'stars', 'forks', 'watchers', 'open_issues', 'size_kb', 'archived', 'is_fork',
  'parent_full_name', 'is_template', 'created_on_forge', 'pushed_at', 'first_seen_at', 'latest_release', 'publiccode_valid', 'reuse_score',
  'compliance_score', 'reused_by', 'organisation_id', 'source_id', 'is_demo', 'gone_at',
] as const satisfies readonly (keyof Repository)[]

export type RepositorySummary = Pick<Repository, (typeof SUMMARY_COLUMNS)[number]>

/** The summary columns of the repositories `r`, with their body's (`o`) slug and name: a RepositoryRecord. */
const SUMMARY = sql`${sql.join(SUMMARY_COLUMNS.map((column) => sql.ref(`r.${column}`)))}, o.slug as organisation_slug, o.name as organisation_name`

export type RepositoryRecord = RepositorySummary & {
  organisation_slug: string | null
  organisation_name: string | null
}

/** A repository with everything the crawl and the registry know of it: its page. */
export type RepositoryDetail = Omit<Repository, 'search' | 'readme_search'> & { organisation_slug: string | null; organisation_name: string | null }

/** Pages for people (offset), or a cursor for programs (stable while rows are added). */
export type RepositoryWindow = { page: number; pageSize: number } | { cursor: string | undefined; limit: number }

export interface RepositoryResults extends Page<RepositoryRecord> {
  /** The cursor of the next page, null on the last one (cursor windows only). */
  nextCursor: string | null
}

/** Searches whose matches beyond the listed text are kept (see widenedMatches). */
const WIDENINGS_KEPT = 8

/** Below this many matches in names, descriptions and topics, a search is widened (see listed). */
const FEW_MATCHES = 100

/**
 * The ways words match a listed repository `l`: in its text, and, when a search is widened, a name
 * close enough to be a typo or a README.
 * The words are computed once, apart (a subquery): the planner then reads the text index for any
 * word, which is what a word found in a quarter of the rows needs too (its statistics would have it
 * read and match every row of the table instead, some five times slower).
 */
function matchConditions(text: TextQuery): { words: RawBuilder<unknown>; plain: RawBuilder<string>; inText: RawBuilder<SqlBool>; nameCloseOnly: RawBuilder<SqlBool>; readmeOnly: RawBuilder<SqlBool> } {
  const words = sql`(select ${text.query})`
  const plain = sql<string>`(select ${text.plain})`
  const inText = sql<SqlBool>`l.search @@ ${words}`
  const nameClose = sql<SqlBool>`l.name_plain % ${plain}`
  return {
    words,
    plain,
    inText,
    // What widening adds (see listed): a close name not matched in the text, a README matched alone.
    nameCloseOnly: sql<SqlBool>`${nameClose} and not ${inText}`,
    readmeOnly: sql<SqlBool>`l.id in (select id from repository where readme_search @@ ${words}) and not ${inText} and not ${nameClose}`,
  }
}

/** The listing's columns a list filters, sorts and counts on, of a listed repository `l`: not its words. */
const LISTED = sql.join(
  (['id', 'organisation_id', 'source_id', 'name', 'forge', 'language', 'effective_licence', 'licence_authorised', 'publiccode_valid', 'compliance_score', 'pushed_at',
    'created_on_forge', 'first_seen_at', 'archived', 'is_fork', 'is_template', 'reuse_score', 'stars', 'forks'] as const satisfies readonly (keyof RepositoryListingTable)[]).map((column) => sql.ref(`l.${column}`)),
)

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
  /** The listing and the bodies, kept in this process for facets and common words (see kept). */
  private readonly listing = new KeptCopy(() => this.loadListing())
  private readonly widenings = new Map<string, Promise<WidenedMatch[]>>()

  /**
   * `keptListing: false` answers everything from the database's statements: the kept listing's
   * answers are tested against them.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: { keptListing: boolean } = { keptListing: true },
  ) {}

  /**
   * One window of the repositories matching a query.
   *
   * A search by relevance ranks at most RANKED_MATCHES of its matches, so that a word found in a
   * quarter of all repositories costs about what a rare one does: every match gets a tier from what
   * the listing stores (its name is the words; the words are in its name; in its topics; elsewhere in
   * its text; its name is close to them; its README has them), the best tiers' matches — the most
   * reusable first within a tier — are ranked by ts_rank (plus one for the exact name) or by the
   * similarity of a close name, and come first in that order; the other matches follow, by tier and
   * reuse score. An exact name thus always leads, then names, then topics, then descriptions.
   */
  async search(query: RepositoryQuery, window: RepositoryWindow, options: { now?: Date; scope?: RepositoryScope } = {}): Promise<RepositoryResults> {
    const text = query.q ? textQuery(query.q) : undefined
    const where = this.where(query, options.now ?? new Date(), options.scope)
    const sort = query.sort === 'relevance' && !query.q ? 'reuse' : query.sort
    const cursor = 'cursor' in window ? decodeCursor(window.cursor) : undefined
    const limit = 'cursor' in window ? window.limit : window.pageSize
    const offset = 'cursor' in window ? (cursor?.offset ?? 0) : (window.page - 1) * window.pageSize
    if (sort === 'relevance' && this.options.keptListing) {
      const { listing, match, plain } = await this.kept(query.q)
      if (listing && match && plain !== undefined && !andAtTop(match.tree)) {
        const { ids, total } = listing.byRelevance(match, plain, query, options.now ?? new Date(), options.scope, { offset, limit })
        const rows = await this.byIds(ids.slice(0, limit))
        const nextCursor = 'cursor' in window && ids.length > limit ? encodeCursor({ offset: offset + limit }) : null
        return { items: rows, total, page: 'cursor' in window ? 1 : window.page, pageSize: limit, nextCursor }
      }
    }
    const { rows, total } = text ? await this.matchingWindow(text, where, sort, cursor, limit, offset) : await this.listWindow(where, sort as Exclude<RepositorySort, 'relevance'>, cursor, limit, offset)
    const items = rows.slice(0, limit).map(({ sort_key: _key, ...row }) => row)
    let nextCursor: string | null = null
    if ('cursor' in window && rows.length > limit) {
      const last = rows[limit - 1]!
      nextCursor = sort === 'relevance' ? encodeCursor({ offset: offset + limit }) : encodeCursor({ after: [cursorValue(last.sort_key), last.id] })
    }
    const page = 'cursor' in window ? 1 : window.page
    return { items, total, page, pageSize: limit, nextCursor }
  }

  /**
   * A window of a list without words: walked in the listing along the sort's index, then only its
   * rows read from the repositories. The total is counted apart: a window count would keep every row
   * in memory to count them.
   */
  private async listWindow(where: RawBuilder<SqlBool>[], sort: Exclude<RepositorySort, 'relevance'>, cursor: Cursor | undefined, limit: number, offset: number): Promise<{ rows: WindowRow[]; total: number }> {
    const { key, direction } = SORT_KEYS[sort]
    const after = cursor?.after ? afterCondition(key, direction, cursor.after) : undefined
    const [rows, total] = await Promise.all([
      sql<WindowRow>`
        with window_rows as (
          select r.id, ${key} as sort_key from repository_listing r
          where ${sql.join(after ? [...where, after] : where, sql` and `)}
          order by ${ordered(key, direction)}
          limit ${limit + 1} offset ${after ? 0 : offset}
        )
        select ${SUMMARY}, w.sort_key
        from window_rows w join repository r on r.id = w.id left join organisation o on o.id = r.organisation_id
        order by ${ordered(sql`w.sort_key`, direction, sql`w.id`)}
      `.execute(this.db),
      this.count(this.listed(undefined, false), where),
    ])
    return { rows: rows.rows, total }
  }

  /**
   * A window of a search with words, and its total, in one pass over the matches (kept, narrow, for
   * both): with a word found in thousands of repositories, reading them is most of the cost.
   */
  private async matchingWindow(text: TextQuery, where: RawBuilder<SqlBool>[], sort: RepositorySort, cursor: Cursor | undefined, limit: number, offset: number): Promise<{ rows: WindowRow[]; total: number }> {
    const { words, plain } = matchConditions(text)
    let windowRows: RawBuilder<unknown>
    let order: RawBuilder<unknown>
    if (sort === 'relevance') {
      // The matches past the ranked ones are only read for a window that reaches them.
      const beyond = offset + limit + 1 > RANKED_MATCHES
      windowRows = sql`
        ranked as (
          select c.id, c.tier, c.reuse_score, case
            when c.tier >= ${TIER.description} then ts_rank(l.search, ${words}) + case when c.tier = ${TIER.exactName} then 1 else 0 end
            when c.tier = ${TIER.closeName} then similarity(l.name_plain, ${plain})
            else 0 end as sort_key
          from (select id, tier, reuse_score from matches order by tier desc, reuse_score desc, id desc limit ${RANKED_MATCHES}) c
          join repository_listing l on l.id = c.id
        ),
        window_rows as (
          select * from (
            select id, sort_key, 0 as part, tier, reuse_score from ranked
            ${beyond ? sql`union all select m.id, 0, 1, m.tier, m.reuse_score from matches m where m.id not in (select id from ranked)` : sql``}
          ) candidates
          order by part, sort_key desc, tier desc, reuse_score desc, id desc
          limit ${limit + 1} offset ${offset}
        )`
      order = sql`w.part, w.sort_key desc, w.tier desc, w.reuse_score desc, w.id desc`
    } else {
      const { direction } = SORT_KEYS[sort]
      order = ordered(sql`w.sort_key`, direction, sql`w.id`)
      const after = cursor?.after ? afterCondition(sql`m.sort_key`, direction, cursor.after, sql`m.id`) : sql`true`
      windowRows = sql`
        window_rows as (
          select m.id, m.sort_key from matches m where ${after}
          order by ${ordered(sql`m.sort_key`, direction, sql`m.id`)}
          limit ${limit + 1} offset ${cursor?.after ? 0 : offset}
        )`
    }
    const result = await sql<WindowRow & { total: number }>`
      with matches as materialized (
        select r.id, r.tier, r.reuse_score, ${sort === 'relevance' ? sql`null` : SORT_KEYS[sort].key} as sort_key
        from ${this.listed(text, sort === 'relevance')}
        where ${sql.join(where, sql` and `)}
      ),
      ${windowRows}
      select ${SUMMARY}, w.sort_key, t.total
      from (select count(*)::int as total from matches) t
      left join (window_rows w join repository r on r.id = w.id left join organisation o on o.id = r.organisation_id) on true
      order by ${order}
    `.execute(this.db)
    const total = result.rows[0]?.total ?? 0
    return { rows: result.rows.filter((row) => row.id !== null).map(({ total: _total, ...row }) => row), total }
  }

  /**
   * How many repositories each facet value would give: every facet counted under the other facets'
   * filters (choosing a language does not hide the other languages).
   */
  async facets(query: RepositoryQuery, options: { now?: Date; scope?: RepositoryScope } = {}): Promise<RepositoryFacets> {
    const now = options.now ?? new Date()
    if (this.options.keptListing) {
      const { listing, match } = await this.kept(query.q)
      if (listing && !query.q) return listing.facets(query, now, options.scope)
      if (listing && match) return listing.facets(query, now, options.scope, match)
    }
    return await this.countFacets(query, now, options.scope)
  }

  /** Reads the listing this process keeps for its searches (see kept), if it has none yet. */
  async keepListing(): Promise<void> {
    if (this.options.keptListing) await this.kept(undefined)
  }

  /**
   * The listing kept in this process and, for words, their matches in it (the words' stemming and
   * the listing's version read in one round trip). Nothing while the kept listing is stale: it is
   * read again in the background after a write to the listing or the bodies (migration 0021's
   * counter; see KeptCopy.fresh) and the database's statements answer meanwhile, as they do words it
   * stems to nothing or to what the kept index leaves to it (phrases, exclusions). Words matching
   * fewer than FEW_MATCHES repositories in the listed text are widened as listed widens them: the
   * database finds the close names and READMEs (widenedMatches), the kept listing does the rest.
   */
  private async kept(q: string | undefined): Promise<{ listing?: RegistryListing; match?: TextMatch; plain?: string }> {
    const { version, words } = await currentVersion(this.db, 'registry_listing_version', q)
    const listing = await this.listing.fresh(version)
    if (!listing) return {}
    const tree = words ? parseTsquery(words.query) : undefined
    if (!words || !tree) return { listing }
    const match = listing.match(tree)
    if (match.count >= FEW_MATCHES) return { listing, match, plain: words.plain }
    return { listing, match: listing.widen(match, await this.widenedMatches(version, q!)), plain: words.plain }
  }

  /**
   * What a search that finds little in the listed text finds beyond it, as listed reads it: names
   * close to the words, READMEs. Kept for the last few searches at this version: a page's search and
   * its facets ask the same.
   */
  private async widenedMatches(version: bigint, q: string): Promise<WidenedMatch[]> {
    const key = `${version} ${q}`
    let found = this.widenings.get(key)
    if (!found) {
      const { plain, nameCloseOnly, readmeOnly } = matchConditions(textQuery(q))
      found = sql<WidenedMatch>`
        select l.id, ${TIER.closeName} as tier, similarity(l.name_plain, ${plain}) as rank from repository_listing l where ${nameCloseOnly}
        union all select l.id, ${TIER.readme}, 0 from repository_listing l where ${readmeOnly}
      `.execute(this.db).then(({ rows }) => rows.map((row) => ({ ...row, rank: Math.fround(Number(row.rank)) })))
      found.catch(() => this.widenings.delete(key))
      this.widenings.set(key, found)
      if (this.widenings.size > WIDENINGS_KEPT) this.widenings.delete(this.widenings.keys().next().value!)
    }
    return await found
  }

  /**
   * One text value, a line per repository and a tab between its cells: PGlite hands it over several
   * times faster than 50,000 rows or a JSON value. Lexemes and ids never hold a tab or a line break;
   * names and other text are cleared of them. In the order of the ids (RegistryListing's).
   */
  private async loadListing(): Promise<RegistryListing> {
    const cell = (value: RawBuilder<unknown>) => sql`coalesce((${value})::text, '\\N')`
    const text = (value: RawBuilder<unknown>) => cell(sql`translate(${value}, E'\t\n', '  ')`)
    const { rows } = await sql<{ listed: string | null }>`
      select string_agg(concat_ws(E'\t', ${sql.join([
        ...[sql`l.id`, sql`l.organisation_id`, sql`l.source_id`].map(cell),
        ...[sql`l.forge`, sql`l.language`, sql`l.effective_licence`].map(text),
        ...[sql`l.licence_authorised`, sql`l.publiccode_valid`, sql`l.compliance_score`, sql`extract(epoch from l.pushed_at) * 1000`, sql`l.archived`, sql`l.is_fork`, sql`l.is_template`, sql`l.reuse_score`].map(cell),
        text(sql`l.name_plain`),
        ...[sql`l.search`, sql`l.name_words`, sql`l.topic_words`].map(cell),
      ])}), E'\n' order by l.id) as listed
      from repository_listing l
    `.execute(this.db)
    const bodies = await this.db.selectFrom('organisation').select(['id', 'slug', 'name', 'kind', 'parent_id as parentId']).execute()
    const orNull = (value: string) => (value === '\\N' ? null : value)
    const number = (value: string) => (value === '\\N' ? null : Number(value))
    const yes = (value: string) => (value === '\\N' ? null : value === 'true')
    const listed = (rows[0]?.listed ?? '').split('\n').flatMap((line): ListedRepositoryRow[] => {
      const [id, organisationId, sourceId, forge, language, licence, authorised, publiccode, compliance, pushedAt, archived, fork, template, reuse, namePlain, words, nameWords, topicWords] = line.split('\t') as [string, ...string[]]
      if (!line) return []
      return [{
        id, organisationId: orNull(organisationId!), sourceId: orNull(sourceId!), forge: forge!, language: orNull(language!), licence: orNull(licence!), authorised: yes(authorised!),
        publiccode: yes(publiccode!), compliance: number(compliance!), pushedAt: number(pushedAt!), archived: archived === 'true', fork: fork === 'true', template: template === 'true',
        reuse: Number(reuse), namePlain: namePlain!, words: words!, nameWords: nameWords!, topicWords: topicWords!,
      }]
    })
    // Built in one go: yielding to other requests between slices made the stale time longer, each request
    // meanwhile answered by the slower statements (on PGlite, a search right after a write took 89/248 ms
    // p50/p95 sliced, 38–46/66–70 ms in one go).
    return new RegistryListing(listed, bodies)
  }

  /**
   * Every facet's counts in one pass over the rows the words and the scope give: a selected facet's
   * filter does not remove rows, it decides which counts a row adds to (each facet counts the rows of
   * the other facets' filters: one count column per selected facet, one for all the filters). The
   * pass groups the listing's own columns only (see ColumnFacet), a grouping set told by grouping()'s
   * bits; the body, its kind and its ministry are all counted from the body's id, named after the
   * grouping: a few hundred groups to join rather than every match. Only each facet's first values
   * are sent back.
   */
  private async countFacets(query: RepositoryQuery, now: Date, scope: RepositoryScope | undefined): Promise<RepositoryFacets> {
    const filters = this.facetFilters(query, now)
    const selected = Object.keys(filters) as RepositoryFacet[]
    // Over the listing, each filter's condition; over a row of the pass, its value (column f_<facet>).
    const allBut = (facet: RepositoryFacet | undefined, over: 'listing' | 'pass') => {
      const conditions = selected.filter((name) => name !== facet).map((name) => (over === 'listing' ? filters[name]! : sql.ref(`f_${name}`)))
      return conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`
    }
    const conditions = [this.scopeCondition(scope)]
    // A row failing two filters counts for no facet.
    if (selected.length > 1) conditions.push(sql<SqlBool>`(${sql.join(selected.map((facet) => sql`(${allBut(facet, 'listing')})`), sql` or `)})`)
    const columns = COLUMN_FACETS.map((facet) => facet.key(now))
    const alone = COLUMN_FACETS.flatMap((facet, i) => (facet.many ? [i] : []))
    const together = COLUMN_FACETS.flatMap((facet, i) => (facet.many ? [] : [i]))
    // grouping()'s arguments are the body's id then each facet's value; a set's rows have every bit set
    // but its columns' (the first argument is the highest bit).
    const bit = (argument: number) => 1 << (COLUMN_FACETS.length - argument)
    const all = (1 << (COLUMN_FACETS.length + 1)) - 1
    const bodySet = sql.lit(all ^ bit(0))
    const togetherSet = together.reduce((mask, i) => mask ^ bit(i + 1), all)
    const setOf = (i: number) => sql.lit(COLUMN_FACETS[i]!.many ? all ^ bit(i + 1) : togetherSet)
    const countOf = (facet: RepositoryFacet) => (selected.includes(facet) ? sql.ref(`c.n_${facet}`) : sql`c.n`)
    const result = await sql<FacetValue & { facet: RepositoryFacet }>`
      with recursive roots as (
        select id, id as root from organisation where parent_id is null
        union all select child.id, roots.root from organisation child join roots on child.parent_id = roots.id
      ),
      pass as (
        select r.organisation_id, ${sql.join(columns.map((column, i) => sql`${column} as ${sql.ref(`v${i}`)}`))}
          ${sql.join(selected.map((facet) => sql`, ${filters[facet]!} as ${sql.ref(`f_${facet}`)}`), sql``)}
        from ${this.listed(query.q ? textQuery(query.q) : undefined, false)}
        where ${sql.join(conditions, sql` and `)}
      ),
      counts as (
        select grouping(organisation_id, ${sql.join(COLUMN_FACETS.map((_, i) => sql.ref(`v${i}`)))}) as g, organisation_id,
          ${sql.join(COLUMN_FACETS.map((_, i) => sql.ref(`v${i}`)))},
          count(*) filter (where ${allBut(undefined, 'pass')})::int as n
          ${sql.join(selected.map((facet) => sql`, count(*) filter (where ${allBut(facet, 'pass')})::int as ${sql.ref(`n_${facet}`)}`), sql``)}
        from pass
        group by grouping sets ((organisation_id), ${sql.join(alone.map((i) => sql`(${sql.ref(`v${i}`)})`))}, (${sql.join(together.map((i) => sql.ref(`v${i}`)))}))
      ),
      -- Every body with its ministry, named: joined to the bodies counted (hundreds) at once.
      named as materialized (
        select o.id, o.slug, o.name, o.kind, m.slug as ministry_slug, m.name as ministry_name
        from organisation o left join roots on roots.id = o.id left join organisation m on m.id = roots.root
      ),
      bodies as (
        select c.*, b.slug, b.name, b.kind, b.ministry_slug, b.ministry_name from counts c join named b on b.id = c.organisation_id where c.g = ${bodySet}
      ),
      counted as (
        select 'organisation' as facet, slug as value, name as label, sum(${countOf('organisation')})::int as count from bodies c group by slug, name
        union all select 'kind', kind, null, sum(${countOf('kind')})::int from bodies c group by kind
        union all select 'ministry', ministry_slug, ministry_name, sum(${countOf('ministry')})::int from bodies c group by ministry_slug, ministry_name
        ${sql.join(COLUMN_FACETS.map((facet, i) => {
          const value = facet.value(sql.ref(`c.v${i}`))
          return facet.many
            ? sql`union all select ${sql.lit(facet.name)}, ${value}, null, ${countOf(facet.name)} from counts c where c.g = ${setOf(i)}`
            : sql`union all select ${sql.lit(facet.name)}, ${value}, null, sum(${countOf(facet.name)})::int from counts c where c.g = ${setOf(i)} group by 2`
        }), sql` `)}
      )
      -- The most frequent values of each facet (with those tied with the last), few rows to send.
      select facet, value, label, count from (
        select *, rank() over (partition by facet order by count desc) as place from counted where value is not null and count > 0
      ) ranked where place <= ${FACET_VALUES}
    `.execute(this.db)
    const values = Object.fromEntries(repositoryFacets.map((facet) => [facet, [] as FacetValue[]])) as RepositoryFacets
    for (const { facet, value, label, count } of result.rows) values[facet].push({ value, label, count })
    for (const facet of repositoryFacets) values[facet] = values[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES)
    return values
  }

  private async count(listed: RawBuilder<unknown>, where: RawBuilder<SqlBool>[]): Promise<number> {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${listed} where ${sql.join(where, sql` and `)}`.execute(this.db)
    return result.rows[0]?.n ?? 0
  }

  /**
   * The repositories a list reads, as `r` (their listing; gone ones are not in it): all of them, or
   * those the words match, each with the tier of its match as `r.tier` (see search; 0 when `tiered` is
   * false, for counts and facets). Each kind of match is read through its own index and counted once:
   * the words in the name, topics and description; then, for a search that finds little, a name
   * close enough to be a typo of the words, else the README.
   *
   * A search is widened to names and READMEs only when names, descriptions and topics match fewer than
   * FEW_MATCHES repositories (a condition the database decides once, before reading either). A common
   * word is in half of all READMEs, a short one close to thousands of names, and the results they would
   * add would rank after the others anyway while costing a read of most of the table; a rare or
   * mistyped word, though, is worth finding wherever it is.
   */
  private listed(text: TextQuery | undefined, tiered: boolean): RawBuilder<unknown> {
    if (!text) return sql`repository_listing r`
    const { words, plain, inText, nameCloseOnly, readmeOnly } = matchConditions(text)
    const few = sql`(select few from widened)`
    const textTier = sql`case when l.name_plain = ${plain} then ${TIER.exactName} when l.name_words @@ ${words} then ${TIER.name}
      when l.topic_words @@ ${words} then ${TIER.topics} else ${TIER.description} end`
    return sql`(
      with widened as materialized (
        select count(*) < ${FEW_MATCHES} as few from (select 1 from repository_listing l where ${inText} limit ${FEW_MATCHES}) found
      )
      select ${LISTED}, ${tiered ? textTier : sql`0`} as tier from repository_listing l where ${inText}
      union all select ${LISTED}, ${tiered ? TIER.closeName : sql`0`} from repository_listing l where ${few} and ${nameCloseOnly}
      union all select ${LISTED}, ${TIER.readme} from repository_listing l where ${few} and ${readmeOnly}
    ) r`
  }

  /** The SQL conditions of the scope and the filters but the words (see listed), over the listing `r`. */
  private where(filters: RepositoryFilters, now: Date, scope: RepositoryScope | undefined): RawBuilder<SqlBool>[] {
    return [this.scopeCondition(scope), ...Object.values(this.facetFilters(filters, now))]
  }

  private scopeCondition(scope: RepositoryScope | undefined): RawBuilder<SqlBool> {
    if (!scope) return sql<SqlBool>`true`
    if ('sourceId' in scope) return sql<SqlBool>`r.source_id = ${scope.sourceId}`
    return scope.organisationIds.length > 0 ? sql<SqlBool>`r.organisation_id in (${sql.join(scope.organisationIds)})` : sql<SqlBool>`false`
  }

  /** The condition of each facet the filters set, over the listing `r` alone. */
  private facetFilters(filters: RepositoryFilters, now: Date): Partial<Record<RepositoryFacet, RawBuilder<SqlBool>>> {
    const conditions: Partial<Record<RepositoryFacet, RawBuilder<SqlBool>>> = {}
    const set = (facet: RepositoryFacet, condition: RawBuilder<unknown>) => {
      conditions[facet] = sql<SqlBool>`(${condition})`
    }
    const anyOf = (facet: RepositoryFacet, column: RawBuilder<unknown>, values: readonly string[] | undefined) => {
      if (values && values.length > 0) set(facet, sql`${column} in (${sql.join(values)})`)
    }
    const yes = (facet: RepositoryFacet, column: RawBuilder<unknown>, value: 'yes' | 'no' | undefined) => {
      if (value) set(facet, value === 'yes' ? sql`${column} is true` : sql`${column} is not true`)
    }
    if (filters.ministry && filters.ministry.length > 0) {
      set('ministry', sql`r.organisation_id in (
        with recursive tree as (
          select id from organisation where slug in (${sql.join(filters.ministry)})
          union select child.id from organisation child join tree on child.parent_id = tree.id
        ) select id from tree)`)
    }
    if (filters.organisation && filters.organisation.length > 0) set('organisation', sql`r.organisation_id in (select id from organisation where slug in (${sql.join(filters.organisation)}))`)
    if (filters.kind && filters.kind.length > 0) set('kind', sql`r.organisation_id in (select id from organisation where kind in (${sql.join(filters.kind)}))`)
    anyOf('forge', sql`r.forge`, filters.forge)
    anyOf('language', sql`r.language`, filters.language)
    anyOf('licence', sql`r.effective_licence`, filters.licence)
    yes('authorised', sql`r.licence_authorised`, filters.authorised)
    if (filters.publiccode && filters.publiccode.length > 0) {
      const states = { valid: sql`r.publiccode_valid is true`, invalid: sql`r.publiccode_valid is false`, absent: sql`r.publiccode_valid is null` }
      set('publiccode', sql.join(filters.publiccode.map((state) => states[state]), sql` or `))
    }
    if (filters.compliance && filters.compliance.length > 0) {
      set('compliance', sql.join(filters.compliance.map((band) => sql`r.compliance_score between ${complianceBandRanges[band][0]} and ${complianceBandRanges[band][1]}`), sql` or `))
    }
    if (filters.activity) set('activity', sql`r.pushed_at >= ${daysBefore(now, Number(filters.activity))}`)
    yes('archived', sql`r.archived`, filters.archived)
    yes('fork', sql`r.is_fork`, filters.fork)
    yes('template', sql`r.is_template`, filters.template)
    return conditions
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
      select ${SUMMARY}
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
      select ${SUMMARY}
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

/** A facet counted from the columns of the listing `r` (the body's facets are counted from its id). */
interface ColumnFacet {
  name: Exclude<RepositoryFacet, 'ministry' | 'organisation' | 'kind'>
  /** What is grouped, of a repository listed: its column's own type (text is slower to group). */
  key: (now: Date) => RawBuilder<unknown>
  /** The facet's value for a key `k`. */
  value: (k: RawBuilder<unknown>) => RawBuilder<unknown>
  /**
   * Values by the dozen: counted alone. The others, a few values each, are counted together, the
   * counts of their combinations summed apart: grouping many rows is what costs.
   */
  many?: true
}

const itself = (k: RawBuilder<unknown>) => k
const yesNo = (k: RawBuilder<unknown>) => sql`case when ${k} is true then 'yes' else 'no' end`
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000)

/** Bands by their lower bounds, highest first: a key counting the bounds a value reaches, and the band of a key. */
function bands(column: RawBuilder<unknown>, lowerBounds: (now: Date) => readonly unknown[], names: readonly string[]): Pick<ColumnFacet, 'key' | 'value'> {
  return {
    key: (now) => sql.join(lowerBounds(now).map((bound) => sql`(${column} >= ${bound})::int`), sql` + `),
    value: (k) => sql`case ${k} ${sql.join(names.map((name, i) => sql`when ${sql.lit(names.length - i)} then ${sql.lit(name)}`), sql` `)} end`,
  }
}

const COLUMN_FACETS: readonly ColumnFacet[] = [
  { name: 'language', key: () => sql`r.language`, value: itself, many: true },
  { name: 'licence', key: () => sql`r.effective_licence`, value: itself, many: true },
  { name: 'forge', key: () => sql`r.forge`, value: itself },
  { name: 'authorised', key: () => sql`r.licence_authorised`, value: yesNo },
  { name: 'publiccode', key: () => sql`r.publiccode_valid`, value: (k) => sql`case when ${k} is null then 'absent' when ${k} then 'valid' else 'invalid' end` },
  { name: 'compliance', ...bands(sql`r.compliance_score`, () => complianceBands.map((band) => sql.lit(complianceBandRanges[band][0])), complianceBands) },
  { name: 'activity', ...bands(sql`r.pushed_at`, (now) => activityWindows.map((days) => daysBefore(now, Number(days))), activityWindows) },
  { name: 'archived', key: () => sql`r.archived`, value: yesNo },
  { name: 'fork', key: () => sql`r.is_fork`, value: yesNo },
  { name: 'template', key: () => sql`r.is_template`, value: yesNo },
]

/** The tiers of a match (see RegistryListing.byRelevance), as SQL literals. */
const TIER = Object.fromEntries(Object.entries(matchTiers).map(([tier, value]) => [tier, sql.lit(value)])) as Record<keyof typeof matchTiers, RawBuilder<number>>

/** A row of a window, with its sort key (for the next cursor). */
type WindowRow = RepositoryRecord & { sort_key: unknown }

/** An order by a key, the row's id breaking ties. */
function ordered(key: RawBuilder<unknown>, direction: 'desc' | 'asc', id: RawBuilder<unknown> = sql`r.id`): RawBuilder<unknown> {
  return direction === 'desc' ? sql`${key} desc, ${id} desc` : sql`${key} asc, ${id} asc`
}

/** The rows after a cursor's, in an order (see ordered). */
function afterCondition(key: RawBuilder<unknown>, direction: 'desc' | 'asc', after: [string | number, string], id: RawBuilder<unknown> = sql`r.id`): RawBuilder<SqlBool> {
  return direction === 'desc' ? sql<SqlBool>`(${key}, ${id}) < (${after[0]}, ${after[1]})` : sql<SqlBool>`(${key}, ${id}) > (${after[0]}, ${after[1]})`
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
