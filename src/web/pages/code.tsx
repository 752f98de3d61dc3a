import type { RepositoryRecord } from '../../adapters/db/stores/repository-store.ts'
import type { Page } from '../../domain/shared/page.ts'
import { PageHeading, Pager, ResultCount, SearchForm } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { RepositoryCard } from '../views/repository-card.tsx'

export function CodePage(props: { page: PageContext; q: string | undefined; result: Page<RepositoryRecord>; params: URLSearchParams }) {
  const { page, result } = props
  const { t } = page
  return (
    <Layout page={page} title={t('code.title')} section="code">
      <div class="fr-container fr-mt-6w">
        <PageHeading title={t('code.title')} lead={t('code.lead')} />
        <SearchForm page={page} action={href(page, '/code')} q={props.q} placeholder={t('search.repositoryPlaceholder')} id="repository-search" />
        <ResultCount page={page} total={result.total} />
        <ul class="fr-grid-row fr-grid-row--gutters socle-plain-list">
          {result.items.map((r) => (
            <li class="fr-col-12 fr-col-md-6" key={r.id}>
              <RepositoryCard page={page} repository={r} />
            </li>
          ))}
        </ul>
        <Pager page={page} result={result} params={props.params} basePath={href(page, '/code')} />
      </div>
    </Layout>
  )
}
