import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/adapters/db/database.ts'
import { freePort, runSocle, spawnSocle, waitFor, waitForHttp, type SocleProcess } from '../src/testing/processes.ts'
import { openTestDatabase, testDatabaseKind } from '../src/testing/test-database.ts'

const ADMIN_TOKEN = 'process-test-admin-token'

async function enqueue(port: number, count: number): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/admin/jobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ queue: 'system.heartbeat', count }),
  })
  if (response.status !== 202) throw new Error(`enqueue answered ${response.status}`)
  return ((await response.json()) as { ids: string[] }).ids
}

async function stop(processes: SocleProcess[]): Promise<(number | null)[]> {
  for (const p of processes) p.child.kill('SIGTERM')
  return await Promise.all(processes.map((p) => p.exited))
}

describe('the socle command', () => {
  it('prints help and exits 0', async () => {
    const { code, output } = await runSocle(['--help'])
    expect(code).toBe(0)
    expect(output).toContain('Usage: socle')
    for (const command of ['start', 'serve', 'worker', 'migrate', 'import', 'export']) expect(output).toContain(command)
  })

  it('exits 2 with one sentence on bad usage', async () => {
    const unknown = await runSocle(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.output.trim().split('\n').length).toBeLessThanOrEqual(2)
    const badKind = await runSocle(['export', 'planets'])
    expect(badKind.code).toBe(2)
    expect(badKind.output).toContain('Unknown dataset "planets"')
    expect(badKind.output).not.toMatch(/\n\s+at /)
  })

  it('exits 1 with a readable message on bad configuration', async () => {
    const { code, output } = await runSocle(['migrate'], { PORT: 'eighty' })
    expect(code).toBe(1)
    expect(output).toContain('Invalid environment variable PORT')
    expect(output).not.toMatch(/\n\s+at /)
  })
})

describe.runIf(testDatabaseKind === 'pglite')('embedded mode (PGlite)', () => {
  let dataDir: string
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }))

  it('loses no acknowledged write when stopped with SIGTERM mid-write, and starts again cleanly', async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'socle-pglite-'))
    const port = await freePort()
    const env = { SOCLE_DATA_DIR: dataDir, PORT: String(port), SOCLE_ADMIN_TOKEN: ADMIN_TOKEN }
    const server = spawnSocle(['start'], env)
    await waitForHttp(`http://127.0.0.1:${port}/healthz`)

    // Writes keep coming while the process is told to stop; only acknowledged ones must survive.
    const acknowledged: string[] = []
    let writing = true
    const writer = (async () => {
      while (writing) {
        try {
          acknowledged.push(...(await enqueue(port, 5)))
        } catch {
          writing = false
        }
      }
    })()
    await waitFor(async () => acknowledged.length >= 50, 30_000, 'fifty writes')
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    writing = false
    await writer

    const database = await openDatabase({ kind: 'pglite', dataDir })
    const stored = await database.executeSql<{ id: string }>('select id::text from pgboss.job where id = any($1::uuid[])', [acknowledged])
    await database.close()
    expect(stored.rows.length).toBe(acknowledged.length)

    const again = spawnSocle(['start'], env)
    const home = await waitForHttp(`http://127.0.0.1:${port}/fr/`)
    expect(await home.text()).toContain('LibreOffice')
    expect(await stop([again])).toEqual([0])
  })

  it('exports a dataset as JSON and CSV from the same data folder', async () => {
    const json = await runSocle(['export', 'software'], { SOCLE_DATA_DIR: dataDir })
    expect(json.code).toBe(0)
    const rows = JSON.parse(json.output) as { slug: string }[]
    expect(rows.map((r) => r.slug)).toContain('libreoffice')
    const csv = await runSocle(['export', 'repositories', '--format', 'csv'], { SOCLE_DATA_DIR: dataDir })
    expect(csv.code).toBe(0)
    const lines = csv.output.trim().split('\r\n')
    expect(lines[0]).toContain('organisation.slug')
    expect(lines).toHaveLength(21)
  })
})

describe.runIf(testDatabaseKind === 'postgres')('scaled mode (PostgreSQL)', () => {
  it('runs a job enqueued through the API exactly once with one web and two worker processes', async () => {
    const database = await openTestDatabase()
    const port = await freePort()
    const env = { DATABASE_URL: database.url, PORT: String(port), SOCLE_ADMIN_TOKEN: ADMIN_TOKEN }
    const processes = [spawnSocle(['serve'], env), spawnSocle(['worker'], env), spawnSocle(['worker'], env)]
    try {
      await waitForHttp(`http://127.0.0.1:${port}/healthz`)
      const ids = [...(await enqueue(port, 30)), ...(await enqueue(port, 30))]
      const runs = await waitFor(async () => {
        const rows = await database.db.selectFrom('job_execution').select(['job_id', 'worker']).execute()
        return rows.length >= ids.length ? rows : undefined
      }, 90_000, 'sixty heartbeats')
      // Leave time for any duplicate execution to show up before counting.
      await new Promise((resolve) => setTimeout(resolve, 2000))
      const all = await database.db.selectFrom('job_execution').select(['job_id', 'worker']).execute()
      expect(all).toHaveLength(ids.length)
      expect(new Set(all.map((r) => r.job_id))).toEqual(new Set(ids))
      expect(runs.every((r) => !r.worker.endsWith(`:${processes[0]!.child.pid}`))).toBe(true)
    } finally {
      const codes = await stop(processes)
      // The processes' own words explain a failed stop.
      expect({ codes, output: codes.some((c) => c !== 0) ? processes.map((p) => p.output()) : [] }).toEqual({ codes: [0, 0, 0], output: [] })
      await database.close()
    }
  })

  it('stops cleanly when told to while it is still starting', async () => {
    const database = await openTestDatabase()
    try {
      const worker = spawnSocle(['worker'], { DATABASE_URL: database.url })
      // As soon as the worker connects, well before it is ready (it still migrates and starts its queues).
      await waitFor(async () => {
        const { rows } = await database.executeSql<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')
        return rows[0]!.n > 0
      }, 30_000, 'the worker to connect')
      worker.child.kill('SIGTERM')
      expect({ code: await worker.exited, output: worker.output() }).toEqual({ code: 0, output: '' })
    } finally {
      await database.close()
    }
  })

  it('refuses to run a worker without DATABASE_URL', async () => {
    const { code, output } = await runSocle(['worker'], { SOCLE_DATA_DIR: os.tmpdir() })
    expect(code).toBe(1)
    expect(output).toContain('socle worker needs DATABASE_URL')
  })
})
