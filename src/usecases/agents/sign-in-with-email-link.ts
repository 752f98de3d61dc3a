import { hashToken } from '../../adapters/auth/tokens.ts'
import type { Agent } from '../../adapters/db/schema.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { displayName } from '../../domain/agents/agents.ts'
import { openSession, type OpenedSession } from './open-session.ts'

/** An agent follows the link of their mail: once, within its time; the first sign-in creates the account. */
export async function signInWithEmailLink(stores: Pick<Stores, 'agents' | 'audit'>, token: string, userAgent: string | undefined): Promise<{ agent: Agent; session: OpenedSession } | undefined> {
  const email = await stores.agents.useEmailSignIn(hashToken(token))
  if (!email) return undefined
  const { agent, created } = await stores.agents.findOrCreate(email, displayName({}, email))
  if (created) await stores.audit.record({ agentId: agent.id, action: 'agent.created', subjectType: 'agent', subjectId: agent.id, details: { via: 'email' } })
  const session = await openSession(stores, agent.id, userAgent)
  await stores.audit.record({ agentId: agent.id, action: 'agent.signed-in', subjectType: 'agent', subjectId: agent.id, details: { via: 'email' } })
  return { agent, session }
}
