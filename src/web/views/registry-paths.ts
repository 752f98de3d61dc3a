import { href, type PageContext } from './page-context.ts'

// The registry's page addresses, in one place: every page links through these, so an address changes here only.
// Forge paths keep their slashes (GitLab groups nest: `host/group/subgroup/name`), hence the wildcard routes.
type Where = Pick<PageContext, 'locale'>

export const registryPaths = {
  search: '/code',
  mostReusable: '/code/reusable',
  statistics: '/code/statistics',
  organisations: '/code/organisations',
  libraries: '/code/libraries',
  feed: '/code/feed.atom',
} as const

/** A repository's page: `/code/r/github.com/etalab/foo`. */
export function repositoryHref(page: Where, repository: { forge_host: string; owner: string; name: string }): string {
  return href(page, `/code/r/${repository.forge_host}/${encodePath(repository.owner)}/${encodeURIComponent(repository.name)}`)
}

/** A public body's page, by its slug. */
export function organisationHref(page: Where, slug: string): string {
  return href(page, `/code/organisations/${encodeURIComponent(slug)}`)
}

/** The Atom feed of a body's new repositories. */
export function organisationFeedHref(page: Where, slug: string): string {
  return href(page, `/code/organisations/${encodeURIComponent(slug)}/feed.atom`)
}

/** An account's page (a source): `/code/accounts/github.com/etalab`. */
export function accountHref(page: Where, account: { host: string; owner: string }): string {
  return href(page, `/code/accounts/${account.host}/${encodePath(account.owner)}`)
}

/** A library's page: `/code/libraries/npm/@etalab/foo`. */
export function libraryHref(page: Where, library: { ecosystem: string; name: string }): string {
  return href(page, `/code/libraries/${library.ecosystem}/${encodePath(library.name)}`)
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}
