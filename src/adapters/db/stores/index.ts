import type { Kysely } from 'kysely'
import type { DB } from '../schema.ts'
import { CrawlStore } from './crawl-store.ts'
import { OrganisationStore } from './organisation-store.ts'
import { RepositoryStore } from './repository-store.ts'
import { SettingStore } from './setting-store.ts'
import { SourceStore } from './source-store.ts'
import { SoftwareStore } from './software-store.ts'

/** Every store over one connection or transaction: `createStores(trx)` inside a transaction. */
export function createStores(db: Kysely<DB>) {
  return {
    software: new SoftwareStore(db),
    repositories: new RepositoryStore(db),
    organisations: new OrganisationStore(db),
    settings: new SettingStore(db),
    sources: new SourceStore(db),
    crawl: new CrawlStore(db),
  }
}

export type Stores = ReturnType<typeof createStores>
