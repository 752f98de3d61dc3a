import type { ComponentChildren } from 'preact'
import type { SoftwareDeclarations } from '../../adapters/db/stores/declaration-store.ts'
import type { SoftwareDetails, SoftwareLink } from '../../adapters/db/stores/software-store.ts'
import { licenceFacets } from '../../domain/catalogue/facets.ts'
import type { ComptoirProvider } from '../../domain/catalogue/comptoir.ts'
import { type EnrichableField, type FieldSource as Source, readFieldSources, sourceOf } from '../../domain/catalogue/provenance.ts'
import { formatDate, formatNumber } from '../i18n/index.ts'
import { Badge } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { repositoryHref } from '../views/registry-paths.ts'
import { softwareDescription } from '../views/software-card.tsx'
import { facetValueLabel } from './catalogue.tsx'
import { webAddress } from '../views/web-address.ts'
import { mayChangeDeclaration } from '../../domain/catalogue/declarations.ts'
import { contactPath, DeclarationActions, DeclareButtons, type DeclarationViewer } from './catalogue/declaration-pages.tsx'
import type { SoftwareModerationView } from './catalogue/admin-routes.tsx'

/** An outside address, linked only when it is a web address: data may hold `javascript:`. */
function External(props: { url: string | null | undefined; children?: ComponentChildren }) {
  const url = webAddress(props.url)
  if (!url) return props.url ? <>{props.url}</> : null
  return <a href={url} rel="noopener noreferrer" target="_blank">{props.children ?? props.url}</a>
}

function Fact(props: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt class="fr-text--bold">{props.term}</dt>
      <dd class="fr-mb-1w">{props.children}</dd>
    </>
  )
}

/** Its page on Comptoir du Libre: the address the export gave, else the one its id makes. */
function comptoirPage(s: SoftwareDetails['software']): string | null {
  return s.comptoir_url ?? (s.comptoir_du_libre_id !== null ? `https://comptoir-du-libre.org/fr/softwares/${s.comptoir_du_libre_id}` : null)
}

/** Where a fact came from ("source: Wikidata", linked to the item), given its field or its source. */
function FieldSource(props: { page: PageContext; details: SoftwareDetails } & ({ field: EnrichableField; value: string | Date | null } | { source: Source })) {
  const { page, details } = props
  const { software: s, repository } = details
  const source = 'source' in props ? props.source : sourceOf(s, readFieldSources(s.field_sources), props.field, props.value === null ? null : String(props.value))
  if (!source) return null
  const name = page.t(`software.source.${source}`)
  const link =
    source === 'wikidata' && s.wikidata_id ? <External url={`https://www.wikidata.org/wiki/${encodeURIComponent(s.wikidata_id)}`}>{name}</External>
    : source === 'comptoir' && comptoirPage(s) ? <External url={comptoirPage(s)}>{name}</External>
    : source === 'registry' && repository ? <a href={repositoryHref(page, repository)}>{name}</a>
    : name
  return <span class="fr-text--xs fr-ml-1w">({page.t('software.source')} {link})</span>
}

function SoftwareLinks(props: { page: PageContext; title: string; software: SoftwareLink[] }) {
  if (props.software.length === 0) return null
  return (
    <>
      <h2 class="fr-h4 fr-mt-4w">{props.title}</h2>
      <ul>
        {props.software.map((s) => (
          <li key={s.slug}><a href={href(props.page, `/catalogue/${encodeURIComponent(s.slug)}`)}>{s.name}</a></li>
        ))}
      </ul>
    </>
  )
}

