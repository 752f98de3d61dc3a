import { timingSafeEqual } from 'node:crypto'
import { hashToken } from '../../adapters/auth/tokens.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { openSession, type OpenedSession } from './open-session.ts'

/**
 * The holder of SOCLE_ADMIN_TOKEN signs in to the web app: how a deployment is administered before any
 * identity provider is configured, and how the first administrator is named. The session has no agent.
 */
export async function signInAsAdministrator(stores: Pick<Stores, 'agents' | 'audit'>, adminToken: string | undefined, given: string, userAgent: string | undefined): Promise<OpenedSession | undefined> {
  // Hashes compare in constant time whatever the lengths.
  if (!adminToken || !timingSafeEqual(Buffer.from(hashToken(given), 'hex'), Buffer.from(hashToken(adminToken), 'hex'))) return undefined
  const session = await openSession(stores, null, userAgent)
  await stores.audit.record({ agentId: null, action: 'admin.signed-in', subjectType: 'session' })
  return session
}
