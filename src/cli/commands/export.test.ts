import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSocle } from '../../testing/processes.ts'
import { openTestDatabase, testDatabaseKind, type TestDatabase } from '../../testing/test-database.ts'

let folder: string
let database: TestDatabase | undefined
let env: Record<string, string>

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'socle-export-'))
  // With the demo content, loaded by the first run: organisations to export.
  if (testDatabaseKind === 'postgres') {
    database = await openTestDatabase()
    env = { DATABASE_URL: database.url!, SOCLE_DEMO: 'true' }
  } else env = { SOCLE_DATA_DIR: path.join(folder, 'data'), SOCLE_DEMO: 'true' }
})
afterAll(async () => {
  await database?.close()
  await rm(folder, { recursive: true, force: true })
})

// bin/socle.js runs an export in a thread of its own: its output, errors and exit code are the process's.
describe('socle export', { timeout: 180_000 }, () => {
  it('writes a dataset to standard output as JSON, and as CSV with its header', async () => {
    const json = await runSocle(['export', 'organisations'], env)
    expect(json.code, json.output).toBe(0)
    const organisations = JSON.parse(json.output) as { slug: string }[]
    expect(organisations.length).toBeGreaterThan(0)
    const csv = await runSocle(['export', 'organisations', '--format', 'csv'], env)
    expect(csv.code, csv.output).toBe(0)
    const lines = csv.output.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^slug,name,/)
    expect(lines).toHaveLength(organisations.length + 1)
  })

  it('exits 2 on an unknown dataset, saying which ones exist', async () => {
    const { code, output } = await runSocle(['export', 'nothing'], env)
    expect(code).toBe(2)
    expect(output).toContain('socle: Unknown dataset "nothing": choose one of software, repositories, organisations, dependencies, libraries.')
  })
})
