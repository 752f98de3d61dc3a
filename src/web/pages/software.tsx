import type { SoftwareRecord } from '../../adapters/db/stores/software-store.ts'
import { Badge } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { softwareDescription } from '../views/software-card.tsx'

export function SoftwarePage(props: { page: PageContext; software: SoftwareRecord }) {
  const { page, software: s } = props
  const { t } = page
  return (
    <Layout page={page} title={s.name} section="catalogue">
      <div class="fr-container fr-mt-4w">
        <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{t('nav.home')}</a></li>
            <li><a class="fr-breadcrumb__link" href={href(page, '/catalogue')}>{t('nav.catalogue')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{s.name}</a></li>
          </ol>
        </nav>
        <h1>{s.name}</h1>
        <ul class="fr-badges-group fr-mb-2w">
          <li><Badge kind={s.status === 'recommended' ? 'success' : s.status === 'dereferenced' ? 'error' : 'info'}>{t(`software.status.${s.status as 'recommended'}`)}</Badge></li>
        </ul>
        <p class="fr-text--lead">{softwareDescription(page, s)}</p>
        <dl class="socle-facts">
          {s.licence ? (<><dt>{t('software.licence')}</dt><dd>{s.licence}</dd></>) : null}
          {s.website ? (<><dt>{t('software.website')}</dt><dd><a href={s.website} rel="noopener noreferrer">{s.website}</a></dd></>) : null}
          {s.repository_url ? (<><dt>{t('software.repository')}</dt><dd><a href={s.repository_url} rel="noopener noreferrer">{s.repository_url}</a></dd></>) : null}
        </dl>
      </div>
    </Layout>
  )
}
