import type { RepositoryResults } from '../../adapters/db/stores/repository-store.ts'
import { reuseScore } from '../../domain/registry/reuse-score.ts'
import { PageHeading, Pager } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { registryPaths } from '../views/registry-paths.ts'
import { RepositoryList } from '../views/repository-card.tsx'

/** The most reusable repositories, and how the score is computed: every criterion with its points. */
export function ReusablePage(props: { page: PageContext; result: RepositoryResults }) {
  const { page, result } = props
  const { t } = page
  // The maxima come from the scoring itself, so that this explanation cannot drift from it.
  const criteria = reuseScore(
    { description: null, licence: null, licenceAuthorised: false, hasReadme: false, hasContributing: false, publiccodeValid: null, pushedAt: null, archived: false, fork: false, stars: 0, forks: 0, reusedBy: 0 },
    new Date(),
  ).reasons
  return (
    <Layout page={page} title={t('registry.reusable.title')} section="code">
      <div class="fr-container fr-mt-6w fr-mb-6w">
        <PageHeading title={t('registry.reusable.title')} lead={t('registry.reusable.lead')} />
        <RepositoryList page={page} repositories={result.items} layout="list" />
        <Pager page={page} result={result} params={new URLSearchParams()} basePath={href(page, registryPaths.mostReusable)} />
        <h2 id="how" class="fr-mt-6w">{t('registry.reusable.how')}</h2>
        <div class="fr-table fr-table--no-caption">
          <table>
            <caption>{t('registry.reusable.how')}</caption>
            <tbody>
              {criteria.map((criterion) => (
                <tr key={criterion.criterion}>
                  <td>{t(`registry.criterion.${criterion.criterion}`)}</td>
                  <td>{t(`registry.explain.${criterion.criterion}`)}</td>
                  <td>{t('registry.criterion.points', { points: criterion.max, max: 100 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  )
}
