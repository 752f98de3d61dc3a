import type { OidcIdentity } from '../../adapters/auth/oidc.ts'
import type { Agent } from '../../adapters/db/schema.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { displayName, normaliseEmail } from '../../domain/agents/agents.ts'
import { openSession, type OpenedSession } from './open-session.ts'

export class SignInRefused extends Error {}

/**
 * An agent comes back from their identity provider: known by this identity, or by their address
 * (the identity is then linked to the account), or new (the first sign-in creates the account).
 */
export async function signInWithOidc(stores: Pick<Stores, 'agents' | 'audit'>, identity: OidcIdentity, userAgent: string | undefined): Promise<{ agent: Agent; session: OpenedSession }> {
  let agent = await stores.agents.byIdentity(identity.provider, identity.subject)
  if (!agent) {
    const email = identity.email === undefined ? undefined : normaliseEmail(identity.email)
    if (!email) throw new SignInRefused(`The provider ${identity.provider} gave no valid email address.`)
    // An address the provider has not verified could be anybody's: it neither opens nor joins an account.
    if (!identity.emailVerified) throw new SignInRefused(`The provider ${identity.provider} has not verified the address.`)
    const found = await stores.agents.findOrCreate(email, displayName(identity.claims, email))
    agent = found.agent
    if (found.created) await stores.audit.record({ agentId: agent.id, action: 'agent.created', subjectType: 'agent', subjectId: agent.id, details: { via: identity.provider } })
  }
  await stores.agents.linkIdentity(agent.id, identity.provider, identity.subject)
  const session = await openSession(stores, agent.id, userAgent)
  await stores.audit.record({ agentId: agent.id, action: 'agent.signed-in', subjectType: 'agent', subjectId: agent.id, details: { via: identity.provider } })
  return { agent, session }
}
