import type { PublishedLibrary, UsedLibrary } from '../../adapters/db/stores/registry-store.ts'
import type { RepositoryRecord } from '../../adapters/db/stores/repository-store.ts'
import type { Page } from '../../domain/shared/page.ts'
import { formatNumber } from '../i18n/index.ts'
import { PageHeading, Pager } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { webAddress } from '../views/web-address.ts'
import { href, type PageContext } from '../views/page-context.ts'
import { libraryHref, organisationHref, registryPaths } from '../views/registry-paths.ts'
import { RepositoryList } from '../views/repository-card.tsx'

export const ECOSYSTEMS = ['npm', 'pypi', 'maven', 'packagist', 'rubygems', 'go', 'cargo'] as const

export interface LibrariesView {
  ecosystem: string | undefined
  q: string | undefined
  used: Page<UsedLibrary>
  published: PublishedLibrary[]
}

/** The libraries public code uses most, and those public bodies publish. */
export function LibrariesPage(props: { page: PageContext; view: LibrariesView }) {
  const { page, view } = props
  const { t, locale } = page
  const base = href(page, registryPaths.libraries)
  const params = new URLSearchParams()
  if (view.ecosystem) params.set('ecosystem', view.ecosystem)
  if (view.q) params.set('q', view.q)
  return (
    <Layout page={page} title={t('libraries.title')} section="code">
      <div class="fr-container fr-mt-6w fr-mb-6w">
        <PageHeading title={t('libraries.title')} lead={t('libraries.lead')} />
        <form method="get" action={base} class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-3w">
          <div class="fr-col-12 fr-col-md-4 fr-select-group">
            <label class="fr-label" for="library-ecosystem">{t('libraries.ecosystem')}</label>
            <select class="fr-select" id="library-ecosystem" name="ecosystem">
              <option value="" selected={!view.ecosystem}>{t('libraries.allEcosystems')}</option>
              {ECOSYSTEMS.map((e) => <option value={e} selected={view.ecosystem === e} key={e}>{e}</option>)}
            </select>
          </div>
          <div class="fr-col-12 fr-col-md-5 fr-input-group">
            <label class="fr-label" for="library-q">{t('libraries.search')}</label>
            <input class="fr-input" type="search" id="library-q" name="q" value={view.q ?? ''} maxLength={200} />
          </div>
          <div class="fr-col-12 fr-col-md-3"><button class="fr-btn" type="submit">{t('libraries.show')}</button></div>
        </form>
        <h2>{t('libraries.used')}</h2>
        {view.used.items.length === 0 ? <p>{t('libraries.none')}</p> : (
          <div class="fr-table fr-table--no-caption">
            <table>
              <caption>{t('libraries.used')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('libraries.column.name')}</th>
                  <th scope="col">{t('libraries.ecosystem')}</th>
                  <th scope="col">{t('libraries.column.repositories')}</th>
                  <th scope="col">{t('libraries.column.organisations')}</th>
                </tr>
              </thead>
              <tbody>
                {view.used.items.map((library) => (
                  <tr key={`${library.ecosystem}:${library.name}`}>
                    <td><a href={libraryHref(page, library)}>{library.name}</a></td>
                    <td>{library.ecosystem}</td>
                    <td>{formatNumber(locale, library.repositories)}</td>
                    <td>{formatNumber(locale, library.organisations)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} result={view.used} params={params} basePath={base} />
        <h2 class="fr-mt-6w">{t('libraries.published')}</h2>
        {view.published.length === 0 ? <p>{t('libraries.none')}</p> : (
          <div class="fr-table fr-table--no-caption">
            <table>
              <caption>{t('libraries.published')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('libraries.column.name')}</th>
                  <th scope="col">{t('libraries.ecosystem')}</th>
                  <th scope="col">{t('libraries.column.version')}</th>
                  <th scope="col">{t('libraries.column.publisher')}</th>
                </tr>
              </thead>
              <tbody>
                {view.published.map((library) => (
                  <tr key={library.id}>
                    <td><a href={libraryHref(page, library)}>{library.name}</a>{library.description ? <p class="fr-text--xs fr-mb-0">{library.description}</p> : null}</td>
                    <td>{library.ecosystem}</td>
                    <td>{library.version ? <code>{library.version}</code> : '—'}</td>
                    <td>{library.organisation_slug ? <a href={organisationHref(page, library.organisation_slug)}>{library.organisation_name}</a> : library.account}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Layout>
  )
}

/** One library: who publishes it, and the public repositories that depend on it. */
export function LibraryPage(props: { page: PageContext; ecosystem: string; name: string; published: PublishedLibrary | undefined; dependents: RepositoryRecord[] }) {
  const { page, ecosystem, name, published, dependents } = props
  const { t } = page
  return (
    <Layout page={page} title={`${name} (${ecosystem})`} section="code">
      <div class="fr-container fr-mt-6w fr-mb-6w">
        <nav role="navigation" class="fr-breadcrumb" aria-label={t('bodies.breadcrumb')}>
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.search)}>{t('code.title')}</a></li>
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.libraries)}>{t('libraries.title')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{name}</a></li>
          </ol>
        </nav>
        <h1>{name}</h1>
        <p class="fr-text--lead">{ecosystem}{published?.version ? ` · ${published.version}` : ''}</p>
        {published ? (
          <>
            {published.description ? <p>{published.description}</p> : null}
            <p>
              {published.organisation_slug ? <a href={organisationHref(page, published.organisation_slug)}>{t('libraries.publishedBy', { account: published.organisation_name ?? published.account })}</a> : t('libraries.publishedBy', { account: published.account })}
              {webAddress(published.repository_url) ? <> · <a href={webAddress(published.repository_url)} rel="noopener noreferrer nofollow">{published.repository_url}</a></> : null}
            </p>
          </>
        ) : null}
        <h2>{t('libraries.dependents')}</h2>
        {dependents.length === 0 ? <p>{t('libraries.dependentsNone')}</p> : (
          <RepositoryList page={page} repositories={dependents} layout="list" headingLevel="h3" />
        )}
      </div>
    </Layout>
  )
}
