import type { RepositoryRecord } from '../../adapters/db/stores/repository-store.ts'
import { formatDate, formatNumber } from '../i18n/index.ts'
import { Badge } from './components.tsx'
import type { PageContext } from './page-context.ts'
import { repositoryHref } from './registry-paths.ts'

export function RepositoryCard(props: { page: PageContext; repository: RepositoryRecord; headingLevel?: 'h2' | 'h3' }) {
  const { page, repository: r } = props
  const { t, locale } = page
  const Heading = props.headingLevel ?? 'h2'
  const licence = r.effective_licence ?? r.licence
  return (
    <div class="fr-card fr-card--sm fr-enlarge-link fr-card--horizontal-tier">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <Heading class="fr-card__title">
            <a href={repositoryHref(page, r)}>{r.owner}/{r.name}</a>
          </Heading>
          <p class="fr-card__desc">{r.description ?? ''}</p>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              {r.is_demo ? <li><Badge kind="new" small>{t('organisation.demo')}</Badge></li> : null}
              <li><Badge kind={r.reuse_score >= 60 ? 'success' : 'info'} small>{t('registry.score', { score: r.reuse_score })}</Badge></li>
              {r.language ? <li><Badge small>{r.language}</Badge></li> : null}
              {licence ? <li><Badge small>{licence}</Badge></li> : null}
              {r.archived ? <li><Badge kind="warning" small>{t('repository.page.archived')}</Badge></li> : null}
            </ul>
          </div>
          <div class="fr-card__end">
            <p class="fr-card__detail">
              {r.organisation_name ? `${t('repository.by')} ${r.organisation_name} · ` : ''}
              {formatNumber(locale, r.stars)} {t('repository.stars')} · {formatNumber(locale, r.forks)} {t('repository.forks')}
              {r.pushed_at ? ` · ${t('repository.pushed', { date: formatDate(locale, new Date(r.pushed_at)) })}` : ''}
            </p>
          </div>
        </div>
      </div>
    </div>
  )
}

/** Repositories as cards: one a row (`list`), or two a row on wide screens (`grid`). */
export function RepositoryList(props: { page: PageContext; repositories: RepositoryRecord[]; layout: 'list' | 'grid'; headingLevel?: 'h2' | 'h3' }) {
  const grid = props.layout === 'grid'
  return (
    <ul class={grid ? 'fr-grid-row fr-grid-row--gutters socle-plain-list' : 'socle-plain-list'}>
      {props.repositories.map((r) => (
        <li class={grid ? 'fr-col-12 fr-col-md-6' : 'fr-mb-2w'} key={r.id}>
          <RepositoryCard page={props.page} repository={r} headingLevel={props.headingLevel} />
        </li>
      ))}
    </ul>
  )
}
