import { canonicalTime } from '../../domain/registry/crawled.ts'
import { isObject } from '../../domain/registry/dependencies/model.ts'
import type { LibraryAccount } from '../../domain/registry/library-accounts.ts'
import { mapConcurrent } from '../../domain/shared/concurrency.ts'
import { field, getJson, getText, type PackageRegistry, type PublishedPackage, RegistryError, type RegistryOptions, type RegistrySettings, registrySettings, webAddress } from './package-registry.ts'

/** More projects than this on one page is not a public body's account. */
const MAX_PROJECTS = 1000

/**
 * PyPI has no API listing a user's (or an organisation's) projects: their profile page links each
 * one (`/project/NAME/`), then the JSON API (`/pypi/NAME/json`) describes its latest version.
 */
export class PypiRegistry implements PackageRegistry {
  readonly #settings: RegistrySettings

  constructor(options: RegistryOptions = {}) {
    this.#settings = registrySettings(options, 'https://pypi.org')
  }

  async listPackages(account: LibraryAccount): Promise<PublishedPackage[]> {
    if (account.ecosystem !== 'pypi') throw new Error(`PyPI does not list ${account.ecosystem} accounts.`)
    const url = `${this.#settings.baseUrl}/${account.kind === 'user' ? 'user' : 'org'}/${encodeURIComponent(account.name)}/`
    const { status, text } = await getText(url, { ...this.#settings, accept: 'text/html' })
    if (status === 404) throw new RegistryError(`PyPI has no ${account.kind === 'user' ? 'user' : 'organisation'} "${account.name}" (${url} answered 404).`, url, 404)
    const names = projectNames(text)
    // A page without a single project link nor the profile around it is not the profile (a bot challenge, a new layout):
    // an empty list would read as every package gone.
    if (names.length === 0 && !/author-profile|organization-snippet|package-list/.test(text)) {
      throw new RegistryError(`${url} is not a PyPI profile page as Socle knows it (no project links).`, url, status)
    }
    const packages = await mapConcurrent(names.slice(0, MAX_PROJECTS), this.#settings.concurrency, (name) => this.#describe(name))
    return packages.filter((found): found is PublishedPackage => found !== null)
  }

  async #describe(name: string): Promise<PublishedPackage | null> {
    const url = `${this.#settings.baseUrl}/pypi/${encodeURIComponent(name)}/json`
    const { status, json } = await getJson(url, this.#settings)
    // Listed on the profile but gone since (deleted, or the page was cached): not published any more.
    if (status === 404) return null
    if (!isObject(json) || !isObject(json.info)) throw new RegistryError(`${url} is not a PyPI project answer (no "info").`, url, status)
    const info = json.info
    const projectUrls = isObject(info.project_urls) ? Object.entries(info.project_urls) : []
    const files = Array.isArray(json.urls) ? json.urls.filter(isObject) : []
    // `upload_time` is UTC without saying so: read as such, not in the server's zone.
    const uploads = files
      .map((file) => canonicalTime(field(file.upload_time_iso_8601) ?? field(file.upload_time)?.replace(/^(\d{4}-\d\d-\d\dT[\d:.]+)$/, '$1Z')))
      .filter((time): time is string => time !== null)
    return {
      ecosystem: 'pypi',
      name: field(info.name) ?? name,
      version: field(info.version),
      description: field(info.summary),
      homepage: webAddress(info.home_page) ?? webAddress(projectUrls.find(([label]) => /^home\s*-?page$|^home$/i.test(label))?.[1]),
      repositoryUrl: repositoryUrl(projectUrls, info.home_page),
      // The files of the latest version: it was published with the first of them.
      publishedAt: uploads.sort()[0] ?? null,
    }
  }
}

/** Project names linked from a profile page, in page order, once each. */
export function projectNames(html: string): string[] {
  const names = new Set<string>()
  for (const match of html.matchAll(/href="(?:https?:\/\/[^/"]+)?\/project\/([^/"?#]+)\/?"/g)) {
    // Profile links use the normalised name, plain ASCII: anything else is not a project link.
    const name = match[1]!
    if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) names.add(name)
  }
  return [...names]
}

/** The source repository among a project's links: a label that says so, else a link to a forge. */
function repositoryUrl(projectUrls: [string, unknown][], homePage: unknown): string | null {
  const labelled = projectUrls.find(([label]) => /^(source|sources|source code|code|repository|repo|github|gitlab|git)$/i.test(label.trim()))
  if (labelled && webAddress(labelled[1])) return webAddress(labelled[1])
  for (const candidate of [...projectUrls.map(([, url]) => url), homePage]) {
    const url = webAddress(candidate)
    if (url && /^https?:\/\/(github\.com|gitlab\.com|framagit\.org|codeberg\.org|bitbucket\.org|(git|gitlab|forge)\.[^/]+)\/[^/]+\/[^/]+/.test(url)) return url
  }
  return null
}
