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
 * Crawls accounts of one forge together: lists them (several per request where the forge allows,
 * stopping early when nothing older changed), reads the root files of the new and pushed repositories
 * in shared requests, then stores each account in its own transaction. An account that fails leaves
 * its stored repositories as they were and is marked stale with the reason; the others go on.
 */
export async function crawlSourceBatch(db: Kysely<DB>, sources: SourceRecord[], adapter: ForgeAdapter, options: { full: boolean; now?: Date }): Promise<CrawlSummary[]> {
  const now = options.now ?? new Date()
  const stores = createStores(db)
  const plans = []
  for (const source of sources) {
    const stored = await stores.crawl.storedRepositories(source.id)
    const knownNewestPush = [...stored.values()].reduce<string | null>((newest, r) => (r.pushedAt && (!newest || r.pushedAt > newest) ? r.pushedAt : newest), null)
    plans.push({ source, stored, options: { full: options.full, knownNewestPush, knownTotal: source.repository_count } })
  }
  const listings = adapter.listAccounts
    ? await adapter.listAccounts(plans.map((p) => ({ owner: p.source.owner, options: p.options })))
    : await Promise.all(plans.map((p) => adapter.listAccount(p.source.owner, p.options).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))))
  const changed = plans.flatMap((plan, i) => {
    const listing = listings[i]!
    return listing instanceof Error ? [] : listing.repositories.filter((r) => needsFiles(r, plan.stored.get(r.forgeId), options.full))
  })
  let contents: Map<string, Record<string, string>>
  try {
    contents = await adapter.readFiles(changed.map((repository) => ({ repository, names: repository.rootFiles ? wantedRootFiles(repository.rootFiles) : null })))
  } catch (error) {
    contents = new Map()
    for (let i = 0; i < listings.length; i++) if (!(listings[i] instanceof Error)) listings[i] = error instanceof Error ? error : new Error(String(error))
  }
  const summaries: CrawlSummary[] = []
  for (const [i, plan] of plans.entries()) {
    const listing = listings[i]!
    const { source } = plan
    try {
      if (listing instanceof Error) throw listing
      let gone = 0
      let filesRead = 0
      await db.transaction().execute(async (trx) => {
        const crawl = createStores(trx).crawl
        for (const repository of listing.repositories) {
          const files = contents.get(repository.forgeId)
          if (files) filesRead++
          await crawl.saveRepository(source, repository, files ? deriveFiles(files) : undefined, now)
        }
        if (listing.complete) gone = await crawl.markMissing(source.id, listing.repositories.map((r) => r.forgeId), now)
        await crawl.sourceSucceeded(source, listing.account, listing.total, now)
      })
      summaries.push({ source: source.url, ok: true, listed: listing.repositories.length, filesRead, gone, complete: listing.complete })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      await stores.crawl.sourceFailed(source, message, error instanceof AccountNotFound && source.error_count + 1 >= 3, now)
      summaries.push({ source: source.url, ok: false, error: message, listed: 0, filesRead: 0, gone: 0, complete: false })
    }
  }
  return summaries
}

/** Crawls one account: a batch of one. */
export async function crawlSource(db: Kysely<DB>, source: SourceRecord, adapter: ForgeAdapter, options: { full: boolean; now?: Date }): Promise<CrawlSummary> {
  const [summary] = await crawlSourceBatch(db, [source], adapter, options)
  return summary!
}

function needsFiles(repository: CrawledRepository, stored: { pushedAt: string | null; headCommit: string | null; filesRead: boolean } | undefined, full: boolean): boolean {
  if (!stored || full || !stored.filesRead) return true
  if (repository.headCommit && stored.headCommit) return repository.headCommit !== stored.headCommit
  return repository.pushedAt !== stored.pushedAt
}
