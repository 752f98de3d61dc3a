import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSocle } from '../../testing/processes.ts'
import { openTestDatabase, testDatabaseKind, type TestDatabase } from '../../testing/test-database.ts'

const SILL_2022 = fileURLToPath(new URL('../../../../shared/data/sill-2022/', import.meta.url))
const SILL = path.join(SILL_2022, 'sill.json')

let folder: string
let database: TestDatabase | undefined
let env: Record<string, string>
let server: http.Server
let origin: string

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'socle-import-sill-'))
  // Without demo content: `socle export` would load it into the embedded database otherwise.
  if (testDatabaseKind === 'postgres') {
    database = await openTestDatabase()
    env = { DATABASE_URL: database.url!, SOCLE_DEMO: 'false' }
  } else env = { SOCLE_DATA_DIR: path.join(folder, 'data'), SOCLE_DEMO: 'false' }
  server = http.createServer((request, response) => {
    const name = request.url === '/sill.json' ? 'sill.json' : request.url === '/sill-updates.json' ? 'sill-updates.json' : undefined
    if (!name) return void response.writeHead(404).end()
    readFile(path.join(SILL_2022, name)).then((body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server?.closeAllConnections()
  server?.close()
  await database?.close()
  await rm(folder, { recursive: true, force: true })
})

// Each run starts a process that opens (the first time, creates) and migrates a database.
describe('socle import sill', { timeout: 180_000 }, () => {
  it('imports the SILL 2022 with the change log beside it, reports the problems, and exits 0', async () => {
    const { code, output } = await runSocle(['import', 'sill', SILL], env)
    expect(code, output).toBe(0)
    expect(output).toContain(`SILL 2022 format: 240 software imported, 0 updated, 0 unchanged; 98 change-log line(s) recorded from ${path.join(SILL_2022, 'sill-updates.json')}; 16 problem(s).`)
    expect(output).toContain('SILL id 233 "Onyxia": si: similar software "AWS" is not in the catalogue')
    const exported = await runSocle(['export', 'software'], env)
    expect(JSON.parse(exported.output)).toHaveLength(240)
  })

  it('fetches a URL through the guarded fetch, and finds everything already there', async () => {
    const args = ['import', 'sill', `${origin}/sill.json`, '--updates', `${origin}/sill-updates.json`]
    const refused = await runSocle(args, env)
    expect(refused.code).toBe(1)
    expect(refused.output).toContain('127.0.0.1 is not a public address')
    const { code, output } = await runSocle(args, { ...env, SOCLE_FETCH_ALLOWED_ADDRESSES: '127.0.0.1' })
    expect(code, output).toBe(0)
    expect(output).toContain('SILL 2022 format: 0 software imported, 0 updated, 240 unchanged; 0 change-log line(s) recorded')
    const missing = await runSocle(['import', 'sill', `${origin}/nothing.json`], { ...env, SOCLE_FETCH_ALLOWED_ADDRESSES: '127.0.0.1' })
    expect(missing.code).toBe(1)
    expect(missing.output).toContain(`Cannot fetch ${origin}/nothing.json: it answered HTTP 404.`)
  })

  it('exits 1 on a file it cannot read or that is not the SILL, saying where', async () => {
    const broken = path.join(folder, 'broken.json')
    await writeFile(broken, '[\n  {"id": "1", "i": "7zip"},\n  {"id": "2" "i": "Ardour"}\n]\n')
    const invalid = await runSocle(['import', 'sill', broken], env)
    expect(invalid.code).toBe(1)
    expect(invalid.output).toContain(`socle: ${broken} is not valid JSON at line 3, column 14 (offset 43): Expected ',' or '}' after property value.`)

    const notSill = path.join(folder, 'not-sill.json')
    await writeFile(notSill, '{"software": []}')
    const wrong = await runSocle(['import', 'sill', notSill], env)
    expect(wrong.code).toBe(1)
    expect(wrong.output).toContain('socle: The SILL must be a JSON array of software entries, not an object.')

    const missing = await runSocle(['import', 'sill', path.join(folder, 'none.json')], env)
    expect(missing.code).toBe(1)
    expect(missing.output).toContain('no such file')
  })

  it('exits 2 on bad usage', async () => {
    const { code } = await runSocle(['import', 'sill'], env)
    expect(code).toBe(2)
  })
})
