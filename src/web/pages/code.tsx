import type { RepositoryResults } from '../../adapters/db/stores/repository-store.ts'
import type { RepositoryFacets } from '../../domain/registry/listing.ts'
import {
  type RepositoryFacet, repositoryFacets, type RepositoryQuery, repositoryQueryParams, repositorySorts, toggleFilter,
} from '../../domain/registry/repository-query.ts'
import type { MessageKey, Translate } from '../i18n/index.ts'
import { ActiveFilterTags, CheckboxFacet, type FacetOption, RadioFacet, SortSelect } from '../views/facets.tsx'
import { PageHeading, Pager, ResultCount } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { registryPaths } from '../views/registry-paths.ts'
import { RepositoryList } from '../views/repository-card.tsx'
import { kindLabel } from './registry/kinds.ts'

export interface CodeSearchView {
  query: RepositoryQuery
  result: RepositoryResults
  facets: RepositoryFacets
}

/** Facets answered by one value at most. */
const SINGLE: readonly RepositoryFacet[] = ['authorised', 'activity', 'archived', 'fork', 'template']

/** A facet value in words. */
export function facetValueLabel(t: Translate, facet: RepositoryFacet, value: string, label: string | null): string {
  if (label) return label
  if (facet === 'kind') return kindLabel(t, value)
  if (['forge', 'authorised', 'publiccode', 'compliance', 'activity', 'archived', 'fork', 'template'].includes(facet)) {
    return t(`registry.value.${value}` as MessageKey)
  }
  return value
}

/**
 * The repository search: words, facets with counts and a sort in one GET form, so that every search
 * is an address to share and works without JavaScript; chosen filters are also links that remove them.
 */
export function CodePage(props: { page: PageContext; view: CodeSearchView }) {
  const { page } = props
  const { query, result, facets } = props.view
  const { t } = page
  const base = href(page, registryPaths.search)
  const at = (q: RepositoryQuery) => {
    const params = repositoryQueryParams(q).toString()
    return params ? `${base}?${params}` : base
  }
  const options = (facet: RepositoryFacet): FacetOption[] =>
    facets[facet].map((f) => ({ value: f.value, label: facetValueLabel(t, facet, f.value, f.label), count: f.count }))
  const labelOf = (facet: RepositoryFacet, value: string) => facets[facet].find((f) => f.value === value)?.label ?? facetValueLabel(t, facet, value, null)
  const tags = repositoryFacets.flatMap((facet) => {
    const chosen = query[facet]
    const values = Array.isArray(chosen) ? chosen : chosen ? [chosen] : []
    return values.map((value) => {
      const label = labelOf(facet, value)
      return { key: `${facet}-${value}`, label, removeHref: at(toggleFilter(query, facet, value)), removeLabel: t('registry.removeFilter', { facet: t(`registry.facet.${facet}`), value: label }) }
    })
  })
  return (
    <Layout page={page} title={t('code.title')} section="code" feed={{ href: href(page, registryPaths.feed), title: t('registry.links.feed') }}>
      <div class="fr-container fr-mt-6w">
        <PageHeading title={t('code.title')} lead={t('code.lead')} />
        <ul class="fr-links-group fr-mb-3w">
          <li><a class="fr-link fr-icon-star-line fr-link--icon-left" href={href(page, registryPaths.mostReusable)}>{t('registry.links.reusable')}</a></li>
          <li><a class="fr-link fr-icon-government-line fr-link--icon-left" href={href(page, registryPaths.organisations)}>{t('registry.links.organisations')}</a></li>
          <li><a class="fr-link fr-icon-bar-chart-box-line fr-link--icon-left" href={href(page, registryPaths.statistics)}>{t('registry.links.statistics')}</a></li>
          <li><a class="fr-link fr-icon-book-2-line fr-link--icon-left" href={href(page, registryPaths.libraries)}>{t('registry.links.libraries')}</a></li>
          <li><a class="fr-link fr-icon-rss-line fr-link--icon-left" href={href(page, registryPaths.feed)}>{t('registry.links.feed')}</a></li>
        </ul>
        <form method="get" action={base} id="repository-search-form">
          <div class="fr-search-bar fr-search-bar--lg fr-mb-4w" role="search" id="repository-search-bar">
            <label class="fr-label" for="repository-search">{t('registry.search.label')}</label>
            <input class="fr-input" type="search" id="repository-search" name="q" value={query.q ?? ''} placeholder={t('registry.search.placeholder')} maxLength={200} />
            <button class="fr-btn" type="submit" title={t('search.button')}>{t('search.button')}</button>
          </div>
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <h2 class="fr-h5">{t('registry.filters')}</h2>
              <button class="fr-btn fr-btn--secondary fr-btn--sm fr-mb-2w" type="submit">{t('registry.apply')}</button>
              {repositoryFacets.map((facet) =>
                SINGLE.includes(facet) ? (
                  <RadioFacet page={page} name={facet} legend={t(`registry.facet.${facet}`)} options={options(facet)} chosen={query[facet] as string | undefined} />
                ) : (
                  <CheckboxFacet
                    page={page}
                    name={facet}
                    legend={t(`registry.facet.${facet}`)}
                    options={options(facet)}
                    chosen={(query[facet] as string[] | undefined) ?? []}
                    more={facet === 'organisation' || facet === 'ministry' ? { href: href(page, registryPaths.organisations), label: t('registry.links.organisations') } : undefined}
                  />
                ),
              )}
              <button class="fr-btn fr-btn--secondary" type="submit">{t('registry.apply')}</button>
            </div>
            <div class="fr-col-12 fr-col-md-8">
              <ActiveFilterTags page={page} tags={tags} clearHref={at({ q: query.q, sort: query.sort })} />
              <div class="fr-grid-row fr-grid-row--middle fr-mb-2w">
                <div class="fr-col">
                  <ResultCount page={page} total={result.total} />
                </div>
                <div class="fr-col-auto">
                  <SortSelect
                    id="repository-sort"
                    label={t('registry.sortLabel')}
                    options={repositorySorts.filter((s) => s !== 'relevance' || query.q).map((s) => ({ value: s, label: t(`registry.sort.${s}`) }))}
                    selected={query.sort}
                  />
                </div>
              </div>
              {result.items.length === 0 ? <p>{t('registry.noResults')}</p> : null}
              <RepositoryList page={page} repositories={result.items} layout="list" />
              <Pager page={page} result={result} params={repositoryQueryParams(query)} basePath={base} />
            </div>
          </div>
        </form>
      </div>
    </Layout>
  )
}
