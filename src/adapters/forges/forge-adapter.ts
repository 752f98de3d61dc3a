import type { CrawledAccount, CrawledRepository, DetailFacts } from '../../domain/registry/crawled.ts'

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

/** Facts some forges give only repository by repository (GitLab, Gitea): read with the files. */
export type RepositoryFacts = DetailFacts

/** What is read of a new or pushed repository: its wanted root files, and the facts its listing lacks. */
export interface RepositoryDetails {
  files: Record<string, string>
  facts: RepositoryFacts
}

/** What the crawl needs from a forge. Every adapter answers the same shapes (domain/registry/crawled.ts). */
export interface ForgeAdapter {
  listAccount(owner: string, options: ListOptions): Promise<AccountListing>
  /** Several accounts in fewer requests, where the forge allows it; each answered or its own error. */
  listAccounts?(requests: { owner: string; options: ListOptions }[]): Promise<(AccountListing | Error)[]>
  /**
   * Facts the listing lacks, read by `readDetails` only: a repository whose push did not change keeps
   * the values stored for them, so that an unchanged recrawl stays at its listing requests.
   */
  readonly factsReadWithFiles: readonly (keyof RepositoryFacts)[]
  /**
   * Root files (by file name; a missing file is absent) and facts of repositories, by forgeId. `names`
   * null: the listing gave no root files, so the adapter lists the root and picks the wanted files.
   */
  readDetails(requests: { repository: CrawledRepository; names: string[] | null }[]): Promise<Map<string, RepositoryDetails>>
}

/** The account does not exist (any more) on the forge. */
export class AccountNotFound extends Error {}
