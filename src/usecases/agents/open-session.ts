import { newToken } from '../../adapters/auth/tokens.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'

export const SESSION_DAYS = 30

export interface OpenedSession {
  /** Goes in the cookie; only its hash is stored. */
  token: string
  expiresAt: Date
}

/** Opens a session for an agent (or, with null, for the holder of the administrator token). */
export async function openSession(stores: Pick<Stores, 'agents'>, agentId: string | null, userAgent: string | undefined): Promise<OpenedSession> {
  const { token, hash } = newToken()
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000)
  await stores.agents.createSession({ id: hash, agentId, expiresAt, userAgent })
  return { token, expiresAt }
}
