// The publiccode.yml editor's page: a form of the State design system that works without
// JavaScript (each button posts it, the server answers it filled in again), with the validator's
// problems next to their fields, and the file to copy or download once it is valid.
import { toChildArray, type ComponentChildren } from 'preact'
import { CATEGORIES, DEVELOPMENT_STATUSES, fieldHelp, LATEST_VERSION, MAINTENANCE_TYPES, PLATFORMS, SOFTWARE_TYPES, type Issue } from '../../domain/publiccode/index.ts'
import type { Locale } from '../i18n/index.ts'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'
import { Breadcrumb, DOWNLOAD_PATH, EDITOR_PATH, EnhancementScript, FileLoader, Message, TextArea, VALIDATE_PATH } from './publiccode.tsx'
import {
  descriptionField,
  FIELD,
  issueTarget,
  issueTargets,
  ROW_KEYS,
  rowField,
  type DescriptionForm,
  type EditorForm,
  type Generated,
  type RowList,
} from './publiccode-form.ts'
import { publiccodeTexts, type TextKey, type Texts } from './publiccode-text.ts'

/** What every field needs: the texts, and the problems found on each field. */
interface Form {
  text: Texts
  locale: Locale
  issuesOf(name: string): Issue[]
}

/** An element id for a field name (`maintenance.contacts[0].email` → `pc-maintenance-contacts-0-email`). */
const fieldId = (name: string) => `pc-${name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/-$/, '')}`

/** `en-GB` → "anglais (Royaume-Uni)"; a well-formed tag Intl does not know stays as it is. */
function languageName(language: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(language) ?? language
  } catch {
    return language
  }
}

/** The help of a key of the standard, from the domain's `fieldHelp`, and the key itself. */
function keyHelp(form: Form, key: string) {
  return (
    <>
      {fieldHelp[key]?.[form.locale]} {form.text('key', { key })}
    </>
  )
}

function Errors(props: { id: string; issues: Issue[] }) {
  if (props.issues.length === 0) return null
  return (
    <div id={props.id}>
      {props.issues.map((issue, index) => <p key={index} class="fr-error-text"><Message issue={issue} /></p>)}
    </div>
  )
}

function Label(props: { id: string; label: string; hint?: ComponentChildren; required?: boolean }) {
  return (
    <label class="fr-label" for={props.id}>
      {props.label}{props.required ? ' *' : ''}
      {props.hint ? <span class="fr-hint-text">{props.hint}</span> : null}
    </label>
  )
}

interface FieldProps {
  form: Form
  name: string
  label: string
  hint?: ComponentChildren
  required?: boolean
}

function Input(props: FieldProps & { value: string; type?: 'text' | 'url' | 'email' | 'tel' | 'date'; autoComplete?: string }) {
  const id = fieldId(props.name)
  const issues = props.form.issuesOf(props.name)
  const invalid = issues.length > 0
  return (
    <div class={`fr-input-group${invalid ? ' fr-input-group--error' : ''}`}>
      <Label id={id} label={props.label} hint={props.hint} required={props.required} />
      <input
        class={`fr-input${invalid ? ' fr-input--error' : ''}`}
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        value={props.value}
        autocomplete={props.autoComplete}
        aria-describedby={invalid ? `${id}-error` : undefined}
        aria-invalid={invalid ? 'true' : undefined}
      />
      <Errors id={`${id}-error`} issues={issues} />
    </div>
  )
}

function MultiLine(props: FieldProps & { value: string; rows: number; lang?: string }) {
  const id = fieldId(props.name)
  const issues = props.form.issuesOf(props.name)
  const invalid = issues.length > 0
  return (
    <div class={`fr-input-group${invalid ? ' fr-input-group--error' : ''}`}>
      <Label id={id} label={props.label} hint={props.hint} required={props.required} />
      <TextArea id={id} name={props.name} value={props.value} rows={props.rows} lang={props.lang} invalid={invalid} describedBy={invalid ? `${id}-error` : undefined} />
      <Errors id={`${id}-error`} issues={issues} />
    </div>
  )
}

