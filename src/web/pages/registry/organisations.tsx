import type { BodySummary } from '../../../adapters/db/stores/body-store.ts'
import type { BodyNode } from '../../../domain/registry/body-tree.ts'
import type { Page } from '../../../domain/shared/page.ts'
import { bodyKinds } from '../../../domain/sources/sources-file.ts'
import { formatNumber } from '../../i18n/index.ts'
import { Badge, PageHeading, Pager, ResultCount } from '../../views/components.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { organisationHref, registryPaths } from '../../views/registry-paths.ts'
import { kindLabel } from './kinds.ts'

export type BodiesView = 'list' | 'tree'

export interface BodyRow {
  body: BodySummary
  totalCount: number
  parent: BodySummary | undefined
}

export function OrganisationsPage(props: {
  page: PageContext
  view: BodiesView
  q: string | undefined
  kind: string | undefined
  rows: Page<BodyRow>
  tree: BodyNode<BodySummary>[]
  params: URLSearchParams
}) {
  const { page, view, rows } = props
  const { t } = page
  const action = href(page, registryPaths.organisations)
  const viewLink = (target: BodiesView) => {
    const params = new URLSearchParams(props.params)
    params.delete('page')
    if (target === 'tree') params.set('view', 'tree')
    else params.delete('view')
    const query = params.toString()
    return `${action}${query ? `?${query}` : ''}`
  }
  return (
    <Layout page={page} title={t('bodies.title')} section="code" feed={{ href: href(page, registryPaths.feed), title: t('bodies.feed.all') }}>
      <div class="fr-container fr-mt-6w">
        <nav role="navigation" class="fr-breadcrumb" aria-label={t('bodies.breadcrumb')}>
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.search)}>{t('nav.code')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{t('bodies.title')}</a></li>
          </ol>
        </nav>
        <PageHeading title={t('bodies.title')} lead={t('bodies.lead')} />
        <form method="get" action={action} class="fr-mb-3w" role="search">
          <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            <div class="fr-col-12 fr-col-md-6">
              <div class="fr-input-group">
                <label class="fr-label" for="body-q">{t('bodies.search.label')}<span class="fr-hint-text">{t('bodies.search.hint')}</span></label>
                <input class="fr-input" type="search" id="body-q" name="q" value={props.q ?? ''} maxLength={200} />
              </div>
            </div>
            <div class="fr-col-12 fr-col-md-3">
              <div class="fr-select-group">
                <label class="fr-label" for="body-kind">{t('bodies.kind')}</label>
                <select class="fr-select" id="body-kind" name="kind">
                  <option value="">{t('bodies.kind.all')}</option>
                  {bodyKinds.map((kind) => (
                    <option value={kind} selected={kind === props.kind} key={kind}>{kindLabel(t, kind)}</option>
                  ))}
                </select>
              </div>
            </div>
            {view === 'tree' ? <input type="hidden" name="view" value="tree" /> : null}
            <div class="fr-col-12 fr-col-md-3">
              <button class="fr-btn" type="submit">{t('search.button')}</button>
            </div>
          </div>
        </form>
        <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-2w" aria-label={t('bodies.view')}>
          <li><a class={`fr-btn${view === 'list' ? '' : ' fr-btn--secondary'}`} href={viewLink('list')} aria-current={view === 'list' ? 'page' : undefined}>{t('bodies.view.list')}</a></li>
          <li><a class={`fr-btn${view === 'tree' ? '' : ' fr-btn--secondary'}`} href={viewLink('tree')} aria-current={view === 'tree' ? 'page' : undefined}>{t('bodies.view.tree')}</a></li>
        </ul>
        <ResultCount page={page} total={rows.total} />
        {view === 'tree' ? <BodyTreeList page={page} nodes={props.tree} /> : <BodyTable page={page} rows={rows.items} />}
        {view === 'list' ? <Pager page={page} result={rows} params={props.params} basePath={action} /> : null}
      </div>
    </Layout>
  )
}

function BodyTable(props: { page: PageContext; rows: BodyRow[] }) {
  const { page } = props
  const { t, locale } = page
  if (props.rows.length === 0) return null
  return (
    <div class="fr-table fr-table--no-caption">
      <table>
        <caption>{t('bodies.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bodies.column.name')}</th>
            <th scope="col">{t('bodies.kind')}</th>
            <th scope="col">{t('bodies.column.parent')}</th>
            <th scope="col">{t('bodies.column.repositories')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ body, parent, totalCount }) => (
            <tr key={body.id}>
              <th scope="row">
                <a href={organisationHref(page, body.slug)}>{body.name}</a>
                {body.acronym ? ` (${body.acronym})` : ''}
                {body.is_demo ? <> <Badge kind="new" small>{t('organisation.demo')}</Badge></> : null}
              </th>
              <td>{kindLabel(t, body.kind)}</td>
              <td>{parent ? <a href={organisationHref(page, parent.slug)}>{parent.name}</a> : ''}</td>
              <td>{formatNumber(locale, totalCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The tree as nested lists: readable without styles, each level announced as a list in a list item. */
export function BodyTreeList(props: { page: PageContext; nodes: BodyNode<BodySummary>[] }) {
  const { page } = props
  const { t, locale } = page
  if (props.nodes.length === 0) return null
  return (
    <ul>
      {props.nodes.map((node) => (
        <li key={node.body.id}>
          <a href={organisationHref(page, node.body.slug)}>{node.body.name}</a>
          {node.body.acronym ? ` (${node.body.acronym})` : ''} · {kindLabel(t, node.body.kind)} ·{' '}
          {t('bodies.repositoryCount', { count: formatNumber(locale, node.totalCount) })}
          <BodyTreeList page={page} nodes={node.children} />
        </li>
      ))}
    </ul>
  )
}
