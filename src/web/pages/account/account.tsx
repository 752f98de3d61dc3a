import type { Agent } from '../../../adapters/db/schema.ts'
import type { SessionSummary } from '../../../adapters/db/stores/agent-store.ts'
import type { AgentDeclarations } from '../../../adapters/db/stores/declaration-store.ts'
import { roles } from '../../../domain/agents/agents.ts'
import type { ProfileErrors, ProfileInput } from '../../../usecases/agents/update-profile.ts'
import { CsrfField } from '../../auth/csrf.tsx'
import { formatDate } from '../../i18n/index.ts'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { Notice } from './sign-in.tsx'
import { AgentDeclarationsSection } from '../catalogue/declaration-pages.tsx'

export function Field(props: { id: string; name: string; label: string; hint?: string; value: string; error: string | undefined; multiline?: boolean; maxLength: number; required?: boolean }) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined
  return (
    <div class={`fr-input-group${props.error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={props.id}>
        {props.label}
        {props.hint ? <span class="fr-hint-text" id={`${props.id}-hint`}>{props.hint}</span> : null}
      </label>
      {props.multiline ? (
        <textarea class="fr-input" id={props.id} name={props.name} rows={4} maxLength={props.maxLength} aria-describedby={described}>{props.value}</textarea>
      ) : (
        <input class="fr-input" type="text" id={props.id} name={props.name} value={props.value} maxLength={props.maxLength} required={props.required} aria-describedby={described} />
      )}
      {props.error ? <p class="fr-error-text" id={`${props.id}-error`}>{props.error}</p> : null}
    </div>
  )
}

export function PostButton(props: { action: string; csrf: string; label: string; kind?: 'secondary' | 'tertiary'; fields?: Record<string, string> }) {
  return (
    <form method="post" action={props.action}>
      <CsrfField token={props.csrf} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button class={`fr-btn${props.kind ? ` fr-btn--${props.kind}` : ''}`} type="submit">{props.label}</button>
    </form>
  )
}

export interface AccountView {
  agent: Agent | null
  sessions: SessionSummary[]
  currentSession: string
  /** What the agent declared in the catalogue. */
  declarations?: AgentDeclarations
  csrf: string
  saved: boolean
  /** The values sent, when the form is shown again with its errors. */
  values?: { name: string; organisation: string; about: string; is_public: boolean }
  errors?: ProfileErrors
  deleteError?: boolean
}

/** /:locale/compte: the agent's profile, sessions, sign-out and deletion. */
export function AccountPage(props: { page: PageContext; view: AccountView }) {
  const { page, view } = props
  const { t, locale } = page
  const { agent } = view
  const values = view.values ?? { name: agent?.name ?? '', organisation: agent?.organisation ?? '', about: agent?.about ?? '', is_public: agent?.is_public ?? false }
  const error = (key: keyof ProfileInput) => (view.errors?.[key] ? t(`account.${view.errors[key]!}`) : undefined)
  return (
    <Layout page={page} title={t('account.title')} section="other">
      <div class="fr-container fr-mt-4w">
        <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{t('nav.home')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{t('account.title')}</a></li>
          </ol>
        </nav>
        <h1>{t('account.title')}</h1>
        {view.saved ? <Notice kind="success">{t('account.saved')}</Notice> : null}
        {agent ? (
          <>
            <section class="fr-mb-6w" aria-labelledby="account-profile">
              <h2 id="account-profile">{t('account.profile')}</h2>
              <p>{t('account.email', { email: agent.email })}</p>
              <p>{t('account.role', { role: t(`account.role.${roles.includes(agent.role as never) ? (agent.role as (typeof roles)[number]) : 'agent'}`) })}</p>
              <form method="post" action={href(page, '/compte/profil')}>
                <CsrfField token={view.csrf} />
                <Field id="profile-name" name="name" label={t('account.name')} value={values.name} error={error('name')} maxLength={200} required />
                <Field id="profile-organisation" name="organisation" label={t('account.organisation')} hint={t('account.organisationHint')} value={values.organisation} error={error('organisation')} maxLength={200} />
                <Field id="profile-about" name="about" label={t('account.about')} hint={t('account.aboutHint')} value={values.about} error={error('about')} maxLength={2000} multiline />
                <div class="fr-checkbox-group fr-mb-3w">
                  <input type="checkbox" id="profile-public" name="is_public" value="on" checked={values.is_public} />
                  <label class="fr-label" for="profile-public">{t('account.isPublic')}</label>
                </div>
                <button class="fr-btn" type="submit">{t('account.save')}</button>
              </form>
            </section>
            {view.declarations ? <AgentDeclarationsSection page={page} declarations={view.declarations} agent={agent} /> : null}
            <section class="fr-mb-6w" aria-labelledby="account-sessions">
              <h2 id="account-sessions">{t('account.sessions')}</h2>
              <ul class="socle-plain-list">
                {view.sessions.map((session) => (
                  <li key={session.id} class="fr-mb-2w">
                    <p class="fr-mb-1w">
                      <strong>{session.user_agent ?? t('account.sessions.unknown')}</strong>
                      {session.id === view.currentSession ? ` (${t('account.sessions.current')})` : ''}
                      <br />
                      <span class="fr-text--sm">{t('account.sessions.since', { date: formatDate(locale, session.created_at), seen: formatDate(locale, session.last_seen_at) })}</span>
                    </p>
                    {session.id === view.currentSession ? null : (
                      <PostButton action={href(page, '/compte/sessions/fermer')} csrf={view.csrf} label={t('account.sessions.revoke')} kind="tertiary" fields={{ session: session.id }} />
                    )}
                  </li>
                ))}
              </ul>
              <ul class="fr-btns-group fr-btns-group--inline-md">
                <li><PostButton action={href(page, '/deconnexion')} csrf={view.csrf} label={t('account.signOut')} kind="secondary" /></li>
                <li><PostButton action={href(page, '/compte/sessions/toutes')} csrf={view.csrf} label={t('account.sessions.revokeAll')} kind="tertiary" /></li>
              </ul>
            </section>
            <section class="fr-mb-6w" aria-labelledby="account-delete">
              <h2 id="account-delete">{t('account.delete')}</h2>
              <p>{t('account.delete.body')}</p>
              <form method="post" action={href(page, '/compte/supprimer')}>
                <CsrfField token={view.csrf} />
                <div class={`fr-checkbox-group fr-mb-3w${view.deleteError ? ' fr-checkbox-group--error' : ''}`}>
                  <input type="checkbox" id="delete-confirm" name="confirm" value="on" required aria-describedby={view.deleteError ? 'delete-confirm-error' : undefined} />
                  <label class="fr-label" for="delete-confirm">{t('account.delete.confirm')}</label>
                  {view.deleteError ? <p class="fr-error-text" id="delete-confirm-error">{t('account.delete.confirmError')}</p> : null}
                </div>
                <button class="fr-btn fr-btn--secondary" type="submit">{t('account.delete')}</button>
              </form>
            </section>
          </>
        ) : (
          <>
            <p>{t('account.adminOnly')}</p>
            <ul class="fr-btns-group fr-btns-group--inline-md">
              <li><a class="fr-btn fr-btn--secondary" href={href(page, '/administration/agents')}>{t('account.admin.title')}</a></li>
              <li><PostButton action={href(page, '/deconnexion')} csrf={view.csrf} label={t('account.signOut')} /></li>
            </ul>
          </>
        )}
      </div>
    </Layout>
  )
}
