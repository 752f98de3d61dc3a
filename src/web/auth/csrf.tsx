import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AuthError } from './require-role.ts'

const CSRF_COOKIE = 'socle_csrf'
export const CSRF_FIELD = '_csrf'
const seeds = new WeakMap<FastifyRequest, string>()

/**
 * The token of a form that changes something. It signs a random value kept in a cookie (double submit,
 * for visitors' forms) together with the session, if any: a form is only accepted from the browser it
 * was given to, and a signed-in form only in the session it was given in.
 */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  let seed = seeds.get(request) ?? request.cookies[CSRF_COOKIE]
  if (!seed || !/^[\w-]{24}$/.test(seed)) {
    seed = randomBytes(18).toString('base64url')
    reply.setCookie(CSRF_COOKIE, seed, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.server.auth.secureCookies })
  }
  seeds.set(request, seed)
  return sign(request, seed)
}

function sign(request: FastifyRequest, seed: string): string {
  return createHmac('sha256', request.server.auth.key).update(`csrf\0${seed}\0${request.session?.id ?? ''}`).digest('base64url')
}

/** Refuses (403) a form posted without the token its page gave. */
export function verifyCsrf(request: FastifyRequest): void {
  const seed = request.cookies[CSRF_COOKIE]
  const given = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD]
  const expected = seed ? Buffer.from(sign(request, seed)) : undefined
  if (!expected || typeof given !== 'string' || given.length !== expected.length || !timingSafeEqual(Buffer.from(given), expected)) {
    throw new AuthError('csrf', 'The form has expired or was not sent from this site: reload the page and send it again.')
  }
}

/** The hidden field every form that changes something carries. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />
}
