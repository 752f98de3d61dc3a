import type { Agent } from '../../adapters/db/schema.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { type DeclarationKind, mayChangeDeclaration } from '../../domain/catalogue/declarations.ts'
import type { ChangeResult } from './edit-declaration.ts'

/** The declarer, or a moderator, withdraws a declaration of this software. */
export async function withdrawDeclaration(
  stores: Pick<Stores, 'declarations' | 'audit'>,
  actor: Pick<Agent, 'id' | 'role'>,
  softwareId: string,
  kind: DeclarationKind,
  id: string,
): Promise<ChangeResult> {
  const declarer = await stores.declarations.declarer(kind, id)
  if (!declarer || declarer.softwareId !== softwareId) return 'not-found'
  if (!mayChangeDeclaration(actor, declarer)) return 'forbidden'
  if (!(await stores.declarations.withdraw(kind, id))) return 'not-found'
  await stores.audit.record({
    agentId: actor.id,
    action: 'declaration.withdrawn',
    subjectType: 'software',
    subjectId: softwareId,
    details: { kind, declaration: id, ...(declarer.agentId === actor.id ? {} : { as: actor.role }) },
  })
  return 'done'
}
