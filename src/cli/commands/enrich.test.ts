import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ComptoirServer, startComptoirServer } from '../../testing/comptoir-server.ts'
import { runSocle } from '../../testing/processes.ts'
import { openTestDatabase, testDatabaseKind, type TestDatabase } from '../../testing/test-database.ts'
import { startWikidataServer, type WikidataServer } from '../../testing/wikidata-server.ts'

let folder: string
let database: TestDatabase | undefined
let env: Record<string, string>
let wikidata: WikidataServer
let comptoir: ComptoirServer

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'socle-enrich-'))
  ;[wikidata, comptoir] = await Promise.all([startWikidataServer(), startComptoirServer()])
  const sources = { SOCLE_WIKIDATA_URL: wikidata.url, SOCLE_WIKIDATA_RATE: '50', SOCLE_COMPTOIR_URL: comptoir.url, SOCLE_DEMO: 'false' }
  if (testDatabaseKind === 'postgres') {
    database = await openTestDatabase()
    env = { ...sources, DATABASE_URL: database.url! }
  } else env = { ...sources, SOCLE_DATA_DIR: path.join(folder, 'data') }
})
afterAll(async () => {
  await Promise.all([wikidata?.close(), comptoir?.close()])
  await database?.close()
  await rm(folder, { recursive: true, force: true })
})

// Each run starts a process that opens (the first time, creates) and migrates a database.
describe('socle enrich', { timeout: 180_000 }, () => {
  it('enriches the demo catalogue from Wikidata, says what failed (exit 1), and refuses an unknown source (exit 2)', async () => {
    expect((await runSocle(['import', 'demo'], env)).code).toBe(0)
    const { code, output } = await runSocle(['enrich', '--source', 'wikidata'], env)
    expect(code, output).toBe(1)
    // The local Wikidata has LibreOffice, VLC and Firefox only: the other demo items are reported, their data kept.
    expect(output).toMatch(/wikidata: 19 software looked up, 2 updated, \d+ value\(s\) kept as a person set them, 16 failed\./)
    expect(output).toContain('wikidata: gimp: Wikidata has no item Q8038. (its data is kept)')
    expect(wikidata.requests.every((r) => r.startsWith('/w/api.php?'))).toBe(true)
    const bad = await runSocle(['enrich', '--source', 'forge'], env)
    expect(bad.code).toBe(2)
    expect(bad.output).toContain("Allowed choices are wikidata, comptoir, registry")
  })
})
