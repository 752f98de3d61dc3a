import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import { createStores } from '../../adapters/db/stores/index.ts'
import type { RepositoryFiles } from '../../adapters/db/stores/crawl-store.ts'
import type { SourceRecord } from '../../adapters/db/stores/source-store.ts'
import { AccountNotFound, type ForgeAdapter, type RepositoryDetails } from '../../adapters/forges/forge-adapter.ts'
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
 * Repositories whose files are read and stored together: enough to fill the forges' shared requests
 * (GitHub reads fifty repositories a request), few enough that a batch holds little text at a time.
 */
const FILES_CHUNK = 50

/**
 * Crawls accounts of one forge together: lists them (several per request where the forge allows,
 * stopping early when nothing older changed), then reads the root files of the new and pushed
 * repositories (and the facts the listing lacks) in shared requests, a chunk at a time, storing each chunk before reading the next so
 * that no more than a chunk of files is held in memory; last, each account's other repositories,
 * its missing ones and its state are stored in its own transaction. An account that fails keeps the
 * repositories stored before and is marked stale with the reason; the others go on.
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
  const listed = adapter.listAccounts
    ? await adapter.listAccounts(plans.map((p) => ({ owner: p.source.owner, options: p.options })))
    : await Promise.all(plans.map((p) => adapter.listAccount(p.source.owner, p.options).catch((error: unknown) => asError(error))))
  const accounts = plans.map((plan, i) => {
    const listing = listed[i]!
    const changed = listing instanceof Error ? [] : listing.repositories.filter((r) => needsFiles(r, plan.stored.get(r.forgeId), options.full))
    return { source: plan.source, listing, changed, saved: new Set<string>(), error: listing instanceof Error ? listing : undefined }
  })
  const changed = accounts.flatMap((account) => account.changed.map((repository) => ({ account, repository })))
  for (let start = 0; start < changed.length; start += FILES_CHUNK) {
    const chunk = changed.slice(start, start + FILES_CHUNK).filter(({ account }) => !account.error)
    if (chunk.length === 0) continue
    let details: Map<string, RepositoryDetails>
    try {
      details = await adapter.readDetails(chunk.map(({ repository }) => ({ repository, names: repository.rootFiles ? wantedRootFiles(repository.rootFiles) : null })))
    } catch (error) {
      // The forge failed past its retries: every account not finished yet is left for the next pass.
      for (const account of accounts) account.error ??= asError(error)
      break
    }
    for (const account of new Set(chunk.map((c) => c.account))) {
      const read = chunk.flatMap((c) => {
        const found = c.account === account ? details.get(c.repository.forgeId) : undefined
        return found ? [{ repository: { ...c.repository, ...found.facts }, files: found.files }] : []
      })
      try {
        await db.transaction().execute(async (trx) => {
          const crawl = createStores(trx).crawl
          for (const { repository, files } of read) await crawl.saveRepository(account.source, repository, deriveFiles(files), now)
        })
        for (const { repository } of read) account.saved.add(repository.forgeId)
      } catch (error) {
        account.error = asError(error)
      }
    }
  }
  const summaries: CrawlSummary[] = []
  for (const { source, listing, saved, error } of accounts) {
    try {
      if (error) throw error
      if (listing instanceof Error) throw listing
      let gone = 0
      await db.transaction().execute(async (trx) => {
        const crawl = createStores(trx).crawl
        for (const repository of listing.repositories) {
          if (!saved.has(repository.forgeId)) await crawl.saveRepository(source, repository, undefined, now, adapter.factsReadWithFiles)
        }
        if (listing.complete) gone = await crawl.markMissing(source.id, listing.repositories.map((r) => r.forgeId), now)
        await crawl.sourceSucceeded(source, listing.account, listing.total, now)
      })
      summaries.push({ source: source.url, ok: true, listed: listing.repositories.length, filesRead: saved.size, gone, complete: listing.complete })
    } catch (failure) {
      const message = asError(failure).message
      await stores.crawl.sourceFailed(source, message, failure instanceof AccountNotFound && source.error_count + 1 >= 3, now)
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

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

function needsFiles(repository: CrawledRepository, stored: { pushedAt: string | null; headCommit: string | null; filesRead: boolean } | undefined, full: boolean): boolean {
  if (!stored || full || !stored.filesRead) return true
  if (repository.headCommit && stored.headCommit) return repository.headCommit !== stored.headCommit
  return repository.pushedAt !== stored.pushedAt
}
