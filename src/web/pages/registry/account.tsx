import type { AccountRecord } from '../../../adapters/db/stores/body-store.ts'
import type { RepositoryRecord } from '../../../adapters/db/stores/repository-store.ts'
import type { RepositoryProfile } from '../../../adapters/db/stores/statistics-store.ts'
import type { Page } from '../../../domain/shared/page.ts'
import { formatDate, formatNumber } from '../../i18n/index.ts'
import { Pager } from '../../views/components.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { accountHref, organisationHref, registryPaths } from '../../views/registry-paths.ts'
import { RepositoryList } from '../../views/repository-card.tsx'
import { AccountStatus } from './organisation.tsx'
import { webAddress } from '../../views/web-address.ts'
import { ProfileSections } from './profile.tsx'

export function AccountPage(props: { page: PageContext; account: AccountRecord; profile: RepositoryProfile; repositories: Page<RepositoryRecord>; params: URLSearchParams }) {
  const { page, account: a, repositories } = props
  const { t, locale } = page
  const address = a.owner ? `${a.host}/${a.owner}` : a.host
  const title = a.name ? `${a.name} (${address})` : address
  const website = webAddress(a.website)
  const avatar = webAddress(a.avatar_url)
  const profileUrl = webAddress(a.url)
  const email = a.email && /^[^\s@<>"]+@[^\s@<>"]+$/.test(a.email) ? a.email : undefined
  return (
    <Layout page={page} title={title} section="code">
      <div class="fr-container fr-mt-6w">
        <nav role="navigation" class="fr-breadcrumb" aria-label={t('bodies.breadcrumb')}>
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.search)}>{t('nav.code')}</a></li>
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.organisations)}>{t('bodies.title')}</a></li>
            {a.organisation_slug && a.organisation_name ? <li><a class="fr-breadcrumb__link" href={organisationHref(page, a.organisation_slug)}>{a.organisation_name}</a></li> : null}
            <li><a class="fr-breadcrumb__link" aria-current="page">{address}</a></li>
          </ol>
        </nav>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--middle">
          {avatar ? (
            <div class="fr-col-auto">
              <img src={avatar} alt="" width={80} height={80} loading="lazy" referrerpolicy="no-referrer" />
            </div>
          ) : null}
          <div class="fr-col">
            <h1>{title}</h1>
          </div>
        </div>
        {a.description ? <p class="fr-text--lead">{a.description}</p> : null}
        <dl class="socle-facts fr-mb-4w">
          {a.organisation_slug && a.organisation_name ? (<><dt>{t('bodies.account.body')}</dt><dd><a href={organisationHref(page, a.organisation_slug)}>{a.organisation_name}</a></dd></>) : null}
          <dt>{t('bodies.account.forge')}</dt>
          <dd>{profileUrl ? <a href={profileUrl} rel="noopener noreferrer">{profileUrl}</a> : address} ({a.forge})</dd>
          {a.account_type ? (<><dt>{t('bodies.account.type')}</dt><dd>{a.account_type}</dd></>) : null}
          {website ? (<><dt>{t('bodies.website')}</dt><dd><a href={website} rel="noopener noreferrer">{website}</a></dd></>) : null}
          {email ? (<><dt>{t('bodies.account.email')}</dt><dd><a href={`mailto:${email}`}>{email}</a></dd></>) : null}
          {a.location ? (<><dt>{t('bodies.account.location')}</dt><dd>{a.location}</dd></>) : null}
          {a.created_on_forge ? (<><dt>{t('bodies.account.created')}</dt><dd>{formatDate(locale, new Date(a.created_on_forge))}</dd></>) : null}
          <dt>{t('bodies.column.repositories')}</dt>
          <dd>
            {formatNumber(locale, a.repositories)}
            {a.repository_count !== null && a.repository_count !== a.repositories ? ` (${t('bodies.account.forgeCount', { count: formatNumber(locale, a.repository_count) })})` : ''}
          </dd>
          <dt>{t('bodies.account.status')}</dt>
          <dd>
            <AccountStatus page={page} status={a.status} />
            {a.last_crawled_at ? ` ${t('bodies.account.crawled', { date: formatDate(locale, new Date(a.last_crawled_at)) })}` : ''}
          </dd>
          {a.status === 'stale' && a.last_error ? (<><dt>{t('bodies.account.error')}</dt><dd><code>{a.last_error}</code></dd></>) : null}
        </dl>

        <section class="fr-mt-4w">
          <h2>{t('bodies.profile')}</h2>
          <ProfileSections page={page} profile={props.profile} id="account" />
        </section>

        <section class="fr-mt-4w" id="repositories">
          <h2>{t('bodies.repositories')}</h2>
          <p class="fr-text--sm">{t('bodies.account.repositoriesLead', { count: formatNumber(locale, repositories.total) })}</p>
          <RepositoryList page={page} repositories={repositories.items} layout="grid" headingLevel="h3" />
          <Pager page={page} result={repositories} params={props.params} basePath={accountHref(page, a)} />
        </section>
      </div>
    </Layout>
  )
}
