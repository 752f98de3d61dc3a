import { type Kysely, sql } from 'kysely'
import type { DB } from './schema.ts'
import { textQuery } from './search.ts'

/**
 * Something computed from tables and kept in the process (a listing to search in memory), known
 * stale by a version the database bumps at each commit that writes those tables (migrations 0019,
 * 0021). A copy is loaded once for a version, however many readers wait for it; an older load
 * finishing last never replaces a newer copy.
 */
export class KeptCopy<T> {
  private kept?: { version: bigint; value: T }
  private loading?: { version: bigint; promise: Promise<T> } | undefined
  /** When the last load ended, and how long it took (see fresh). */
  private lastLoad = { endedAt: 0, took: 0 }

  constructor(private readonly load: () => Promise<T>) {}

  /** The copy at a version the caller has just read from the database, loaded now if it is not kept. */
  async at(version: bigint): Promise<T> {
    if (this.kept && this.kept.version === version) return this.kept.value
    return await this.loadAt(version)
  }

  /**
   * The copy at a version the caller has just read, when it is kept; undefined when it is not, while
   * it is loaded in the background: the caller answers without it (the database does), so that no
   * request waits for a load. A load starts at most once per load's duration after the last one
   * ended, so that a stream of writes (a crawl) costs at most half of the time in loads. Only the
   * first copy is waited for.
   */
  async fresh(version: bigint): Promise<T | undefined> {
    if (this.kept && this.kept.version === version) return this.kept.value
    if (!this.kept) return await this.loadAt(version)
    if (this.loading?.version !== version && Date.now() >= this.lastLoad.endedAt + this.lastLoad.took) {
      this.loadAt(version).catch(() => {})
    }
    return undefined
  }

  private async loadAt(version: bigint): Promise<T> {
    if (this.loading?.version !== version) {
      const started = Date.now()
      const promise = this.load().then((value) => {
        if (!this.kept || this.kept.version < version) this.kept = { version, value }
        return value
      })
      const loading = { version, promise }
      this.loading = loading
      const done = () => {
        this.lastLoad = { endedAt: Date.now(), took: Date.now() - started }
        if (this.loading === loading) this.loading = undefined
      }
      promise.then(done, done)
    }
    return await this.loading!.promise
  }
}

/** A table of one row holding a version number bumped at commit (migrations 0019, 0021). */
type VersionCounter = 'software_listing_version' | 'registry_listing_version'

/**
 * A kept copy's current version and, with words, the query as the database stems it — its tsquery as
 * text, and the words unaccented and lower-cased — in one round trip: what a search in memory asks
 * the database (see TextIndex).
 */
export async function currentVersion(db: Kysely<DB>, counter: VersionCounter, q: string | undefined): Promise<{ version: bigint; words?: { query: string; plain: string } }> {
  const text = q ? textQuery(q) : undefined
  const { rows } = await sql<{ version: string; query: string | null; plain: string | null }>`
    select version::text as version, ${text ? sql`(${text.query})::text` : sql`null`} as query, ${text ? text.plain : sql`null`} as plain
    from ${sql.table(counter)}
  `.execute(db)
  const version = BigInt(rows[0]?.version ?? 0)
  const words = rows[0]?.query != null && rows[0].plain != null ? { query: rows[0].query, plain: rows[0].plain } : undefined
  return words ? { version, words } : { version }
}
