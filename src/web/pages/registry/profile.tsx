import type { RepositoryProfile } from '../../../adapters/db/stores/statistics-store.ts'
import { formatNumber, formatPercent, type Locale } from '../../i18n/index.ts'
import { type Bar, BarChart } from '../../views/bar-chart.tsx'
import type { PageContext } from '../../views/page-context.ts'

/** What a set of repositories looks like, in figures and charts: the registry's, a body's, an account's. */
export function ProfileSections(props: { page: PageContext; profile: RepositoryProfile; id: string }) {
  const { page, profile: p, id } = props
  const { t, locale } = page
  const languages: Bar[] = [...p.languages.map((l) => ({ label: l.key, value: l.count })), ...(p.otherLanguages > 0 ? [{ label: t('bodies.language.other'), value: p.otherLanguages }] : [])]
  const licences: Bar[] = [
    ...p.licences.map((l) => ({ label: l.key, value: l.count, note: l.authorised ? t('bodies.licence.authorised') : t('bodies.licence.notAuthorised') })),
    ...(p.otherLicences > 0 ? [{ label: t('bodies.other'), value: p.otherLicences }] : []),
    ...(p.withoutLicence > 0 ? [{ label: t('bodies.licence.none'), value: p.withoutLicence }] : []),
  ]
  const activity: Bar[] = [
    { label: t('bodies.activity.pushed30'), value: p.pushedLast30Days },
    { label: t('bodies.activity.pushed365'), value: p.pushedLast365Days },
    { label: t('bodies.activity.archived'), value: p.archived },
    { label: t('bodies.publiccode.present'), value: p.publiccode.present },
    { label: t('bodies.publiccode.valid'), value: p.publiccode.valid },
  ]
  const chart = { locale, valueHeader: t('bodies.chart.repositories'), empty: t('bodies.chart.empty') }
  return (
    <>
      <p>{t('bodies.licence.share', { share: share(locale, p.authorisedLicences, p.repositories), count: formatNumber(locale, p.authorisedLicences), total: formatNumber(locale, p.repositories) })}</p>
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-lg-6">
          <BarChart {...chart} id={`${id}-activity`} title={t('bodies.chart.activity')} labelHeader={t('bodies.chart.measure')} bars={p.repositories > 0 ? activity : []} />
        </div>
        <div class="fr-col-12 fr-col-lg-6">
          <BarChart {...chart} id={`${id}-years`} title={t('bodies.chart.years')} labelHeader={t('bodies.chart.year')} bars={p.createdByYear.map((y) => ({ label: String(y.year), value: y.count }))} />
        </div>
        <div class="fr-col-12 fr-col-lg-6">
          <BarChart {...chart} id={`${id}-languages`} title={t('bodies.chart.languages')} labelHeader={t('bodies.chart.language')} bars={languages} />
        </div>
        <div class="fr-col-12 fr-col-lg-6">
          <BarChart {...chart} id={`${id}-licences`} title={t('bodies.chart.licences')} labelHeader={t('bodies.chart.licence')} noteHeader={t('bodies.chart.authorised')} bars={licences} />
        </div>
      </div>
    </>
  )
}

/** `part` of `total` as a percentage, 0 when there is nothing to count. */
export function share(locale: Locale, part: number, total: number): string {
  return formatPercent(locale, total > 0 ? part / total : 0)
}