function Select(props: FieldProps & { value: string; options: readonly string[] }) {
  const id = fieldId(props.name)
  const issues = props.form.issuesOf(props.name)
  const invalid = issues.length > 0
  return (
    <div class={`fr-select-group${invalid ? ' fr-select-group--error' : ''}`}>
      <Label id={id} label={props.label} hint={props.hint} required={props.required} />
      <select
        class={`fr-select${invalid ? ' fr-select--error' : ''}`}
        id={id}
        name={props.name}
        aria-describedby={invalid ? `${id}-error` : undefined}
        aria-invalid={invalid ? 'true' : undefined}
      >
        <option value="" selected={!props.options.includes(props.value)}>{props.form.text('choose')}</option>
        {props.options.map((option) => <option key={option} value={option} selected={option === props.value}>{option}</option>)}
      </select>
      <Errors id={`${id}-error`} issues={issues} />
    </div>
  )
}

const HEADING_CLASSES = { h2: 'fr-h4 fr-mb-1v', h3: 'fr-h6 fr-mb-1v', h4: 'fr-text--lg fr-text--bold fr-mb-1v' }

/**
 * A group of fields with its legend (a heading) and the problems about the group as a whole. Each
 * child is one element of the group (side by side when `inline`), then `after` on its own line.
 */
function Group(props: {
  form: Form
  name?: string
  legend: ComponentChildren
  heading: keyof typeof HEADING_CLASSES
  hint?: ComponentChildren
  inline?: boolean
  children: ComponentChildren
  after?: ComponentChildren
}) {
  const id = props.name ? fieldId(props.name) : undefined
  const issues = props.name ? props.form.issuesOf(props.name) : []
  const invalid = issues.length > 0
  const Heading = props.heading
  const legendId = id ? `${id}-legend` : undefined
  return (
    <fieldset class={`fr-fieldset${invalid ? ' fr-fieldset--error' : ''}`} id={id} aria-labelledby={invalid ? `${legendId} ${id}-error` : undefined}>
      <legend class="fr-fieldset__legend" id={legendId}>
        <Heading class={HEADING_CLASSES[props.heading]}>{props.legend}</Heading>
        {props.hint ? <span class="fr-hint-text fr-text--regular">{props.hint}</span> : null}
      </legend>
      {toChildArray(props.children).map((child, index) => (
        <div key={index} class={`fr-fieldset__element${props.inline ? ' fr-fieldset__element--inline' : ''}`}>{child}</div>
      ))}
      {props.after ? <div class="fr-fieldset__element">{props.after}</div> : null}
      {invalid ? (
        <div class="fr-messages-group" id={`${id}-error`}>
          {issues.map((issue, index) => <p key={index} class="fr-message fr-message--error"><Message issue={issue} /></p>)}
        </div>
      ) : null}
    </fieldset>
  )
}

function Checkbox(props: { id: string; name: string; value: string; label: string; checked: boolean; small?: boolean }) {
  return (
    <div class={`fr-checkbox-group${props.small ? ' fr-checkbox-group--sm' : ''}`}>
      <input type="checkbox" id={props.id} name={props.name} value={props.value} checked={props.checked} />
      <label class="fr-label" for={props.id}>{props.label}</label>
    </div>
  )
}

function Choices(props: { form: Form; name: 'platforms' | 'categories'; options: readonly string[]; chosen: string[]; required?: boolean; after?: ComponentChildren }) {
  const { form, name } = props
  return (
    <Group form={form} name={name} heading="h3" legend={`${form.text(name)}${props.required ? ' *' : ''}`} hint={keyHelp(form, name)} inline after={props.after}>
      {props.options.map((option) => (
        <Checkbox key={option} id={`${fieldId(name)}-${option}`} name={name} value={option} label={option} checked={props.chosen.includes(option)} small />
      ))}
    </Group>
  )
}

/** Inputs of one row's keys, by the kind of value each holds. */
const ROW_INPUT_TYPES: Record<string, 'email' | 'tel' | 'url' | 'date'> = { email: 'email', phone: 'tel', website: 'url', until: 'date' }
const ROW_TEXTS: Record<RowList, { legend: TextKey; hint: TextKey; row: TextKey; add: TextKey }> = {
  contacts: { legend: 'contacts', hint: 'contactsHint', row: 'contact', add: 'addContacts' },
  contractors: { legend: 'contractors', hint: 'contractorsHint', row: 'contractor', add: 'addContractors' },
}

