import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { buildApp } from '../../app.tsx'
import { mountRoutes } from '../define.ts'
import { openingRoutes } from './opening.ts'

// A valid file whose only URL is `url`, which each test points somewhere.
const valid = readFileSync(new URL('../../../../../shared/conformance/publiccode/valid/maintenance_contacts_when_type_is_internal.yml', import.meta.url), 'utf8')
const withUrl = (url: string) => valid.replace(/^url: .*$/m, `url: "${url}"`)

let server: http.Server
let origin: string
let context: TestContext
let app: FastifyInstance

beforeAll(async () => {
  server = http.createServer((request, response) => response.writeHead(request.url === '/found' ? 200 : 404).end())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  context = await createTestContext()
  app = await buildApp(context, { logger: false })
  // The same routes with the loopback address allowed, beside the app's own (which refuse it).
  await app.register(async (api) => mountRoutes(api, openingRoutes({ allowedAddresses: ['127.0.0.1'] }), undefined), { prefix: '/loopback/api/v1' })
})
afterAll(async () => {
  await app?.close()
  await context?.close()
  server?.closeAllConnections()
  server?.close()
})

const validate = (path: string, body: string) => app.inject({ method: 'POST', url: path, headers: { 'content-type': 'text/plain' }, payload: body })

describe('POST /api/v1/publiccode/validate?network=true', () => {
  it('fetches the URLs of a valid file and reports those that do not answer', async () => {
    const found = await validate('/loopback/api/v1/publiccode/validate?network=true', withUrl(`${origin}/found`))
    expect(found.statusCode, found.body).toBe(200)
    expect(found.json()).toMatchObject({ valid: true, errors: [] })

    const missing = await validate('/loopback/api/v1/publiccode/validate?network=true', withUrl(`${origin}/missing`))
    expect(missing.json()).toMatchObject({ valid: false, errors: [{ key: 'url', message: `${origin}/missing answered HTTP 404, 2xx expected`, line: null, column: null }] })
  })

  it('leaves the network alone without the flag', async () => {
    const response = await validate('/loopback/api/v1/publiccode/validate?network=false', withUrl(`${origin}/missing`))
    expect(response.json()).toMatchObject({ valid: true, errors: [] })
  })

  it('refuses private addresses, as an error of the key', async () => {
    for (const url of [`${origin}/found`, 'http://169.254.169.254/latest/meta-data/']) {
      const response = await validate('/api/v1/publiccode/validate?network=true', withUrl(url))
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({ valid: false, errors: [{ key: 'url', message: expect.stringContaining('is not a public address') }] })
    }
  })

  it('names a wrong flag', async () => {
    const response = await validate('/api/v1/publiccode/validate?network=yes', valid)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'invalid_request', details: [expect.objectContaining({ field: 'query.network' })] })
  })
})
