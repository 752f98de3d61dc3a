import { type ComponentChildren, Fragment, type JSX } from 'preact'
import type { AgentDeclarations } from '../../../adapters/db/stores/declaration-store.ts'
import {
  type Actor,
  type ContactField,
  CONTACT_MESSAGE_MAX,
  type DeclarationField,
  type DeclarationKind,
  declarationFields,
  type FieldErrors,
  fieldMaxLength,
  type FormValues,
  mayChangeDeclaration,
  operatingSystems,
} from '../../../domain/catalogue/declarations.ts'
import { CsrfField } from '../../auth/csrf.tsx'
import type { MessageKey } from '../../i18n/index.ts'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { Field } from '../account/account.tsx'
import { Notice } from '../account/sign-in.tsx'

const softwarePath = (slug: string) => `/catalogue/${encodeURIComponent(slug)}`
export const declarePath = (slug: string, kind: DeclarationKind) => `${softwarePath(slug)}/declare/${kind}`
export const declarationPath = (slug: string, kind: DeclarationKind, id: string, action: 'edit' | 'withdraw') => `${softwarePath(slug)}/declarations/${kind}/${id}/${action}`
export const contactPath = (slug: string, referentId: string) => `${softwarePath(slug)}/referents/${referentId}/contact`

/** What the software page shows after a declaration's form: `?info=<notice>`. */
export const declarationNotices = ['declared', 'edited', 'withdrawn', 'sent'] as const
export type DeclarationNotice = (typeof declarationNotices)[number]

/** Who looks at a software page, for the links they may follow, and the notice of what they just did. */
export interface DeclarationViewer {
  agent: Actor | undefined
  notice: DeclarationNotice | undefined
}

interface SoftwareRef {
  slug: string
  name: string
}

function Breadcrumb(props: { page: PageContext; software: SoftwareRef; current: string }) {
  const { page, software } = props
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
      <ol class="fr-breadcrumb__list">
        <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{page.t('nav.home')}</a></li>
        <li><a class="fr-breadcrumb__link" href={href(page, '/catalogue')}>{page.t('nav.catalogue')}</a></li>
        <li><a class="fr-breadcrumb__link" href={href(page, softwarePath(software.slug))}>{software.name}</a></li>
        <li><a class="fr-breadcrumb__link" aria-current="page">{props.current}</a></li>
      </ol>
    </nav>
  )
}

function FormShell(props: { page: PageContext; software: SoftwareRef; title: string; lead?: string; error?: string; children: ComponentChildren }) {
  // The window's title says there is an error, as the State's accessibility rules ask.
  const windowTitle = props.error ? props.page.t('declarations.errorTitle', { title: props.title }) : props.title
  return (
    <Layout page={props.page} title={windowTitle} section="catalogue">
      <div class="fr-container fr-mt-4w fr-mb-6w">
        <Breadcrumb page={props.page} software={props.software} current={props.title} />
        <div class="fr-grid-row">
          <div class="fr-col-12 fr-col-md-8">
            <h1>{props.title}</h1>
            {props.lead ? <p class="fr-text--lead">{props.lead}</p> : null}
            {props.error ? <Notice kind="error">{props.error}</Notice> : null}
            {props.children}
          </div>
        </div>
      </div>
    </Layout>
  )
}

function Checkbox(props: { id: string; name: string; label: string; checked: boolean; error: string | undefined }) {
  return (
    <div class={`fr-checkbox-group fr-mb-3w${props.error ? ' fr-checkbox-group--error' : ''}`}>
      <input type="checkbox" id={props.id} name={props.name} value="on" checked={props.checked} aria-describedby={props.error ? `${props.id}-error` : undefined} />
      <label class="fr-label" for={props.id}>{props.label}</label>
      {props.error ? <p class="fr-error-text" id={`${props.id}-error`}>{props.error}</p> : null}
    </div>
  )
}

