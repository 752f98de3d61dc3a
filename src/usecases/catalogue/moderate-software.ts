import type { Stores } from '../../adapters/db/stores/index.ts'
import { canDecide, type FieldError, readReason } from '../../domain/catalogue/moderation.ts'

export type ModerationResult = 'done' | 'notFound' | 'alreadyDecided' | { errors: { reason: FieldError } }

/** A moderator accepts a software awaiting moderation (it joins the public catalogue) or rejects it, saying why. */
export async function moderateSoftware(
  stores: Pick<Stores, 'catalogueAdmin' | 'audit'>,
  by: string | null,
  softwareId: string,
  decision: 'accepted' | 'rejected',
  reasonText: string,
): Promise<ModerationResult> {
  const software = await stores.catalogueAdmin.byId(softwareId)
  if (!software) return 'notFound'
  let reason: string | null = null
  if (decision === 'rejected') {
    const read = readReason(reasonText)
    if ('error' in read) return { errors: { reason: read.error } }
    reason = read.reason
  }
  if (!canDecide(software.moderation, decision)) return 'alreadyDecided'
  const from = (['pending', 'rejected'] as const).filter((state) => canDecide(state, decision))
  // Another moderator may have decided meanwhile: the update only passes from a state that allows it.
  if (!(await stores.catalogueAdmin.decide(softwareId, from, decision, by, reason))) return 'alreadyDecided'
  await stores.audit.record({ agentId: by, action: `software.${decision}`, subjectType: 'software', subjectId: softwareId, details: reason ? { reason } : {} })
  return 'done'
}
