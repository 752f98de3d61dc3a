import type { Stores } from '../../adapters/db/stores/index.ts'
import { type FieldError, readDereferencing } from '../../domain/catalogue/moderation.ts'

export type DereferenceResult = 'done' | 'notFound' | { errors: Partial<Record<'reason' | 'last_recommended_version' | 'on', FieldError>> }

/** A moderator dereferences a software: why, the last version recommended, and since when (today by default). */
export async function dereferenceSoftware(
  stores: Pick<Stores, 'catalogueAdmin' | 'audit'>,
  by: string | null,
  softwareId: string,
  values: { reason: string; last_recommended_version: string; on: string },
  today: string,
): Promise<DereferenceResult> {
  const read = readDereferencing(values, today)
  if ('errors' in read) return read
  const done = await stores.catalogueAdmin.dereference(softwareId, read.dereferencing)
  if (!done) return 'notFound'
  await stores.audit.record({
    agentId: by,
    action: 'software.dereferenced',
    subjectType: 'software',
    subjectId: softwareId,
    details: { ...read.dereferencing, previous_status: done.previousStatus },
  })
  return 'done'
}

/** A moderator lists a dereferenced software again, as recommended or in observation. */
export async function reinstateSoftware(stores: Pick<Stores, 'catalogueAdmin' | 'audit'>, by: string | null, softwareId: string, status: 'recommended' | 'observation'): Promise<boolean> {
  if (!(await stores.catalogueAdmin.reinstate(softwareId, status))) return false
  await stores.audit.record({ agentId: by, action: 'software.reinstated', subjectType: 'software', subjectId: softwareId, details: { status } })
  return true
}
