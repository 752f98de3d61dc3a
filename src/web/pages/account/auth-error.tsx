import type { AuthError } from '../../auth/require-role.ts'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'

/** What a refused visitor is told: sign in (401), not with this role (403), or reload a stale form. */
export function AuthErrorPage(props: { page: PageContext; kind: AuthError['kind'] }) {
  const { page, kind } = props
  const { t } = page
  const returnTo = `/${page.locale}${page.path}${page.search}`
  return (
    <Layout page={page} title={t(`account.denied.${kind}.title`)} section="other">
      <div class="fr-container fr-mt-6w">
        <h1>{t(`account.denied.${kind}.title`)}</h1>
        <p class="fr-text--lead">{t(`account.denied.${kind}.body`)}</p>
        {kind === 'unauthenticated' ? (
          <p><a class="fr-btn" href={href(page, `/connexion?retour=${encodeURIComponent(returnTo)}`)}>{t('account.signIn')}</a></p>
        ) : null}
      </div>
    </Layout>
  )
}
