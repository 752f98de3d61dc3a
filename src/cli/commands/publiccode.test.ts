import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSocle } from '../../testing/processes.ts'

let server: http.Server
let origin: string
let folder: string

beforeAll(async () => {
  server = http.createServer((request, response) => response.writeHead(request.url === '/found' ? 200 : 404).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  folder = await mkdtemp(path.join(os.tmpdir(), 'socle-publiccode-'))
  // A valid file whose only URL is `url`, pointed at the local server.
  const valid = await readFile(new URL('../../../../shared/conformance/publiccode/valid/maintenance_contacts_when_type_is_internal.yml', import.meta.url), 'utf8')
  await writeFile(path.join(folder, 'found.yml'), valid.replace(/^url: .*$/m, `url: "${origin}/found"`))
  await writeFile(path.join(folder, 'missing.yml'), valid.replace(/^url: .*$/m, `url: "${origin}/missing"`))
})
afterAll(async () => {
  server?.closeAllConnections()
  server?.close()
  await rm(folder, { recursive: true, force: true })
})

const loopback = { SOCLE_FETCH_ALLOWED_ADDRESSES: '127.0.0.1' }

describe('socle publiccode validate --network', () => {
  it('fetches the URLs and fails on those that do not answer', async () => {
    const found = await runSocle(['publiccode', 'validate', '--network', path.join(folder, 'found.yml')], loopback)
    expect(found.code, found.output).toBe(0)
    expect(found.output).toContain('found.yml: valid (version 0)')

    const missing = await runSocle(['publiccode', 'validate', '--network', '--json', path.join(folder, 'missing.yml')], loopback)
    expect(missing.code).toBe(1)
    const [report] = JSON.parse(missing.output.slice(0, missing.output.lastIndexOf(']') + 1))
    expect(report.errors).toEqual([{ key: 'url', message: `${origin}/missing answered HTTP 404, 2xx expected`, line: null, column: null }])
  })

  it('refuses private addresses unless SOCLE_FETCH_ALLOWED_ADDRESSES lists them, and fetches nothing without --network', async () => {
    const refused = await runSocle(['publiccode', 'validate', '--network', path.join(folder, 'found.yml')])
    expect(refused.code).toBe(1)
    expect(refused.output).toMatch(/error \S+found\.yml url: \S+ was not fetched: 127\.0\.0\.1 is not a public address/)

    const offline = await runSocle(['publiccode', 'validate', path.join(folder, 'missing.yml')])
    expect(offline.code, offline.output).toBe(0)
  })
})
