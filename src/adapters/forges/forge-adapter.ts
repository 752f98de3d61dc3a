import type { CrawledAccount, CrawledRepository } from '../../domain/registry/crawled.ts'

/** One read of an account: its facts and repositories (newest push first when the forge can sort). */
export interface AccountListing {
  account: CrawledAccount
  repositories: CrawledRepository[]
  /** False when the listing stopped early because nothing older changed: absences then mean nothing. */
  complete: boolean
  /** How many repositories the forge says the account has, when it says. */
  total: number | null
}

export interface ListOptions {
  /** Newest push the last crawl saw: a listing may stop once past it (when `total` is unchanged). */
  knownNewestPush: string | null
  knownTotal: number | null
  full: boolean
}

/** What the crawl needs from a forge. Every adapter answers the same shapes (domain/registry/crawled.ts). */
export interface ForgeAdapter {
  listAccount(owner: string, options: ListOptions): Promise<AccountListing>
  /** Several accounts in fewer requests, where the forge allows it; each answered or its own error. */
  listAccounts?(requests: { owner: string; options: ListOptions }[]): Promise<(AccountListing | Error)[]>
  /**
   * Contents of root files by repository forgeId, then by file name; a missing file is absent. `names`
   * null: the listing gave no root files, so the adapter lists the root and picks the wanted files.
   */
  readFiles(requests: { repository: CrawledRepository; names: string[] | null }[]): Promise<Map<string, Record<string, string>>>
}

/** The account does not exist (any more) on the forge. */
export class AccountNotFound extends Error {}
