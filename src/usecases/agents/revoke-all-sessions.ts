import type { Stores } from '../../adapters/db/stores/index.ts'

/** The agent signs out everywhere: every session of theirs is revoked, this one included. */
export async function revokeAllSessions(stores: Pick<Stores, 'agents' | 'audit'>, agentId: string): Promise<number> {
  const count = await stores.agents.revokeAllSessions(agentId)
  await stores.audit.record({ agentId, action: 'agent.sessions-revoked', subjectType: 'agent', subjectId: agentId, details: { count } })
  return count
}
