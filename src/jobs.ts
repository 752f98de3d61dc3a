import os from 'node:os'
import type { JobQueue } from './adapters/jobs/job-queue.ts'
import type { Context } from './context.ts'
import { recordHeartbeat } from './usecases/system/record-heartbeat.ts'

/** Every background job Socle runs, by queue name. Later features add their queues here. */
export const QUEUES = {
  heartbeat: 'system.heartbeat',
} as const

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

export const queueNames = Object.values(QUEUES) as [QueueName, ...QueueName[]]

/** Starts the handlers of every queue on this process. */
export async function startWorkers(queue: JobQueue, context: Pick<Context, 'database'>): Promise<void> {
  const worker = `${os.hostname()}:${process.pid}`
  await queue.work(QUEUES.heartbeat, (job) => recordHeartbeat(context.database.db, { id: job.id, queue: QUEUES.heartbeat }, worker))
}