function Rows(props: { form: Form; list: RowList; rows: EditorForm['rows'][RowList] }) {
  const { form, list } = props
  const texts = ROW_TEXTS[list]
  return (
    <Group form={form} name={`maintenance.${list}`} heading="h3" legend={form.text(texts.legend)} hint={<>{form.text(texts.hint)} {form.text('key', { key: `maintenance.${list}` })}</>}>
      {props.rows.map((row, index) => (
        <Group key={index} form={form} heading="h4" legend={form.text(texts.row, { number: index + 1 })} inline>
          {ROW_KEYS[list].map((key) => (
            <Input key={key} form={form} name={rowField(list, index, key)} label={form.text(`row.${key}` as const)} value={row[key] ?? ''} type={ROW_INPUT_TYPES[key]} />
          ))}
        </Group>
      ))}
      <button class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left" type="submit" name={FIELD.action} value={`add-${list}`}>
        {form.text(texts.add)}
      </button>
    </Group>
  )
}

function Description(props: { form: Form; description: DescriptionForm }) {
  const { form, description } = props
  const { language } = description
  const name = (key: string) => descriptionField(language, key)
  return (
    <Group form={form} name={`description.${language}`} heading="h3" legend={<>{form.text('descriptionIn', { language: languageName(language, form.locale) })} (<span lang="en">{language}</span>)</>}>
      <MultiLine form={form} name={name('shortDescription')} label={form.text('shortDescription')} hint={form.text('shortDescriptionHint')} value={description.shortDescription} rows={2} lang={language} />
      <MultiLine form={form} name={name('longDescription')} label={form.text('longDescription')} hint={form.text('longDescriptionHint')} value={description.longDescription} rows={8} lang={language} />
      <MultiLine form={form} name={name('features')} label={form.text('features')} hint={form.text('featuresHint')} value={description.features.join('\n')} rows={4} lang={language} />
      <Input form={form} name={name('documentation')} label={form.text('documentation')} hint={form.text('documentationHint')} value={description.documentation} type="url" />
    </Group>
  )
}

/** The form's fields, in the order of the standard's sections. */
function EditorFields(props: { form: Form; values: EditorForm }) {
  const { form, values } = props
  const { text } = form
  const value = (key: keyof EditorForm['text']) => values.text[key]
  const otherPlatforms = values.platforms.filter((platform) => !(PLATFORMS as readonly string[]).includes(platform))
  return (
    <>
      <Group form={form} heading="h2" legend={text('identity')} hint={text('versionInfo', { version: LATEST_VERSION })}>
        <Input form={form} name="name" label={text('name')} hint={keyHelp(form, 'name')} value={value('name')} required />
        <Input form={form} name="url" label={text('url')} hint={keyHelp(form, 'url')} value={value('url')} type="url" required />
        <Input form={form} name="landingURL" label={text('landingURL')} hint={keyHelp(form, 'landingURL')} value={value('landingURL')} type="url" />
        <Input form={form} name="logo" label={text('logo')} hint={keyHelp(form, 'logo')} value={value('logo')} />
        <Input form={form} name="softwareVersion" label={text('softwareVersion')} hint={keyHelp(form, 'softwareVersion')} value={value('softwareVersion')} />
        <Input form={form} name="releaseDate" label={text('releaseDate')} hint={keyHelp(form, 'releaseDate')} value={value('releaseDate')} type="date" />
      </Group>
      <Group form={form} name="organisation" heading="h2" legend={text('organisation')} hint={keyHelp(form, 'organisation')}>
        <Input form={form} name="organisation.uri" label={text('organisation.uri')} hint={<>{text('organisation.uriHint')} {text('key', { key: 'organisation.uri' })}</>} value={value('organisation.uri')} />
        <Input form={form} name="organisation.name" label={text('organisation.name')} hint={text('key', { key: 'organisation.name' })} value={value('organisation.name')} autoComplete="organization" />
      </Group>
      <Group form={form} heading="h2" legend={text('classification')}>
        <Choices
          form={form}
          name="platforms"
          options={PLATFORMS}
          chosen={values.platforms}
          required
          after={<Input form={form} name={FIELD.platformsOther} label={text('platformsOther')} hint={text('platformsOtherHint')} value={otherPlatforms.join(', ')} />}
        />
        <Choices form={form} name="categories" options={CATEGORIES} chosen={values.categories} />
        <Select form={form} name="developmentStatus" label={text('developmentStatus')} hint={keyHelp(form, 'developmentStatus')} value={value('developmentStatus')} options={DEVELOPMENT_STATUSES} required />
        <Select form={form} name="softwareType" label={text('softwareType')} hint={keyHelp(form, 'softwareType')} value={value('softwareType')} options={SOFTWARE_TYPES} required />
      </Group>
      <Group form={form} name="description" heading="h2" legend={`${text('description')} *`} hint={<>{keyHelp(form, 'description')} {text('descriptionInHint')}</>}>
        {values.descriptions.map((description) => <Description key={description.language} form={form} description={description} />)}
      </Group>
      <Group form={form} name="legal" heading="h2" legend={text('legal')} hint={keyHelp(form, 'legal')}>
        <Input form={form} name="legal.license" label={text('legal.license')} hint={<>{text('legal.licenseHint')} {text('key', { key: 'legal.license' })}</>} value={value('legal.license')} required />
        <Input form={form} name="legal.mainCopyrightOwner" label={text('legal.mainCopyrightOwner')} hint={text('key', { key: 'legal.mainCopyrightOwner' })} value={value('legal.mainCopyrightOwner')} />
      </Group>
      <Group form={form} name="maintenance" heading="h2" legend={text('maintenance')} hint={keyHelp(form, 'maintenance')}>
        <Select form={form} name="maintenance.type" label={text('maintenance.type')} hint={text('key', { key: 'maintenance.type' })} value={value('maintenance.type')} options={MAINTENANCE_TYPES} required />
        <Rows form={form} list="contacts" rows={values.rows.contacts} />
        <Rows form={form} list="contractors" rows={values.rows.contractors} />
      </Group>
      <Group form={form} name="localisation" heading="h2" legend={text('localisation')} hint={keyHelp(form, 'localisation')}>
        <div class="fr-checkbox-group">
          <input type="checkbox" id={fieldId('localisation.localisationReady')} name="localisation.localisationReady" value="true" checked={values.localisationReady} />
          <label class="fr-label" for={fieldId('localisation.localisationReady')}>
            {text('localisationReady')}
            <span class="fr-hint-text">{text('key', { key: 'localisation.localisationReady' })}</span>
          </label>
          <Errors id={`${fieldId('localisation.localisationReady')}-error`} issues={form.issuesOf('localisation.localisationReady')} />
        </div>
        <Input
          form={form}
          name="localisation.availableLanguages"
          label={text('availableLanguages')}
          hint={<>{text('availableLanguagesHint')} {text('key', { key: 'localisation.availableLanguages' })}</>}
          value={values.availableLanguages.join(', ')}
          required
        />
      </Group>
    </>
  )
}

