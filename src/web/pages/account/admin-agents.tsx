import type { Agent } from '../../../adapters/db/schema.ts'
import { roles } from '../../../domain/agents/agents.ts'
import { CsrfField } from '../../auth/csrf.tsx'
import { Layout } from '../../views/layout.tsx'
import { href, type PageContext } from '../../views/page-context.ts'
import { Notice } from './sign-in.tsx'

/** /:locale/administration/agents: the agents and their roles, for administrators. */
export function AgentsAdminPage(props: { page: PageContext; agents: Agent[]; csrf: string; error?: string }) {
  const { page } = props
  const { t } = page
  return (
    <Layout page={page} title={t('account.admin.title')} section="other">
      <div class="fr-container fr-mt-4w">
        <nav role="navigation" class="fr-breadcrumb" aria-label="breadcrumb">
          <ol class="fr-breadcrumb__list">
            <li><a class="fr-breadcrumb__link" href={href(page, '/')}>{t('nav.home')}</a></li>
            <li><a class="fr-breadcrumb__link" aria-current="page">{t('account.admin.title')}</a></li>
          </ol>
        </nav>
        <h1>{t('account.admin.title')}</h1>
        <p>{t('account.admin.lead')}</p>
        <p><a class="fr-link" href={href(page, '/administration/crawl')}>{t('crawl.admin.link')}</a></p>
        {props.error ? <Notice kind="error">{props.error}</Notice> : null}
        <div class="fr-table">
          <table>
            <caption>{t('account.admin.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.admin.email')}</th>
                <th scope="col">{t('account.admin.name')}</th>
                <th scope="col">{t('account.admin.role')}</th>
              </tr>
            </thead>
            <tbody>
              {props.agents.map((agent) => (
                <tr key={agent.id}>
                  <td>{agent.email}</td>
                  <td>{agent.name}</td>
                  <td>
                    <form method="post" action={href(page, '/administration/agents/role')} class="socle-inline-form">
                      <CsrfField token={props.csrf} />
                      <input type="hidden" name="email" value={agent.email} />
                      <label class="fr-sr-only" for={`role-${agent.id}`}>{t('account.admin.roleOf', { email: agent.email })}</label>
                      <select class="fr-select" id={`role-${agent.id}`} name="role">
                        {roles.map((role) => <option key={role} value={role} selected={agent.role === role}>{t(`account.role.${role}`)}</option>)}
                      </select>
                      <button class="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" type="submit">{t('account.admin.grant')}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Layout>
  )
}
