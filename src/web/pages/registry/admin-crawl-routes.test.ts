import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUEUES } from '../../../jobs.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { openSession } from '../../../usecases/agents/open-session.ts'
import { buildApp } from '../../app.tsx'

const HOSTILE = '<script>alert("crawl")</script>'
let context: TestContext
let app: FastifyInstance
let staleId: string

beforeAll(async () => {
  context = await createTestContext({ queue: true })
  const db = context.database.db
  const body = await db.insertInto('organisation').values({ slug: 'dinum', name: 'Direction du numérique', kind: 'agency' }).returning('id').executeTakeFirstOrThrow()
  const source = (url: string, owner: string, extra: object) =>
    db
      .insertInto('source')
      .values({ url, forge: 'github', host: 'github.com', api_url: 'https://api.github.com', owner, organisation_id: body.id, ...extra })
      .returning('id')
      .executeTakeFirstOrThrow()
  const started = new Date(Date.now() - 60_000)
  await source('https://github.com/etalab', 'etalab', { status: 'ok', last_crawled_at: new Date(), repository_count: 120 })
  staleId = (await source('https://github.com/broken', 'broken', { status: 'stale', last_error: HOSTILE, updated_at: new Date() })).id
  for (let i = 0; i < 60; i++) await source(`https://github.com/new-${String(i).padStart(2, '0')}`, `new-${i}`, {})
  await context.stores.crawl.startPass({ full: false, sourceId: null, sourceCount: 62 }, started)
  await context.stores.crawl.passProgressed((await db.selectFrom('crawl_pass').select('id').executeTakeFirstOrThrow()).id, 7, new Date())
  app = await buildApp(context, { logger: false })
})
afterAll(async () => {
  await app.close()
  await context.close()
})

/** A signed-in browser: an agent of the given role, or the holder of the administrator token (null). */
async function signedIn(role: 'agent' | 'moderator' | 'admin' | null): Promise<Record<string, string>> {
  let agentId: string | null = null
  if (role) {
    const email = `${role}@numerique.gouv.fr`
    agentId = (await context.stores.agents.findOrCreate(email, role)).agent.id
    await context.stores.agents.setRole(email, role)
  }
  const session = await openSession(context.stores, agentId, 'test')
  return { socle_session: session.token }
}

async function get(url: string, cookies: Record<string, string> = {}) {
  const response = await app.inject({ method: 'GET', url, cookies })
  for (const cookie of response.cookies as { name: string; value: string }[]) cookies[cookie.name] = cookie.value
  return response
}

function post(url: string, cookies: Record<string, string>, form: Record<string, string>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, cookies, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() })
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1]

describe('the crawl administration page', () => {
  it('asks visitors to sign in and refuses agents', async () => {
    const visitor = await get('/fr/administration/crawl')
    expect(visitor.statusCode).toBe(401)
    expect(visitor.body).toContain('/fr/connexion?retour=')
    expect((await get('/fr/administration/crawl', await signedIn('agent'))).statusCode).toBe(403)
    expect((await post('/fr/administration/crawl/start', await signedIn('agent'), {})).statusCode).toBe(403)
  })

  it('shows moderators the sources, their state and errors, escaped, and the crawl in progress, without buttons', async () => {
    const moderator = await signedIn('moderator')
    const page = await get('/fr/administration/crawl', moderator)
    expect(page.statusCode).toBe(200)
    const html = page.body
    expect(html).toContain('href="https://github.com/etalab"')
    expect(html).toContain('Direction du numérique')
    expect(html).toContain('En échec')
    expect(html).not.toContain(HOSTILE)
    expect(html).toContain('&lt;script>alert(&quot;crawl&quot;)&lt;/script>')
    expect(html).toMatch(/Sources moissonnées<\/dt><dd>1 \/ 62<\/dd>/)
    expect(html).toMatch(/Sources en échec<\/dt><dd>1<\/dd>/)
    expect(html).toMatch(/Requêtes aux forges<\/dt><dd>7<\/dd>/)
    expect(html).toContain('>en cours</p>')
    expect(html).toContain('>Actualiser</a>')
    expect(html).not.toContain('http-equiv="refresh"')
    expect(html).not.toContain('name="_csrf"')
    // Moderators read but cannot act, even with a token of their own page.
    const admin = await signedIn('admin')
    const token = csrfOf((await get('/fr/administration/crawl', admin)).body)!
    expect((await post('/fr/administration/crawl/start', moderator, { _csrf: token })).statusCode).toBe(403)
  })

  it('filters by state and pages on the server', async () => {
    const moderator = await signedIn('moderator')
    const stale = (await get('/fr/administration/crawl?state=stale', moderator)).body
    expect(stale).toContain('https://github.com/broken')
    expect(stale).not.toContain('href="https://github.com/etalab"')
    const first = (await get('/fr/administration/crawl', moderator)).body
    expect(first).toContain('https://github.com/new-47')
    expect(first).not.toContain('https://github.com/new-48')
    expect(first).toContain('href="/fr/administration/crawl?page=2"')
    const second = (await get('/fr/administration/crawl?page=2', moderator)).body
    expect(second).toContain('https://github.com/new-59')
    for (const query of ['state=nope', 'page=-1', 'page=abc', 'state[]=ok']) expect((await get(`/fr/administration/crawl?${query}`, moderator)).statusCode, query).toBe(200)
  })

  it('lets administrators start a crawl, a full crawl or a recrawl of one source, with the page’s token only', async () => {
    const admin = await signedIn('admin')
    const page = await get('/en/administration/crawl', admin)
    expect(page.body).toContain('Crawl every source')
    const token = csrfOf(page.body)!
    expect((await post('/en/administration/crawl/start', admin, {})).statusCode).toBe(403)
    expect((await post('/en/administration/crawl/start', admin, { _csrf: 'forged' })).statusCode).toBe(403)
    expect(await context.queue!.pending(QUEUES.crawlAll)).toBe(0)

    const started = await post('/en/administration/crawl/start', admin, { _csrf: token, full: 'yes' })
    expect(started.statusCode).toBe(303)
    expect(started.headers.location).toBe('/en/administration/crawl?info=queued')
    expect(await context.queue!.pending(QUEUES.crawlAll)).toBe(1)
    expect((await get('/en/administration/crawl?info=queued', admin)).body).toContain('The crawl is queued')

    const recrawl = await post('/en/administration/crawl/source', admin, { _csrf: token, source: staleId })
    expect(recrawl.statusCode).toBe(303)
    expect(await context.queue!.pending(QUEUES.crawlSource)).toBe(1)
    const after = (await get('/en/administration/crawl', admin)).body
    expect(after).toContain('Crawl of https://github.com/broken')
    expect(after).toMatch(/Sources crawled<\/dt><dd>0 \/ 1<\/dd>/)
    expect(after).toContain('>in progress</p>')

    for (const source of ['', 'not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      const refused = await post('/en/administration/crawl/source', admin, { _csrf: token, source })
      expect(refused.statusCode, source).toBe(400)
      expect(refused.body).toContain('This source does not exist')
    }
  })

  it('lets the administrator token act too, and is linked from the agents’ administration', async () => {
    const holder = await signedIn(null)
    const agents = await get('/fr/administration/agents', holder)
    expect(agents.body).toContain('href="/fr/administration/crawl"')
    const token = csrfOf((await get('/fr/administration/crawl', holder)).body)!
    expect((await post('/fr/administration/crawl/start', holder, { _csrf: token })).statusCode).toBe(303)
  })
})
