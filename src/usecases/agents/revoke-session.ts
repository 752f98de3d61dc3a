import type { Stores } from '../../adapters/db/stores/index.ts'

/** The agent ends one of their sessions (a lost computer): only one of their own. */
export async function revokeSession(stores: Pick<Stores, 'agents' | 'audit'>, agentId: string, sessionId: string): Promise<boolean> {
  const revoked = await stores.agents.revokeSession(sessionId, agentId)
  if (revoked) await stores.audit.record({ agentId, action: 'agent.session-revoked', subjectType: 'agent', subjectId: agentId })
  return revoked
}
