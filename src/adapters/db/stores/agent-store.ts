import { type Kysely, sql } from 'kysely'
import type { AgentRole } from '../../../domain/agents/agents.ts'
import type { Agent, DB } from '../schema.ts'

export interface ProfileUpdate {
  name: string
  organisation: string | null
  about: string | null
  is_public: boolean
}

export interface ActiveSession {
  id: string
  /** Null: opened with the administrator token. */
  agent: Agent | null
}

export interface SessionSummary {
  id: string
  created_at: Date
  last_seen_at: Date
  user_agent: string | null
}

/** Agents, the identities they sign in with, their sessions and their one-time sign-in links. */
export class AgentStore {
  constructor(private readonly db: Kysely<DB>) {}

  async byId(id: string): Promise<Agent | undefined> {
    return await this.db.selectFrom('agent').selectAll().where('id', '=', id).executeTakeFirst()
  }

  /** The most recent agents first, for the administrators' list. */
  async list(limit: number): Promise<Agent[]> {
    return await this.db.selectFrom('agent').selectAll().orderBy('created_at', 'desc').limit(limit).execute()
  }

  async byEmail(email: string): Promise<Agent | undefined> {
    return await this.db.selectFrom('agent').selectAll().where('email', '=', email).executeTakeFirst()
  }

  async byIdentity(provider: string, subject: string): Promise<Agent | undefined> {
    return await this.db
      .selectFrom('agent_identity as i')
      .innerJoin('agent as a', 'a.id', 'i.agent_id')
      .selectAll('a')
      .where('i.provider', '=', provider)
      .where('i.subject', '=', subject)
      .executeTakeFirst()
  }

  /** The agent of this address, created when there is none (two first sign-ins at once make one agent). */
  async findOrCreate(email: string, name: string): Promise<{ agent: Agent; created: boolean }> {
    const inserted = await this.db
      .insertInto('agent')
      .values({ email, name })
      .onConflict((oc) => oc.column('email').doNothing())
      .returningAll()
      .executeTakeFirst()
    if (inserted) return { agent: inserted, created: true }
    return { agent: (await this.byEmail(email))!, created: false }
  }

  async linkIdentity(agentId: string, provider: string, subject: string): Promise<void> {
    await this.db
      .insertInto('agent_identity')
      .values({ agent_id: agentId, provider, subject })
      .onConflict((oc) => oc.columns(['provider', 'subject']).doUpdateSet({ last_used_at: new Date() }))
      .execute()
  }

  async identities(agentId: string): Promise<{ provider: string; created_at: Date }[]> {
    return await this.db.selectFrom('agent_identity').select(['provider', 'created_at']).where('agent_id', '=', agentId).orderBy('created_at').execute()
  }

  async updateProfile(id: string, profile: ProfileUpdate): Promise<Agent | undefined> {
    return await this.db.updateTable('agent').set(profile).where('id', '=', id).returningAll().executeTakeFirst()
  }

  async setRole(email: string, role: AgentRole): Promise<Agent | undefined> {
    return await this.db.updateTable('agent').set({ role }).where('email', '=', email).returningAll().executeTakeFirst()
  }

  /** Deletes the agent; identities and sessions go with it (foreign keys), audit entries lose its id. */
  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('agent').where('id', '=', id).executeTakeFirst()
    return result.numDeletedRows > 0n
  }

  async createSession(session: { id: string; agentId: string | null; expiresAt: Date; userAgent: string | undefined }): Promise<void> {
    await this.db
      .insertInto('session')
      .values({ id: session.id, agent_id: session.agentId, expires_at: session.expiresAt, user_agent: session.userAgent?.slice(0, 300) ?? null })
      .execute()
  }

  /** The session of this id if it is still valid, with its agent. */
  async activeSession(id: string): Promise<ActiveSession | undefined> {
    const row = await this.db
      .selectFrom('session as s')
      .leftJoin('agent as a', 'a.id', 's.agent_id')
      .select(['s.id as session_id', 's.agent_id as session_agent_id', 's.last_seen_at as session_seen_at'])
      .selectAll('a')
      .where('s.id', '=', id)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', sql<Date>`now()`)
      .executeTakeFirst()
    if (!row) return undefined
    const { session_id, session_agent_id, session_seen_at, ...agent } = row
    // A session whose agent row is gone cannot be found: the row cascades. Both null is the admin token.
    if (session_agent_id !== null && agent.id === null) return undefined
    // Seen at most every five minutes: a page view costs no write.
    if (Date.now() - session_seen_at.getTime() > 5 * 60_000) {
      await this.db.updateTable('session').set({ last_seen_at: new Date() }).where('id', '=', session_id).execute()
      if (session_agent_id) await this.db.updateTable('agent').set({ last_seen_at: new Date() }).where('id', '=', session_agent_id).execute()
    }
    return { id: session_id, agent: session_agent_id === null ? null : (agent as Agent) }
  }

  async sessions(agentId: string): Promise<SessionSummary[]> {
    return await this.db
      .selectFrom('session')
      .select(['id', 'created_at', 'last_seen_at', 'user_agent'])
      .where('agent_id', '=', agentId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .orderBy('last_seen_at', 'desc')
      .execute()
  }

  /** Revokes one session; with an agent id, only if it is that agent's. */
  async revokeSession(id: string, agentId?: string | null): Promise<boolean> {
    let query = this.db.updateTable('session').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null)
    if (agentId !== undefined) query = agentId === null ? query.where('agent_id', 'is', null) : query.where('agent_id', '=', agentId)
    const result = await query.executeTakeFirst()
    return result.numUpdatedRows > 0n
  }

  async revokeAllSessions(agentId: string): Promise<number> {
    const result = await this.db.updateTable('session').set({ revoked_at: new Date() }).where('agent_id', '=', agentId).where('revoked_at', 'is', null).executeTakeFirst()
    return Number(result.numUpdatedRows)
  }

  /** How many links were asked for this address, and from this client address, since then. */
  async emailSignInRequests(email: string, ip: string, since: Date): Promise<{ byEmail: number; byIp: number }> {
    const row = await this.db
      .selectFrom('email_sign_in')
      .select([
        sql<number>`count(*) filter (where email = ${email})::int`.as('byEmail'),
        sql<number>`count(*) filter (where ip = ${ip})::int`.as('byIp'),
      ])
      .where('created_at', '>=', since)
      .where((eb) => eb.or([eb('email', '=', email), eb('ip', '=', ip)]))
      .executeTakeFirstOrThrow()
    return { byEmail: row.byEmail, byIp: row.byIp }
  }

  async addEmailSignIn(link: { tokenHash: string; email: string; ip: string; expiresAt: Date }): Promise<void> {
    // Links a day past their expiry serve no rate limit any more: they go, with the addresses they hold.
    await this.db.deleteFrom('email_sign_in').where('expires_at', '<', new Date(Date.now() - 86_400_000)).execute()
    await this.db.insertInto('email_sign_in').values({ token_hash: link.tokenHash, email: link.email, ip: link.ip, expires_at: link.expiresAt }).execute()
  }

  /** Marks the link used and answers its address, once: undefined when unknown, used or expired. */
  async useEmailSignIn(tokenHash: string): Promise<string | undefined> {
    const row = await this.db
      .updateTable('email_sign_in')
      .set({ used_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', sql<Date>`now()`)
      .returning('email')
      .executeTakeFirst()
    return row?.email
  }
}
