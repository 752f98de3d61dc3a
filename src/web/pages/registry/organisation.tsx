import type { AccountRecord, BodyRecord, BodySummary } from '../../../adapters/db/stores/body-store.ts'
import type { RepositoryRecord } from '../../../adapters/db/stores/repository-store.ts'
import type { RepositoryProfile } from '../../../adapters/db/stores/statistics-store.ts'
import type { BodyNode } from '../../../domain/registry/body-tree.ts'
import type { Page } from '../../../domain/shared/page.ts'
import { formatNumber } from '../../i18n/index.ts'
import { Badge, Pager } from '../../views/components.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { accountHref, organisationFeedHref, organisationHref, registryPaths } from '../../views/registry-paths.ts'
import { RepositoryList } from '../../views/repository-card.tsx'
import { kindLabel } from './kinds.ts'
import { BodyTreeList } from './organisations.tsx'
import { webAddress } from '../../views/web-address.ts'
import { ProfileSections } from './profile.tsx'

export function OrganisationPage(props: {
  page: PageContext
  body: BodyRecord
  node: BodyNode<BodySummary>
  accounts: AccountRecord[]
  profile: RepositoryProfile
  repositories: Page<RepositoryRecord>
  params: URLSearchParams
}) {
  const { page, body, node, repositories } = props
  const { t, locale } = page
  const website = webAddress(body.website)
  // The search's `ministry` filter takes in the sub-bodies, as this page does.
  const searchLink = `${href(page, registryPaths.search)}?${new URLSearchParams(node.children.length > 0 ? { ministry: body.slug } : { organisation: body.slug })}`
  return (
    <Layout page={page} title={body.name} section="code" feed={{ href: organisationFeedHref(page, body.slug), title: t('bodies.feed.body', { name: body.name }) }}>
      <div class="fr-container fr-mt-6w">
        <nav role="navigation" class="fr-breadcrumb" aria-label={t('bodies.breadcrumb')}>
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.search)}>{t('nav.code')}</a></li>
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.organisations)}>{t('bodies.title')}</a></li>
            {body.parent ? <li><a class="fr-breadcrumb__link" href={organisationHref(page, body.parent.slug)}>{body.parent.name}</a></li> : null}
            <li><a class="fr-breadcrumb__link" aria-current="page">{body.name}</a></li>
          </ol>
        </nav>
        <h1>{body.name}{body.acronym ? ` (${body.acronym})` : ''}</h1>
        <ul class="fr-badges-group fr-mb-2w">
          <li><Badge kind="info">{kindLabel(t, body.kind)}</Badge></li>
          {body.is_demo ? <li><Badge kind="new">{t('organisation.demo')}</Badge></li> : null}
        </ul>
        {body.description ? <p class="fr-text--lead">{body.description}</p> : null}
        <dl class="socle-facts fr-mb-4w">
          <dt>{t('bodies.kind')}</dt>
          <dd>{kindLabel(t, body.kind)}</dd>
          {body.parent ? (<><dt>{t('bodies.column.parent')}</dt><dd><a href={organisationHref(page, body.parent.slug)}>{body.parent.name}</a></dd></>) : null}
          {body.siren ? (<><dt>{t('bodies.siren')}</dt><dd>{body.siren}</dd></>) : null}
          {website ? (<><dt>{t('bodies.website')}</dt><dd><a href={website} rel="noopener noreferrer">{website}</a></dd></>) : null}
          <dt>{t('bodies.column.repositories')}</dt>
          <dd>{formatNumber(locale, node.totalCount)}{node.totalCount !== node.ownCount ? ` (${t('bodies.ownCount', { count: formatNumber(locale, node.ownCount) })})` : ''}</dd>
        </dl>
        <ul class="fr-links-group fr-mb-3w">
          <li><a class="fr-link fr-icon-search-line fr-link--icon-left" href={searchLink}>{t('bodies.searchLink')}</a></li>
          <li><a class="fr-link fr-icon-rss-line fr-link--icon-left" href={organisationFeedHref(page, body.slug)}>{t('bodies.feed.link')}</a></li>
        </ul>

        {node.children.length > 0 ? (
          <section class="fr-mt-4w">
            <h2>{t('bodies.children')}</h2>
            <BodyTreeList page={page} nodes={node.children} />
          </section>
        ) : null}

        <section class="fr-mt-4w">
          <h2>{t('bodies.accounts')}</h2>
          {props.accounts.length === 0 ? <p>{t('bodies.accounts.none')}</p> : <AccountTable page={page} accounts={props.accounts} />}
        </section>

        <section class="fr-mt-4w">
          <h2>{t('bodies.profile')}</h2>
          <ProfileSections page={page} profile={props.profile} id="body" />
        </section>

        <section class="fr-mt-4w" id="repositories">
          <h2>{t('bodies.repositories')}</h2>
          <p class="fr-text--sm">{t('bodies.repositories.lead', { count: formatNumber(locale, repositories.total) })}</p>
          <RepositoryList page={page} repositories={repositories.items} layout="grid" headingLevel="h3" />
          <Pager page={page} result={repositories} params={props.params} basePath={organisationHref(page, body.slug)} />
        </section>
      </div>
    </Layout>
  )
}

export function AccountTable(props: { page: PageContext; accounts: AccountRecord[] }) {
  const { page } = props
  const { t, locale } = page
  return (
    <div class="fr-table fr-table--no-caption">
      <table>
        <caption>{t('bodies.accounts')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bodies.account')}</th>
            <th scope="col">{t('bodies.account.forge')}</th>
            <th scope="col">{t('bodies.account.status')}</th>
            <th scope="col">{t('bodies.column.repositories')}</th>
          </tr>
        </thead>
        <tbody>
          {props.accounts.map((a) => (
            <tr key={a.id}>
              <th scope="row"><a href={accountHref(page, a)}>{a.owner ? `${a.host}/${a.owner}` : a.host}</a></th>
              <td>{a.forge}</td>
              <td><AccountStatus page={page} status={a.status} /></td>
              <td>{formatNumber(locale, a.repositories)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const statusKinds = { ok: 'success', stale: 'warning', gone: 'error', new: 'info' } as const

export function AccountStatus(props: { page: PageContext; status: string }) {
  const status = props.status in statusKinds ? (props.status as keyof typeof statusKinds) : 'new'
  return <Badge kind={statusKinds[status]} small>{props.page.t(`bodies.status.${status}`)}</Badge>
}
