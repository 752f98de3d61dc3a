import { Fragment } from 'preact'
import type { CrawlPassProgress } from '../../../adapters/db/stores/crawl-store.ts'
import { type SourceRecord, type SourceStatus, sourceStatuses } from '../../../adapters/db/stores/source-store.ts'
import type { Page } from '../../../domain/shared/page.ts'
import { CsrfField } from '../../auth/csrf.tsx'
import { formatDateTime, formatNumber } from '../../i18n/index.ts'
import { Badge, Pager, ResultCount } from '../../views/components.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { webAddress } from '../../views/web-address.ts'
import { Notice } from '../account/sign-in.tsx'

export const CRAWL_ADMIN_PATH = '/administration/crawl'

export interface CrawlAdminView {
  sources: Page<SourceRecord & { body: string | null }>
  status: SourceStatus | undefined
  pass: CrawlPassProgress | undefined
  /** Jobs waiting or running; undefined when this process has no job queue. */
  jobs: { sources: number; all: number } | undefined
  /** The form token when the reader may act (administrators); moderators only read. */
  csrf: string | undefined
  notice?: { kind: 'success' | 'error'; text: string }
}

const STATUS_BADGE: Record<SourceStatus, 'info' | 'success' | 'warning' | 'error'> = { new: 'info', ok: 'success', stale: 'warning', gone: 'error' }

