import { z } from 'zod'
import type { CatalogueChange } from '../../adapters/db/stores/software-store.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { encodeCursor, readCursor } from '../../domain/shared/cursor.ts'

/** A cursor that no previous answer gave. */
export class InvalidChangeCursor extends Error {}

/** Where a page of changes ends: the last change's time (to the microsecond) and id. */
const Cursor = z.object({ position: z.iso.datetime({ precision: 6 }), id: z.uuid() })

export interface ChangesPage {
  items: CatalogueChange[]
  /** The cursor of the next page, null on the last one. */
  nextCursor: string | null
}

/** A visitor follows the catalogue's changes, newest first, a page at a time. */
export async function readCatalogueChanges(stores: Pick<Stores, 'software'>, request: { limit: number; cursor?: string | undefined }): Promise<ChangesPage> {
  let before: { position: string; id: string } | undefined
  if (request.cursor !== undefined) {
    const parsed = Cursor.safeParse(readCursor(request.cursor))
    if (!parsed.success) throw new InvalidChangeCursor('use the nextCursor of a previous answer')
    before = parsed.data
  }
  // One more than asked tells whether a next page exists.
  const rows = await stores.software.changes(request.limit + 1, before)
  const items = rows.slice(0, request.limit)
  const last = items.at(-1)
  return { items, nextCursor: last && rows.length > items.length ? encodeCursor({ position: last.position, id: last.id }) : null }
}
