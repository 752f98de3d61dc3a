import type { Kysely } from 'kysely'
import type { DB } from '../schema.ts'

/** Small facts about this deployment (demo loaded, last crawl…), as JSON values by key. */
export class SettingStore {
  constructor(private readonly db: Kysely<DB>) {}

  async get<T>(key: string): Promise<T | undefined> {
    const row = await this.db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst()
    return row?.value as T | undefined
  }

  async set(key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value)
    await this.db
      .insertInto('setting')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
      .execute()
  }
}