function OsSelect(props: { page: PageContext; value: string; error: string | undefined }) {
  const { t } = props.page
  return (
    <div class={`fr-select-group${props.error ? ' fr-select-group--error' : ''}`}>
      <label class="fr-label" for="declaration-os">{t('declarations.field.os')}</label>
      <select class="fr-select" id="declaration-os" name="os" aria-describedby={props.error ? 'declaration-os-error' : undefined}>
        <option value="" selected={props.value === ''}>{t('declarations.field.osNone')}</option>
        {operatingSystems.map((os) => (
          <option key={os} value={os} selected={props.value === os}>{os === 'other' ? t('declarations.os.other') : t(`catalogue.value.${os}`)}</option>
        ))}
      </select>
      {props.error ? <p class="fr-error-text" id="declaration-os-error">{props.error}</p> : null}
    </div>
  )
}

export interface DeclarationFormView {
  software: SoftwareRef
  kind: DeclarationKind
  /** Editing an existing declaration, or making a new one. */
  editing: boolean
  action: string
  csrf: string
  values: FormValues
  errors: FieldErrors<DeclarationField>
  /** A refusal of the whole form (already a referent, too many declarations). */
  refusal?: MessageKey
}

/** The form of a declaration of one kind, new or edited, with each error next to its field. */
export function DeclarationFormPage(props: { page: PageContext; view: DeclarationFormView }) {
  const { page, view } = props
  const { t } = page
  const title = t(view.editing ? `declarations.editTitle.${view.kind}` : `declarations.title.${view.kind}`, { name: view.software.name })
  const error = (name: DeclarationField) => (view.errors[name] ? t(`declarations.error.${view.errors[name]}`) : undefined)
  const text = (name: keyof typeof fieldMaxLength, extra: { hint?: string; multiline?: boolean; required?: boolean } = {}) => (
    <Field id={`declaration-${name}`} name={name} label={t(`declarations.field.${name}`)} value={view.values[name] ?? ''} error={error(name)} maxLength={fieldMaxLength[name]} {...extra} />
  )
  const fields: Record<DeclarationField, () => JSX.Element> = {
    organisation: () => text('organisation', { hint: t('declarations.field.organisationHint'), required: true }),
    use_case: () => text('use_case', { hint: t('declarations.field.use_caseHint'), multiline: true }),
    version: () => text('version'),
    os: () => <OsSelect page={page} value={view.values.os ?? ''} error={error('os')} />,
    service_url: () => text('service_url', { hint: t('declarations.field.urlHint') }),
    is_expert: () => <Checkbox id="declaration-is_expert" name="is_expert" label={t('declarations.field.is_expert')} checked={view.values.is_expert === 'on'} error={error('is_expert')} />,
    audience: () => text('audience', { hint: t('declarations.field.audienceHint') }),
    url: () => text('url', { hint: t('declarations.field.urlHint') }),
    is_public: () => <Checkbox id="declaration-is_public" name="is_public" label={t('declarations.field.is_public')} checked={view.values.is_public === 'on'} error={error('is_public')} />,
  }
  const hasErrors = Object.keys(view.errors).length > 0
  return (
    <FormShell page={page} software={view.software} title={title} lead={view.editing ? undefined : t(`declarations.lead.${view.kind}`)} error={view.refusal ? t(view.refusal) : hasErrors ? t('declarations.error.summary') : undefined}>
      <form method="post" action={view.action} novalidate>
        <CsrfField token={view.csrf} />
        <p class="fr-hint-text">{t('declarations.requiredHint')}</p>
        {declarationFields[view.kind].map((name) => <Fragment key={name}>{fields[name]()}</Fragment>)}
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button class="fr-btn" type="submit">{t(view.editing ? 'declarations.save' : 'declarations.submit')}</button></li>
          <li><a class="fr-btn fr-btn--secondary" href={href(page, softwarePath(view.software.slug))}>{t('declarations.cancel')}</a></li>
        </ul>
      </form>
    </FormShell>
  )
}

