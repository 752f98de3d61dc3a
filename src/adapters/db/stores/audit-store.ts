import type { Kysely } from 'kysely'
import type { AuditEntry, DB } from '../schema.ts'

export interface AuditEvent {
  /** Null: the system or the administrator token. */
  agentId: string | null
  action: string
  subjectType: string
  subjectId?: string | null
  /** No personal data (names, addresses): entries outlive the agents they name. */
  details?: Record<string, unknown>
}

/** Who did what, and when: every change made through Socle's accounts. */
export class AuditStore {
  constructor(private readonly db: Kysely<DB>) {}

  async record(event: AuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        agent_id: event.agentId,
        action: event.action,
        subject_type: event.subjectType,
        subject_id: event.subjectId ?? null,
        details: JSON.stringify(event.details ?? {}),
      })
      .execute()
  }

  async forSubject(subjectType: string, subjectId: string): Promise<AuditEntry[]> {
    return await this.db.selectFrom('audit_log').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('at', 'desc').execute()
  }
}
