import type { ComponentChildren } from 'preact'
import type { AuditRow, ModerationItem } from '../../../adapters/db/stores/catalogue-admin-store.ts'
import type { SoftwareRecord } from '../../../adapters/db/stores/software-store.ts'
import { ATTRIBUTE_KINDS, type AttributeError, type CustomAttribute, shownAttributes } from '../../../domain/catalogue/custom-attributes.ts'
import type { FieldError, SoftwareFormErrors, SoftwareFormValues } from '../../../domain/catalogue/moderation.ts'
import { CsrfField } from '../../auth/csrf.tsx'
import { formatDate, type MessageKey } from '../../i18n/index.ts'
import { Badge } from '../../views/components.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { Field, PostButton } from '../account/account.tsx'
import { Notice } from '../account/sign-in.tsx'
import { Breadcrumb, SoftwareFields } from './add-software.tsx'

export const ADMIN_PATH = '/administration/catalogue'
export const softwareAdminPath = (id: string) => `${ADMIN_PATH}/${id}`

/** The staff pages' tabs: queue, audit, and custom attributes for administrators. */
function AdminNav(props: { page: PageContext; current: 'queue' | 'audit' | 'attributes' | 'software'; isAdmin: boolean }) {
  const { page } = props
  const { t } = page
  const links = [
    ['queue', ADMIN_PATH, t('catalogueAdmin.queue')],
    ['audit', `${ADMIN_PATH}/journal`, t('catalogueAdmin.audit')],
    ...(props.isAdmin ? [['attributes', `${ADMIN_PATH}/attributs`, t('catalogueAdmin.attributes')]] : []),
  ] as const
  return (
    <nav class="fr-mb-4w" aria-label={t('catalogueAdmin.title')}>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        {links.map(([key, path, label]) => (
          <li key={key}>
            <a class={`fr-btn fr-btn--sm${props.current === key ? '' : ' fr-btn--tertiary'}`} href={href(page, path)} aria-current={props.current === key ? 'page' : undefined}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function AdminLayout(props: { page: PageContext; title: string; current: 'queue' | 'audit' | 'attributes' | 'software'; isAdmin: boolean; children: ComponentChildren }) {
  const { page } = props
  return (
    <Layout page={page} title={props.title} section="catalogue">
      <div class="fr-container fr-mt-4w fr-mb-6w">
        <Breadcrumb page={page} trail={[{ label: page.t('nav.catalogue'), path: '/catalogue' }, { label: page.t('catalogueAdmin.title'), path: ADMIN_PATH }, { label: props.title }]} />
        <h1>{props.title}</h1>
        <AdminNav page={page} current={props.current} isAdmin={props.isAdmin} />
        {props.children}
      </div>
    </Layout>
  )
}

const errorText = (page: PageContext, error: FieldError | AttributeError | undefined) => (error ? page.t(`catalogueAdmin.error.${error}`) : undefined)

export interface NoticeView {
  kind: 'success' | 'error'
  key: MessageKey
}

/** /:locale/administration/catalogue: software awaiting moderation (and the rejected), accepted or rejected with a reason. */
export function ModerationQueuePage(props: {
  page: PageContext
  items: ModerationItem[]
  csrf: string
  isAdmin: boolean
  notice?: NoticeView | undefined
  reasonError?: { id: string; error: FieldError } | undefined
}) {
  const { page, csrf } = props
  const { t, locale } = page
  return (
    <AdminLayout page={page} title={t('catalogueAdmin.queue')} current="queue" isAdmin={props.isAdmin}>
      <p>{t('catalogueAdmin.queueLead')}</p>
      {props.notice ? <Notice kind={props.notice.kind}>{t(props.notice.key)}</Notice> : null}
      {props.items.length === 0 ? (
        <p>{t('catalogueAdmin.queueEmpty')}</p>
      ) : (
        <div class="fr-table">
          <table>
            <caption>{t('catalogueAdmin.queue')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogueAdmin.field.name')}</th>
                <th scope="col">{t('catalogueAdmin.submittedBy')}</th>
                <th scope="col">{t('catalogueAdmin.submittedOn')}</th>
                <th scope="col">{t('catalogueAdmin.state')}</th>
                <th scope="col">{t('catalogueAdmin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((s) => {
                const reasonError = props.reasonError?.id === s.id ? errorText(page, props.reasonError.error) : undefined
                return (
                  <tr key={s.id}>
                    <td>
                      <a href={href(page, `/catalogue/${encodeURIComponent(s.slug)}`)}>{s.name}</a>
                      <br />
                      <a class="fr-text--sm" href={href(page, softwareAdminPath(s.id))}>{t('catalogueAdmin.manage')}</a>
                    </td>
                    <td>{s.submitter_name || s.submitter_email || '—'}</td>
                    <td>{formatDate(locale, s.created_at)}</td>
                    <td>
                      <Badge kind={s.moderation === 'rejected' ? 'error' : 'warning'} small>{t(`catalogueAdmin.badge.${s.moderation as 'pending'}`)}</Badge>
                      {s.rejection_reason ? <p class="fr-text--sm fr-mb-0">{s.rejection_reason}</p> : null}
                    </td>
                    <td>
                      <PostButton action={href(page, `${softwareAdminPath(s.id)}/decision`)} csrf={csrf} label={t('catalogueAdmin.accept')} fields={{ decision: 'accepted' }} />
                      {s.moderation === 'pending' ? (
                        <form method="post" action={href(page, `${softwareAdminPath(s.id)}/decision`)} class="fr-mt-1w">
                          <CsrfField token={csrf} />
                          <input type="hidden" name="decision" value="rejected" />
                          <Field id={`reason-${s.id}`} name="reason" label={t('catalogueAdmin.rejectReason', { name: s.name })} value="" error={reasonError} maxLength={1000} />
                          <button class="fr-btn fr-btn--secondary fr-btn--sm" type="submit">{t('catalogueAdmin.reject')}</button>
                        </form>
                      ) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  )
}

export interface SoftwareAdminView {
  software: SoftwareRecord
  attributes: CustomAttribute[]
  csrf: string
  isAdmin: boolean
  notice?: NoticeView | undefined
  /** The edit form's values and errors when it is shown again. */
  edit?: { values: SoftwareFormValues; errors: SoftwareFormErrors; attributeErrors: Record<string, AttributeError>; attributeValues: Record<string, string> } | undefined
  /** A refused stale edit: what the staff member typed, recalled under the current values. */
  staleValues?: SoftwareFormValues | undefined
  dereference?: { values: { reason: string; last_recommended_version: string; on: string }; errors: Partial<Record<'reason' | 'last_recommended_version' | 'on', FieldError>> } | undefined
  mergeError?: MessageKey | undefined
  mergeInto?: string | undefined
}

/** The form values of a stored software's custom attributes. */
function storedAttributeValues(attributes: CustomAttribute[], stored: unknown): Record<string, string> {
  return Object.fromEntries(shownAttributes(attributes, stored).map(({ attribute, value }) => [attribute.key, value === true ? 'on' : value === false ? '' : value]))
}

/** /:locale/administration/catalogue/:id: edit a software (versioned), moderate, dereference or list again, merge a duplicate. */
export function SoftwareAdminPage(props: { page: PageContext; view: SoftwareAdminView; formValues: SoftwareFormValues }) {
  const { page, view } = props
  const { t } = page
  const s = view.software
  const attributeValues = view.edit?.attributeValues ?? storedAttributeValues(view.attributes, s.custom_attributes)
  const deref = view.dereference?.values ?? { reason: '', last_recommended_version: s.last_recommended_version ?? s.latest_version ?? '', on: '' }
  return (
    <AdminLayout page={page} title={t('catalogueAdmin.software', { name: s.name })} current="software" isAdmin={view.isAdmin}>
      {view.notice ? <Notice kind={view.notice.kind}>{t(view.notice.key)}</Notice> : null}
      <ul class="fr-badges-group fr-mb-2w">
        <li><Badge kind={s.status === 'dereferenced' ? 'error' : 'info'}>{t(`software.status.${s.status as 'recommended'}`)}</Badge></li>
        {s.moderation === 'accepted' ? null : <li><Badge kind="warning">{t(`catalogueAdmin.badge.${s.moderation as 'pending'}`)}</Badge></li>}
      </ul>
      <p>
        <a href={href(page, `/catalogue/${encodeURIComponent(s.slug)}`)}>{s.name}</a>
        {' — '}
        <a href={href(page, `${ADMIN_PATH}/journal?logiciel=${encodeURIComponent(s.slug)}`)}>{t('catalogueAdmin.auditOf')}</a>
      </p>
      {s.moderation === 'accepted' ? null : (
        <PostButton action={href(page, `${softwareAdminPath(s.id)}/decision`)} csrf={view.csrf} label={t('catalogueAdmin.accept')} fields={{ decision: 'accepted' }} />
      )}

      <section aria-labelledby="edit-title" class="fr-mt-4w">
        <h2 id="edit-title">{t('catalogueAdmin.edit')}</h2>
        {view.staleValues ? <Notice kind="error">{t('catalogueAdmin.stale')}</Notice> : view.edit ? <Notice kind="error">{t('catalogueAdmin.error.summary')}</Notice> : null}
        <p class="fr-text--sm">{t('catalogueAdmin.editVersion', { version: s.version })}</p>
        <form method="post" action={href(page, `${softwareAdminPath(s.id)}/modifier`)}>
          <CsrfField token={view.csrf} />
          <input type="hidden" name="version" value={String(s.version)} />
          <SoftwareFields page={page} values={props.formValues} errors={view.edit?.errors ?? {}} />
          {view.attributes.length > 0 ? (
            <fieldset class="fr-fieldset" aria-labelledby="attributes-legend">
              <legend class="fr-fieldset__legend" id="attributes-legend">{t('catalogueAdmin.customAttributes')}</legend>
              {view.attributes.map((attribute) => {
                const label = page.locale === 'en' ? attribute.label_en : attribute.label_fr
                const id = `attr-${attribute.key}`
                return attribute.kind === 'boolean' ? (
                  <div class="fr-fieldset__element" key={attribute.key}>
                    <div class="fr-checkbox-group">
                      <input type="checkbox" id={id} name={`attr_${attribute.key}`} value="on" checked={attributeValues[attribute.key] === 'on'} />
                      <label class="fr-label" for={id}>{label}</label>
                    </div>
                  </div>
                ) : (
                  <div class="fr-fieldset__element" key={attribute.key}>
                    <Field id={id} name={`attr_${attribute.key}`} label={label} hint={attribute.kind === 'url' ? t('catalogueAdmin.field.urlHint') : undefined} value={attributeValues[attribute.key] ?? ''} error={errorText(page, view.edit?.attributeErrors[attribute.key])} maxLength={2000} />
                  </div>
                )
              })}
            </fieldset>
          ) : null}
          <button class="fr-btn" type="submit">{t('catalogueAdmin.save')}</button>
        </form>
        {view.staleValues ? (
          <details class="fr-mt-2w" open>
            <summary>{t('catalogueAdmin.yourValues')}</summary>
            <dl>
              {(Object.keys(view.staleValues) as (keyof SoftwareFormValues)[]).map((key) => {
                const value = view.staleValues![key]
                const shown = Array.isArray(value) ? value.join(', ') : value
                return shown ? (
                  <div key={key}>
                    <dt class="fr-text--bold">{t(`catalogueAdmin.field.${key}`)}</dt>
                    <dd>{shown}</dd>
                  </div>
                ) : null
              })}
            </dl>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="dereference-title" class="fr-mt-6w">
        {s.status === 'dereferenced' ? (
          <>
            <h2 id="dereference-title">{t('catalogueAdmin.reinstate')}</h2>
            <form method="post" action={href(page, `${softwareAdminPath(s.id)}/referencer`)}>
              <CsrfField token={view.csrf} />
              <div class="fr-select-group">
                <label class="fr-label" for="reinstate-status">{t('catalogueAdmin.reinstateAs')}</label>
                <select class="fr-select" id="reinstate-status" name="status">
                  <option value="recommended">{t('software.status.recommended')}</option>
                  <option value="observation">{t('software.status.observation')}</option>
                </select>
              </div>
              <button class="fr-btn fr-btn--secondary" type="submit">{t('catalogueAdmin.reinstate')}</button>
            </form>
          </>
        ) : (
          <>
            <h2 id="dereference-title">{t('catalogueAdmin.dereference')}</h2>
            <p>{t('catalogueAdmin.dereferenceLead')}</p>
            <form method="post" action={href(page, `${softwareAdminPath(s.id)}/dereferencer`)}>
              <CsrfField token={view.csrf} />
              <Field id="dereference-reason" name="reason" label={t('catalogueAdmin.dereferenceReason')} value={deref.reason} error={errorText(page, view.dereference?.errors.reason)} maxLength={1000} multiline required />
              <Field id="dereference-version" name="last_recommended_version" label={t('catalogueAdmin.lastRecommendedVersion')} value={deref.last_recommended_version} error={errorText(page, view.dereference?.errors.last_recommended_version)} maxLength={100} />
              <Field id="dereference-on" name="on" label={t('catalogueAdmin.dereferencedOn')} hint={t('catalogueAdmin.dateHint')} value={deref.on} error={errorText(page, view.dereference?.errors.on)} maxLength={10} />
              <button class="fr-btn fr-btn--secondary" type="submit">{t('catalogueAdmin.dereference')}</button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="merge-title" class="fr-mt-6w">
        <h2 id="merge-title">{t('catalogueAdmin.merge')}</h2>
        <p>{t('catalogueAdmin.mergeLead')}</p>
        {view.mergeError ? <Notice kind="error">{t(view.mergeError)}</Notice> : null}
        <form method="post" action={href(page, `${softwareAdminPath(s.id)}/fusionner`)}>
          <CsrfField token={view.csrf} />
          <Field id="merge-into" name="into" label={t('catalogueAdmin.mergeInto')} value={view.mergeInto ?? ''} error={undefined} maxLength={100} required />
          <div class="fr-checkbox-group fr-mb-2w">
            <input type="checkbox" id="merge-confirm" name="confirm" value="on" />
            <label class="fr-label" for="merge-confirm">{t('catalogueAdmin.mergeConfirm')}</label>
          </div>
          <button class="fr-btn fr-btn--secondary" type="submit">{t('catalogueAdmin.mergeSubmit')}</button>
        </form>
      </section>
    </AdminLayout>
  )
}

/** /:locale/administration/catalogue/attributs: the deployment's custom attributes, for administrators. */
export function CustomAttributesPage(props: {
  page: PageContext
  attributes: CustomAttribute[]
  csrf: string
  values?: { key: string; label_fr: string; label_en: string; kind: string; position: string } | undefined
  errors?: Partial<Record<'key' | 'label_fr' | 'label_en' | 'kind' | 'position', AttributeError>> | undefined
}) {
  const { page } = props
  const { t } = page
  const values = props.values ?? { key: '', label_fr: '', label_en: '', kind: 'text', position: '' }
  const error = (key: keyof typeof values) => errorText(page, props.errors?.[key])
  return (
    <AdminLayout page={page} title={t('catalogueAdmin.attributes')} current="attributes" isAdmin>
      <p>{t('catalogueAdmin.attributesLead')}</p>
      {props.attributes.length === 0 ? (
        <p>{t('catalogueAdmin.attributesEmpty')}</p>
      ) : (
        <div class="fr-table">
          <table>
            <caption>{t('catalogueAdmin.attributes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogueAdmin.attribute.key')}</th>
                <th scope="col">{t('catalogueAdmin.attribute.label_fr')}</th>
                <th scope="col">{t('catalogueAdmin.attribute.label_en')}</th>
                <th scope="col">{t('catalogueAdmin.attribute.kind')}</th>
                <th scope="col">{t('catalogueAdmin.attribute.position')}</th>
                <th scope="col">{t('catalogueAdmin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.attributes.map((a) => (
                <tr key={a.key}>
                  <td><code>{a.key}</code></td>
                  <td>{a.label_fr}</td>
                  <td>{a.label_en}</td>
                  <td>{t(`catalogueAdmin.attribute.kind.${a.kind}`)}</td>
                  <td>{a.position}</td>
                  <td><PostButton action={href(page, `${ADMIN_PATH}/attributs/supprimer`)} csrf={props.csrf} label={t('catalogueAdmin.attribute.remove', { key: a.key })} kind="tertiary" fields={{ key: a.key }} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.errors ? <Notice kind="error">{t('catalogueAdmin.error.summary')}</Notice> : null}
      <form method="post" action={href(page, `${ADMIN_PATH}/attributs`)}>
        <CsrfField token={props.csrf} />
        <Field id="attribute-key" name="key" label={t('catalogueAdmin.attribute.key')} hint={t('catalogueAdmin.attribute.keyHint')} value={values.key} error={error('key')} maxLength={50} required />
        <Field id="attribute-label_fr" name="label_fr" label={t('catalogueAdmin.attribute.label_fr')} value={values.label_fr} error={error('label_fr')} maxLength={200} required />
        <Field id="attribute-label_en" name="label_en" label={t('catalogueAdmin.attribute.label_en')} value={values.label_en} error={error('label_en')} maxLength={200} required />
        <div class={`fr-select-group${error('kind') ? ' fr-select-group--error' : ''}`}>
          <label class="fr-label" for="attribute-kind">{t('catalogueAdmin.attribute.kind')}</label>
          <select class="fr-select" id="attribute-kind" name="kind">
            {ATTRIBUTE_KINDS.map((kind) => <option key={kind} value={kind} selected={values.kind === kind}>{t(`catalogueAdmin.attribute.kind.${kind}`)}</option>)}
          </select>
          {error('kind') ? <p class="fr-error-text">{error('kind')}</p> : null}
        </div>
        <Field id="attribute-position" name="position" label={t('catalogueAdmin.attribute.position')} value={values.position} error={error('position')} maxLength={6} />
        <button class="fr-btn" type="submit">{t('catalogueAdmin.attribute.save')}</button>
      </form>
    </AdminLayout>
  )
}

/** /:locale/administration/catalogue/journal: the audit log of the catalogue, of one software when filtered. */
export function AuditPage(props: { page: PageContext; entries: AuditRow[]; filter: string; isAdmin: boolean; notFound: boolean }) {
  const { page } = props
  const { t, locale } = page
  return (
    <AdminLayout page={page} title={t('catalogueAdmin.audit')} current="audit" isAdmin={props.isAdmin}>
      <p>{t('catalogueAdmin.auditLead')}</p>
      <form method="get" action={href(page, `${ADMIN_PATH}/journal`)} class="fr-mb-4w">
        <Field id="audit-software" name="logiciel" label={t('catalogueAdmin.auditFilter')} value={props.filter} error={props.notFound ? t('catalogueAdmin.mergeNotFound') : undefined} maxLength={100} />
        <button class="fr-btn fr-btn--secondary" type="submit">{t('catalogueAdmin.auditFilterSubmit')}</button>
      </form>
      {props.entries.length === 0 ? (
        <p>{t('catalogueAdmin.auditEmpty')}</p>
      ) : (
        <div class="fr-table">
          <table>
            <caption>{t('catalogueAdmin.audit')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogueAdmin.auditWhen')}</th>
                <th scope="col">{t('catalogueAdmin.auditWho')}</th>
                <th scope="col">{t('catalogueAdmin.auditWhat')}</th>
                <th scope="col">{t('catalogueAdmin.auditDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDate(locale, entry.at)} {entry.at.toISOString().slice(11, 16)} UTC</td>
                  <td>{entry.agent_id ? entry.agent_name || entry.agent_email || entry.agent_id : t('catalogueAdmin.auditSystem')}</td>
                  <td>
                    <code>{entry.action}</code>
                    {entry.subject_id && entry.subject_type === 'software' ? <><br /><a class="fr-text--sm" href={href(page, softwareAdminPath(entry.subject_id))}>{entry.subject_id}</a></> : null}
                  </td>
                  <td><code class="fr-text--sm">{JSON.stringify(entry.details)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  )
}
