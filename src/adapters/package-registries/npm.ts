import { canonicalTime } from '../../domain/registry/crawled.ts'
import { isObject } from '../../domain/registry/dependencies/model.ts'
import type { LibraryAccount } from '../../domain/registry/library-accounts.ts'
import { field, getJson, type PackageRegistry, type PublishedPackage, RegistryError, type RegistryOptions, type RegistrySettings, registrySettings, webAddress } from './package-registry.ts'

/** The most the search answers per page. */
const PAGE_SIZE = 250
/** A scope of more packages than this is not a public body's: stop rather than page forever. */
const MAX_PAGES = 40

/**
 * npm through the registry's search API (`/-/v1/search`): a scope's packages with `scope:name`, a
 * user's with `maintainer:name`, page after page until the total is reached.
 */
export class NpmRegistry implements PackageRegistry {
  readonly #settings: RegistrySettings

  constructor(options: RegistryOptions = {}) {
    this.#settings = registrySettings(options, 'https://registry.npmjs.org')
  }

  async listPackages(account: LibraryAccount): Promise<PublishedPackage[]> {
    if (account.ecosystem !== 'npm') throw new Error(`The npm registry does not list ${account.ecosystem} accounts.`)
    const text = account.kind === 'scope' ? `scope:${account.name.replace(/^@/, '')}` : `maintainer:${account.name}`
    const packages = new Map<string, PublishedPackage>()
    for (let page = 0, from = 0; page < MAX_PAGES; page++) {
      const url = `${this.#settings.baseUrl}/-/v1/search?${new URLSearchParams({ text, size: String(PAGE_SIZE), from: String(from) })}`
      const { json } = await getJson(url, this.#settings)
      if (!isObject(json) || !Array.isArray(json.objects) || typeof json.total !== 'number') throw new RegistryError(`${url} is not an npm search answer (no "objects" and "total").`, url)
      for (const object of json.objects) {
        const found = isObject(object) ? publishedPackage(object.package) : null
        // The search is by words: keep only what really is in the scope.
        if (found && (account.kind === 'user' || found.name.startsWith(`${account.name}/`))) packages.set(found.name, found)
      }
      from += json.objects.length
      if (json.objects.length === 0 || from >= json.total) break
    }
    return [...packages.values()]
  }
}

function publishedPackage(found: unknown): PublishedPackage | null {
  if (!isObject(found)) return null
  const name = field(found.name)
  if (!name) return null
  const links = isObject(found.links) ? found.links : {}
  return {
    ecosystem: 'npm',
    name,
    version: field(found.version),
    description: field(found.description),
    homepage: webAddress(links.homepage),
    repositoryUrl: webAddress(links.repository),
    publishedAt: canonicalTime(field(found.date)),
  }
}
