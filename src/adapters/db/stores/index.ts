import type { Kysely } from 'kysely'
import type { DB } from '../schema.ts'
import { AgentStore } from './agent-store.ts'
import { AuditStore } from './audit-store.ts'
import { BodyStore } from './body-store.ts'
import { CatalogueAdminStore } from './catalogue-admin-store.ts'
import { CrawlStore } from './crawl-store.ts'
import { DeclarationStore } from './declaration-store.ts'
import { OrganisationStore } from './organisation-store.ts'
import { RateEventStore } from './rate-event-store.ts'
import { RegistryStore } from './registry-store.ts'
import { RepositoryStore } from './repository-store.ts'
import { SettingStore } from './setting-store.ts'
import { SourceStore } from './source-store.ts'
import { SoftwareStore } from './software-store.ts'
import { StatisticsStore } from './statistics-store.ts'

/** Every store over one connection or transaction: `createStores(trx)` inside a transaction. */
export function createStores(db: Kysely<DB>) {
  return {
    software: new SoftwareStore(db),
    declarations: new DeclarationStore(db),
    repositories: new RepositoryStore(db),
    organisations: new OrganisationStore(db),
    settings: new SettingStore(db),
    sources: new SourceStore(db),
    crawl: new CrawlStore(db),
    bodies: new BodyStore(db),
    statistics: new StatisticsStore(db),
    agents: new AgentStore(db),
    audit: new AuditStore(db),
    registry: new RegistryStore(db),
    catalogueAdmin: new CatalogueAdminStore(db),
    rateEvents: new RateEventStore(db),
  }
}

export type Stores = ReturnType<typeof createStores>
