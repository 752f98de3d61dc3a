import type { ComponentChildren } from 'preact'
import { pageCount, type Page } from '../../domain/shared/page.ts'
import { formatNumber } from '../i18n/index.ts'
import type { PageContext } from './page-context.ts'

/** A GET search form: works without JavaScript, and its URL is shareable. */
export function SearchForm(props: { page: PageContext; action: string; q: string | undefined; placeholder: string; id: string }) {
  const { t } = props.page
  return (
    <form method="get" action={props.action} role="search" class="fr-mb-4w">
      <div class="fr-search-bar fr-search-bar--lg" id={`${props.id}-bar`}>
        <label class="fr-label" for={props.id}>{t('search.label')}</label>
        <input class="fr-input" type="search" id={props.id} name="q" value={props.q ?? ''} placeholder={props.placeholder} maxLength={200} />
        <button class="fr-btn" type="submit" title={t('search.button')}>{t('search.button')}</button>
      </div>
    </form>
  )
}

/** Links to the other pages of a list, keeping every other query parameter. */
export function Pager(props: { page: PageContext; result: Page<unknown>; params: URLSearchParams; basePath: string }) {
  const { t } = props.page
  const last = pageCount(props.result)
  if (last <= 1) return null
  const current = props.result.page
  const link = (n: number) => {
    const params = new URLSearchParams(props.params)
    if (n === 1) params.delete('page')
    else params.set('page', String(n))
    const query = params.toString()
    return `${props.basePath}${query ? `?${query}` : ''}`
  }
  const shown = [...new Set([1, current - 1, current, current + 1, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b)
  return (
    <nav role="navigation" class="fr-pagination fr-mt-4w" aria-label={t('pager.label')}>
      <ul class="fr-pagination__list">
        <li>
          {current > 1 ? (
            <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={link(current - 1)}>{t('pager.previous')}</a>
          ) : (
            <a class="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">{t('pager.previous')}</a>
          )}
        </li>
        {shown.map((n) => (
          <li key={n}>
            <a class="fr-pagination__link" href={link(n)} title={t('pager.page', { page: n })} aria-current={n === current ? 'page' : undefined}>
              {n}
            </a>
          </li>
        ))}
        <li>
          {current < last ? (
            <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={link(current + 1)}>{t('pager.next')}</a>
          ) : (
            <a class="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">{t('pager.next')}</a>
          )}
        </li>
      </ul>
    </nav>
  )
}

export function ResultCount(props: { page: PageContext; total: number }) {
  const { t, locale } = props.page
  return (
    <p class="fr-text--sm fr-mb-2w" role="status">
      {props.total === 0 ? t('search.none') : t('search.results', { count: formatNumber(locale, props.total) })}
    </p>
  )
}

export function Badge(props: { kind?: 'info' | 'success' | 'warning' | 'error' | 'new'; small?: boolean; children: ComponentChildren }) {
  const classes = ['fr-badge', props.kind ? `fr-badge--${props.kind}` : '', props.small ? 'fr-badge--sm' : ''].filter(Boolean).join(' ')
  return <p class={classes}>{props.children}</p>
}

/** The page title block shared by list pages. */
export function PageHeading(props: { title: string; lead?: string }) {
  return (
    <>
      <h1>{props.title}</h1>
      {props.lead ? <p class="fr-text--lead">{props.lead}</p> : null}
    </>
  )
}
