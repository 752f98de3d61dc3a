import type { Agent } from '../../adapters/db/schema.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import type { DeclaredFields, DeclarationKind } from '../../domain/catalogue/declarations.ts'

/** Declarations one agent may make within an hour: enough for a busy afternoon, not for a script. */
export const DECLARATIONS_PER_HOUR = 30

export type DeclareResult = { declared: string } | { refused: 'already-referent' | 'too-many' }

/** Whether the database refused a row for a unique index (PostgreSQL and PGlite both say 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}

/**
 * A signed-in agent declares they use a software, vouch for it, or run an instance of it. An agent is
 * a referent of a software once; the declaration is recorded in the audit log, by field name only.
 */
export async function declare<K extends DeclarationKind>(
  stores: Pick<Stores, 'declarations' | 'audit'>,
  agent: Pick<Agent, 'id'>,
  softwareId: string,
  kind: K,
  fields: DeclaredFields[K],
): Promise<DeclareResult> {
  const mine = await stores.declarations.forAgent(agent.id)
  const hourAgo = Date.now() - 3_600_000
  const recent = [...mine.users, ...mine.referents, ...mine.instances].filter((d) => new Date(d.created_at).getTime() > hourAgo).length
  if (recent >= DECLARATIONS_PER_HOUR) return { refused: 'too-many' }
  if (kind === 'referent' && mine.referents.some((r) => r.software_id === softwareId)) return { refused: 'already-referent' }
  let id: string
  try {
    id = await stores.declarations.add(kind, softwareId, agent.id, fields)
  } catch (error) {
    // Two posts at once: the unique index decides.
    if (kind === 'referent' && isUniqueViolation(error)) return { refused: 'already-referent' }
    throw error
  }
  await stores.audit.record({ agentId: agent.id, action: 'declaration.added', subjectType: 'software', subjectId: softwareId, details: { kind, declaration: id, fields: Object.keys(fields) } })
  return { declared: id }
}
