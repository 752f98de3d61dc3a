import type { SoftwareRecord } from '../../adapters/db/stores/software-store.ts'
import {
  activeFilters,
  type CatalogueQuery,
  catalogueParams,
  effectiveSort,
  FACET_VALUES,
  FACETS,
  type FacetCounts,
  type FacetName,
  MY_ORGANISATION,
  USED_BY_PARAM,
  SORTS,
  toggleFilter,
} from '../../domain/catalogue/facets.ts'
import type { Page } from '../../domain/shared/page.ts'
import { catalogueFeedHref } from '../feeds/feed-routes.ts'
import { formatNumber } from '../i18n/index.ts'
import { PageHeading, Pager, ResultCount } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { SoftwareCard } from '../views/software-card.tsx'

/** Values of a word facet shown before "show more". */
const SHOWN_VALUES = 12

export interface CatalogueView {
  query: CatalogueQuery
  result: Page<SoftwareRecord>
  facets: FacetCounts
  /** A signed-in agent's organisation, and how many of the software the other filters keep it uses. */
  mine?: { organisation: string; count: number } | undefined
}

/** How a facet value reads: closed lists are translated, words and years are shown as they are. */
export function facetValueLabel(page: PageContext, facet: FacetName, value: string): string {
  const values = FACET_VALUES[facet]
  if (values === 'text' || values === 'year') return value
  if (facet === 'status') return page.t(`software.status.${value as 'recommended'}`)
  return page.t(`catalogue.value.${value as 'yes'}`)
}

/**
 * The catalogue: one GET form (text, facets as checkboxes, sort), so that every search has an address
 * to share and works without JavaScript; the chosen filters are also links that remove them.
 */
