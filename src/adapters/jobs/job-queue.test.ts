import { afterAll, beforeAll, expect, it } from 'vitest'
import { QUEUES, startWorkers } from '../../jobs.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { waitFor } from '../../testing/processes.ts'
import { openTestDatabase, testDatabaseKind } from '../../testing/test-database.ts'
import { startJobQueue } from './job-queue.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext({ queue: true })
})
afterAll(() => context.close())

it('runs each job once even with several handlers on the queue', async () => {
  const queue = context.queue!
  const seen: string[] = []
  await queue.work('test.fanout', async (job) => void seen.push(job.id))
  await queue.work('test.fanout', async (job) => void seen.push(job.id))
  const ids: string[] = []
  for (let i = 0; i < 10; i++) ids.push(await queue.enqueue('test.fanout', { i }))
  await waitFor(async () => seen.length >= 10, 30_000, 'ten jobs')
  await new Promise((resolve) => setTimeout(resolve, 1500))
  expect([...seen].sort()).toEqual([...ids].sort())
})

it('records heartbeats through the registered workers', async () => {
  await startWorkers(context.queue!, context)
  const id = await context.queue!.enqueue(QUEUES.heartbeat, {})
  const row = await waitFor(
    () => context.database.db.selectFrom('job_execution').selectAll().where('job_id', '=', id).executeTakeFirst(),
    30_000,
    'heartbeat',
  )
  expect(row.queue).toBe(QUEUES.heartbeat)
  expect(row.worker).toContain(String(process.pid))
})

it('vacuums and analyses the database', async () => {
  await context.database.executeSql('create table vacuumed (n int); insert into vacuumed select generate_series(1, 100); delete from vacuumed where n > 50')
  const id = await context.queue!.enqueue(QUEUES.vacuum, {})
  await waitFor(async () => (await context.queue!.pending(QUEUES.vacuum)) === 0, 30_000, 'vacuum done')
  const job = await context.database.executeSql<{ state: string }>(`select state::text from pgboss.job where id = '${id}'`)
  expect(job.rows[0]?.state).toBe('completed')
  // The vacuum's own counts (a table's live and dead rows may still be overwritten by its earlier
  // writes' statistics, flushed later): it vacuumed and analysed the table.
  const counts = async () =>
    (await context.database.executeSql<{ vacuums: number; analyses: number }>("select vacuum_count::int as vacuums, analyze_count::int as analyses from pg_stat_user_tables where relname = 'vacuumed'")).rows[0]
  expect(await waitFor(async () => ((await counts())?.vacuums ?? 0) > 0 && (await counts()), 15_000, 'the vacuum counted')).toEqual({ vacuums: 1, analyses: 1 })
})

it('fails a failing job alone and completes the rest of its batch', async () => {
  const queue = context.queue!
  const done: number[] = []
  await queue.work('test.failing', async (job) => {
    const { i } = job.data as { i: number }
    if (i === 2) throw new Error('boom')
    done.push(i)
  })
  for (let i = 0; i < 5; i++) await queue.enqueue('test.failing', { i }, { retryLimit: 0 })
  await waitFor(async () => done.length === 4, 30_000, 'four jobs')
  // pg-boss completes a batch after its handler returns: read the states once the queue has drained.
  await waitFor(async () => (await queue.pending('test.failing')) === 0, 30_000, 'queue drained')
  const states = await context.database.executeSql<{ state: string; n: number }>(
    "select state::text, count(*)::int as n from pgboss.job where name = 'test.failing' group by state order by state",
  )
  expect(states.rows).toEqual([
    { state: 'completed', n: 4 },
    { state: 'failed', n: 1 },
  ])
})

it.runIf(testDatabaseKind === 'postgres')('creates the same new queues from several processes at once (pg-boss’s DDL can deadlock: the loser retries)', async () => {
  const database = await openTestDatabase()
  const queues = await Promise.all([1, 2, 3].map(() => startJobQueue(database, { role: 'worker' })))
  try {
    const names = Array.from({ length: 8 }, (_, i) => `test.race-${i}`)
    await Promise.all(queues.map((queue) => Promise.all(names.map((name) => queue.work(name, async () => {})))))
    const created = await database.executeSql<{ n: number }>("select count(*)::int as n from pgboss.queue where name like 'test.race-%'")
    expect(created.rows[0]!.n).toBe(8)
  } finally {
    await Promise.all(queues.map((queue) => queue.stop()))
    await database.close()
  }
})
