import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import * as foundation from './migrations/0001-foundation.ts'
import * as sourcesAndCrawls from './migrations/0002-sources-and-crawls.ts'
import * as repositoryIdentity from './migrations/0003-repository-identity.ts'
import * as catalogue from './migrations/0004-catalogue.ts'
import * as filesRead from './migrations/0005-files-read.ts'
import * as registry from './migrations/0006-registry.ts'
import * as agents from './migrations/0007-agents.ts'
import * as bodies from './migrations/0008-bodies.ts'
import * as declarations from './migrations/0010-declarations.ts'
import * as repositoryFacets from './migrations/0011-repository-facets.ts'
import * as catalogueModeration from './migrations/0012-catalogue-moderation.ts'
import * as softwareProvenance from './migrations/0013-software-provenance.ts'
import * as catalogueSearch from './migrations/0014-catalogue-search.ts'
import * as crawlProgress from './migrations/0015-crawl-progress.ts'
import * as repositoryListing from './migrations/0016-repository-listing.ts'
import * as repositoryListingVersion from './migrations/0017-repository-listing-version.ts'
import * as repositoryListingRanks from './migrations/0018-repository-listing-ranks.ts'
import * as catalogueListing from './migrations/0019-catalogue-listing.ts'
import * as rateEvents from './migrations/0020-rate-events.ts'
import * as registryListingVersion from './migrations/0021-registry-listing-version.ts'

/** Every migration, in order. Forward-only: a released migration is never edited, a new one is added. */
const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-sources-and-crawls': sourcesAndCrawls,
  '0003-repository-identity': repositoryIdentity,
  '0004-catalogue': catalogue,
  '0005-files-read': filesRead,
  '0006-registry': registry,
  '0007-agents': agents,
  '0008-bodies': bodies,
  '0010-declarations': declarations,
  '0011-repository-facets': repositoryFacets,
  '0012-catalogue-moderation': catalogueModeration,
  '0013-software-provenance': softwareProvenance,
  '0014-catalogue-search': catalogueSearch,
  '0015-crawl-progress': crawlProgress,
  '0016-repository-listing': repositoryListing,
  '0017-repository-listing-version': repositoryListingVersion,
  '0018-repository-listing-ranks': repositoryListingRanks,
  '0019-catalogue-listing': catalogueListing,
  '0020-rate-events': rateEvents,
  '0021-registry-listing-version': registryListingVersion,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

export class MigrationError extends Error {}

/**
 * Brings the schema up to date. Safe to run at every start and from several processes at once:
 * Kysely's migrator takes a lock, and applied migrations are skipped.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'socle_migration', migrationLockTableName: 'socle_migration_lock' })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    const reason = error instanceof Error ? error.message : String(error)
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`.replace('  ', ' '))
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
