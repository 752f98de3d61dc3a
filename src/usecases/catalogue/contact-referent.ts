import type { Agent } from '../../adapters/db/schema.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import type { Mailer } from '../../adapters/mail/mailer.ts'

/** Messages one sender, and one client address, may send within an hour. */
export const CONTACTS_PER_HOUR = 5

export interface ContactRequest {
  softwareId: string
  referentId: string
  /** A signed-in agent writes from their account's address; a visitor gives theirs. */
  sender: { agent: Pick<Agent, 'id' | 'email' | 'name'> } | { email: string; name: string | null }
  ip: string
  message: string
  /** The mail the referent receives, in the language of the page it was sent from. */
  mail: (sender: { name: string; email: string; verified: boolean }) => { subject: string; text: string }
}

export type ContactResult = { sent: Promise<void> } | { refused: 'not-found' } | { refused: 'too-many'; retryAfterSeconds: number }

/**
 * Someone writes to a referent of a software: Socle mails the referent, with the sender as the
 * address to answer to. The referent's address never leaves this function; the sender learns it only
 * if the referent answers. Senders and client addresses are limited, so that referents' mailboxes
 * cannot be flooded nor used to relay spam. Answers the delivery in progress, for the caller to log
 * its failure.
 */
export async function contactReferent(deps: { stores: Pick<Stores, 'declarations' | 'agents' | 'audit' | 'rateEvents'>; mailer: Mailer }, request: ContactRequest): Promise<ContactResult> {
  const declarer = await deps.stores.declarations.declarer('referent', request.referentId)
  if (!declarer || declarer.softwareId !== request.softwareId || !declarer.agentId) return { refused: 'not-found' }
  const referent = await deps.stores.agents.byId(declarer.agentId)
  if (!referent) return { refused: 'not-found' }
  // An agent's address is the one they signed in with; a visitor's is only what they typed.
  const sender = 'agent' in request.sender ? { name: request.sender.agent.name, email: request.sender.agent.email, verified: true } : { name: request.sender.name ?? '', email: request.sender.email, verified: false }
  const keys = [`sender:${sender.email.toLowerCase()}`, `ip:${request.ip}`]
  const wait = await deps.stores.rateEvents.take(keys, CONTACTS_PER_HOUR)
  if (wait > 0) return { refused: 'too-many', retryAfterSeconds: wait }
  const agentId = 'agent' in request.sender ? request.sender.agent.id : null
  // Who wrote to which referent, never what nor from which address.
  await deps.stores.audit.record({ agentId, action: 'referent.contacted', subjectType: 'software', subjectId: request.softwareId, details: { referent: request.referentId } })
  const { subject, text } = request.mail(sender)
  return { sent: deps.mailer.send({ to: referent.email, replyTo: sender.email, subject, text }) }
}
