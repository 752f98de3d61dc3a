import { Validator } from '@seriousme/openapi-schema-validator'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../testing/test-context.ts'
import { loadDemoContent } from '../usecases/system/load-demo-content.ts'
import { apiRoutes, buildApp } from './app.tsx'

const ADMIN_TOKEN = 'test-admin-token-0123456789'
let context: TestContext
let app: FastifyInstance

beforeAll(async () => {
  context = await createTestContext({ config: { adminToken: ADMIN_TOKEN, apiRateLimit: 1000 }, queue: true })
  await loadDemoContent(context.database.db)
  await context.stores.software.insert([
    { slug: 'xss', name: '<script>alert("name")</script>', description_fr: '<img src=x onerror=alert(1)>', description_en: 'x' },
  ])
  app = await buildApp(context, { logger: false })
})
afterAll(async () => {
  await app.close()
  await context.close()
})

describe('pages', () => {
  it('redirects / to the visitor’s language', async () => {
    expect((await app.inject('/')).headers.location).toBe('/fr/')
    expect((await app.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.5' } })).headers.location).toBe('/en/')
    expect((await app.inject({ url: '/', headers: { cookie: 'socle_lang=en' } })).headers.location).toBe('/en/')
  })

  it('serves the home page in French with demo content, the design system and hreflang links', async () => {
    const response = await app.inject('/fr/')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/html')
    const html = response.body
    expect(html).toContain('<html lang="fr"')
    expect(html).toContain('/dsfr/dsfr.min.css')
    expect(html).toContain('hreflang="en"')
    expect(html).toContain('Catalogue')
    expect(html).toContain('(démo)')
    expect(html).toMatch(/Accessibilité/)
  })

  it('serves the same page in English and remembers the choice', async () => {
    const response = await app.inject('/en/')
    expect(response.body).toContain('<html lang="en"')
    expect(response.body).toContain('Public code')
    expect(String(response.headers['set-cookie'])).toContain('socle_lang=en')
  })

  it('lists and searches the catalogue without JavaScript', async () => {
    const response = await app.inject('/fr/catalogue?q=tableur')
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('LibreOffice')
    expect(response.body).not.toContain('<script')
  })

  it('lists repositories and pages through them', async () => {
    const response = await app.inject('/fr/code')
    expect(response.body).toContain('formulaires-en-ligne')
    expect((await app.inject('/fr/code?page=abc')).statusCode).toBe(200)
  })

  it('shows a software page and a 404 page for an unknown one', async () => {
    expect((await app.inject('/fr/catalogue/libreoffice')).body).toContain('MPL-2.0')
    const missing = await app.inject('/fr/catalogue/nope')
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-type']).toContain('text/html')
  })

  it('escapes user content', async () => {
    const html = (await app.inject('/fr/catalogue/xss')).body
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script>alert')
    expect(html).not.toContain('<img src=x')
  })

  it('sends security headers and a request id', async () => {
    const response = await app.inject('/fr/')
    expect(response.headers['content-security-policy']).toContain("default-src 'self'")
    expect(response.headers['x-request-id']).toBeTruthy()
  })

  it('serves the design system assets', async () => {
    const response = await app.inject('/dsfr/dsfr.min.css')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('text/css')
  })
})

describe('API', () => {
  it('answers health and version', async () => {
    expect((await app.inject('/healthz')).json()).toMatchObject({ status: 'ok' })
    expect((await app.inject('/api/v1/version')).json()).toMatchObject({ name: 'socle', database: context.database.kind })
  })

  it('publishes a valid OpenAPI 3 document listing every route', async () => {
    const document = (await app.inject('/api/v1/openapi.json')).json()
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    for (const r of apiRoutes(context)) {
      const path = `/api/v1${r.path.replace(/:(\w+)/g, '{$1}')}`
      expect(document.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path}`).toBeDefined()
    }
  })

  it('renders a readable reference of the API', async () => {
    const html = (await app.inject('/en/api')).body
    expect(html).toContain('GET /api/v1/software')
  })

  it('answers unknown routes with the JSON error shape', async () => {
    const response = await app.inject('/api/v1/nothing-here')
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/v1/nothing-here.' } })
  })

  it('searches software and repositories', async () => {
    const software = (await app.inject('/api/v1/software?q=navigateur')).json()
    expect(software.items[0].name).toBe('Mozilla Firefox')
    const repositories = (await app.inject('/api/v1/repositories?organisation=demo-ville-exemple&limit=2')).json()
    expect(repositories).toMatchObject({ total: 4, nextCursor: expect.any(String) })
    expect(repositories.items).toHaveLength(2)
    expect(repositories.items[0].organisation.slug).toBe('demo-ville-exemple')
    expect((await app.inject('/api/v1/repositories?pageSize=2')).statusCode).toBe(400)
  })

  it('names the faulty query parameter', async () => {
    const response = await app.inject('/api/v1/software?pageSize=5000')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details[0].field).toBe('query.pageSize')
  })

  it('refuses malformed JSON with a 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/jobs',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: '{"queue": "system.heartbeat",',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('invalid_json')
    expect(response.json().error.details[0].field).toBe('body')
  })

  it('names the faulty body field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/jobs',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      payload: { queue: 'no.such.queue' },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details[0].field).toBe('body.queue')
  })

  it('needs the administrator token to enqueue jobs', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/admin/jobs', payload: { queue: 'system.heartbeat' } })
    expect(anonymous.statusCode).toBe(401)
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/admin/jobs', headers: { authorization: 'Bearer wrong-token-wrong-token' }, payload: { queue: 'system.heartbeat' } })
    expect(wrong.statusCode).toBe(403)
    const right = await app.inject({ method: 'POST', url: '/api/v1/admin/jobs', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { queue: 'system.heartbeat', count: 2 } })
    expect(right.statusCode).toBe(202)
    expect(right.json().ids).toHaveLength(2)
  })
})

describe('API rate limit', () => {
  it('answers 429 in the error shape past the limit', async () => {
    const limited = await buildApp({ ...context, config: { ...context.config, apiRateLimit: 2 } }, { logger: false })
    try {
      for (let i = 0; i < 2; i++) expect((await limited.inject('/api/v1/version')).statusCode).toBe(200)
      const response = await limited.inject('/api/v1/version')
      expect(response.statusCode).toBe(429)
      expect(response.json().error.code).toBe('rate_limited')
    } finally {
      await limited.close()
    }
  })
})

describe('publiccode.yml validation API', () => {
  it('validates YAML text and answers the report', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/publiccode/validate',
      headers: { 'content-type': 'application/yaml' },
      payload: 'publiccodeYmlVersion: "0.4"\nname: Demo\n',
    })
    expect(response.statusCode).toBe(200)
    const report = response.json()
    expect(report).toMatchObject({ file: 'publiccode.yml', valid: false, version: '0.4' })
    expect(report.errors.length).toBeGreaterThan(0)
    expect(report.errors[0]).toHaveProperty('key')
  })

  it('reports broken YAML with its line', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/publiccode/validate', headers: { 'content-type': 'text/yaml' }, payload: 'a: [1, 2\nb: }' })
    expect(response.statusCode).toBe(200)
    expect(response.json().valid).toBe(false)
    expect(response.json().errors[0].line).toBeTypeOf('number')
  })

  it('refuses a body over 1 MiB with 413', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/publiccode/validate', headers: { 'content-type': 'text/yaml' }, payload: 'a'.repeat(1024 * 1024 + 10) })
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('payload_too_large')
  })
})
