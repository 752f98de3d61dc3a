/**
 * Reads a table in id order, one batch at a time (keyset pagination), so that exports of any size
 * stream with flat memory and never hold a transaction or a cursor open between batches.
 */
export async function* inBatches<Row extends { id: string }>(
  fetchAfter: (afterId: string | undefined, limit: number) => Promise<Row[]>,
  batchSize = 500,
): AsyncGenerator<Row> {
  let afterId: string | undefined
  for (;;) {
    const rows = await fetchAfter(afterId, batchSize)
    yield* rows
    const last = rows[rows.length - 1]
    if (!last || rows.length < batchSize) return
    afterId = last.id
  }
}

/** Drops the columns that only serve the database (search vectors and keys, window counts). */
export function withoutInternals<T extends { search?: unknown; name_plain?: unknown; total_count?: unknown }>(row: T): Omit<T, 'search' | 'name_plain' | 'total_count'> {
  const { search: _search, name_plain: _plain, total_count: _total, ...rest } = row
  return rest
}
