import { type Kysely, sql } from 'kysely'
import type { Page, PageRequest } from '../../../domain/shared/page.ts'
import type { DB, NewSoftware, Software } from '../schema.ts'
import { inBatches, withoutInternals } from '../batches.ts'
import { matchesText, pageTotal, relevance, textQuery } from '../search.ts'

export type SoftwareSort = 'relevance' | 'name' | 'updated'

export interface SoftwareSearch extends PageRequest {
  q?: string | undefined
  status?: string | undefined
  sort?: SoftwareSort | undefined
}

export type SoftwareRecord = Omit<Software, 'search'>

/** The catalogue's software, read and written in the database. */
export class SoftwareStore {
  constructor(private readonly db: Kysely<DB>) {}

  async search(request: SoftwareSearch): Promise<Page<SoftwareRecord>> {
    const text = request.q?.trim() ? textQuery(request.q.trim()) : undefined
    const filtered = () => {
      let query = this.db.selectFrom('software as s')
      if (text) query = query.where(matchesText(sql.ref('s.search'), sql.ref('s.name'), text))
      if (request.status) query = query.where('s.status', '=', request.status)
      return query
    }
    const sort = request.sort ?? (text ? 'relevance' : 'name')
    let ordered = filtered().selectAll('s').select(sql<number>`count(*) over ()`.as('total_count'))
    if (sort === 'relevance' && text) ordered = ordered.orderBy(relevance(sql.ref('s.search'), sql.ref('s.name'), text), 'desc')
    if (sort === 'updated') ordered = ordered.orderBy('s.updated_at', 'desc')
    const rows = await ordered
      .orderBy(sql`lower(s.name)`)
      .orderBy('s.id')
      .limit(request.pageSize)
      .offset((request.page - 1) * request.pageSize)
      .execute()
    const total = await pageTotal(rows, request.page, async () => (await filtered().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    return { items: rows.map(withoutInternals), total, page: request.page, pageSize: request.pageSize }
  }

  async bySlug(slug: string): Promise<SoftwareRecord | undefined> {
    const row = await this.db.selectFrom('software').selectAll().where('slug', '=', slug).executeTakeFirst()
    return row ? withoutInternals(row) : undefined
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
