import fastifyCookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Context } from '../../../context.ts'
import { OidcClients, OidcError, type OidcFlow } from '../../../adapters/auth/oidc.ts'
import { smtpMailer } from '../../../adapters/mail/mailer.ts'
import { isRole, normaliseEmail } from '../../../domain/agents/agents.ts'
import { deleteAccount } from '../../../usecases/agents/delete-account.ts'
import { GrantError, grantRole } from '../../../usecases/agents/grant-role.ts'
import { LINK_MINUTES, requestEmailLink } from '../../../usecases/agents/request-email-link.ts'
import { revokeAllSessions } from '../../../usecases/agents/revoke-all-sessions.ts'
import { revokeSession } from '../../../usecases/agents/revoke-session.ts'
import type { OpenedSession } from '../../../usecases/agents/open-session.ts'
import { signInAsAdministrator } from '../../../usecases/agents/sign-in-as-administrator.ts'
import { signInWithEmailLink } from '../../../usecases/agents/sign-in-with-email-link.ts'
import { SignInRefused, signInWithOidc } from '../../../usecases/agents/sign-in-with-oidc.ts'
import { signOut } from '../../../usecases/agents/sign-out.ts'
import { type ProfileErrors, updateProfile } from '../../../usecases/agents/update-profile.ts'
import { csrfToken, verifyCsrf } from '../../auth/csrf.tsx'
import { requireAgent, requireRole } from '../../auth/require-role.ts'
import { clearSessionCookie, localPath, setSessionCookie } from '../../auth/session.ts'
import type { Locale, MessageKey } from '../../i18n/index.ts'
import { sendPage } from '../../render.ts'
import { href, type PageContext } from '../../views/page-context.ts'
import { type PageHandler, pageRoute } from '../routes.tsx'
import { AccountPage } from './account.tsx'
import { AgentsAdminPage } from './admin-agents.tsx'
import { EmailLinkPage, EmailSentPage, SignInPage } from './sign-in.tsx'

const FLOW_COOKIE = 'socle_oidc'
const FLOW_PATH = '/auth/oidc/'

/** What the OpenID Connect flow cookie holds, signed: the flow's secrets, and where to come back to. */
const FlowCookie = z.object({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  locale: z.enum(['fr', 'en']),
  returnTo: z.string().optional(),
})

