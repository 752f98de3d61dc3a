import type { SoftwareRecord } from '../../adapters/db/stores/software-store.ts'
import type { Page } from '../../domain/shared/page.ts'
import { PageHeading, Pager, ResultCount, SearchForm } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { SoftwareCard } from '../views/software-card.tsx'

export function CataloguePage(props: { page: PageContext; q: string | undefined; result: Page<SoftwareRecord>; params: URLSearchParams }) {
  const { page, result } = props
  const { t } = page
  return (
    <Layout page={page} title={t('catalogue.title')} section="catalogue">
      <div class="fr-container fr-mt-6w">
        <PageHeading title={t('catalogue.title')} lead={t('catalogue.lead')} />
        <SearchForm page={page} action={href(page, '/catalogue')} q={props.q} placeholder={t('search.softwarePlaceholder')} id="software-search" />
        <ResultCount page={page} total={result.total} />
        <ul class="fr-grid-row fr-grid-row--gutters socle-plain-list">
          {result.items.map((s) => (
            <li class="fr-col-12 fr-col-md-6 fr-col-lg-4" key={s.id}>
              <SoftwareCard page={page} software={s} />
            </li>
          ))}
        </ul>
        <Pager page={page} result={result} params={props.params} basePath={href(page, '/catalogue')} />
      </div>
    </Layout>
  )
}
