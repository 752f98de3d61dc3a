import type { Stores } from '../../adapters/db/stores/index.ts'

/**
 * The agent deletes their account and data (GDPR): the agent, their identities and sessions go; the
 * audit log keeps that an account was deleted, with no personal data, and loses the agent's id.
 */
export async function deleteAccount(stores: Pick<Stores, 'agents' | 'audit'>, agentId: string): Promise<boolean> {
  const deleted = await stores.agents.delete(agentId)
  if (deleted) await stores.audit.record({ agentId: null, action: 'agent.deleted', subjectType: 'agent' })
  return deleted
}
