import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'

/**
 * The heartbeat job proves the job system end to end: it records which worker ran which job. The
 * unique job id makes a second execution of the same job fail loudly instead of passing unseen.
 */
export async function recordHeartbeat(db: Kysely<DB>, job: { id: string; queue: string }, worker: string): Promise<void> {
  await db.insertInto('job_execution').values({ job_id: job.id, queue: job.queue, worker }).execute()
}