/** Withdrawing is a post: this page asks first, so that a link followed by mistake changes nothing. */
export function WithdrawPage(props: { page: PageContext; software: SoftwareRef; kind: DeclarationKind; summary: string; action: string; csrf: string }) {
  const { page, software } = props
  const { t } = page
  return (
    <FormShell page={page} software={software} title={t('declarations.withdrawTitle', { name: software.name })}>
      <p>
        <strong>{t(`declarations.kind.${props.kind}`)}</strong>
        {props.summary ? <> — {props.summary}</> : null}
      </p>
      <p>{t('declarations.withdrawConfirm')}</p>
      <form method="post" action={props.action}>
        <CsrfField token={props.csrf} />
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li><button class="fr-btn" type="submit">{t('declarations.withdrawSubmit')}</button></li>
          <li><a class="fr-btn fr-btn--secondary" href={href(page, softwarePath(software.slug))}>{t('declarations.cancel')}</a></li>
        </ul>
      </form>
    </FormShell>
  )
}

export interface ContactView {
  software: SoftwareRef
  action: string
  csrf: string
  /** The signed-in agent writing, who types no address; undefined for visitors. */
  sender: { name: string; email: string } | undefined
  values: Partial<Record<ContactField, string>>
  errors: FieldErrors<ContactField>
  /** No mailer configured: the page says so instead of offering a form. */
  unavailable: boolean
}

/** A message to a referent, forwarded by mail; the referent's address appears nowhere. */
export function ContactPage(props: { page: PageContext; view: ContactView }) {
  const { page, view } = props
  const { t } = page
  const error = (name: ContactField) => (view.errors[name] ? t(`declarations.error.${view.errors[name]}`) : undefined)
  const hasErrors = Object.keys(view.errors).length > 0
  return (
    <FormShell page={page} software={view.software} title={t('declarations.contact.title', { name: view.software.name })} lead={t('declarations.contact.lead')} error={hasErrors ? t('declarations.error.summary') : undefined}>
      {view.unavailable ? (
        <Notice kind="info">{t('declarations.contact.unavailable')}</Notice>
      ) : (
        <form method="post" action={view.action} novalidate>
          <CsrfField token={view.csrf} />
          {view.sender ? (
            <p>{t('declarations.contact.asAgent', { name: view.sender.name || view.sender.email, email: view.sender.email })}</p>
          ) : (
            <>
              <Field id="contact-email" name="email" label={t('declarations.contact.email')} hint={t('declarations.contact.emailHint')} value={view.values.email ?? ''} error={error('email')} maxLength={254} required />
              <Field id="contact-name" name="name" label={t('declarations.contact.name')} value={view.values.name ?? ''} error={error('name')} maxLength={200} />
            </>
          )}
          <Field
            id="contact-message"
            name="message"
            label={t('declarations.contact.message')}
            hint={t('declarations.contact.messageHint', { max: CONTACT_MESSAGE_MAX })}
            value={view.values.message ?? ''}
            error={error('message')}
            maxLength={CONTACT_MESSAGE_MAX}
            multiline
            required
          />
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li><button class="fr-btn" type="submit">{t('declarations.contact.submit')}</button></li>
            <li><a class="fr-btn fr-btn--secondary" href={href(page, softwarePath(view.software.slug))}>{t('declarations.cancel')}</a></li>
          </ul>
        </form>
      )}
    </FormShell>
  )
}

/** Answered with 429: how many messages are allowed, and when to try again. */
export function TooManyMessagesPage(props: { page: PageContext; software: SoftwareRef; perHour: number; retryAfterSeconds: number }) {
  const { page, software } = props
  const { t } = page
  return (
    <FormShell page={page} software={software} title={t('declarations.contact.tooMany.title')}>
      <p class="fr-text--lead">{t('declarations.contact.tooMany.body', { count: props.perHour, minutes: Math.max(1, Math.ceil(props.retryAfterSeconds / 60)) })}</p>
      <p><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={href(page, softwarePath(software.slug))}>{software.name}</a></p>
    </FormShell>
  )
}

/**
 * The software page's buttons to declare, under the heading forms come back to (`#declarations`) with
 * their notice; visitors who follow them are asked to sign in first.
 */
