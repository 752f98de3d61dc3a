import { type Kysely, type Selectable, sql } from 'kysely'
import type { Page, PageRequest } from '../../../domain/shared/page.ts'
import type { ForgeAccount } from '../../../domain/sources/account-url.ts'
import type { DB, SourceTable } from '../schema.ts'

export type SourceRecord = Selectable<SourceTable>

/** new (never crawled), ok, stale (the last crawl failed: the data before it is kept), gone (the account vanished). */
export const sourceStatuses = ['new', 'ok', 'stale', 'gone'] as const
export type SourceStatus = (typeof sourceStatuses)[number]

/** The accounts Socle crawls, each tied to the public body that owns it when known. */
export class SourceStore {
  constructor(private readonly db: Kysely<DB>) {}

  /** Adds the accounts, or updates their forge settings and body; answers how many were new. */
  async upsert(accounts: { account: ForgeAccount; organisationId: string | null }[]): Promise<number> {
    let added = 0
    for (const { account, organisationId } of accounts) {
      const row = await this.db
        .insertInto('source')
        .values({ url: account.url, forge: account.kind, host: account.host, api_url: account.apiUrl, owner: account.owner, organisation_id: organisationId })
        .onConflict((oc) =>
          oc.column('url').doUpdateSet((eb) => ({
            forge: eb.ref('excluded.forge'),
            api_url: eb.ref('excluded.api_url'),
            // A list without bodies must not detach an account from the body a richer file gave it.
            organisation_id: organisationId ?? eb.ref('source.organisation_id'),
            updated_at: new Date(),
          })),
        )
        // xmax is 0 on a row this statement inserted, and set on one it updated.
        .returning(sql<boolean>`xmax = 0`.as('inserted'))
        .executeTakeFirst()
      if (row?.inserted) added++
    }
    return added
  }

  async list(): Promise<SourceRecord[]> {
    return await this.db.selectFrom('source').selectAll().orderBy('url').execute()
  }

  /** A page of sources for their administration, with the name of the body owning each; `status` filters. */
  async page(filter: { status?: SourceStatus }, request: PageRequest): Promise<Page<SourceRecord & { body: string | null }>> {
    const filtered = this.db.selectFrom('source').$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status!))
    const [items, count] = await Promise.all([
      filtered
        .leftJoin('organisation', 'organisation.id', 'source.organisation_id')
        .selectAll('source')
        .select('organisation.name as body')
        .orderBy('source.url')
        .limit(request.pageSize)
        .offset((request.page - 1) * request.pageSize)
        .execute(),
      filtered.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
    ])
    return { items, total: Number(count.total), ...request }
  }

  async byId(id: string): Promise<SourceRecord | undefined> {
    return await this.db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirst()
  }

  async byUrl(url: string): Promise<SourceRecord | undefined> {
    return await this.db.selectFrom('source').selectAll().where('url', '=', url).executeTakeFirst()
  }
}
