import { type Kysely, type Selectable, sql } from 'kysely'
import type { DB, SoftwareInstanceTable, SoftwareReferentTable, SoftwareUserTable } from '../schema.ts'

/** What an agent declares, by kind: the fields they fill in. */
export interface DeclarationFields {
  user: { organisation: string; use_case?: string | null; version?: string | null; os?: string | null; service_url?: string | null }
  referent: { is_expert: boolean; use_case?: string | null; service_url?: string | null }
  instance: { organisation: string; audience?: string | null; url?: string | null; is_public: boolean }
}
export type DeclarationKind = keyof DeclarationFields

const TABLES = { user: 'software_user', referent: 'software_referent', instance: 'software_instance' } as const

export type UserDeclaration = Selectable<SoftwareUserTable>
export type ReferentDeclaration = Selectable<SoftwareReferentTable> & {
  /** The referent's name, only when their profile is public. */
  agent_name: string | null
}
export type InstanceDeclaration = Selectable<SoftwareInstanceTable>

export interface SoftwareDeclarations {
  users: UserDeclaration[]
  referents: ReferentDeclaration[]
  instances: InstanceDeclaration[]
}

/** An agent's declarations, with the software they are about. */
export interface AgentDeclarations {
  users: (UserDeclaration & { software_slug: string; software_name: string })[]
  referents: (Omit<ReferentDeclaration, 'agent_name'> & { software_slug: string; software_name: string })[]
  instances: (InstanceDeclaration & { software_slug: string; software_name: string })[]
}

/**
 * Declarations of users, referents and instances of the catalogue's software. Every write takes the
 * acting agent (null for imports and the demo); whether that agent may make it is the use cases' rule.
 * The software's counts of users, referents and public instances follow by trigger (migration 0010).
 */
export class DeclarationStore {
  constructor(private readonly db: Kysely<DB>) {}

  /** Declares, for the acting agent; answers the new declaration's id. */
  async add<K extends DeclarationKind>(kind: K, softwareId: string, actingAgentId: string | null, fields: DeclarationFields[K], options: { demo?: boolean } = {}): Promise<string> {
    const row = await this.db
      .insertInto(TABLES[kind] as 'software_user')
      .values({ ...(fields as DeclarationFields['user']), software_id: softwareId, agent_id: actingAgentId, updated_by: actingAgentId, is_demo: options.demo ?? false })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  /** Changes the given fields; answers false when the declaration does not exist. */
  async edit<K extends DeclarationKind>(kind: K, id: string, actingAgentId: string | null, fields: Partial<DeclarationFields[K]>): Promise<boolean> {
    const row = await this.db
      .updateTable(TABLES[kind] as 'software_user')
      .set({ ...(fields as Partial<DeclarationFields['user']>), updated_by: actingAgentId, updated_at: sql`now()` })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst()
    return row !== undefined
  }

  /** Removes a declaration; answers false when it does not exist. */
  async withdraw(kind: DeclarationKind, id: string): Promise<boolean> {
    const row = await this.db.deleteFrom(TABLES[kind] as 'software_user').where('id', '=', id).returning('id').executeTakeFirst()
    return row !== undefined
  }

  /** Who declared a declaration: null when it does not exist, `{agentId: null}` for an imported one. */
  async declarer(kind: DeclarationKind, id: string): Promise<{ agentId: string | null; softwareId: string } | null> {
    const row = await this.db
      .selectFrom(TABLES[kind] as 'software_user')
      .select(['agent_id', 'software_id'])
      .where('id', '=', id)
      .executeTakeFirst()
    return row ? { agentId: row.agent_id, softwareId: row.software_id } : null
  }

  /**
   * A software's declarations, for its page. Referents carry their name only when their profile is
   * public, and never their email; private instances are left out unless asked for (their declarers
   * and moderators).
   */
  async forSoftware(softwareId: string, options: { privateInstances?: boolean } = {}): Promise<SoftwareDeclarations> {
    const [users, referents, instances] = await Promise.all([
      this.db.selectFrom('software_user').selectAll().where('software_id', '=', softwareId).orderBy(sql`lower(organisation)`).orderBy('id').execute(),
      this.db
        .selectFrom('software_referent as r')
        .leftJoin('agent as a', (join) => join.onRef('a.id', '=', 'r.agent_id').on('a.is_public', '=', true))
        .selectAll('r')
        .select(sql<string | null>`nullif(a.name, '')`.as('agent_name'))
        .where('r.software_id', '=', softwareId)
        .orderBy('r.is_expert', 'desc')
        .orderBy(sql`lower(a.name)`)
        .orderBy('r.id')
        .execute(),
      this.db
        .selectFrom('software_instance')
        .selectAll()
        .where('software_id', '=', softwareId)
        .$if(!options.privateInstances, (q) => q.where('is_public', '=', true))
        .orderBy(sql`lower(organisation)`)
        .orderBy('id')
        .execute(),
    ])
    return { users, referents, instances }
  }

  /** An agent's own declarations, for their profile. */
  async forAgent(agentId: string): Promise<AgentDeclarations> {
    const software = ['s.slug as software_slug', 's.name as software_name'] as const
    const [users, referents, instances] = await Promise.all([
      this.db.selectFrom('software_user as d').innerJoin('software as s', 's.id', 'd.software_id').selectAll('d').select(software).where('d.agent_id', '=', agentId).orderBy(sql`lower(s.name)`).execute(),
      this.db.selectFrom('software_referent as d').innerJoin('software as s', 's.id', 'd.software_id').selectAll('d').select(software).where('d.agent_id', '=', agentId).orderBy(sql`lower(s.name)`).execute(),
      this.db.selectFrom('software_instance as d').innerJoin('software as s', 's.id', 'd.software_id').selectAll('d').select(software).where('d.agent_id', '=', agentId).orderBy(sql`lower(s.name)`).execute(),
    ])
    return { users, referents, instances }
  }
}