export function DeclareButtons(props: { page: PageContext; slug: string; viewer: DeclarationViewer | undefined }) {
  const { page, slug } = props
  const { t } = page
  return (
    <>
      <h2 class="fr-h4 fr-mt-6w" id="declarations">{t('declarations.heading')}</h2>
      {props.viewer?.notice ? <Notice kind="success">{t(`declarations.notice.${props.viewer.notice}`)}</Notice> : null}
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm fr-mb-2w">
        <li><a class="fr-btn" href={href(page, declarePath(slug, 'user'))}>{t('declarations.declare.user')}</a></li>
        <li><a class="fr-btn fr-btn--secondary" href={href(page, declarePath(slug, 'referent'))}>{t('declarations.declare.referent')}</a></li>
        <li><a class="fr-btn fr-btn--secondary" href={href(page, declarePath(slug, 'instance'))}>{t('declarations.declare.instance')}</a></li>
      </ul>
      {props.viewer?.agent ? null : <p class="fr-text--sm">{t('declarations.signInToDeclare')}</p>}
    </>
  )
}

/** Edit and withdraw links of one declaration, shown only to who may change it. */
export function DeclarationActions(props: { page: PageContext; slug: string; kind: DeclarationKind; declaration: { id: string; agent_id: string | null }; what: string; viewer: DeclarationViewer | undefined }) {
  const { page, slug, kind, declaration } = props
  const { t } = page
  if (!mayChangeDeclaration(props.viewer?.agent, { agentId: declaration.agent_id })) return null
  return (
    <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
      <li><a class="fr-btn fr-btn--tertiary" href={href(page, declarationPath(slug, kind, declaration.id, 'edit'))} aria-label={t('declarations.editLabel', { what: props.what })}>{t('declarations.edit')}</a></li>
      <li><a class="fr-btn fr-btn--tertiary" href={href(page, declarationPath(slug, kind, declaration.id, 'withdraw'))} aria-label={t('declarations.withdrawLabel', { what: props.what })}>{t('declarations.withdraw')}</a></li>
    </ul>
  )
}

/** A stored declaration in a few words: what it is about, for lists and the withdraw page. */
export function declarationSummary(declaration: { organisation?: string; use_case?: string | null; audience?: string | null }): string {
  return [declaration.organisation, declaration.use_case ?? declaration.audience].filter(Boolean).join(' — ').slice(0, 200)
}

/** The account page's list of what the agent declared, each with its links. */
export function AgentDeclarationsSection(props: { page: PageContext; declarations: AgentDeclarations; agent: Actor }) {
  const { page, declarations, agent } = props
  const { t } = page
  const viewer: DeclarationViewer = { agent, notice: undefined }
  const rows = [
    ...declarations.users.map((d) => ({ kind: 'user' as const, d })),
    ...declarations.referents.map((d) => ({ kind: 'referent' as const, d })),
    ...declarations.instances.map((d) => ({ kind: 'instance' as const, d })),
  ]
  return (
    <section class="fr-mb-6w" aria-labelledby="account-declarations">
      <h2 id="account-declarations">{t('declarations.mine')}</h2>
      {rows.length === 0 ? (
        <p>{t('declarations.mineNone')}</p>
      ) : (
        <div class="fr-table fr-table--no-caption">
          <table>
            <caption>{t('declarations.mine')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('declarations.software')}</th>
                <th scope="col">{t('declarations.what')}</th>
                <th scope="col">{t('declarations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ kind, d }) => {
                const what = `${d.software_name} — ${t(`declarations.kind.${kind}`)}`
                return (
                  <tr key={`${kind}-${d.id}`}>
                    <td><a href={href(page, softwarePath(d.software_slug))}>{d.software_name}</a></td>
                    <td>
                      {t(`declarations.kind.${kind}`)}
                      {declarationSummary(d) ? <> — {declarationSummary(d)}</> : null}
                    </td>
                    <td><DeclarationActions page={page} slug={d.software_slug} kind={kind} declaration={d} what={what} viewer={viewer} /></td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
