import type { DependencyRow } from '../../adapters/db/stores/registry-store.ts'
import type { RepositoryDetail, RepositoryRecord } from '../../adapters/db/stores/repository-store.ts'
import { RULES, type RuleStatus } from '../../domain/compliance/index.ts'
import type { PublicCode } from '../../domain/publiccode/index.ts'
import type { ReuseReason } from '../../domain/registry/reuse-score.ts'
import { formatDate, formatNumber } from '../i18n/index.ts'
import { BarChart } from '../views/bar-chart.tsx'
import { Badge } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { webAddress } from '../views/web-address.ts'
import { href, type PageContext } from '../views/page-context.ts'
import { accountHref, libraryHref, organisationHref, registryPaths, repositoryHref } from '../views/registry-paths.ts'

export interface RepositoryView {
  repository: RepositoryDetail
  /** The parsed publiccode.yml, when it has one that parses. */
  publiccode: PublicCode | null
  history: { crawled_at: Date; stars: number; forks: number }[]
  reusedBy: RepositoryRecord[]
  software: { slug: string; name: string }[]
  dependencies: DependencyRow[]
}

const dateOf = (locale: 'fr' | 'en', value: Date | string | null) => (value ? formatDate(locale, new Date(value)) : '—')

/** Everything the registry knows of one repository, and what makes it reusable or not. */
export function RepositoryPage(props: { page: PageContext; view: RepositoryView }) {
  const { page } = props
  const { repository: r, publiccode, history, reusedBy, software, dependencies } = props.view
  const { t, locale } = page
  const licence = r.effective_licence
  const reasons = (r.reuse_reasons as ReuseReason[] | null) ?? []
  const compliance = r.compliance as { score: number; rules: { id: string; status: RuleStatus }[] } | null
  const publiccodeErrors = (r.publiccode_errors as { key: string; message: string; line?: number }[] | null) ?? []
  const languages = Object.entries((r.languages ?? {}) as Record<string, number>).sort((a, b) => b[1] - a[1])
  const languageTotal = languages.reduce((sum, [, bytes]) => sum + bytes, 0)
  const release = r.latest_release as { tag: string; publishedAt: string | null } | null
  const description = publiccode ? (publiccode.description[locale] ?? publiccode.description[locale === 'fr' ? 'en' : 'fr'] ?? Object.values(publiccode.description)[0]) : undefined
  return (
    <Layout page={page} title={`${r.owner}/${r.name}`} section="code">
      <div class="fr-container fr-mt-4w fr-mb-6w">
        <nav role="navigation" class="fr-breadcrumb" aria-label={t('bodies.breadcrumb')}>
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, registryPaths.search)}>{t('code.title')}</a></li>
            {r.organisation_slug ? <li><a class="fr-breadcrumb__link" href={organisationHref(page, r.organisation_slug)}>{r.organisation_name}</a></li> : null}
            <li><a class="fr-breadcrumb__link" aria-current="page">{r.owner}/{r.name}</a></li>
          </ol>
        </nav>
        <h1>{r.owner}/{r.name}</h1>
        {r.description ? <p class="fr-text--lead">{r.description}</p> : null}
        <ul class="fr-badges-group fr-mb-2w">
          {r.is_demo ? <li><Badge kind="new">{t('organisation.demo')}</Badge></li> : null}
          <li><Badge kind={r.reuse_score >= 60 ? 'success' : 'info'}>{t('registry.score', { score: r.reuse_score })}</Badge></li>
          {r.archived ? <li><Badge kind="warning">{t('repository.page.archived')}</Badge></li> : null}
          {r.is_fork && r.parent_full_name ? <li><Badge>{t('repository.page.fork', { parent: r.parent_full_name })}</Badge></li> : null}
          {r.is_template ? <li><Badge>{t('repository.page.template')}</Badge></li> : null}
        </ul>
        {r.gone_at ? (
          <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w"><p>{t('repository.page.gone', { date: dateOf(locale, r.gone_at) })}</p></div>
        ) : null}
        {webAddress(r.url) ? <p><a class="fr-link fr-icon-external-link-line fr-link--icon-right" href={webAddress(r.url)} rel="noopener noreferrer">{t('repository.page.web')}</a></p> : null}

        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-lg-7">
            <h2 class="fr-h4">{t('repository.page.facts')}</h2>
            <dl class="socle-facts">
              <dt>{t('repository.page.forge')}</dt><dd>{r.forge_host}</dd>
              <dt>{t('repository.page.owner')}</dt><dd><a href={accountHref(page, { host: r.forge_host, owner: r.owner })}>{r.owner}</a></dd>
              {r.organisation_slug ? (<><dt>{t('repository.page.body')}</dt><dd><a href={organisationHref(page, r.organisation_slug)}>{r.organisation_name}</a></dd></>) : null}
              {r.clone_url ? (<><dt>{t('repository.page.clone')}</dt><dd><code>{r.clone_url}</code></dd></>) : null}
              {r.homepage ? (<><dt>{t('repository.page.homepage')}</dt><dd>{webAddress(r.homepage) ? <a href={webAddress(r.homepage)} rel="noopener noreferrer nofollow">{r.homepage}</a> : r.homepage}</dd></>) : null}
              {r.default_branch ? (<><dt>{t('repository.page.branch')}</dt><dd><code>{r.default_branch}</code></dd></>) : null}
              <dt>{t('repository.page.licence')}</dt>
              <dd>
                {licence ? <strong>{licence}</strong> : t('repository.page.noLicence')}
                {licence && r.detected_licence ? ` (${t('repository.page.licenceDetected')})` : ''}
                {r.licence && r.licence !== licence ? ` — ${t('repository.page.licenceDeclared', { licence: r.licence })}` : ''}
                {licence ? (
                  <>
                    {' '}
                    <Badge kind={r.licence_authorised ? 'success' : 'warning'} small>
                      {r.licence_authorised ? t('repository.page.licenceAuthorised') : t('repository.page.licenceNotAuthorised')}
                    </Badge>
                  </>
                ) : null}
              </dd>
              {languages.length > 0 ? (
                <>
                  <dt>{t('repository.page.languages')}</dt>
                  <dd>{languages.slice(0, 8).map(([name, bytes]) => `${name} ${Math.round((100 * bytes) / Math.max(1, languageTotal))} %`).join(' · ')}</dd>
                </>
              ) : r.language ? (<><dt>{t('repository.page.languages')}</dt><dd>{r.language}</dd></>) : null}
              {r.topics.length > 0 ? (<><dt>{t('repository.page.topics')}</dt><dd>{r.topics.join(', ')}</dd></>) : null}
              <dt>{t('repository.page.created')}</dt><dd>{dateOf(locale, r.created_on_forge)}</dd>
              <dt>{t('repository.page.pushed')}</dt><dd>{dateOf(locale, r.pushed_at)}</dd>
              <dt>{t('repository.page.firstSeen')}</dt><dd>{dateOf(locale, r.first_seen_at)}</dd>
              {release ? (<><dt>{t('repository.page.release')}</dt><dd><code>{release.tag}</code>{release.publishedAt ? ` (${dateOf(locale, release.publishedAt)})` : ''}</dd></>) : null}
              <dt>{t('repository.page.counters')}</dt>
              <dd>
                {formatNumber(locale, r.stars)} {t('repository.stars')} · {formatNumber(locale, r.forks)} {t('repository.forks')} · {formatNumber(locale, r.watchers)} {t('repository.page.watchers')} · {formatNumber(locale, r.open_issues)} {t('repository.page.issues')}
              </dd>
              {r.size_kb !== null ? (<><dt>{t('repository.page.size')}</dt><dd>{formatNumber(locale, r.size_kb)} Kio</dd></>) : null}
            </dl>
          </div>
          <div class="fr-col-12 fr-col-lg-5">
            <h2 class="fr-h4">{t('repository.page.reuse')}</h2>
            <p class="fr-text--sm">{t('repository.page.reuseLead')}</p>
            <div class="fr-table fr-table--sm fr-table--no-caption">
              <table>
                <caption>{t('repository.page.reuse')}</caption>
                <tbody>
                  {reasons.map((reason) => (
                    <tr key={reason.criterion}>
                      <td>{reason.points === reason.max ? '✓ ' : reason.points === 0 ? '✗ ' : '◐ '}{t(`registry.criterion.${reason.criterion}`)}</td>
                      <td>{t('registry.criterion.points', { points: reason.points, max: reason.max })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="fr-text--sm"><a href={`${href(page, registryPaths.mostReusable)}#how`}>{t('registry.reusable.how')}</a></p>
          </div>
        </div>

        {compliance ? (
          <section class="fr-mt-4w">
            <h2 class="fr-h4">{t('repository.page.compliance')}</h2>
            <p>{t('repository.page.complianceLead')} <strong>{t('repository.page.complianceScore', { score: compliance.score })}</strong></p>
            <div class="fr-table fr-table--sm fr-table--no-caption">
              <table>
                <caption>{t('repository.page.compliance')}</caption>
                <thead><tr><th scope="col">{t('repository.page.rule')}</th><th scope="col">{t('repository.page.status')}</th></tr></thead>
                <tbody>
                  {compliance.rules.map((rule) => (
                    <tr key={rule.id}>
                      <td>{RULES.find((known) => known.id === rule.id)?.title[locale] ?? rule.id}</td>
                      <td>{t(`repository.page.status.${rule.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {r.clone_url ? <p><a class="fr-link" href={`${href(page, '/opening/check')}?url=${encodeURIComponent(r.clone_url)}`}>{t('repository.page.checkIt')}</a></p> : null}
          </section>
        ) : null}

        <section class="fr-mt-4w">
          <h2 class="fr-h4">{t('repository.page.publiccode')}</h2>
          {r.publiccode_text === null ? (
            <p>{t('repository.page.publiccodeAbsent')} <a href={href(page, '/opening/publiccode/editor')}>{t('repository.page.publiccodeWrite')}</a></p>
          ) : r.publiccode_valid ? (
            <p>{t('repository.page.publiccodeValid')}</p>
          ) : (
            <>
              <p>{t('repository.page.publiccodeInvalid', { count: publiccodeErrors.length })}</p>
              <ul>
                {publiccodeErrors.slice(0, 30).map((error, i) => (
                  <li key={i}><code>{error.key || '(document)'}</code>{error.line ? ` (l. ${error.line})` : ''} : {error.message}</li>
                ))}
              </ul>
            </>
          )}
          {publiccode ? (
            <dl class="socle-facts">
              <dt>name</dt><dd>{publiccode.name}</dd>
              {description?.shortDescription ? (<><dt>shortDescription</dt><dd>{description.shortDescription}</dd></>) : null}
              <dt>developmentStatus</dt><dd>{publiccode.developmentStatus}</dd>
              <dt>softwareType</dt><dd>{publiccode.softwareType}</dd>
              <dt>platforms</dt><dd>{publiccode.platforms.join(', ')}</dd>
              {publiccode.categories ? (<><dt>categories</dt><dd>{publiccode.categories.join(', ')}</dd></>) : null}
              <dt>legal.license</dt><dd>{publiccode.legal.license}</dd>
              <dt>maintenance.type</dt><dd>{publiccode.maintenance.type}</dd>
            </dl>
          ) : null}
          {r.publiccode_text !== null ? (
            <details class="fr-mt-1w">
              <summary>publiccode.yml</summary>
              <pre class="socle-code">{r.publiccode_text.slice(0, 20_000)}</pre>
            </details>
          ) : null}
        </section>

        {history.length > 1 ? (
          <section class="fr-mt-4w">
            <h2 class="fr-h4">{t('repository.page.history')}</h2>
            <BarChart
              id="counters"
              title={t('repository.page.historyCaption')}
              bars={history.slice(-20).map((point) => ({ label: dateOf(locale, point.crawled_at), value: point.stars, note: formatNumber(locale, point.forks) }))}
              locale={locale}
              labelHeader={t('repository.page.date')}
              valueHeader={t('repository.stars')}
              noteHeader={t('repository.forks')}
              empty=""
            />
          </section>
        ) : null}

        <section class="fr-mt-4w">
          <h2 class="fr-h4">{t('repository.page.reusedBy')}</h2>
          {reusedBy.length === 0 ? <p>{t('repository.page.reusedByNone')}</p> : (
            <ul>
              {reusedBy.map((fork) => (
                <li key={fork.id}><a href={repositoryHref(page, fork)}>{fork.owner}/{fork.name}</a>{fork.organisation_name ? ` — ${fork.organisation_name}` : ''}</li>
              ))}
            </ul>
          )}
        </section>

        {software.length > 0 ? (
          <section class="fr-mt-4w">
            <h2 class="fr-h4">{t('repository.page.software')}</h2>
            <ul>{software.map((s) => <li key={s.slug}><a href={href(page, `/catalogue/${encodeURIComponent(s.slug)}`)}>{s.name}</a></li>)}</ul>
          </section>
        ) : null}

        <section class="fr-mt-4w">
          <h2 class="fr-h4">{t('repository.page.dependencies')}</h2>
          {dependencies.length === 0 ? <p>{t('repository.page.dependenciesNone')}</p> : (
            <div class="fr-table fr-table--sm fr-table--no-caption">
              <table>
                <caption>{t('repository.page.dependencies')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('repository.page.dependency')}</th>
                    <th scope="col">{t('repository.page.ecosystem')}</th>
                    <th scope="col">{t('repository.page.version')}</th>
                    <th scope="col">{t('repository.page.scope')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dependencies.map((d) => (
                    <tr key={`${d.ecosystem}:${d.name}`}>
                      <td><a href={libraryHref(page, d)}>{d.name}</a></td>
                      <td>{d.ecosystem}</td>
                      <td>{d.version ? <code>{d.version}</code> : '—'}</td>
                      <td>{t(`repository.page.scope.${d.scope}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        {r.readme_excerpt ? (
          <section class="fr-mt-4w">
            <h2 class="fr-h4">{t('repository.page.readme')}</h2>
            <p class="socle-excerpt">{r.readme_excerpt.slice(0, 600)}{r.readme_excerpt.length > 600 ? '…' : ''}</p>
          </section>
        ) : null}
      </div>
    </Layout>
  )
}
