import type { Stores } from '../../adapters/db/stores/index.ts'

export type MergeResult = { kept: string } | { error: 'same' | 'notFound' }

/**
 * A moderator merges a duplicate into the software kept: its users, referents (once per agent),
 * instances, similar links and children move to the kept one, and its address redirects there.
 */
export async function mergeSoftware(stores: Pick<Stores, 'catalogueAdmin' | 'software' | 'audit'>, by: string | null, mergedId: string, keptSlug: string): Promise<MergeResult> {
  const [merged, kept] = await Promise.all([stores.catalogueAdmin.byId(mergedId), stores.software.bySlug(keptSlug.trim())])
  if (!merged || !kept) return { error: 'notFound' }
  if (merged.id === kept.id) return { error: 'same' }
  const result = await stores.catalogueAdmin.merge(kept.id, merged.id)
  if (!result) return { error: 'notFound' }
  await stores.audit.record({
    agentId: by,
    action: 'software.merged',
    subjectType: 'software',
    subjectId: kept.id,
    details: { merged_id: merged.id, merged_slug: result.mergedSlug, moved: result.moved },
  })
  return { kept: kept.slug }
}