/** /:locale/administration/crawl: the crawl in progress, the sources and their state, and buttons to crawl. */
export function CrawlAdminPage(props: { page: PageContext; view: CrawlAdminView }) {
  const { page, view } = props
  const { t, locale } = page
  const basePath = href(page, CRAWL_ADMIN_PATH)
  const params = new URLSearchParams(view.status ? { state: view.status } : {})
  // The same view again, without the notice of an action just done.
  const current = new URLSearchParams(params)
  if (view.sources.page > 1) current.set('page', String(view.sources.page))
  const refresh = current.size > 0 ? `${basePath}?${current}` : basePath
  const when = (date: Date | null) => (date ? formatDateTime(locale, date) : t('crawl.admin.never'))
  return (
    <Layout page={page} title={t('crawl.admin.title')} section="other">
      <div class="fr-container fr-mt-4w fr-mb-6w">
        <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{t('nav.home')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{t('crawl.admin.title')}</a></li>
          </ol>
        </nav>
        <h1>{t('crawl.admin.title')}</h1>
        <p>{t('crawl.admin.lead')}</p>
        {view.notice ? <Notice kind={view.notice.kind}>{view.notice.text}</Notice> : null}

        <h2>{t('crawl.admin.progress')}</h2>
        <p><a class="fr-link fr-icon-refresh-line fr-link--icon-left" href={refresh}>{t('crawl.admin.refresh')}</a></p>
        {view.pass ? <PassProgress page={page} pass={view.pass} when={when} /> : <p>{t('crawl.admin.none')}</p>}
        {view.jobs ? (
          <p>
            {t('crawl.admin.jobs')} : {t('crawl.admin.jobs.value', { sources: formatNumber(locale, view.jobs.sources), all: formatNumber(locale, view.jobs.all) })}
          </p>
        ) : (
          <p>{t('crawl.admin.noQueue')}</p>
        )}
        {view.csrf && view.jobs ? (
          <form method="post" action={href(page, `${CRAWL_ADMIN_PATH}/start`)} class="fr-mb-4w">
            <CsrfField token={view.csrf} />
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li><button class="fr-btn" type="submit" name="full" value="no">{t('crawl.admin.start')}</button></li>
              <li><button class="fr-btn fr-btn--secondary" type="submit" name="full" value="yes" aria-describedby="crawl-full-hint">{t('crawl.admin.startFull')}</button></li>
            </ul>
            <p class="fr-hint-text" id="crawl-full-hint">{t('crawl.admin.startHint')}</p>
          </form>
        ) : null}

        <h2>{t('crawl.admin.sources')}</h2>
        <form method="get" action={basePath} class="fr-mb-2w">
          <div class="fr-select-group">
            <label class="fr-label" for="crawl-state">{t('crawl.admin.filter')}</label>
            <select class="fr-select" id="crawl-state" name="state">
              <option value="" selected={!view.status}>{t('crawl.admin.filter.all')}</option>
              {sourceStatuses.map((status) => <option key={status} value={status} selected={view.status === status}>{t(`crawl.admin.status.${status}`)}</option>)}
            </select>
          </div>
          <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">{t('crawl.admin.filter.apply')}</button>
        </form>
        <ResultCount page={page} total={view.sources.total} />
        <div class="fr-table">
          <table>
            <caption>{t('crawl.admin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('crawl.admin.column.url')}</th>
                <th scope="col">{t('crawl.admin.column.forge')}</th>
                <th scope="col">{t('crawl.admin.column.body')}</th>
                <th scope="col">{t('crawl.admin.column.lastCrawl')}</th>
                <th scope="col">{t('crawl.admin.column.repositories')}</th>
                <th scope="col">{t('crawl.admin.column.state')}</th>
                {view.csrf && view.jobs ? <th scope="col">{t('crawl.admin.column.action')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {view.sources.items.map((source) => {
                const status = source.status as SourceStatus
                const link = webAddress(source.url)
                return (
                  <tr key={source.id}>
                    <th scope="row">{link ? <a href={link} rel="noopener">{source.url}</a> : source.url}</th>
                    <td>{source.forge}</td>
                    <td>{source.body ?? t('crawl.admin.noBody')}</td>
                    <td>{when(source.last_crawled_at ? new Date(source.last_crawled_at) : null)}</td>
                    <td>{source.repository_count === null ? '' : formatNumber(locale, source.repository_count)}</td>
                    <td>
                      <Badge kind={STATUS_BADGE[status]} small>{t(`crawl.admin.status.${status}`)}</Badge>
                      {source.last_error && status !== 'ok' ? <p class="fr-text--xs fr-mb-0">{source.last_error}</p> : null}
                    </td>
                    {view.csrf && view.jobs ? (
                      <td>
                        <form method="post" action={href(page, `${CRAWL_ADMIN_PATH}/source`)}>
                          <CsrfField token={view.csrf} />
                          <input type="hidden" name="source" value={source.id} />
                          <button class="fr-btn fr-btn--sm fr-btn--tertiary" type="submit" title={t('crawl.admin.recrawlOf', { url: source.url })}>{t('crawl.admin.recrawl')}</button>
                        </form>
                      </td>
                    ) : null}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        <Pager page={page} result={view.sources} params={params} basePath={basePath} />
      </div>
    </Layout>
  )
}

function PassProgress(props: { page: PageContext; pass: CrawlPassProgress; when: (date: Date | null) => string }) {
  const { page, pass, when } = props
  const { t, locale } = page
  const title = pass.sourceUrl
    ? t(pass.full ? 'crawl.admin.pass.oneFull' : 'crawl.admin.pass.one', { url: pass.sourceUrl })
    : t(pass.full ? 'crawl.admin.pass.allFull' : 'crawl.admin.pass.all')
  const facts: [string, string][] = [
    [t('crawl.admin.startedAt'), when(pass.startedAt)],
    [t('crawl.admin.lastProgress'), when(pass.lastProgressAt)],
    [t('crawl.admin.sourcesDone'), `${formatNumber(locale, pass.done)} / ${formatNumber(locale, pass.sources)}`],
    [t('crawl.admin.sourcesFailed'), formatNumber(locale, pass.failed)],
    [t('crawl.admin.sourcesLeft'), formatNumber(locale, Math.max(0, pass.sources - pass.done - pass.failed))],
    [t('crawl.admin.repositoriesStored'), formatNumber(locale, pass.repositoriesStored)],
    [t('crawl.admin.requests'), formatNumber(locale, pass.requests)],
  ]
  const ended = pass.done + pass.failed >= pass.sources
  return (
    <>
      <h3 class="fr-h6 fr-mb-1w">{title}</h3>
      <Badge kind={ended ? 'success' : 'info'} small>{t(ended ? 'crawl.admin.ended' : 'crawl.admin.running')}</Badge>
      <dl class="socle-facts">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  )
}
