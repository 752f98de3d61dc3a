import { type Kysely, sql } from 'kysely'
import type { Page, PageRequest } from '../../../domain/shared/page.ts'
import { inBatches, withoutInternals } from '../batches.ts'
import type { DB, NewRepository, Repository } from '../schema.ts'
import { matchesText, pageTotal, relevance, textQuery } from '../search.ts'

export type RepositorySort = 'relevance' | 'stars' | 'pushed' | 'name'

export interface RepositorySearch extends PageRequest {
  q?: string | undefined
  organisation?: string | undefined
  forge?: string | undefined
  language?: string | undefined
  sort?: RepositorySort | undefined
}

export type RepositoryRecord = Omit<Repository, 'search'> & {
  organisation_slug: string | null
  organisation_name: string | null
}

/** Repositories published by public bodies, as crawled from the forges. */
export class RepositoryStore {
  constructor(private readonly db: Kysely<DB>) {}

  async search(request: RepositorySearch): Promise<Page<RepositoryRecord>> {
    const text = request.q?.trim() ? textQuery(request.q.trim()) : undefined
    const filtered = () => {
      let query = this.db.selectFrom('repository as r').leftJoin('organisation as o', 'o.id', 'r.organisation_id')
      if (text) query = query.where(matchesText(sql.ref('r.search'), sql.ref('r.name'), text))
      if (request.organisation) query = query.where('o.slug', '=', request.organisation)
      if (request.forge) query = query.where('r.forge', '=', request.forge)
      if (request.language) query = query.where('r.language', '=', request.language)
      return query
    }
    const sort = request.sort ?? (text ? 'relevance' : 'pushed')
    let ordered = filtered()
      .selectAll('r')
      .select(['o.slug as organisation_slug', 'o.name as organisation_name', sql<number>`count(*) over ()`.as('total_count')])
    if (sort === 'relevance' && text) ordered = ordered.orderBy(relevance(sql.ref('r.search'), sql.ref('r.name'), text), 'desc')
    if (sort === 'stars') ordered = ordered.orderBy('r.stars', 'desc')
    if (sort === 'pushed') ordered = ordered.orderBy(sql`r.pushed_at desc nulls last`)
    const rows = await ordered
      .orderBy(sql`lower(r.name)`)
      .orderBy('r.id')
      .limit(request.pageSize)
      .offset((request.page - 1) * request.pageSize)
      .execute()
    const total = await pageTotal(rows, request.page, async () => (await filtered().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    return { items: rows.map(withoutInternals), total, page: request.page, pageSize: request.pageSize }
  }

  async insert(rows: NewRepository[]): Promise<void> {
    if (rows.length > 0) await this.db.insertInto('repository').values(rows).execute()
  }

  async total(): Promise<number> {
    const row = await this.db.selectFrom('repository').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return row.n
  }

  /** Every row, in batches: for exports. */
  all(): AsyncGenerator<RepositoryRecord> {
    return inBatches((afterId, limit) => {
      let query = this.db
        .selectFrom('repository as r')
        .leftJoin('organisation as o', 'o.id', 'r.organisation_id')
        .selectAll('r')
        .select(['o.slug as organisation_slug', 'o.name as organisation_name'])
      if (afterId) query = query.where('r.id', '>', afterId)
      return query.orderBy('r.id').limit(limit).execute().then((rows) => rows.map(withoutInternals))
    })
  }
}