/** The problems to fix, each linked to its field; or the file, valid, to copy or download. */
function Outcome(props: { page: PageContext; text: Texts; generated: Generated; targetOf(issue: Issue): string | null }) {
  const { page, text, generated } = props
  const { result, yaml } = generated
  if (!result.valid) {
    return (
      <div class="fr-alert fr-alert--error fr-mb-4w" id="pc-problems">
        <h2 class="fr-alert__title">{text('problems', { count: result.errors.length })}</h2>
        <p>{text('problemsHint')}</p>
        <ul>
          {result.errors.map((issue, index) => {
            const target = props.targetOf(issue)
            const key = <code>{issue.key || text('wholeFile')}</code>
            return (
              <li key={index}>
                {target ? <a href={`#${fieldId(target)}`}>{key}</a> : key} : <Message issue={issue} />
              </li>
            )
          })}
        </ul>
      </div>
    )
  }
  return (
    <section class="fr-mb-4w" aria-labelledby="pc-generated-title">
      <div class="fr-alert fr-alert--success fr-mb-3w">
        <h2 class="fr-alert__title" id="pc-generated-title">{text('generated')}</h2>
        <p>{text('generatedHint')}</p>
      </div>
      {result.warnings.length > 0 ? (
        <div class="fr-alert fr-alert--warning fr-mb-3w">
          <h3 class="fr-alert__title">{text('warnings')}</h3>
          <ul>
            {result.warnings.map((issue, index) => <li key={index}><code>{issue.key || text('wholeFile')}</code> : <Message issue={issue} /></li>)}
          </ul>
        </div>
      ) : null}
      <div class="fr-input-group">
        <label class="fr-label" for="pc-generated">{text('generatedLabel')}</label>
        <TextArea id="pc-generated" value={yaml} rows={Math.min(40, yaml.split('\n').length + 1)} readOnly />
      </div>
      <form method="post" action={href(page, DOWNLOAD_PATH)}>
        <input type="hidden" name="yaml" value={yaml} />
        <button class="fr-btn fr-icon-download-line fr-btn--icon-left" type="submit">{text('download')}</button>
      </form>
    </section>
  )
}

