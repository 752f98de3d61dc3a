import type { Agent } from '../../adapters/db/schema.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { type AgentRole, normaliseEmail } from '../../domain/agents/agents.ts'

export class GrantError extends Error {}

/** An administrator makes an agent a moderator, an administrator, or a plain agent again. */
export async function grantRole(stores: Pick<Stores, 'agents' | 'audit'>, by: string | null, email: string, role: AgentRole): Promise<Agent> {
  const address = normaliseEmail(email)
  if (!address) throw new GrantError(`"${email}" is not an email address.`)
  const agent = await stores.agents.setRole(address, role)
  if (!agent) throw new GrantError(`No agent has the address ${address}: they must sign in once first.`)
  await stores.audit.record({ agentId: by, action: 'agent.role-granted', subjectType: 'agent', subjectId: agent.id, details: { role } })
  return agent
}
