import type { RepositoryRecord } from '../../adapters/db/stores/repository-store.ts'
import type { SoftwareRecord } from '../../adapters/db/stores/software-store.ts'
import { formatNumber } from '../i18n/index.ts'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { RepositoryCard } from '../views/repository-card.tsx'
import { SoftwareCard } from '../views/software-card.tsx'

export interface HomeData {
  counts: { software: number; repositories: number; organisations: number }
  software: SoftwareRecord[]
  repositories: RepositoryRecord[]
  hasDemo: boolean
}

export function HomePage(props: { page: PageContext; data: HomeData }) {
  const { page, data } = props
  const { t, locale } = page
  const stats = [
    [data.counts.software, t('home.stats.software')],
    [data.counts.repositories, t('home.stats.repositories')],
    [data.counts.organisations, t('home.stats.organisations')],
  ] as const
  return (
    <Layout page={page} title={t('nav.home')} section="home">
      <div class="fr-container fr-mt-6w">
        <h1>{t('home.title')}</h1>
        <p class="fr-text--lead">{t('home.lead')}</p>
        {data.hasDemo ? (
          <div class="fr-notice fr-notice--info fr-mb-4w">
            <div class="fr-container">
              <div class="fr-notice__body"><p class="fr-notice__title">{t('home.demoNotice')}</p></div>
            </div>
          </div>
        ) : null}
        <ul class="fr-grid-row fr-grid-row--gutters fr-mb-6w socle-stats">
          {stats.map(([value, label]) => (
            <li class="fr-col-12 fr-col-md-4" key={label}>
              <p class="fr-h2 fr-mb-0">{formatNumber(locale, value)}</p>
              <p>{label}</p>
            </li>
          ))}
        </ul>
        <h2>{t('home.latestSoftware')}</h2>
        <ul class="fr-grid-row fr-grid-row--gutters socle-plain-list">
          {data.software.map((s) => (
            <li class="fr-col-12 fr-col-md-4" key={s.id}>
              <SoftwareCard page={page} software={s} headingLevel="h3" />
            </li>
          ))}
        </ul>
        <p class="fr-mt-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={href(page, '/catalogue')}>{t('home.seeCatalogue')}</a></p>
        <h2 class="fr-mt-6w">{t('home.latestRepositories')}</h2>
        <ul class="fr-grid-row fr-grid-row--gutters socle-plain-list">
          {data.repositories.map((r) => (
            <li class="fr-col-12 fr-col-md-6" key={r.id}>
              <RepositoryCard page={page} repository={r} headingLevel="h3" />
            </li>
          ))}
        </ul>
        <p class="fr-mt-2w"><a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={href(page, '/code')}>{t('home.seeCode')}</a></p>
      </div>
    </Layout>
  )
}
