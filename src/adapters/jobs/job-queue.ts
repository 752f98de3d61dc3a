import PgBoss from 'pg-boss'
import type { Database } from '../db/database.ts'

/**
 * Background jobs on pg-boss, in the same database as the data: on PGlite through the pool of one,
 * on PostgreSQL through its own connections, so that any number of workers share the queues and each
 * job runs once.
 */
export interface JobQueue {
  /** Creates the queue if needed and adds a job; answers the job id. */
  enqueue(queue: string, data: object, options?: { retryLimit?: number }): Promise<string>
  /** Runs `handler` for each job of the queue, one at a time per call, until `stop()`. */
  work(queue: string, handler: (job: { id: string; data: unknown }) => Promise<void>): Promise<void>
  /** Enqueues a job on a cron schedule (UTC), replacing the queue's previous schedule. */
  schedule(queue: string, cron: string, data: object): Promise<void>
  /** Jobs waiting or running, by queue. */
  pending(queue: string): Promise<number>
  stop(): Promise<void>
}

export interface JobQueueOptions {
  /** A worker process supervises (maintenance, scheduling); a web-only process only enqueues. */
  role: 'web' | 'worker' | 'all'
  pollingIntervalSeconds?: number
}

/** PostgreSQL's error code for a deadlock. */
const DEADLOCK_DETECTED = '40P01'

export async function startJobQueue(database: Database, options: JobQueueOptions): Promise<JobQueue> {
  const supervise = options.role !== 'web'
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    supervise,
    schedule: supervise,
    migrate: true,
  })
  boss.on('error', (error) => {
    // Maintenance errors (a lost connection, say) are retried by pg-boss at its next interval.
    process.emitWarning(`job queue: ${error.message}`)
  })
  await boss.start()
  const created = new Set<string>()
  const ensureQueue = async (queue: string) => {
    if (created.has(queue)) return
    // Processes starting together create the same queues: pg-boss's queue DDL (a partition and its
    // constraints) can then deadlock, and the server aborts one side, which tries again.
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await boss.getQueue(queue))) await boss.createQueue(queue)
        break
      } catch (error) {
        if ((error as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= 10) throw error
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * attempt))
      }
    }
    created.add(queue)
  }
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1
  return {
    async enqueue(queue, data, jobOptions = {}) {
      await ensureQueue(queue)
      const id = await boss.send(queue, data, { retryLimit: jobOptions.retryLimit ?? 3, retryBackoff: true })
      if (!id) throw new Error(`The job queue ${queue} refused the job.`)
      return id
    },
    async work(queue, handler) {
      await ensureQueue(queue)
      // pg-boss waits a polling interval between fetches, so a worker takes a batch at a time. Jobs of
      // a batch run one after another; a failing job is failed (and retried) alone, and pg-boss then
      // completes only the jobs still active.
      await boss.work(queue, { pollingIntervalSeconds, batchSize: 10 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler({ id: job.id, data: job.data })
          } catch (error) {
            await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) })
          }
        }
      })
    },
    async schedule(queue, cron, data) {
      await ensureQueue(queue)
      await boss.schedule(queue, cron, data, { tz: 'UTC' })
    },
    async pending(queue) {
      await ensureQueue(queue)
      return await boss.getQueueSize(queue, { before: 'completed' })
    },
    async stop() {
      // Graceful: running jobs finish (up to the timeout) before the database is closed.
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
