import { AsyncLocalStorage } from 'node:async_hooks'
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

/**
 * When the work a statement serves began: a web request's arrival (see `servingRequest`), else the
 * statement's own call. The session goes to the earliest waiting work first.
 */
const workStarted = new AsyncLocalStorage<number>()

/** Runs `work` (a web request's handling) as work that began at `at`, for the pool's order. */
export function servingRequest<T>(at: number, work: () => T): T {
  return workStarted.run(at, work)
}

interface Waiting {
  at: number
  order: number
  grant: () => void
}

export class PGlitePool {
  readonly #db: PGlite
  #busy = false
  /** In the order the session is handed: earliest work first, then first asked. */
  readonly #waiting: Waiting[] = []
  #asked = 0
  #idle: (() => void)[] = []
  #ended = false

  constructor(db: PGlite) {
    this.#db = db
  }

  /**
   * One session, many callers: a web process on PGlite serves its requests one statement at a time.
   * Handing the session over in the order requests arrived, rather than statements, finishes each
   * request before later ones (a request makes several statements, one after another: in plain
   * arrival order each of them would wait behind every request that arrived meanwhile, and under load
   * some requests would wait far longer than others). Between statements the event loop runs, so that
   * arriving requests are read and take their place.
   */
  async connect(): Promise<PoolClient> {
    if (this.#ended) throw new Error('The database pool has been closed.')
    if (this.#busy) {
      await new Promise<void>((grant) => {
        const waiting = { at: workStarted.getStore() ?? Date.now(), order: this.#asked++, grant }
        const before = this.#waiting.findIndex((other) => other.at > waiting.at)
        this.#waiting.splice(before < 0 ? this.#waiting.length : before, 0, waiting)
      })
    }
    this.#busy = true
    let done = false
    return {
      query: <R>(text: string, values?: readonly unknown[]) => runQuery<R>(this.#db, text, values),
      release: () => {
        if (done) return
        done = true
        this.#handOver()
      },
    }
  }

  #handOver(): void {
    const next = this.#waiting.shift()
    if (next) {
      setImmediate(next.grant)
      return
    }
    this.#busy = false
    for (const resolve of this.#idle.splice(0)) resolve()
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
    if (this.#busy) await new Promise<void>((resolve) => this.#idle.push(resolve))
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
