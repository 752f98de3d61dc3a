import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { DB } from '../schema.ts'

const HOUR = 3_600_000

/**
 * Events counted per key over a sliding hour, in the database, so that every web process counts the
 * same (a limit kept in each process's memory multiplies with the processes and forgets at restart).
 * Keys are stored hashed: what is counted (an email address, a client address) is never kept.
 */
export class RateEventStore {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Records an event for every key when none of them has reached `perHour` events within the hour,
   * and answers 0; otherwise records nothing and answers the seconds until all of them may act again.
   * Concurrent takes of one key wait for each other (a lock per key), so a burst never overshoots.
   */
  async take(keys: readonly string[], perHour: number, now = new Date()): Promise<number> {
    const hashed = [...new Set(keys.map((key) => createHash('sha256').update(`socle-rate:${key}`).digest('base64url')))].sort()
    const hourAgo = new Date(now.getTime() - HOUR)
    return await this.db.transaction().execute(async (trx) => {
      for (const key of hashed) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx)
      await trx.deleteFrom('rate_event').where('at', '<=', hourAgo).execute()
      const counts = await trx
        .selectFrom('rate_event')
        .select(['key', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min<Date>('at').as('first')])
        .where('key', 'in', hashed)
        .where('at', '>', hourAgo)
        .groupBy('key')
        .execute()
      const wait = Math.max(0, ...counts.filter((row) => Number(row.n) >= perHour).map((row) => Math.ceil((new Date(row.first).getTime() + HOUR - now.getTime()) / 1000)))
      if (wait > 0) return wait
      await trx.insertInto('rate_event').values(hashed.map((key) => ({ key, at: now }))).execute()
      return 0
    })
  }
}
