import { type Kysely, type RawBuilder, sql } from 'kysely'
import { type CatalogueFilters, type CatalogueSort, effectiveSort, type FacetCounts } from '../../../domain/catalogue/facets.ts'
import { buildListing, type Listing, type ListingRow, searchListing } from '../../../domain/catalogue/listing.ts'
import { currentVersion, KeptCopy } from '../kept-copy.ts'
import { CatalogueText, type IndexedText } from '../../../domain/catalogue/catalogue-text.ts'
import type { CatalogueLife } from '../../../domain/catalogue/editions.ts'
import type { Page, PageRequest } from '../../../domain/shared/page.ts'
import type { DB, NewSoftware, Software } from '../schema.ts'
import { inBatches, withoutInternals } from '../batches.ts'
import { relevance, textQuery } from '../search.ts'

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

export type SoftwareRecord = Omit<Software, 'search' | 'name_plain'>

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
 * The software the public catalogue shows (search, counts, exports): those accepted by moderation.
 * An agent's addition waits for a moderator (migration 0012); its page is seen by its author and staff only.
 */
export const publishedSoftware = (alias = 'software'): RawBuilder<boolean> => sql<boolean>`${sql.ref(`${alias}.moderation`)} = 'accepted'`

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

/** What each process keeps of the published catalogue for its searches. */
interface KeptCatalogue {
  listing: Listing
  /** In the listing's order. */
  text: CatalogueText
}

/** The catalogue's software, read and written in the database. */
export class SoftwareStore {
  private readonly kept = new KeptCopy(() => this.loadCatalogue())

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
   * The catalogue kept in this process (see kept) answers the text's matches and ranks (the database
   * gives the query's lexemes), filters, counts, sorts and pages; the database reads the organisation's
   * software, a query the kept index leaves to it (phrases, exclusions), and the page's rows by id.
   */
  private async run(request: SoftwareSearch, withFacets: boolean): Promise<{ result: Page<SoftwareRecord>; facets?: FacetCounts | undefined; usedByOrganisation?: number }> {
    const q = request.q?.trim()
    const sort = effectiveSort({ q, sort: request.sort })
    const organisation = request.organisation?.trim()
    const [{ catalogue, words }, used] = await Promise.all([this.catalogue(q), organisation ? this.usedBy(organisation) : undefined])
    let ranks: Map<number, number> | undefined
    if (q) {
      // The text index's documents are in the listing's order.
      ranks = words && catalogue.text.search(words.query, words.plain)
      if (!ranks) ranks = new Map([...(await this.textRanks(q))].flatMap(([id, rank]) => (catalogue.listing.places.has(id) ? [[catalogue.listing.places.get(id)!, rank]] : [])))
    }
    const answer = searchListing(catalogue.listing, {
      filters: request.filters ?? {},
      sort,
      page: request.page,
      pageSize: request.pageSize,
      ranks,
      used,
      onlyUsed: request.usedByOrganisation && used !== undefined,
      withFacets,
    })
    const rows = answer.ids.length ? await this.db.selectFrom('software').selectAll().where('id', 'in', answer.ids).execute() : []
    const byId = new Map(rows.map((row) => [row.id, withoutInternals(row)]))
    const result = { items: answer.ids.flatMap((id) => byId.get(id) ?? []), total: answer.total, page: request.page, pageSize: request.pageSize }
    return { result, facets: answer.facets, ...(answer.usedCount === undefined ? {} : { usedByOrganisation: answer.usedCount }) }
  }

  /**
   * The published software's facet attributes, sort keys and text, kept while no transaction writes
   * the software (migration 0019's counter, read at each search: one tiny row), reloaded once when one
   * does, however many searches wait for it.
   */
  private async catalogue(q: string | undefined): Promise<{ catalogue: KeptCatalogue; words?: { query: string; plain: string } }> {
    const { version, words } = await currentVersion(this.db, 'software_listing_version', q)
    return { catalogue: await this.kept.at(version), ...(words ? { words } : {}) }
  }

  private async loadCatalogue(): Promise<KeptCatalogue> {
    // One JSON value: PGlite hands it over far faster than thousands of rows. Name order is that of the
    // unaccented lower-case names, byte by byte: the same on every server, whatever its collation.
    const { rows } = await sql<{ listing: (ListingRow & IndexedText)[] | null }>`
      select json_agg(json_build_object(
        'id', s.id, 'status', s.status, 'categories', s.categories, 'licence', s.licence,
        'platforms', s.platforms, 'os', s.os, 'market', coalesce(s.support_market, false),
        'referents', s.referent_count > 0, 'instance', s.public_instance_count > 0, 'years', s.sill_years,
        'updatedAt', extract(epoch from s.updated_at) * 1000, 'popularity', s.user_count + s.referent_count,
        'latestRelease', coalesce(s.latest_release_on::text, ''), 'vector', s.search::text, 'plainName', s.name_plain
      ) order by s.name_plain collate "C", s.id) as listing
      from software s where ${publishedSoftware('s')}
    `.execute(this.db)
    const found = rows[0]?.listing ?? []
    return { listing: buildListing(found), text: new CatalogueText(found) }
  }

  /**
   * The published software the text matches and their relevance, read by the database (for what the
   * kept index does not answer). Words and typos of the name are matched apart, each through its own
   * index (together, the planner reads the whole table).
   */
  private async textRanks(q: string): Promise<Map<string, number>> {
    const text = textQuery(q)
    const search = sql.ref('s.search')
    const plain = sql.ref<string>('s.name_plain')
    const { rows } = await sql<{ matches: [string, number][] | null }>`
      select json_agg(json_build_array(m.id, m.rank)) as matches from (
        select s.id, ${relevance(search, plain, text)} as rank
        from software s where ${publishedSoftware('s')} and ${search} @@ ${text.query}
        union all
        select s.id, ${relevance(search, plain, text)}
        from software s where ${publishedSoftware('s')} and ${plain} % ${text.plain} and not (${search} @@ ${text.query})
      ) m
    `.execute(this.db)
    return new Map(rows[0]?.matches ?? [])
  }

  /** The software an organisation uses (its users' declarations, matched without accents or case). */
  private async usedBy(organisation: string): Promise<Set<string>> {
    const { rows } = await sql<{ software_id: string }>`
      select distinct software_id from software_user where socle_unaccent(lower(organisation)) = socle_unaccent(lower(${organisation}))
    `.execute(this.db)
    return new Set(rows.map((row) => row.software_id))
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
