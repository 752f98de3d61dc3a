import path from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGitRepository, startGitHttpServer, temporaryFolder, type TestServer } from '../../../adapters/git/test-servers.ts'
import { compliantRepository } from '../../../domain/compliance/fixtures.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { buildApp } from '../../app.tsx'
import { openApiDocument } from '../openapi.ts'
import { checkRoutes } from './check.ts'

let base: { folder: string; remove(): Promise<void> }
let server: TestServer
let context: TestContext
let app: FastifyInstance
/** The same app with the default configuration: no private address allowed. */
let strict: FastifyInstance

beforeAll(async () => {
  base = await temporaryFolder()
  await createGitRepository(base.folder, 'compliant', compliantRepository())
  server = await startGitHttpServer(base.folder)
  context = await createTestContext({ config: { fetchAllowedAddresses: ['127.0.0.1'] } })
  app = await buildApp(context, { logger: false })
  strict = await buildApp({ ...context, config: { ...context.config, fetchAllowedAddresses: [] } }, { logger: false })
})
afterAll(async () => {
  await app?.close()
  await strict?.close()
  await context?.close()
  await server?.stop()
  await base?.remove()
})

const post = (url: string, payload: unknown, on = app) => on.inject({ method: 'POST', url, payload: payload as Record<string, unknown> })

describe('POST /api/v1/check', () => {
  it('checks the repository at a URL', async () => {
    const response = await post('/api/v1/check', { url: `${server.base}/compliant` })
    expect(response.statusCode, response.body).toBe(200)
    const report = response.json()
    expect(report).toMatchObject({ target: `${server.base}/compliant`, score: 100, compliant: true })
    expect(report.rules).toHaveLength(11)
  })

  it('refuses private addresses with refused_url', async () => {
    const response = await post('/api/v1/check', { url: `${server.base}/compliant` }, strict)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'refused_url', message: expect.stringContaining('not a public address') })
    expect((await post('/api/v1/check', { url: 'http://169.254.169.254/latest' }, strict)).json().error.code).toBe('refused_url')
  })

  it('accepts http(s) URLs only', async () => {
    for (const url of ['file:///etc/passwd', `git://127.0.0.1/${path.basename(base.folder)}`, '/etc', 'https://']) {
      const response = await post('/api/v1/check', { url })
      expect(response.statusCode, url).toBe(400)
      expect(response.json().error.details[0].field).toBe('body.url')
    }
    expect((await post('/api/v1/check', {})).json().error.code).toBe('invalid_request')
  })

  it('answers 422 when the repository cannot be cloned', async () => {
    const response = await post('/api/v1/check', { url: `${server.base}/missing` })
    expect(response.statusCode).toBe(422)
    expect(response.json().error.code).toBe('clone_failed')
  })

  it('is described in OpenAPI', async () => {
    const document = openApiDocument(checkRoutes(), { version: 'test', serverUrl: 'http://localhost' })
    expect(Object.keys(document.paths as object)).toEqual(['/api/v1/check'])
    expect((await new Validator().validate(document as never)).valid).toBe(true)
  })
})
