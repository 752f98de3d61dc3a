import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import { createStores } from '../../adapters/db/stores/index.ts'
import type { RepositoryFiles } from '../../adapters/db/stores/crawl-store.ts'
import type { SourceRecord } from '../../adapters/db/stores/source-store.ts'
import { AccountNotFound, type ForgeAdapter } from '../../adapters/forges/forge-adapter.ts'
import { detectLicence } from '../../domain/licences/index.ts'
import { validatePublicCode } from '../../domain/publiccode/index.ts'
import { type CrawledRepository, manifestNames, roleOfRootFile, wantedRootFiles } from '../../domain/registry/crawled.ts'

export interface CrawlSummary {
  source: string
  ok: boolean
  error?: string
  listed: number
  filesRead: number
  gone: number
  complete: boolean
}

/** Files whose role the crawl derives facts from: the publiccode.yml, the licence, the manifests. */
export function deriveFiles(read: Record<string, string>): RepositoryFiles {
  // A file with NUL bytes is binary whatever its name: PostgreSQL text cannot hold it, and no check reads it.
  const files = Object.fromEntries(Object.entries(read).filter(([, text]) => !text.includes('\u0000')))
  const byRole = (role: string) => Object.entries(files).find(([name]) => roleOfRootFile(name) === role)
  const publiccode = byRole('publiccode')
  const licence = byRole('licence')
  const validation = publiccode ? validatePublicCode(publiccode[1], { fileName: publiccode[0] }) : undefined
  return {
    files: Object.fromEntries(Object.entries(files).filter(([name]) => roleOfRootFile(name) && roleOfRootFile(name) !== 'publiccode')),
    publiccodeText: publiccode?.[1] ?? null,
    publiccodeValid: validation ? validation.valid : null,
    publiccodeErrors: validation ? validation.errors : null,
    manifests: Object.fromEntries(Object.entries(files).filter(([name]) => (manifestNames as readonly string[]).includes(name))),
    detectedLicence: licence ? detectLicence(licence[1], licence[0]).expression : null,
  }
}

/**
 * Crawls one account: lists its repositories (stopping early when nothing older changed), reads the
 * root files of the new and pushed ones, and stores it all in one transaction. A failure leaves every
 * stored repository as it was and marks the source stale with the reason.
 */
export async function crawlSource(db: Kysely<DB>, source: SourceRecord, adapter: ForgeAdapter, options: { full: boolean; now?: Date }): Promise<CrawlSummary> {
  const now = options.now ?? new Date()
  const stores = createStores(db)
  try {
    const stored = await stores.crawl.storedRepositories(source.id)
    const knownNewestPush = [...stored.values()].reduce<string | null>((newest, r) => (r.pushedAt && (!newest || r.pushedAt > newest) ? r.pushedAt : newest), null)
    const listing = await adapter.listAccount(source.owner, { full: options.full, knownNewestPush, knownTotal: source.repository_count })
    const changed = listing.repositories.filter((r) => needsFiles(r, stored.get(r.forgeId), options.full))
    const contents = await adapter.readFiles(changed.map((repository) => ({ repository, names: repository.rootFiles ? wantedRootFiles(repository.rootFiles) : null })))
    let gone = 0
    await db.transaction().execute(async (trx) => {
      const crawl = createStores(trx).crawl
      for (const repository of listing.repositories) {
        const files = contents.get(repository.forgeId)
        await crawl.saveRepository(source, repository, files ? deriveFiles(files) : undefined, now)
      }
      if (listing.complete) gone = await crawl.markMissing(source.id, listing.repositories.map((r) => r.forgeId), now)
      await crawl.sourceSucceeded(source, listing.account, listing.total, now)
    })
    return { source: source.url, ok: true, listed: listing.repositories.length, filesRead: contents.size, gone, complete: listing.complete }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await stores.crawl.sourceFailed(source, message, error instanceof AccountNotFound && source.error_count + 1 >= 3, now)
    return { source: source.url, ok: false, error: message, listed: 0, filesRead: 0, gone: 0, complete: false }
  }
}

function needsFiles(repository: CrawledRepository, stored: { pushedAt: string | null; headCommit: string | null; filesRead: boolean } | undefined, full: boolean): boolean {
  if (!stored || full || !stored.filesRead) return true
  if (repository.headCommit && stored.headCommit) return repository.headCommit !== stored.headCommit
  return repository.pushedAt !== stored.pushedAt
}