export function CataloguePage(props: { page: PageContext; view: CatalogueView }) {
  const { page } = props
  const { query, result, facets } = props.view
  const { t, locale } = page
  const base = href(page, '/catalogue')
  const at = (q: CatalogueQuery) => {
    const params = catalogueParams(q).toString()
    return params ? `${base}?${params}` : base
  }
  const active = activeFilters(query)
  const sort = effectiveSort(query)
  return (
    <Layout page={page} title={t('catalogue.title')} section="catalogue" feed={{ href: catalogueFeedHref(page.locale), title: t('catalogueData.feed.title') }}>
      <div class="fr-container fr-mt-6w">
        <PageHeading title={t('catalogue.title')} lead={t('catalogue.lead')} />
        <ul class="fr-links-group fr-mb-2w">
          <li><a class="fr-link fr-icon-rss-line fr-link--icon-left" href={catalogueFeedHref(page.locale)}>{t('catalogueData.feed.link')}</a></li>
          <li><a class="fr-link fr-icon-calendar-line fr-link--icon-left" href={href(page, '/catalogue/editions')}>{t('catalogueData.editions.link')}</a></li>
        </ul>
        <p><a class="fr-link" href={href(page, '/catalogue/add')}>{t('catalogueAdmin.add.action')}</a></p>
        <form method="get" action={base} id="catalogue-search">
          <div class="fr-search-bar fr-search-bar--lg fr-mb-4w" role="search" id="software-search-bar">
            <label class="fr-label" for="software-search">{t('search.label')}</label>
            <input class="fr-input" type="search" id="software-search" name="q" value={query.q ?? ''} placeholder={t('search.softwarePlaceholder')} maxLength={200} />
            <button class="fr-btn" type="submit" title={t('search.button')}>{t('search.button')}</button>
          </div>
          <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-4">
              <h2 class="fr-h5">{t('catalogue.filters')}</h2>
              {props.view.mine ? (
                <fieldset class="fr-fieldset fr-mb-2w" id="facet-used-by">
                  <legend class="fr-fieldset__legend fr-text--bold">{t('catalogueData.usedBy.legend')}</legend>
                  <div class="fr-fieldset__element">
                    <div class="fr-checkbox-group fr-checkbox-group--sm">
                      <input type="checkbox" id="facet-used-by-mine" name={USED_BY_PARAM} value={MY_ORGANISATION} checked={Boolean(query.usedByMyOrganisation)} />
                      <label class="fr-label" for="facet-used-by-mine">
                        {t('catalogueData.usedBy.label', { organisation: props.view.mine.organisation, count: formatNumber(locale, props.view.mine.count) })}
                      </label>
                    </div>
                  </div>
                </fieldset>
              ) : null}
              {FACETS.map((facet) => (
                <FacetFieldset page={page} facet={facet} counts={facets[facet]} chosen={query.filters[facet] ?? []} />
              ))}
              <button class="fr-btn fr-btn--secondary" type="submit">{t('catalogue.apply')}</button>
            </div>
            <div class="fr-col-12 fr-col-md-8">
              {active.length > 0 || query.usedByMyOrganisation ? (
                <div class="fr-mb-2w">
                  <h2 class="fr-sr-only">{t('catalogue.activeFilters')}</h2>
                  <ul class="fr-tags-group">
                    {active.map(({ facet, value }) => {
                      const label = facetValueLabel(page, facet, value)
                      return (
                        <li key={`${facet}-${value}`}>
                          <a class="fr-tag fr-icon-close-line fr-tag--icon-left" href={at(toggleFilter(query, facet, value))} aria-label={t('catalogue.removeFilter', { facet: t(`catalogue.facet.${facet}`), value: label })}>
                            {label}
                          </a>
                        </li>
                      )
                    })}
                    {query.usedByMyOrganisation ? (
                      <li>
                        <a class="fr-tag fr-icon-close-line fr-tag--icon-left" href={at({ ...query, usedByMyOrganisation: false, page: 1 })} aria-label={t('catalogueData.usedBy.remove')}>
                          {t('catalogueData.usedBy.tag')}
                        </a>
                      </li>
                    ) : null}
                    <li><a class="fr-tag" href={at({ q: query.q, filters: {}, sort: query.sort, page: 1 })}>{t('catalogue.clearFilters')}</a></li>
                  </ul>
                </div>
              ) : null}
              <div class="fr-grid-row fr-grid-row--middle fr-mb-2w">
                <div class="fr-col">
                  <ResultCount page={page} total={result.total} />
                </div>
                <div class="fr-col-auto">
                  <div class="fr-select-group">
                    <label class="fr-label" for="catalogue-sort">{t('catalogue.sortLabel')}</label>
                    <select class="fr-select" id="catalogue-sort" name="sort">
                      {SORTS.filter((s) => s !== 'relevance' || query.q).map((s) => (
                        <option value={s} selected={s === sort}>{t(`catalogue.sort.${s}`)}</option>
                      ))}
                    </select>
                  </div>
                </div>
              </div>
              <ul class="fr-grid-row fr-grid-row--gutters socle-plain-list">
                {result.items.map((s) => (
                  <li class="fr-col-12 fr-col-lg-6" key={s.id}>
                    <SoftwareCard page={page} software={s} />
                  </li>
                ))}
              </ul>
              <Pager page={page} result={result} params={catalogueParams({ ...query, page: 1 })} basePath={base} />
            </div>
          </div>
        </form>
      </div>
    </Layout>
  )
}

function FacetFieldset(props: { page: PageContext; facet: FacetName; counts: { value: string; count: number }[]; chosen: string[] }) {
  const { page, facet, counts, chosen } = props
  const { t, locale } = page
  if (counts.length === 0) return null
  const box = ({ value, count }: { value: string; count: number }, i: number) => {
    const id = `facet-${facet}-${i}`
    return (
      <div class="fr-fieldset__element" key={value}>
        <div class="fr-checkbox-group fr-checkbox-group--sm">
          <input type="checkbox" id={id} name={facet} value={value} checked={chosen.includes(value)} />
          <label class="fr-label" for={id}>{t('catalogue.count', { value: facetValueLabel(page, facet, value), count: formatNumber(locale, count) })}</label>
        </div>
      </div>
    )
  }
  // Chosen values stay in view even when they rank past the first ones.
  const shown = counts.filter((c, i) => i < SHOWN_VALUES || chosen.includes(c.value))
  const more = counts.filter((c, i) => i >= SHOWN_VALUES && !chosen.includes(c.value))
  return (
    <fieldset class="fr-fieldset fr-mb-2w" id={`facet-${facet}`}>
      <legend class="fr-fieldset__legend fr-text--bold">{t(`catalogue.facet.${facet}`)}</legend>
      {shown.map(box)}
      {more.length > 0 ? (
        <details class="fr-fieldset__element">
          <summary>{t('catalogue.moreValues', { count: more.length })}</summary>
          {more.map((c, i) => box(c, shown.length + i))}
        </details>
      ) : null}
    </fieldset>
  )
}
