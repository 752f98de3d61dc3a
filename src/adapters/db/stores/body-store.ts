import { type Kysely, type Selectable, sql } from 'kysely'
import type { DB, Organisation, SourceTable } from '../schema.ts'
import { matchesText, textQuery } from '../search.ts'
import { publishedSoftware } from './software-store.ts'

const SUMMARY_COLUMNS = ['id', 'slug', 'name', 'acronym', 'kind', 'parent_id', 'siren', 'website', 'description', 'is_demo'] as const

/** A body as lists and trees show it. */
export interface BodySummary {
  id: string
  slug: string
  name: string
  acronym: string | null
  kind: string
  parent_id: string | null
  siren: string | null
  website: string | null
  description: string | null
  is_demo: boolean
}

export type BodyRecord = Organisation & { parent: { slug: string; name: string } | null }

export type AccountRecord = Selectable<SourceTable> & {
  /** Repositories of the account present on its forge. */
  repositories: number
  organisation_slug: string | null
  organisation_name: string | null
}

/** What a feed says of a repository. */
export interface FeedRepository {
  id: string
  forge_host: string
  owner: string
  name: string
  description: string | null
  language: string | null
  licence: string | null
  created_on_forge: Date | null
  first_seen_at: Date
  organisation_name: string | null
}

/**
 * Public bodies, their accounts and what they publish, for the pages of the registry. Bodies are a few
 * thousand at most: lists and trees read them whole (a body's page, its subtree) and roll counts up in
 * memory; the repositories of a body or an account are listed by RepositoryStore.search with a scope.
 * Repositories gone from their forge are left out.
 */
export class BodyStore {
  constructor(private readonly db: Kysely<DB>) {}

  /** Every body, by name, and how many repositories each one publishes itself. */
  async summaries(): Promise<{ bodies: BodySummary[]; counts: Map<string, number> }> {
    const bodies = await this.db.selectFrom('organisation').select(SUMMARY_COLUMNS).orderBy('name').orderBy('slug').execute()
    return { bodies, counts: await this.counts() }
  }

  /**
   * A body and all its sub-bodies, with their repository counts: what a body's page needs, read through
   * the indexes whatever the size of the registry (`union` stops at a cycle of parents).
   */
  async subtree(rootId: string): Promise<{ bodies: BodySummary[]; counts: Map<string, number> }> {
    const { rows: bodies } = await sql<BodySummary>`
      with recursive tree as (
        select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(c)))} from organisation where id = ${rootId}
        union
        select ${sql.join(SUMMARY_COLUMNS.map((c) => sql.ref(`o.${c}`)))} from organisation o join tree on o.parent_id = tree.id
      )
      select * from tree order by name, slug`.execute(this.db)
    return { bodies, counts: await this.counts(bodies.map((body) => body.id)) }
  }

