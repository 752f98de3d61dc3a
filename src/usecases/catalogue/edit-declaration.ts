import type { Agent } from '../../adapters/db/schema.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { type DeclaredFields, type DeclarationKind, mayChangeDeclaration } from '../../domain/catalogue/declarations.ts'

export type ChangeResult = 'done' | 'not-found' | 'forbidden'

/**
 * The declarer, or a moderator, edits a declaration of this software. A declaration of another
 * software (an id from elsewhere) is not found here.
 */
export async function editDeclaration<K extends DeclarationKind>(
  stores: Pick<Stores, 'declarations' | 'audit'>,
  actor: Pick<Agent, 'id' | 'role'>,
  softwareId: string,
  kind: K,
  id: string,
  fields: DeclaredFields[K],
): Promise<ChangeResult> {
  const declarer = await stores.declarations.declarer(kind, id)
  if (!declarer || declarer.softwareId !== softwareId) return 'not-found'
  if (!mayChangeDeclaration(actor, declarer)) return 'forbidden'
  if (!(await stores.declarations.edit(kind, id, actor.id, fields))) return 'not-found'
  await stores.audit.record({
    agentId: actor.id,
    action: 'declaration.edited',
    subjectType: 'software',
    subjectId: softwareId,
    details: { kind, declaration: id, fields: Object.keys(fields), ...(declarer.agentId === actor.id ? {} : { as: actor.role }) },
  })
  return 'done'
}
