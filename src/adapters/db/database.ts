import fs from 'node:fs/promises'
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely'
import pg from 'pg'
import { PGlitePool, type QueryResult } from './pglite-pool.ts'
import type { DB } from './schema.ts'

// Counts (int8) and numeric aggregates come back as numbers in both modes; they stay far below 2^53.
pg.types.setTypeParser(20, Number)
pg.types.setTypeParser(1700, Number)
const pgliteParsers = { 20: Number, 1700: Number }

/** What the rest of Socle needs from a database: Kysely for queries, raw SQL for pg-boss. */
export interface Database {
  readonly kind: 'pglite' | 'postgres'
  readonly db: Kysely<DB>
  executeSql<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<QueryResult<R>>
  /** PGlite only: the whole data folder as a gzipped tar, which `loadFrom` opens again. */
  dump?(): Promise<Blob>
  close(): Promise<void>
}

export type DatabaseLocation =
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /**
   * `dataDir` undefined: in memory. `loadFrom`: a PGlite dump (tar) to start from, for tests.
   * `sharedBuffers`: PostgreSQL's page cache inside the process (128 MB by default); a one-off command
   * reading the whole database through it (an export) does as well with a small one, since the system
   * caches the files anyway; PGlite's memory holds all of it from the start (16 MB of cache weigh some
   * 15 MB more than 1 MB in the process).
   */
  | { kind: 'pglite'; dataDir?: string; loadFrom?: Blob; sharedBuffers?: string }

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  return location.kind === 'postgres' ? openPostgres(location.url, location.maxConnections) : openPGlite(location)
}

async function openPostgres(url: string, maxConnections = 10): Promise<Database> {
  // Socle's queries are short: JIT compilation (on by default in Debian's PostgreSQL) costs more than it
  // saves — half a second on a facet count the planner overestimates — so it is off for its sessions;
  // facet counts sort a few megabytes, hence a little more memory per sort than the 4 MB default.
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, options: '-c jit=off -c work_mem=16MB' })
  pool.on('error', () => {
    // An idle client lost its connection (server restart): the pool replaces it on next use.
  })
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  return {
    kind: 'postgres',
    db,
    executeSql: async <R>(text: string, values?: unknown[]) =>
      (await pool.query(text, values)) as unknown as QueryResult<R>,
    close: () => db.destroy(),
  }
}

async function openPGlite(location: { dataDir?: string; loadFrom?: Blob; sharedBuffers?: string }): Promise<Database> {
  if (location.dataDir) await fs.mkdir(location.dataDir, { recursive: true })
  // Loaded only here: PGlite's engine weighs some 70 MB of memory, which a process on PostgreSQL never needs.
  const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ])
  const pglite = await PGlite.create({
    ...(location.dataDir ? { dataDir: location.dataDir } : {}),
    ...(location.loadFrom ? { loadDataDir: location.loadFrom } : {}),
    extensions: { unaccent, pg_trgm },
    parsers: pgliteParsers,
    ...(location.sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${location.sharedBuffers}`] } : {}),
  })
  const pool = new PGlitePool(pglite)
  // No cursor is configured, so Kysely only calls the query(text, values) overload that PGlitePool has.
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }) })
  let closed = false
  return {
    kind: 'pglite',
    db,
    executeSql: (text, values) => pool.query(text, values),
    dump: () => pglite.dumpDataDir('gzip'),
    close: async () => {
      if (closed) return
      closed = true
      await db.destroy()
      // Closing PGlite flushes its files: a data folder closed this way reopens cleanly.
      await pglite.close()
    },
  }
}
