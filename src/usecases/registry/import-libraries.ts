import type { Kysely } from 'kysely'
import type { PackageRegistry } from '../../adapters/package-registries/index.ts'
import type { DB } from '../../adapters/db/schema.ts'
import { createStores } from '../../adapters/db/stores/index.ts'
import { parseLibraryAccounts, type LibraryAccountProblem } from '../../domain/registry/library-accounts.ts'

export interface LibraryImport {
  accounts: number
  libraries: number
  /** Lines of the list that name no account. */
  problems: LibraryAccountProblem[]
  /** Accounts a registry could not list: their libraries are kept as they were. */
  failures: { account: string; error: string }[]
}

/**
 * Reads the libraries public bodies publish, from a list of their registry accounts (npm scopes and
 * users, PyPI users and organisations): each account's packages replace what Socle had of it; an account
 * its registry cannot list keeps its last good list.
 */
export async function importLibraries(db: Kysely<DB>, registry: PackageRegistry, list: string, now = new Date()): Promise<LibraryImport> {
  const { accounts, problems } = parseLibraryAccounts(list)
  const { registry: store } = createStores(db)
  const result: LibraryImport = { accounts: accounts.length, libraries: 0, problems, failures: [] }
  for (const account of accounts) {
    const key = `${account.ecosystem}:${account.name}`
    try {
      const packages = await registry.listPackages(account)
      await store.replaceAccountLibraries(
        key,
        account.name.replace(/^@/, ''),
        packages.map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version, description: p.description, homepage: p.homepage, repository_url: p.repositoryUrl, published_at: p.publishedAt })),
        now,
      )
      result.libraries += packages.length
    } catch (error) {
      result.failures.push({ account: key, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return result
}
