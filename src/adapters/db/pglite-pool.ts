import type { PGlite, Results } from '@electric-sql/pglite'

/**
 * A node-postgres–shaped pool of one over an embedded PGlite database, so that Kysely's
 * PostgresDialect and pg-boss run the same code on PGlite as on a PostgreSQL server.
 *
 * PGlite has a single session: a client holds it exclusively from `connect()` to `release()`, so a
 * transaction opened on a client is never interleaved with another caller's statements.
 */
export interface QueryResult<R = Record<string, unknown>> {
  command: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE'
  rowCount: number
  rows: R[]
}

export interface PoolClient {
  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>
  release(): void
}

export class PGlitePool {
  readonly #db: PGlite
  #tail: Promise<void> = Promise.resolve()
  #ended = false

  constructor(db: PGlite) {
    this.#db = db
  }

  async connect(): Promise<PoolClient> {
    if (this.#ended) throw new Error('The database pool has been closed.')
    let release!: () => void
    const released = new Promise<void>((resolve) => (release = resolve))
    const previous = this.#tail
    this.#tail = previous.then(() => released)
    await previous
    let done = false
    return {
      query: <R>(text: string, values?: readonly unknown[]) => runQuery<R>(this.#db, text, values),
      release: () => {
        if (done) return
        done = true
        release()
      },
    }
  }

  /** One statement (or, without values, a script) on a client of its own, as `pg.Pool#query`. */
  async query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>> {
    const client = await this.connect()
    try {
      return await client.query<R>(text, values)
    } finally {
      client.release()
    }
  }

  /** Waits for the clients in use, then refuses new ones. The PGlite instance is closed by its owner. */
  async end(): Promise<void> {
    this.#ended = true
    await this.#tail
  }
}

async function runQuery<R>(db: PGlite, text: string, values?: readonly unknown[]): Promise<QueryResult<R>> {
  if (values && values.length > 0) return toPgResult<R>(await db.query<R>(text, values as unknown[]))
  // Without parameters node-postgres uses the simple protocol, which accepts several statements;
  // pg-boss sends its migrations and locked sections that way and reads at most the last result.
  const results = await db.exec(text)
  const last = results[results.length - 1]
  return last ? toPgResult<R>(last as Results<R>) : { command: 'SELECT', rowCount: 0, rows: [] }
}

function toPgResult<R>(result: Results<R>): QueryResult<R> {
  const command = (result as Results<R> & { command?: QueryResult['command'] }).command ?? 'SELECT'
  const rowCount = result.affectedRows && result.affectedRows > 0 ? result.affectedRows : result.rows.length
  return { command, rowCount, rows: result.rows }
}
