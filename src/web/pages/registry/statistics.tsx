import type { RegistryStatistics } from '../../../adapters/db/stores/statistics-store.ts'
import { formatNumber } from '../../i18n/index.ts'
import { BarChart } from '../../views/bar-chart.tsx'
import { PageHeading } from '../../views/components.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { registryPaths } from '../../views/registry-paths.ts'
import { ProfileSections, share } from './profile.tsx'

export function StatisticsPage(props: { page: PageContext; statistics: RegistryStatistics }) {
  const { page, statistics: s } = props
  const { t, locale } = page
  const figures = [
    [t('bodies.column.repositories'), s.repositories],
    [t('bodies.title'), s.bodies],
    [t('bodies.accounts'), s.accounts],
    [t('bodies.stats.forges'), s.forges.length],
  ] as const
  return (
    <Layout page={page} title={t('bodies.stats.title')} section="code" feed={{ href: href(page, registryPaths.feed), title: t('bodies.feed.all') }}>
      <div class="fr-container fr-mt-6w">
        <nav role="navigation" class="fr-breadcrumb" aria-label={t('bodies.breadcrumb')}>
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.search)}>{t('nav.code')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{t('bodies.stats.title')}</a></li>
          </ol>
        </nav>
        <PageHeading title={t('bodies.stats.title')} lead={t('bodies.stats.lead')} />
        <ul class="fr-grid-row fr-grid-row--gutters socle-stats fr-mb-4w">
          {figures.map(([label, value]) => (
            <li class="fr-col-6 fr-col-md-3" key={label}>
              <p class="fr-h2 fr-mb-0">{formatNumber(locale, value)}</p>
              <p>{label}</p>
            </li>
          ))}
        </ul>
        <p>
          {t('bodies.stats.publiccode', {
            present: formatNumber(locale, s.publiccode.present),
            share: share(locale, s.publiccode.present, s.repositories),
            valid: formatNumber(locale, s.publiccode.valid),
          })}
        </p>
        <ProfileSections page={page} profile={s} id="registry" />
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-lg-6">
            <BarChart
              id="registry-forges"
              title={t('bodies.stats.forgesChart')}
              locale={locale}
              labelHeader={t('bodies.account.forge')}
              valueHeader={t('bodies.chart.repositories')}
              empty={t('bodies.chart.empty')}
              bars={s.forges.slice(0, 15).map((f) => ({ label: f.key, value: f.count }))}
            />
          </div>
        </div>
        <ul class="fr-links-group fr-mb-3w">
          <li><a class="fr-link fr-icon-rss-line fr-link--icon-left" href={href(page, registryPaths.feed)}>{t('bodies.feed.all')}</a></li>
          <li><a class="fr-link fr-icon-code-s-slash-line fr-link--icon-left" href="/api/v1/statistics">{t('bodies.stats.json')}</a></li>
        </ul>
      </div>
    </Layout>
  )
}
