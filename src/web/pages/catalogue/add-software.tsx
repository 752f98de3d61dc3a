import type { ComponentChildren } from 'preact'
import { OPERATING_SYSTEMS, PLATFORMS } from '../../../domain/catalogue/facets.ts'
import type { SoftwareFormErrors, SoftwareFormValues } from '../../../domain/catalogue/moderation.ts'
import type { SoftwareProbe, SoftwareSuggestions } from '../../../usecases/catalogue/add-software.ts'
import { CsrfField } from '../../auth/csrf.tsx'
import { Badge } from '../../views/components.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { webAddress } from '../../views/web-address.ts'
import { Field } from '../account/account.tsx'
import { Notice } from '../account/sign-in.tsx'
import { facetValueLabel } from '../catalogue.tsx'

export const ADD_PATH = '/catalogue/add'

export function Breadcrumb(props: { page: PageContext; trail: { label: string; path?: string }[] }) {
  const { page } = props
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
      <ol class="fr-breadcrumb__list">
        <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{page.t('nav.home')}</a></li>
        {props.trail.map((step, i) => (
          <li key={i}>
            {step.path ? <a class="fr-breadcrumb__link" href={href(page, step.path)}>{step.label}</a> : <a class="fr-breadcrumb__link" aria-current="page">{step.label}</a>}
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** The checkboxes of one list field (platforms, OS). */
function Choices(props: { page: PageContext; name: 'platforms' | 'os'; facet: 'platform' | 'os'; values: readonly string[]; chosen: string[]; error: string | undefined }) {
  const { page } = props
  return (
    <fieldset class={`fr-fieldset${props.error ? ' fr-fieldset--error' : ''}`} id={`software-${props.name}`} aria-labelledby={`software-${props.name}-legend`}>
      <legend class="fr-fieldset__legend fr-text--regular" id={`software-${props.name}-legend`}>{page.t(`catalogueAdmin.field.${props.name}`)}</legend>
      {props.values.map((value) => (
        <div class="fr-fieldset__element fr-fieldset__element--inline" key={value}>
          <div class="fr-checkbox-group">
            <input type="checkbox" id={`software-${props.name}-${value}`} name={props.name} value={value} checked={props.chosen.includes(value)} />
            <label class="fr-label" for={`software-${props.name}-${value}`}>{facetValueLabel(page, props.facet, value)}</label>
          </div>
        </div>
      ))}
      {props.error ? <div class="fr-messages-group"><p class="fr-message fr-message--error">{props.error}</p></div> : null}
    </fieldset>
  )
}

/** The fields of a software (adding one, or staff editing it), with the inline error of each. */
export function SoftwareFields(props: { page: PageContext; values: SoftwareFormValues; errors: SoftwareFormErrors }) {
  const { page, values, errors } = props
  const { t } = page
  const error = (key: keyof SoftwareFormValues) => (errors[key] ? t(`catalogueAdmin.error.${errors[key]!}`) : undefined)
  const field = (key: 'name' | 'licence' | 'website' | 'documentation_url' | 'repository_url' | 'wikidata_id' | 'categories' | 'keywords', maxLength: number, hint?: string) => (
    <Field id={`software-${key}`} name={key} label={t(`catalogueAdmin.field.${key}`)} hint={hint} value={values[key]} error={error(key)} maxLength={maxLength} required={key === 'name'} />
  )
  return (
    <>
      {field('name', 200)}
      <Field id="software-description_fr" name="description_fr" label={t('catalogueAdmin.field.description_fr')} value={values.description_fr} error={error('description_fr')} maxLength={5000} multiline />
      <Field id="software-description_en" name="description_en" label={t('catalogueAdmin.field.description_en')} value={values.description_en} error={error('description_en')} maxLength={5000} multiline />
      {field('licence', 500, t('catalogueAdmin.field.licenceHint'))}
      {field('website', 2000, t('catalogueAdmin.field.urlHint'))}
      {field('documentation_url', 2000, t('catalogueAdmin.field.urlHint'))}
      {field('repository_url', 2000, t('catalogueAdmin.field.urlHint'))}
      {field('wikidata_id', 100, t('catalogueAdmin.add.wikidataHint'))}
      {field('categories', 500, t('catalogueAdmin.field.wordsHint'))}
      {field('keywords', 500, t('catalogueAdmin.field.wordsHint'))}
      <Choices page={page} name="platforms" facet="platform" values={PLATFORMS} chosen={values.platforms} error={error('platforms')} />
      <Choices page={page} name="os" facet="os" values={OPERATING_SYSTEMS} chosen={values.os} error={error('os')} />
    </>
  )
}

function AddLayout(props: { page: PageContext; step: 1 | 2; children: ComponentChildren }) {
  const { page } = props
  const { t } = page
  return (
    <Layout page={page} title={t('catalogueAdmin.add.title')} section="catalogue">
      <div class="fr-container fr-mt-4w fr-mb-6w">
        <Breadcrumb page={page} trail={[{ label: t('nav.catalogue'), path: '/catalogue' }, { label: t('catalogueAdmin.add.title') }]} />
        <h1>{t('catalogueAdmin.add.title')}</h1>
        <div class="fr-stepper">
          <h2 class="fr-stepper__title">
            {t(props.step === 1 ? 'catalogueAdmin.add.step1' : 'catalogueAdmin.add.step2')}
            <span class="fr-stepper__state">{t('catalogueAdmin.add.step', { step: props.step })}</span>
          </h2>
          <div class="fr-stepper__steps" data-fr-current-step={props.step} data-fr-steps="2"></div>
        </div>
        {props.children}
      </div>
    </Layout>
  )
}

/** The address of step 2, its form filled with `prefill` (a candidate picked, or what step 1 typed). */
function step2Href(page: PageContext, prefill: Record<string, string | undefined>): string {
  const params = new URLSearchParams({ etape: '2' })
  for (const [key, value] of Object.entries(prefill)) if (value) params.set(key, value)
  return href(page, `${ADD_PATH}?${params}`)
}

/**
 * /:locale/catalogue/add: step 1, a name (and perhaps a repository address or Wikidata id); once
 * sent (a GET: nothing changes yet), the catalogue's possible duplicates and the known candidates.
 */
export function AddSoftwareStep1Page(props: { page: PageContext; probe: SoftwareProbe; suggestions: SoftwareSuggestions | undefined }) {
  const { page, probe, suggestions } = props
  const { t } = page
  return (
    <AddLayout page={page} step={1}>
      <p>{t('catalogueAdmin.add.lead')}</p>
      <form method="get" action={href(page, ADD_PATH)} class="fr-mb-4w">
        <Field id="probe-name" name="name" label={t('catalogueAdmin.field.name')} value={probe.name} error={undefined} maxLength={200} required />
        <Field id="probe-repository" name="repository_url" label={t('catalogueAdmin.field.repository_url')} hint={t('catalogueAdmin.add.repositoryHint')} value={probe.repositoryUrl ?? ''} error={undefined} maxLength={2000} />
        <Field id="probe-wikidata" name="wikidata_id" label={t('catalogueAdmin.field.wikidata_id')} hint={t('catalogueAdmin.add.wikidataHint')} value={probe.wikidataId ?? ''} error={undefined} maxLength={100} />
        <button class="fr-btn" type="submit">{t('catalogueAdmin.add.search')}</button>
      </form>
      {suggestions ? (
        <>
          <section aria-labelledby="duplicates-title" class="fr-mb-4w">
            <h2 class="fr-h4" id="duplicates-title">{t('catalogueAdmin.add.duplicates')}</h2>
            {suggestions.duplicates.length === 0 ? (
              <p>{t('catalogueAdmin.add.noDuplicates')}</p>
            ) : (
              <>
                <p>{t('catalogueAdmin.add.duplicatesLead')}</p>
                <ul>
                  {suggestions.duplicates.map((d) => (
                    <li key={d.slug}>
                      <a href={href(page, `/catalogue/${encodeURIComponent(d.slug)}`)}>{d.name}</a> ({d.reasons.map((r) => t(`catalogueAdmin.add.reason.${r}`)).join(', ')})
                      {d.moderation === 'accepted' ? null : <> <Badge kind="warning" small>{t(`catalogueAdmin.badge.${d.moderation as 'pending'}`)}</Badge></>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          {suggestions.candidates.length > 0 ? (
            <section aria-labelledby="candidates-title" class="fr-mb-4w">
              <h2 class="fr-h4" id="candidates-title">{t('catalogueAdmin.add.candidates')}</h2>
              <p>{t('catalogueAdmin.add.candidatesLead')}</p>
              <ul>
                {suggestions.candidates.map((c, i) => (
                  <li key={i} class="fr-mb-1w">
                    <a href={step2Href(page, { ...c.prefill, wikidata_id: c.prefill.wikidata_id ?? probe.wikidataId })}>{t('catalogueAdmin.add.pick', { name: c.label })}</a>
                    {' — '}
                    {c.source === 'registry' || c.source === 'wikidata' ? t(`catalogueAdmin.add.candidateSource.${c.source}`) : c.source}
                    {webAddress(c.url) ? <> (<a href={webAddress(c.url)} rel="noopener noreferrer">{c.url}</a>)</> : null}
                    {c.detail ? <><br /><span class="fr-text--sm">{c.detail}</span></> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <p>
            <a class="fr-btn fr-btn--secondary" href={step2Href(page, { name: probe.name, repository_url: probe.repositoryUrl, wikidata_id: probe.wikidataId })}>{t('catalogueAdmin.add.blank')}</a>
          </p>
        </>
      ) : null}
    </AddLayout>
  )
}

/** /:locale/catalogue/add?etape=2: the whole form, prefilled; shown again with inline errors when posted wrong. */
export function AddSoftwareStep2Page(props: { page: PageContext; values: SoftwareFormValues; errors: SoftwareFormErrors; csrf: string }) {
  const { page } = props
  const { t } = page
  return (
    <AddLayout page={page} step={2}>
      {Object.keys(props.errors).length > 0 ? <Notice kind="error">{t('catalogueAdmin.error.summary')}</Notice> : null}
      <p>{t('catalogueAdmin.add.moderationNote')}</p>
      <form method="post" action={href(page, ADD_PATH)}>
        <CsrfField token={props.csrf} />
        <SoftwareFields page={page} values={props.values} errors={props.errors} />
        <button class="fr-btn" type="submit">{t('catalogueAdmin.add.submit')}</button>
      </form>
    </AddLayout>
  )
}