/** A table with its caption as the section's heading, or a sentence when there is nothing to list. */
function Section(props: { id: string; title: string; empty: string; headers: string[]; rows: ComponentChildren[][] }) {
  return (
    <section class="fr-mt-6w" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 class="fr-h4" id={`${props.id}-title`}>{props.title}</h2>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <div class="fr-table fr-table--no-caption">
          <table>
            <caption>{props.title}</caption>
            <thead>
              <tr>{props.headers.map((h) => <th scope="col" key={h}>{h}</th>)}</tr>
            </thead>
            <tbody>
              {props.rows.map((cells, i) => (
                <tr key={i}>{cells.map((cell, j) => <td key={j}>{cell}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/**
 * A software's page: what the catalogue knows of it, who uses it and vouches for it, where it runs,
 * and its history. Referents are named only when their profile is public; their email never appears.
 */
export function SoftwarePage(props: { page: PageContext; details: SoftwareDetails; declarations: SoftwareDeclarations; viewer?: DeclarationViewer; moderation?: SoftwareModerationView }) {
  const { page, details, declarations, viewer, moderation } = props
  const { software: s, repository } = details
  const { t, locale } = page
  const date = (value: Date | string | null) => (value ? formatDate(locale, new Date(value)) : '')
  const licence = s.licence ? licenceFacets(s.licence) : undefined
  const otherDescription = page.locale === 'en' ? s.description_fr : s.description_en
  const description = softwareDescription(page, s)
  // A column of edit and withdraw links, when the viewer may change a row of the table.
  const actions = (kind: 'user' | 'referent' | 'instance', rows: { id: string; agent_id: string | null }[], what: (row: number) => string) =>
    rows.some((d) => mayChangeDeclaration(viewer?.agent, { agentId: d.agent_id }))
      ? { header: [t('declarations.actions')], cells: (i: number) => [<DeclarationActions page={page} slug={s.slug} kind={kind} declaration={rows[i]!} what={what(i)} viewer={viewer} />] }
      : { header: [], cells: () => [] }
  const instances = declarations.instances.filter((i) => i.is_public || mayChangeDeclaration(viewer?.agent, { agentId: i.agent_id }))
  const userActions = actions('user', declarations.users, (i) => declarations.users[i]!.organisation)
  const referentActions = actions('referent', declarations.referents, (i) => declarations.referents[i]!.agent_name ?? t('software.referentHidden'))
  const instanceActions = actions('instance', instances, (i) => instances[i]!.organisation)
  return (
    <Layout page={page} title={s.name} section="catalogue">
      <div class="fr-container fr-mt-4w fr-mb-6w">
        <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{t('nav.home')}</a></li>
            <li><a class="fr-breadcrumb__link" href={href(page, '/catalogue')}>{t('nav.catalogue')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{s.name}</a></li>
          </ol>
        </nav>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--middle">
          {webAddress(s.logo_url) ? (
            <div class="fr-col-auto">
              <img src={webAddress(s.logo_url)} alt={t('software.logo', { name: s.name })} width={64} height={64} class="socle-logo" referrerpolicy="no-referrer" />
            </div>
          ) : null}
          <div class="fr-col">
            <h1 class="fr-mb-1w">{s.name}</h1>
          </div>
        </div>
        <ul class="fr-badges-group fr-mb-2w">
          <li><Badge kind={s.status === 'recommended' ? 'success' : s.status === 'dereferenced' ? 'error' : 'info'}>{t(`software.status.${s.status as 'recommended'}`)}</Badge></li>
          {s.licence ? <li><Badge>{s.licence}</Badge></li> : null}
          {s.is_demo ? <li><Badge kind="new">{t('organisation.demo')}</Badge></li> : null}
          {s.moderation !== 'accepted' ? <li><Badge kind="warning">{t(s.moderation === 'rejected' ? 'catalogueAdmin.badge.rejected' : 'catalogueAdmin.badge.pending')}</Badge></li> : null}
        </ul>
        {moderation?.proposed ? <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status"><p>{t('catalogueAdmin.add.added')}</p></div> : null}
        {s.moderation === 'pending' ? <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w"><p>{t('catalogueAdmin.pendingNotice')}</p></div> : null}
        {s.moderation === 'rejected' ? <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w"><p>{t('catalogueAdmin.rejectedNotice', { reason: s.rejection_reason ?? '' })}</p></div> : null}
        {moderation?.managePath ? <p><a class="fr-link" href={href(page, moderation.managePath)}>{t('catalogueAdmin.manage')}</a></p> : null}
        {s.status === 'dereferenced' ? (
          <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
            <p>
              {s.dereferenced_on ? t('software.dereferenced', { date: date(s.dereferenced_on) }) : t('software.status.dereferenced')}
              {s.dereferenced_reason ? <> — {t('software.dereferencedReason', { reason: s.dereferenced_reason })}</> : null}
            </p>
          </div>
        ) : null}
        {description ? <p class="fr-text--lead">{description}<FieldSource page={page} details={details} field={description === s.description_en ? 'description_en' : 'description_fr'} value={description} /></p> : null}
        {otherDescription && otherDescription !== description ? (
          <details class="fr-mb-3w">
            <summary>{t('software.descriptionOther')}</summary>
            <p lang={page.locale === 'en' ? 'fr' : 'en'}>{otherDescription}</p>
          </details>
        ) : null}

        <h2 class="fr-h4 fr-mt-4w">{t('software.facts')}</h2>
        <dl class="socle-facts">
          <Fact term={t('software.licence')}>
            {s.licence ?? s.licence_text ?? t('software.licenceUnknown')}
            {licence ? <> — {licence.authorised ? t('software.authorised') : t('software.notAuthorised')} ({facetValueLabel(page, 'licence', licence.family)})</> : null}
            <FieldSource page={page} details={details} field="licence" value={s.licence} />
          </Fact>
          {s.website ? <Fact term={t('software.website')}><External url={s.website} /><FieldSource page={page} details={details} field="website" value={s.website} /></Fact> : null}
          {s.documentation_url ? <Fact term={t('software.documentation')}><External url={s.documentation_url} /></Fact> : null}
          {s.repository_url ? (
            <Fact term={t('software.repository')}>
              <External url={s.repository_url} />
              {repository ? (
                <>
                  {' — '}
                  {t('software.stars', { count: formatNumber(locale, repository.stars) })}
                  {repository.pushed_at ? <>, {t('software.lastPush', { date: date(repository.pushed_at) })}</> : null}
                  {' — '}
                  <a href={repositoryHref(page, repository)}>{t('software.registryPage')}</a>
                </>
              ) : null}
              <FieldSource page={page} details={details} field="repository_url" value={s.repository_url} />
            </Fact>
          ) : null}
          {s.latest_version ? (
            <Fact term={t('software.latestVersion')}>
              {s.latest_version}
              {s.latest_release_on ? <>, {t('software.latestRelease', { date: date(s.latest_release_on) })}</> : null}
              <FieldSource page={page} details={details} field="latest_version" value={s.latest_version} />
            </Fact>
          ) : null}
          {s.developers.length > 0 ? <Fact term={t('software.developers')}>{s.developers.join(', ')}<FieldSource page={page} details={details} source="wikidata" /></Fact> : null}
          {s.min_version ? <Fact term={t('software.minVersion')}>{s.min_version}</Fact> : null}
          {s.last_recommended_version ? <Fact term={t('software.lastRecommendedVersion')}>{s.last_recommended_version}</Fact> : null}
          {s.platforms.length > 0 || s.os.length > 0 ? (
            <Fact term={t('software.platforms')}>
              {[...s.platforms.map((p) => facetValueLabel(page, 'platform', p)), ...s.os.map((o) => facetValueLabel(page, 'os', o))].join(', ')}
            </Fact>
          ) : null}
          {s.function ? <Fact term={t('software.function')}>{s.function}</Fact> : null}
          {s.categories.length > 0 ? <Fact term={t('software.categories')}>{s.categories.join(', ')}</Fact> : null}
          {s.keywords.length > 0 ? <Fact term={t('software.keywords')}>{s.keywords.join(', ')}</Fact> : null}
          {s.sill_years.length > 0 ? <Fact term={t('software.sillYears')}>{s.sill_years.join(', ')}</Fact> : null}
          {s.support_market !== null ? <Fact term={t('software.supportMarket')}>{t(s.support_market ? 'catalogue.value.yes' : 'catalogue.value.no')}</Fact> : null}
          {moderation?.attributes.map(({ attribute, value }) => (
            <Fact key={attribute.key} term={locale === 'en' ? attribute.label_en : attribute.label_fr}>
              {typeof value === 'boolean' ? t(value ? 'catalogue.value.yes' : 'catalogue.value.no') : attribute.kind === 'url' ? <External url={value} /> : value}
            </Fact>
          ))}
        </dl>

        {details.parent ? <SoftwareLinks page={page} title={t('software.parent')} software={[details.parent]} /> : null}
        <SoftwareLinks page={page} title={t('software.children')} software={details.children} />
        <SoftwareLinks page={page} title={t('software.similar')} software={details.similar} />

        {comptoirPage(s) || s.framalibre_slug || s.wikidata_id ? (
          <>
            <h2 class="fr-h4 fr-mt-4w">{t('software.links')}</h2>
            <ul>
              {comptoirPage(s) ? <li><External url={comptoirPage(s)}>{t('software.comptoir')}</External></li> : null}
              {s.framalibre_slug ? (
                <li><External url={`https://framalibre.org/content/${encodeURIComponent(s.framalibre_slug)}`}>{t('software.framalibre')}</External></li>
              ) : null}
              {s.wikidata_id ? (
                <li><External url={`https://www.wikidata.org/wiki/${encodeURIComponent(s.wikidata_id)}`}>{t('software.wikidata')}</External></li>
              ) : null}
            </ul>
          </>
        ) : null}

        {(s.service_providers as ComptoirProvider[]).length > 0 ? (
          <>
            <h2 class="fr-h4 fr-mt-4w">{t('software.providers')}</h2>
            <ul>
              {(s.service_providers as ComptoirProvider[]).map((provider) => (
                <li key={provider.name}>{provider.website ?? provider.url ? <External url={provider.website ?? provider.url}>{provider.name}</External> : provider.name}</li>
              ))}
            </ul>
            <p class="fr-text--sm">{t('software.providersSource', { count: formatNumber(locale, s.comptoir_user_count ?? 0) })}</p>
          </>
        ) : null}

        <DeclareButtons page={page} slug={s.slug} viewer={viewer} />
        <Section
          id="users"
          title={t('software.users')}
          empty={t('software.usersNone')}
          headers={[t('software.organisation'), t('software.useCase'), t('software.version'), t('software.os'), t('software.service'), ...userActions.header]}
          rows={declarations.users.map((u, i) => [u.organisation, u.use_case ?? '', u.version ?? '', u.os ?? '', <External url={u.service_url} />, ...userActions.cells(i)])}
        />
        <Section
          id="referents"
          title={t('software.referents')}
          empty={t('software.referentsNone')}
          headers={[t('software.referents'), t('software.referentExpert'), t('software.useCase'), t('software.service'), t('declarations.contact'), ...referentActions.header]}
          rows={declarations.referents.map((r, i) => [
            r.agent_name ?? t('software.referentHidden'),
            r.is_expert ? t('catalogue.value.yes') : t('catalogue.value.no'),
            r.use_case ?? '',
            <External url={r.service_url} />,
            r.agent_id ? (
              <a href={href(page, contactPath(s.slug, r.id))} aria-label={t('declarations.contactLabel', { who: r.agent_name ?? t('software.referentHidden') })}>{t('declarations.contact')}</a>
            ) : (
              ''
            ),
            ...referentActions.cells(i),
          ])}
        />
        <Section
          id="instances"
          title={t('software.instances')}
          empty={t('software.instancesNone')}
          headers={[t('software.organisation'), t('software.audience'), t('software.service'), ...instanceActions.header]}
          rows={instances.map((i, n) => [
            <>
              {i.organisation}
              {i.is_public ? null : <> <Badge kind="warning" small>{t('declarations.private')}</Badge></>}
            </>,
            i.audience ?? '',
            <External url={i.url} />,
            ...instanceActions.cells(n),
          ])}
        />
        <Section
          id="history"
          title={t('software.history')}
          empty={t('software.historyNone')}
          headers={[t('software.change'), t('software.version'), t('software.changeComment')]}
          rows={details.changes.map((c) => [
            <>{date(c.occurred_on)} — {t(`software.change.${c.kind as 'added'}`)}</>,
            c.version ?? '',
            c.comment ?? '',
          ])}
        />
      </div>
    </Layout>
  )
}
