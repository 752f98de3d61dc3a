import type { Stores } from '../../adapters/db/stores/index.ts'

/** The agent signs out: their session is revoked, the cookie no longer opens anything. */
export async function signOut(stores: Pick<Stores, 'agents'>, sessionId: string): Promise<void> {
  await stores.agents.revokeSession(sessionId)
}