/** Sign-in, the OpenID Connect callback, the email link, the account page and the administration of agents. */
export function registerAccountPages(app: FastifyInstance, context: Pick<Context, 'stores' | 'config'>): void {
  const { stores, config } = context
  // Read at each sign-in: the public address may be settled after the app is built (tests on a free port).
  const oidc = new OidcClients(config.oidcProviders, (name) => `${config.publicUrl}/auth/oidc/${name}/callback`)
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : undefined
  const emailDomains = mailer && config.signInEmailDomains.length > 0 ? config.signInEmailDomains : undefined
  const form = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>
  const field = (request: FastifyRequest, name: string) => {
    const value = form(request)[name]
    return typeof value === 'string' ? value : ''
  }

  const withPage = (handler: PageHandler) => pageRoute(config.publicUrl, handler)

  /** A sign-in ends the browser's previous session, if any, and opens the new one. */
  const replaceSession = async (request: FastifyRequest, reply: FastifyReply, session: OpenedSession) => {
    if (request.session) await signOut(stores, request.session.id)
    setSessionCookie(request, reply, session)
  }

  const signInPage = (page: PageContext, request: FastifyRequest, reply: FastifyReply, extra: Partial<Parameters<typeof SignInPage>[0]> = {}, status = 200) => {
    const query = request.query as Record<string, unknown>
    const options = { providers: oidc.names(), emailDomains, adminToken: Boolean(config.adminToken), csrf: csrfToken(request, reply), returnTo: localPath(query.retour) }
    return sendPage(reply, <SignInPage page={page} options={options} {...extra} />, status)
  }

  const NOTICES: Record<string, { kind: 'error' | 'success'; key: MessageKey }> = {
    oidc: { kind: 'error', key: 'account.error.oidc' },
    fournisseur: { kind: 'error', key: 'account.error.provider' },
    courriel: { kind: 'error', key: 'account.error.noEmail' },
    supprime: { kind: 'success', key: 'account.deleted' },
  }

  app.get(
    '/:locale/connexion',
    withPage(async (page, request, reply) => {
      const notice = NOTICES[String((request.query as Record<string, unknown>).info ?? '')]
      return signInPage(page, request, reply, notice ? { notice } : {})
    }),
  )

  app.get(
    '/:locale/connexion/oidc/:provider',
    withPage(async (page, request, reply) => {
      const { provider } = request.params as { provider: string }
      if (!oidc.has(provider)) {
        reply.callNotFound()
        return reply
      }
      try {
        const { url, flow } = await oidc.start(provider)
        const value = JSON.stringify({ ...flow, locale: page.locale, returnTo: localPath((request.query as Record<string, unknown>).retour) } satisfies z.infer<typeof FlowCookie>)
        reply.setCookie(FLOW_COOKIE, fastifyCookie.sign(value, request.server.auth.key), { path: FLOW_PATH, httpOnly: true, sameSite: 'lax', secure: request.server.auth.secureCookies, maxAge: 600 })
        return reply.redirect(url, 302)
      } catch (error) {
        if (!(error instanceof OidcError)) throw error
        request.log.warn({ err: error }, 'OpenID Connect provider unreachable')
        return signInPage(page, request, reply, { notice: NOTICES.fournisseur }, 502)
      }
    }),
  )

  app.get('/auth/oidc/:provider/callback', async (request, reply) => {
    const { provider } = request.params as { provider: string }
    const flow = readFlow(request)
    reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH })
    const locale: Locale = flow?.locale ?? 'fr'
    const back = (info: string) => reply.redirect(`/${locale}/connexion?info=${info}`, 303)
    // No flow (expired, another browser, forged) or another provider's: nothing to check the answer against.
    if (!flow || flow.provider !== provider || !oidc.has(provider)) return back('oidc')
    try {
      const checks: OidcFlow = { provider, state: flow.state, nonce: flow.nonce, codeVerifier: flow.codeVerifier }
      const identity = await oidc.finish(checks, new URL(request.url, config.publicUrl))
      const { session } = await signInWithOidc(stores, identity, request.headers['user-agent'])
      await replaceSession(request, reply, session)
      return reply.redirect(flow.returnTo ?? `/${locale}/compte`, 303)
    } catch (error) {
      if (error instanceof SignInRefused) return back('courriel')
      if (!(error instanceof OidcError)) throw error
      request.log.warn({ err: error }, 'OpenID Connect sign-in refused')
      return back('oidc')
    }
  })

  app.post(
    '/:locale/connexion/email',
    withPage(async (page, request, reply) => {
      verifyCsrf(request)
      if (!emailDomains) {
        reply.callNotFound()
        return reply
      }
      const email = field(request, 'email').slice(0, 300)
      if (!normaliseEmail(email)) return signInPage(page, request, reply, { email, emailError: true }, 400)
      const { t } = page
      const { delivery } = await requestEmailLink(
        { stores, mailer: mailer!, allowedDomains: emailDomains },
        {
          email,
          ip: request.ip,
          landingUrl: `${config.publicUrl}${href(page, '/connexion/lien')}`,
          message: {
            subject: t('account.emailSent.subject', { site: t('site.name') }),
            text: (link, minutes) => t('account.emailSent.text', { site: t('site.name'), link, minutes }),
          },
        },
      )
      // Not awaited: the answer takes as long whether a mail leaves or not.
      delivery?.catch((error: unknown) => request.log.error({ err: error }, 'sign-in mail not sent'))
      return sendPage(reply, <EmailSentPage page={page} minutes={LINK_MINUTES} />)
    }),
  )

  app.get(
    '/:locale/connexion/lien',
    withPage(async (page, request, reply) => {
      const token = String((request.query as Record<string, unknown>).jeton ?? '')
      const valid = /^[\w-]{43}$/.test(token)
      return sendPage(reply, <EmailLinkPage page={page} token={token} csrf={csrfToken(request, reply)} invalid={!valid} minutes={LINK_MINUTES} />, valid ? 200 : 400)
    }),
  )

  app.post(
    '/:locale/connexion/lien',
    withPage(async (page, request, reply) => {
      verifyCsrf(request)
      const token = field(request, 'jeton')
      const signedIn = /^[\w-]{43}$/.test(token) ? await signInWithEmailLink(stores, token, request.headers['user-agent']) : undefined
      if (!signedIn) return sendPage(reply, <EmailLinkPage page={page} token="" csrf="" invalid minutes={LINK_MINUTES} />, 400)
      await replaceSession(request, reply, signedIn.session)
      return reply.redirect(href(page, '/compte'), 303)
    }),
  )

  app.post(
    '/:locale/connexion/administration',
    withPage(async (page, request, reply) => {
      verifyCsrf(request)
      const session = await signInAsAdministrator(stores, config.adminToken, field(request, 'token'), request.headers['user-agent'])
      if (!session) return signInPage(page, request, reply, { adminError: true }, 403)
      await replaceSession(request, reply, session)
      return reply.redirect(href(page, '/administration/agents'), 303)
    }),
  )

  app.post(
    '/:locale/deconnexion',
    withPage(async (page, request, reply) => {
      verifyCsrf(request)
      if (request.session) await signOut(stores, request.session.id)
      clearSessionCookie(request, reply)
      return reply.redirect(href(page, '/'), 303)
    }),
  )

  const accountPage = async (page: PageContext, request: FastifyRequest, reply: FastifyReply, extra: { values?: ReturnType<typeof profileValues>; errors?: ProfileErrors; deleteError?: boolean } = {}, status = 200) => {
    const session = request.session!
    const sessions = session.agent ? await stores.agents.sessions(session.agent.id) : []
    const declarations = session.agent ? await stores.declarations.forAgent(session.agent.id) : undefined
    const saved = (request.query as Record<string, unknown>).info === 'enregistre'
    const view = { agent: session.agent, sessions, declarations, currentSession: session.id, csrf: csrfToken(request, reply), saved, ...extra }
    return sendPage(reply, <AccountPage page={page} view={view} />, status)
  }
  const profileValues = (request: FastifyRequest) => ({
    name: field(request, 'name').slice(0, 10_000),
    organisation: field(request, 'organisation').slice(0, 10_000),
    about: field(request, 'about').slice(0, 100_000),
    is_public: field(request, 'is_public') === 'on',
  })

  app.get(
    '/:locale/compte',
    withPage(async (page, request, reply) => {
      if (!request.session) return reply.redirect(href(page, `/connexion?retour=${encodeURIComponent(href(page, '/compte'))}`), 303)
      return accountPage(page, request, reply)
    }),
  )

  app.post(
    '/:locale/compte/profil',
    withPage(async (page, request, reply) => {
      const agent = requireAgent(request)
      verifyCsrf(request)
      const values = profileValues(request)
      const result = await updateProfile(stores, agent.id, values)
      if ('errors' in result) return accountPage(page, request, reply, { values, errors: result.errors }, 400)
      return reply.redirect(href(page, '/compte?info=enregistre'), 303)
    }),
  )

  app.post(
    '/:locale/compte/sessions/fermer',
    withPage(async (page, request, reply) => {
      const agent = requireAgent(request)
      verifyCsrf(request)
      await revokeSession(stores, agent.id, field(request, 'session'))
      return reply.redirect(href(page, '/compte'), 303)
    }),
  )

  app.post(
    '/:locale/compte/sessions/toutes',
    withPage(async (page, request, reply) => {
      const agent = requireAgent(request)
      verifyCsrf(request)
      await revokeAllSessions(stores, agent.id)
      clearSessionCookie(request, reply)
      return reply.redirect(href(page, '/connexion'), 303)
    }),
  )

  app.post(
    '/:locale/compte/supprimer',
    withPage(async (page, request, reply) => {
      const agent = requireAgent(request)
      verifyCsrf(request)
      if (field(request, 'confirm') !== 'on') return accountPage(page, request, reply, { deleteError: true }, 400)
      await deleteAccount(stores, agent.id)
      clearSessionCookie(request, reply)
      return reply.redirect(href(page, '/connexion?info=supprime'), 303)
    }),
  )

  const agentsPage = async (page: PageContext, request: FastifyRequest, reply: FastifyReply, error?: string) =>
    sendPage(reply, <AgentsAdminPage page={page} agents={await stores.agents.list(500)} csrf={csrfToken(request, reply)} error={error} />, error ? 400 : 200)

  app.get(
    '/:locale/administration/agents',
    withPage(async (page, request, reply) => {
      requireRole(request, 'admin')
      return agentsPage(page, request, reply)
    }),
  )

  app.post(
    '/:locale/administration/agents/role',
    withPage(async (page, request, reply) => {
      const admin = requireRole(request, 'admin')
      verifyCsrf(request)
      const role = field(request, 'role')
      if (!isRole(role)) return agentsPage(page, request, reply, `Unknown role "${role.slice(0, 50)}".`)
      try {
        await grantRole(stores, admin?.id ?? null, field(request, 'email'), role)
      } catch (error) {
        if (!(error instanceof GrantError)) throw error
        return agentsPage(page, request, reply, error.message)
      }
      return reply.redirect(href(page, '/administration/agents'), 303)
    }),
  )

  function readFlow(request: FastifyRequest): z.infer<typeof FlowCookie> | undefined {
    const raw = request.cookies[FLOW_COOKIE]
    if (!raw) return undefined
    const unsigned = fastifyCookie.unsign(raw, request.server.auth.key)
    if (!unsigned.valid || unsigned.value === null) return undefined
    try {
      const parsed = FlowCookie.safeParse(JSON.parse(unsigned.value))
      return parsed.success ? parsed.data : undefined
    } catch {
      return undefined
    }
  }
}
