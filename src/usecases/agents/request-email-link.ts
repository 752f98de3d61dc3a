import { newToken } from '../../adapters/auth/tokens.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import type { Mailer } from '../../adapters/mail/mailer.ts'
import { emailDomainAllowed, normaliseEmail } from '../../domain/agents/agents.ts'

export const LINK_MINUTES = 15
/** Links per address, and per client address, within an hour. */
export const LINKS_PER_EMAIL = 5
export const LINKS_PER_IP = 20

export interface EmailLinkRequest {
  email: string
  ip: string
  /** The address of the landing page; the token is added to its query. */
  landingUrl: string
  message: { subject: string; text: (link: string, minutes: number) => string }
}

/**
 * A visitor asks for a sign-in link. Whatever the address (allowed or not, known or not, over its
 * limit or not) the answer is the same, so that addresses cannot be probed: only the mail differs.
 * Answers the delivery in progress, if any, for the caller to log its failure without waiting for it.
 */
export async function requestEmailLink(
  deps: { stores: Pick<Stores, 'agents'>; mailer: Mailer; allowedDomains: readonly string[] },
  request: EmailLinkRequest,
): Promise<{ delivery: Promise<void> | undefined }> {
  const email = normaliseEmail(request.email)
  if (!email || !emailDomainAllowed(email, deps.allowedDomains)) return { delivery: undefined }
  const recent = await deps.stores.agents.emailSignInRequests(email, request.ip, new Date(Date.now() - 3_600_000))
  if (recent.byEmail >= LINKS_PER_EMAIL || recent.byIp >= LINKS_PER_IP) return { delivery: undefined }
  const { token, hash } = newToken()
  await deps.stores.agents.addEmailSignIn({ tokenHash: hash, email, ip: request.ip, expiresAt: new Date(Date.now() + LINK_MINUTES * 60_000) })
  const link = new URL(request.landingUrl)
  link.searchParams.set('jeton', token)
  return { delivery: deps.mailer.send({ to: email, subject: request.message.subject, text: request.message.text(link.href, LINK_MINUTES) }) }
}
