import { randomBytes } from 'node:crypto'
import type {} from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { hashToken } from '../../adapters/auth/tokens.ts'
import type { Agent } from '../../adapters/db/schema.ts'
import type { ActiveSession } from '../../adapters/db/stores/agent-store.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import type { OpenedSession } from '../../usecases/agents/open-session.ts'
import type { Translate } from '../i18n/index.ts'

export const SESSION_COOKIE = 'socle_session'

export interface AuthSettings {
  /** Signs CSRF tokens and the OpenID Connect flow cookie. */
  key: Buffer
  secureCookies: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthSettings
  }
  interface FastifyRequest {
    /** The session the request's cookie opens, if any. */
    session: ActiveSession | undefined
    /** The signed-in agent; undefined for visitors and for the administrator token's sessions. */
    agent: Agent | undefined
  }
}

/**
 * Reads the session cookie of every request: `request.session` and `request.agent` are then known to
 * every page and route. Without SOCLE_SESSION_SECRET the signing key lives as long as the process:
 * several web processes need the secret to accept each other's forms.
 */
export function registerSessions(app: FastifyInstance, context: { stores: Pick<Stores, 'agents'>; config: Pick<Config, 'sessionSecret' | 'publicUrl'> }): void {
  app.decorate('auth', {
    key: context.config.sessionSecret ? Buffer.from(context.config.sessionSecret) : randomBytes(32),
    secureCookies: context.config.publicUrl.startsWith('https:'),
  } satisfies AuthSettings)
  app.decorateRequest('session', undefined)
  app.decorateRequest('agent', undefined)
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE]
    if (!token || token.length > 100 || request.url.startsWith('/dsfr/') || request.url.startsWith('/assets/')) return
    const session = await context.stores.agents.activeSession(hashToken(token))
    if (!session) return
    request.session = session
    request.agent = session.agent ?? undefined
  })
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: OpenedSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.server.auth.secureCookies, expires: session.expiresAt })
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.server.auth.secureCookies })
}

/** Who the header says is signed in: the agent's name, or the administrator token. */
export function signedInAs(request: FastifyRequest, t: Translate): string | undefined {
  if (!request.session) return undefined
  return request.session.agent ? request.session.agent.name || request.session.agent.email : t('account.adminToken')
}

/** A path of this site to come back to after signing in; anything else (another site) is dropped. */
export function localPath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?:fr|en)(?:[/?][^\\\s]*)?$/.test(value) && value.length <= 500 ? value : undefined
}