  private async counts(organisationIds?: string[]): Promise<Map<string, number>> {
    let query = this.db
      .selectFrom('repository')
      .where('gone_at', 'is', null)
      .where('organisation_id', 'is not', null)
      .select(['organisation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('organisation_id')
    if (organisationIds) query = query.where('organisation_id', 'in', organisationIds)
    const rows = await query.execute()
    return new Map(rows.map((row) => [row.organisation_id!, row.n]))
  }

  /**
   * The ids of the bodies whose name or acronym matches the text: full-text words (accents and case
   * ignored), a typo of the name, or a part of either.
   */
  async matching(search: string): Promise<Set<string>> {
    const text = withoutNul(search)
    const q = textQuery(text)
    const words = sql<string>`to_tsvector('simple', socle_unaccent(name || ' ' || coalesce(acronym, '')))`
    const part = `%${text.slice(0, 200).toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const rows = await this.db
      .selectFrom('organisation')
      .select('id')
      .where((eb) => eb.or([matchesText(words, sql<string>`socle_unaccent(lower(name))`, q), eb(sql`socle_unaccent(lower(name || ' ' || coalesce(acronym, '')))`, 'like', sql`socle_unaccent(${part})`)]))
      .execute()
    return new Set(rows.map((row) => row.id))
  }

  async bySlug(slug: string): Promise<BodyRecord | undefined> {
    // PostgreSQL text cannot hold NUL: such a slug names no body (rather than failing the query).
    if (slug.includes('\0')) return undefined
    const row = await this.db
      .selectFrom('organisation as o')
      .leftJoin('organisation as p', 'p.id', 'o.parent_id')
      .selectAll('o')
      .select(['p.slug as parent_slug', 'p.name as parent_name'])
      .where('o.slug', '=', slug)
      .executeTakeFirst()
    if (!row) return undefined
    const { parent_slug, parent_name, ...body } = row
    return { ...body, parent: parent_slug && parent_name ? { slug: parent_slug, name: parent_name } : null }
  }

  /** The accounts of these bodies, by address. */
  async accounts(organisationIds: readonly string[]): Promise<AccountRecord[]> {
    if (organisationIds.length === 0) return []
    return await this.accountQuery().where('s.organisation_id', 'in', organisationIds).orderBy('s.host').orderBy('s.owner').execute()
  }

  /** An account by its forge host and owner (empty for a whole instance). */
  async account(host: string, owner: string): Promise<AccountRecord | undefined> {
    if (host.includes('\0') || owner.includes('\0')) return undefined
    return await this.accountQuery().where('s.host', '=', host).where('s.owner', '=', owner).orderBy('s.url').executeTakeFirst()
  }

  private accountQuery() {
    return this.db
      .selectFrom('source as s')
      .leftJoin('organisation as o', 'o.id', 's.organisation_id')
      .selectAll('s')
      .select([
        'o.slug as organisation_slug',
        'o.name as organisation_name',
        sql<number>`(select count(*) from repository r where r.source_id = s.id and r.gone_at is null)`.as('repositories'),
      ])
  }

  /** The repositories Socle saw last, newest first: for the feeds. */
  async newest(limit: number, organisationIds?: readonly string[]): Promise<FeedRepository[]> {
    if (organisationIds?.length === 0) return []
    let query = this.db
      .selectFrom('repository as r')
      .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
      .where('r.gone_at', 'is', null)
      .select(['r.id', 'r.forge_host', 'r.owner', 'r.name', 'r.description', 'r.language', 'r.effective_licence as licence', 'r.created_on_forge', 'r.first_seen_at', 'o.name as organisation_name'])
    if (organisationIds) query = query.where('r.organisation_id', 'in', organisationIds)
    return await query.orderBy('r.first_seen_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute()
  }

  /** How many pages of each kind the sitemap lists. */
  async addressCounts(): Promise<{ software: number; bodies: number; repositories: number }> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('software').where(publishedSoftware()).select(eb.fn.countAll<number>().as('n')).as('software'),
        eb.selectFrom('organisation').select(eb.fn.countAll<number>().as('n')).as('bodies'),
        eb.selectFrom('repository').where('gone_at', 'is', null).select(eb.fn.countAll<number>().as('n')).as('repositories'),
      ])
      .executeTakeFirstOrThrow()
    return { software: row.software ?? 0, bodies: row.bodies ?? 0, repositories: row.repositories ?? 0 }
  }

  /** Slice of the catalogue's addresses, in a stable order (by id), for a sitemap page. */
  async softwareAddresses(offset: number, limit: number): Promise<{ slug: string; updated_at: Date }[]> {
    return await this.db.selectFrom('software').select(['slug', 'updated_at']).where(publishedSoftware()).orderBy('id').offset(offset).limit(limit).execute()
  }

  async bodyAddresses(offset: number, limit: number): Promise<{ slug: string; updated_at: Date }[]> {
    return await this.db.selectFrom('organisation').select(['slug', 'updated_at']).orderBy('id').offset(offset).limit(limit).execute()
  }

  async repositoryAddresses(offset: number, limit: number): Promise<{ forge_host: string; owner: string; name: string; updated_at: Date }[]> {
    return await this.db
      .selectFrom('repository')
      .where('gone_at', 'is', null)
      .select(['forge_host', 'owner', 'name', 'updated_at'])
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute()
  }
}

/** PostgreSQL text cannot hold NUL: searched text goes without. */
function withoutNul(text: string): string {
  return text.replaceAll('\0', '')
}
