import type { FastifyInstance } from 'fastify'
import type { Context } from '../../../context.ts'
import type { SoftwareRecord } from '../../../adapters/db/stores/software-store.ts'
import { type Edition, listEditions, readEdition } from '../../../usecases/catalogue/yearly-edition.ts'
import { formatDate, formatNumber } from '../../i18n/index.ts'
import { sendPage } from '../../render.ts'
import { PageHeading } from '../../views/components.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { notFound, pageRoute } from '../routes.tsx'

/** The open-data files of an edition, served by the API. */
const editionFile = (year: number, format: 'json' | 'csv') => `/api/v1/software/editions/${year}.${format}`

export function EditionsPage(props: { page: PageContext; editions: Edition[] }) {
  const { page, editions } = props
  const { t, locale } = page
  return (
    <Layout page={page} title={t('catalogueData.editions.title')} section="catalogue">
      <div class="fr-container fr-mt-6w fr-mb-6w">
        <PageHeading title={t('catalogueData.editions.title')} lead={t('catalogueData.editions.lead')} />
        <div class="fr-table fr-table--no-caption">
          <table>
            <caption>{t('catalogueData.editions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogueData.editions.year')}</th>
                <th scope="col">{t('catalogueData.editions.count')}</th>
                <th scope="col">{t('catalogueData.editions.source')}</th>
                <th scope="col">{t('catalogueData.editions.download')}</th>
              </tr>
            </thead>
            <tbody>
              {[...editions].reverse().map((edition) => (
                <tr key={edition.year}>
                  <td><a href={href(page, `/catalogue/editions/${edition.year}`)}>{edition.year}</a></td>
                  <td>{formatNumber(locale, edition.count)}</td>
                  <td>{t(edition.recorded ? 'catalogueData.editions.recorded' : 'catalogueData.editions.derived')}</td>
                  <td>
                    <a href={editionFile(edition.year, 'json')}>JSON</a>, <a href={editionFile(edition.year, 'csv')}>CSV</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  )
}

export function EditionPage(props: { page: PageContext; edition: Edition; software: SoftwareRecord[]; today: Date }) {
  const { page, edition, software, today } = props
  const { t, locale } = page
  const title = t('catalogueData.edition.title', { year: String(edition.year) })
  const count = formatNumber(locale, software.length)
  const endOfYear = new Date(Date.UTC(edition.year, 11, 31, 12))
  const lead = edition.recorded
    ? t('catalogueData.edition.recorded', { year: String(edition.year), count })
    : t('catalogueData.edition.derived', { day: formatDate(locale, endOfYear < today ? endOfYear : today), count })
  return (
    <Layout page={page} title={title} section="catalogue">
      <div class="fr-container fr-mt-6w fr-mb-6w">
        <PageHeading title={title} lead={lead} />
        <ul class="fr-links-group fr-mb-4w">
          <li><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={href(page, '/catalogue/editions')}>{t('catalogueData.edition.all')}</a></li>
          <li><a class="fr-link fr-icon-download-line fr-link--icon-left" href={editionFile(edition.year, 'json')}>JSON</a></li>
          <li><a class="fr-link fr-icon-download-line fr-link--icon-left" href={editionFile(edition.year, 'csv')}>CSV</a></li>
        </ul>
        {software.length === 0 ? <p>{t('catalogueData.edition.empty')}</p> : (
          <div class="fr-table fr-table--no-caption">
            <table>
              <caption>{t('catalogueData.edition.caption', { year: String(edition.year) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogueData.edition.name')}</th>
                  <th scope="col">{t('catalogueData.edition.licence')}</th>
                  <th scope="col">{t('catalogueData.edition.status')}</th>
                </tr>
              </thead>
              <tbody>
                {software.map((s) => (
                  <tr key={s.id}>
                    <td><a href={href(page, `/catalogue/${encodeURIComponent(s.slug)}`)}>{s.name}</a></td>
                    <td>{s.licence ?? '—'}</td>
                    <td>{t(`software.status.${s.status as 'recommended'}`)}</td>
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

/** The yearly editions of the catalogue: the list of years, and each year's software. */
export function registerEditionPages(app: FastifyInstance, context: Pick<Context, 'stores' | 'config'>): void {
  const { stores } = context
  app.get(
    '/:locale/catalogue/editions',
    pageRoute(context.config.publicUrl, async (page, _request, reply) => sendPage(reply, <EditionsPage page={page} editions={await listEditions(stores, new Date())} />)),
  )
  app.get(
    '/:locale/catalogue/editions/:year',
    pageRoute(context.config.publicUrl, async (page, request, reply) => {
      const { year } = request.params as { year: string }
      if (!/^\d{4}$/.test(year)) return notFound(reply)
      const today = new Date()
      const listed = await readEdition(stores, Number(year), today)
      if (!listed) return notFound(reply)
      const software: SoftwareRecord[] = []
      for await (const s of listed.software) software.push(s)
      software.sort((a, b) => a.name.localeCompare(b.name, page.locale))
      return sendPage(reply, <EditionPage page={page} edition={{ ...listed.edition, count: software.length }} software={software} today={today} />)
    }),
  )
}