/**
 * The editor: what was loaded or posted (`values`), with the verdict on the file it makes when the
 * user asked for it (`generated`), or the reason a file given to load could not be read.
 */
/** What loading from a repository of the registry gave. */
export interface FromRepository {
  address: string
  outcome: 'loaded' | 'without' | 'unknown'
  /** owner/name of the repository found. */
  repository?: string
}

export function EditorPage(props: { page: PageContext; values: EditorForm; generated: Generated | null; unreadable?: Issue | null; fromRepository?: FromRepository }) {
  const { page, values, generated } = props
  const text = publiccodeTexts(page.locale)
  const title = text('editorTitle')
  const targets = issueTargets(values)
  const errors = generated && !generated.result.valid ? generated.result.errors : []
  const placed = new Map<string, Issue[]>()
  for (const issue of errors) {
    const target = issueTarget(issue.key, targets)
    if (target) placed.set(target, [...(placed.get(target) ?? []), issue])
  }
  const form: Form = { text, locale: page.locale, issuesOf: (name) => placed.get(name) ?? [] }
  return (
    <Layout page={page} title={errors.length ? `${text('errorsInTitle', { count: errors.length })} · ${title}` : title} section="opening">
      <div class="fr-container fr-mt-4w">
        <Breadcrumb page={page} text={text} title={title} />
        <h1>{title}</h1>
        <p class="fr-text--lead">{text('editorLead')}</p>
        {props.unreadable ? (
          <div class="fr-alert fr-alert--error fr-mb-4w">
            <h2 class="fr-alert__title">{text('unreadable')}</h2>
            <p><Message issue={props.unreadable} /></p>
          </div>
        ) : null}
        {props.fromRepository ? (
          <div class={`fr-alert fr-alert--${props.fromRepository.outcome === 'unknown' ? 'warning' : 'info'} fr-alert--sm fr-mb-4w`} role="status">
            <p>
              {props.fromRepository.outcome === 'loaded'
                ? text('repositoryLoaded', { repository: props.fromRepository.repository ?? '' })
                : props.fromRepository.outcome === 'without'
                  ? text('repositoryWithout', { repository: props.fromRepository.repository ?? '' })
                  : text('repositoryUnknown')}
            </p>
          </div>
        ) : null}
        {generated ? <Outcome page={page} text={text} generated={generated} targetOf={(issue) => issueTarget(issue.key, targets)} /> : null}
        <section aria-labelledby="pc-repository-title" class="fr-mb-4w">
          <h2 id="pc-repository-title">{text('repositoryTitle')}</h2>
          <form method="get" action={href(page, EDITOR_PATH)}>
            <div class="fr-input-group">
              <Label id="pc-repository" label={text('repositoryLabel')} hint={text('repositoryHint')} />
              <input class="fr-input" type="url" id="pc-repository" name="repository" value={props.fromRepository?.address ?? ''} maxLength={2000} />
            </div>
            <button class="fr-btn fr-btn--secondary" type="submit">{text('repositorySubmit')}</button>
          </form>
        </section>
        <section aria-labelledby="pc-load-title" class="fr-mb-6w">
          <h2 id="pc-load-title">{text('loadTitle')}</h2>
          <form method="post" action={href(page, EDITOR_PATH)}>
            <div class="fr-input-group">
              <Label id="pc-source" label={text('loadLabel')} hint={text('loadHint')} />
              <TextArea id="pc-source" name={FIELD.source} value="" rows={8} />
            </div>
            <FileLoader text={text} target="pc-source" />
            <button class="fr-btn fr-btn--secondary" type="submit" name={FIELD.action} value="load">{text('loadSubmit')}</button>
          </form>
        </section>
        {/* No CSRF token: this form only computes a file from what it is sent, changing nothing on the server. */}
        <form method="post" action={href(page, EDITOR_PATH)} novalidate class="fr-mb-4w">
          <input type="hidden" name={FIELD.original} value={values.original} />
          <input type="hidden" name={FIELD.descriptionLanguages} value={values.descriptions.map((d) => d.language).join(',')} />
          <EditorFields form={form} values={values} />
          <button class="fr-btn" type="submit" name={FIELD.action} value="generate">{text('generate')}</button>
        </form>
        <p>
          <a class="fr-link fr-icon-arrow-right-line fr-link--icon-right" href={href(page, VALIDATE_PATH)}>{text('toValidator')}</a>
        </p>
        <EnhancementScript />
      </div>
    </Layout>
  )
}
