import { CsrfField } from '../../auth/csrf.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import type { MessageKey } from '../../i18n/index.ts'

export interface SignInOptions {
  providers: string[]
  emailDomains: string[] | undefined
  adminToken: boolean
  csrf: string
  returnTo: string | undefined
}

const PROVIDER_LABELS: Record<string, string> = { proconnect: 'ProConnect' }
const providerLabel = (name: string) => PROVIDER_LABELS[name] ?? name

function Breadcrumb(props: { page: PageContext; title: string }) {
  const { page } = props
  return (
    <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
      <ol class="fr-breadcrumb__list">
        <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{page.t('nav.home')}</a></li>
        <li><a class="fr-breadcrumb__link" aria-current="page">{props.title}</a></li>
      </ol>
    </nav>
  )
}

export function Notice(props: { kind: 'error' | 'success' | 'info'; children: string }) {
  return (
    <div class={`fr-alert fr-alert--${props.kind} fr-alert--sm fr-mb-4w`} role={props.kind === 'error' ? 'alert' : 'status'}>
      <p>{props.children}</p>
    </div>
  )
}

/** /:locale/connexion: an identity provider, a link by email, or the administrator token. */
export function SignInPage(props: { page: PageContext; options: SignInOptions; notice?: { kind: 'error' | 'success'; key: MessageKey }; email?: string; emailError?: boolean; adminError?: boolean }) {
  const { page, options } = props
  const { t } = page
  const start = (name: string) => href(page, `/connexion/oidc/${name}${options.returnTo ? `?retour=${encodeURIComponent(options.returnTo)}` : ''}`)
  const nothing = options.providers.length === 0 && !options.emailDomains && !options.adminToken
  return (
    <Layout page={page} title={t('account.signIn.title')} section="other">
      <div class="fr-container fr-mt-4w">
        <Breadcrumb page={page} title={t('account.signIn.title')} />
        <div class="fr-grid-row fr-grid-row--center">
          <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
            <h1>{t('account.signIn.title')}</h1>
            <p>{t('account.signIn.lead')}</p>
            {props.notice ? <Notice kind={props.notice.kind}>{t(props.notice.key)}</Notice> : null}
            {page.signedInAs ? (
              <p>
                {t('account.signIn.already', { name: page.signedInAs })} <a href={href(page, '/compte')}>{t('account.myAccount')}</a>
              </p>
            ) : null}
            {nothing ? <p>{t('account.signIn.none')}</p> : null}
            {options.providers.length > 0 ? (
              <section class="fr-mb-4w" aria-labelledby="sign-in-providers">
                <h2 class="fr-h5" id="sign-in-providers">{t('account.signIn.providers')}</h2>
                <ul class="fr-btns-group">
                  {options.providers.map((name) => (
                    <li key={name}>
                      <a class="fr-btn" href={start(name)}>{t('account.signIn.with', { provider: providerLabel(name) })}</a>
                    </li>
                  ))}
                </ul>
                {options.providers.includes('proconnect') ? (
                  <p class="fr-text--sm">
                    <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener noreferrer" title={`${t('account.signIn.proconnectHelp')} (${t('account.signIn.newWindow')})`}>
                      {t('account.signIn.proconnectHelp')}
                    </a>
                  </p>
                ) : null}
              </section>
            ) : null}
            {options.emailDomains ? (
              <section class="fr-mb-4w" aria-labelledby="sign-in-email">
                <h2 class="fr-h5" id="sign-in-email">{t('account.signIn.email')}</h2>
                <form method="post" action={href(page, '/connexion/email')}>
                  <CsrfField token={options.csrf} />
                  <div class={`fr-input-group${props.emailError ? ' fr-input-group--error' : ''}`}>
                    <label class="fr-label" for="sign-in-email-address">
                      {t('account.signIn.emailLabel')}
                      <span class="fr-hint-text">{t('account.signIn.emailHint', { domains: options.emailDomains.join(', ') })}</span>
                    </label>
                    <input class="fr-input" type="email" id="sign-in-email-address" name="email" autocomplete="email" required maxLength={254} value={props.email ?? ''} aria-describedby={props.emailError ? 'sign-in-email-error' : undefined} />
                    {props.emailError ? <p class="fr-error-text" id="sign-in-email-error">{t('account.error.emailInvalid')}</p> : null}
                  </div>
                  <button class="fr-btn fr-btn--secondary" type="submit">{t('account.signIn.emailSubmit')}</button>
                </form>
              </section>
            ) : null}
            {options.adminToken ? (
              <section class="fr-mb-4w" aria-labelledby="sign-in-admin">
                <h2 class="fr-h5" id="sign-in-admin">{t('account.signIn.admin')}</h2>
                <form method="post" action={href(page, '/connexion/administration')}>
                  <CsrfField token={options.csrf} />
                  <div class={`fr-input-group${props.adminError ? ' fr-input-group--error' : ''}`}>
                    <label class="fr-label" for="sign-in-admin-token">
                      {t('account.signIn.adminLabel')}
                      <span class="fr-hint-text">{t('account.signIn.adminHint')}</span>
                    </label>
                    <input class="fr-input" type="password" id="sign-in-admin-token" name="token" autocomplete="off" required maxLength={500} aria-describedby={props.adminError ? 'sign-in-admin-error' : undefined} />
                    {props.adminError ? <p class="fr-error-text" id="sign-in-admin-error">{t('account.error.adminToken')}</p> : null}
                  </div>
                  <button class="fr-btn fr-btn--tertiary" type="submit">{t('account.signIn.adminSubmit')}</button>
                </form>
              </section>
            ) : null}
          </div>
        </div>
      </div>
    </Layout>
  )
}

/** The same answer for every address, allowed or not, known or not. */
export function EmailSentPage(props: { page: PageContext; minutes: number }) {
  const { page } = props
  const { t } = page
  return (
    <Layout page={page} title={t('account.emailSent.title')} section="other">
      <div class="fr-container fr-mt-4w">
        <Breadcrumb page={page} title={t('account.emailSent.title')} />
        <h1>{t('account.emailSent.title')}</h1>
        <p class="fr-text--lead">{t('account.emailSent.body', { minutes: props.minutes })}</p>
      </div>
    </Layout>
  )
}

/**
 * The link of the mail lands here and signs in only when the button is pressed: mail scanners that
 * open links ahead of the agent do not spend them.
 */
export function EmailLinkPage(props: { page: PageContext; token: string; csrf: string; invalid: boolean; minutes: number }) {
  const { page } = props
  const { t } = page
  return (
    <Layout page={page} title={t('account.link.title')} section="other">
      <div class="fr-container fr-mt-4w">
        <Breadcrumb page={page} title={t('account.link.title')} />
        <h1>{t('account.link.title')}</h1>
        {props.invalid ? (
          <>
            <Notice kind="error">{t('account.link.invalid', { minutes: props.minutes })}</Notice>
            <p><a class="fr-link" href={href(page, '/connexion')}>{t('account.link.again')}</a></p>
          </>
        ) : (
          <form method="post" action={href(page, '/connexion/lien')}>
            <p>{t('account.link.lead')}</p>
            <CsrfField token={props.csrf} />
            <input type="hidden" name="jeton" value={props.token} />
            <button class="fr-btn" type="submit">{t('account.link.submit')}</button>
          </form>
        )}
      </div>
    </Layout>
  )
}
