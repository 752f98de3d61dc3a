import { XMLValidator } from 'fast-xml-parser'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertBodyFixtures } from '../../../testing/registry-bodies.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { buildApp } from '../../app.tsx'

const HOSTILE = '<script>alert("body")</script>'
let context: TestContext
let app: FastifyInstance

beforeAll(async () => {
  context = await createTestContext()
  await insertBodyFixtures(context.database.db)
  const hostile = await context.database.db
    .insertInto('organisation')
    .values({ slug: 'hostile', name: HOSTILE, acronym: '<b>', kind: 'other', website: 'javascript:alert(1)', description: '<img src=x onerror=alert(2)>' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await context.database.db
    .insertInto('repository')
    .values({ forge: 'github', forge_host: 'github.com', owner: 'hostile', name: 'x', url: 'https://github.com/hostile/x', description: `${HOSTILE}\u0001`, organisation_id: hostile.id })
    .execute()
  app = await buildApp(context, { logger: false })
})
afterAll(async () => {
  await app.close()
  await context.close()
})

const get = (url: string) => app.inject(url)

describe('public bodies list', () => {
  it('lists every body with its repositories and its sub-bodies’, and links the feed', async () => {
    const response = await get('/fr/code/organisations')
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('href="/fr/code/organisations/ministere-test"')
    expect(html).toMatch(/Ministère de l’Essai<\/a> \(MTE\)<\/th><td>Ministère<\/td><td><\/td><td>29<\/td>/)
    expect(html).toContain('<link rel="alternate" type="application/atom+xml"')
    expect(html).not.toContain(HOSTILE)
    expect(html).toContain('&lt;script>alert(&quot;body&quot;)&lt;/script>')
  })

  it('searches names and acronyms without accents, and filters by kind', async () => {
    const search = (await get('/fr/code/organisations?q=DONNEES')).body
    expect(search).toContain('Service des données')
    expect(search).not.toContain('href="/fr/code/organisations/ministere-test"')
    const kind = (await get('/fr/code/organisations?kind=ministry')).body
    expect(kind).toContain('href="/fr/code/organisations/ministere-test"')
    expect(kind).not.toContain('href="/fr/code/organisations/dir-numerique"')
  })

  it('shows the tree, cut down to the matches and their parents', async () => {
    const html = (await get('/fr/code/organisations?view=tree&q=donnees')).body
    const ministry = html.indexOf('href="/fr/code/organisations/ministere-test"')
    const directorate = html.indexOf('href="/fr/code/organisations/dir-numerique"')
    const service = html.indexOf('href="/fr/code/organisations/service-donnees"')
    expect(ministry).toBeGreaterThan(0)
    expect(directorate).toBeGreaterThan(ministry)
    expect(service).toBeGreaterThan(directorate)
    expect(html.slice(ministry, service)).toContain('<ul>')
    expect(html).not.toContain('href="/fr/code/organisations/hostile"')
  })

  it('reads malformed queries as the defaults, never a 500', async () => {
    for (const query of ['kind=nope', 'view=%00', 'page=-4', 'page=abc', 'q[]=a&q[]=b', `q=${'%27'.repeat(3000)}`, 'q=%25_%5C', 'page=99999999999']) {
      const response = await get(`/fr/code/organisations?${query}`)
      expect(response.statusCode, query).toBe(200)
    }
  })

  it('speaks English', async () => {
    const html = (await get('/en/code/organisations')).body
    expect(html).toContain('Public bodies')
    expect(html).toContain('<html lang="en"')
  })
})

describe('a public body', () => {
  it('shows its identity, sub-bodies, accounts, figures and repositories', async () => {
    const response = await get('/fr/code/organisations/dir-numerique')
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('<h1>Direction du numérique (DNUM)</h1>')
    expect(html).toContain('href="/fr/code/organisations/ministere-test"')
    expect(html).toContain('href="/fr/code/organisations/service-donnees"')
    expect(html).toContain('href="/fr/code/accounts/gitlab.example.org/dnum"')
    expect((await get('/fr/code/organisations/ministere-test?page=2')).body).toContain('href="/fr/code/organisations/ministere-test"')
    expect(html).toContain('En erreur')
    expect(html).toContain('19 dépôt(s)')
    expect(html).toContain('href="/fr/code?ministry=dir-numerique"')
    expect((await get('/fr/code/organisations/service-donnees')).body).toContain('href="/fr/code?organisation=service-donnees"')
    expect(html).toContain('href="/fr/code/organisations/dir-numerique/feed.atom"')
    expect(html).toMatch(/<svg role="img" aria-labelledby="body-languages-title"/)
    expect(html).toContain('<caption>Langages les plus utilisés</caption>')
  })

  it('escapes a hostile body and links no script address', async () => {
    const response = await get('/fr/code/organisations/hostile')
    expect(response.statusCode).toBe(200)
    expect(response.body).not.toContain(HOSTILE)
    expect(response.body).not.toContain('<img src=x')
    expect(response.body).not.toContain('javascript:')
  })

  it('answers 404 for an unknown body, and copes with odd pages', async () => {
    expect((await get('/fr/code/organisations/nope')).statusCode).toBe(404)
    expect((await get('/fr/code/organisations/%E2%80%AE%00')).statusCode).toBe(404)
    expect((await get('/fr/code/organisations/dir-numerique?page=500')).statusCode).toBe(200)
    expect((await get('/fr/code/organisations?q=%00a')).statusCode).toBe(200)
    expect((await get('/fr/code/accounts/github.com/%00')).statusCode).toBe(404)
    expect((await get('/api/v1/organisations/%00')).statusCode).toBe(404)
  })
})

describe('an account', () => {
  it('shows the forge profile, crawl status and the last error of a stale account', async () => {
    const response = await get('/fr/code/accounts/gitlab.example.org/dnum')
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('Compte dnum (gitlab.example.org/dnum)')
    expect(response.body).toContain('HTTP 502 from the forge')
    expect(response.body).toContain('href="/fr/code/organisations/dir-numerique"')
    expect(response.body).toContain('12 dépôt(s), les plus récemment modifiés d’abord.')
  })

  it('reads owners with slashes (GitLab subgroups), and answers 404 for an unknown account', async () => {
    expect((await get('/fr/code/accounts/gitlab.example.org/dnum/services/donnees')).statusCode).toBe(200)
    expect((await get('/fr/code/accounts/gitlab.example.org/nobody')).statusCode).toBe(404)
    expect((await get('/fr/code/accounts/')).statusCode).toBe(404)
  })
})

describe('statistics', () => {
  it('draws each chart with its table of numbers', async () => {
    const response = await get('/en/code/statistics')
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('Public code statistics')
    for (const id of ['registry-activity', 'registry-years', 'registry-languages', 'registry-licences', 'registry-forges']) {
      expect(html).toContain(`aria-labelledby="${id}-title"`)
      expect(html).toContain(`<title id="${id}-title">`)
    }
    expect(html).toContain('<g aria-hidden="true"')
    expect(html).toContain('<th scope="row">Python</th><td>10</td>')
    expect(html).toContain('<th scope="row">WTFPL</th><td>3</td><td>Not authorised</td>')
  })
})

describe('feeds and sitemap', () => {
  it('serves the newest repositories as Atom', async () => {
    const response = await get('/fr/code/feed.atom')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('application/atom+xml')
    expect(XMLValidator.validate(response.body)).toBe(true)
    expect(response.body.match(/<entry>/g)).toHaveLength(30)
    expect(response.body).toContain('/fr/code/r/gitlab.example.org/dnum/services/donnees/repo-29')
    expect(response.body).not.toContain('<script>')
    expect(response.body).not.toContain('\u0001')
  })

  it('serves a body’s feed with its sub-bodies, and 404 for an unknown body or locale', async () => {
    const response = await get('/en/code/organisations/dir-numerique/feed.atom')
    expect(XMLValidator.validate(response.body)).toBe(true)
    expect(response.body.match(/<entry>/g)).toHaveLength(19)
    expect((await get('/fr/code/organisations/nope/feed.atom')).statusCode).toBe(404)
    expect((await get('/de/code/feed.atom')).statusCode).toBe(404)
    const hostile = await get('/fr/code/organisations/hostile/feed.atom')
    expect(XMLValidator.validate(hostile.body)).toBe(true)
    expect(hostile.body).toContain('&lt;script&gt;')
  })

  it('lists every page in both languages in the sitemap', async () => {
    const response = await get('/sitemap.xml')
    expect(response.statusCode).toBe(200)
    expect(XMLValidator.validate(response.body)).toBe(true)
    const locs = [...response.body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname)
    expect(locs).toContain('/fr/code/organisations/dir-numerique')
    expect(locs).toContain('/en/code/r/github.com/ministere-essai/repo-1')
    expect(locs).toContain('/fr/code/statistics')
    expect(locs).toHaveLength(2 * (7 + 4 + 30))
    expect((await get('/sitemaps/2.xml')).statusCode).toBe(404)
    expect((await get('/sitemaps/abc')).statusCode).toBe(404)
  })
})

describe('API', () => {
  it('pages bodies with a cursor, and filters them', async () => {
    const first = (await get('/api/v1/organisations?limit=2')).json()
    expect(first.total).toBe(4)
    expect(first.items.map((b: { slug: string }) => b.slug)).toEqual(['hostile', 'dir-numerique'])
    const second = (await get(`/api/v1/organisations?limit=2&cursor=${first.nextCursor}`)).json()
    expect(second.items.map((b: { slug: string }) => b.slug)).toEqual(['ministere-test', 'service-donnees'])
    expect(second.nextCursor).toBeNull()
    expect(second.items[0]).toMatchObject({ repositoryCount: 10, totalRepositoryCount: 29, parent: null, siren: '110000015' })
    const search = (await get('/api/v1/organisations?q=dnum')).json()
    expect(search.items.map((b: { slug: string }) => b.slug)).toEqual(['dir-numerique'])
  })

  it('refuses bad queries with the field named', async () => {
    const kind = await get('/api/v1/organisations?kind=nope')
    expect(kind.statusCode).toBe(400)
    expect(kind.json().error.details[0].field).toBe('query.kind')
    const cursor = await get('/api/v1/organisations?cursor=garbage')
    expect(cursor.statusCode).toBe(400)
    expect(cursor.json().error.details[0].field).toBe('query.cursor')
  })

  it('reads one body, its accounts, an account and the statistics', async () => {
    const body = (await get('/api/v1/organisations/dir-numerique')).json()
    expect(body).toMatchObject({ slug: 'dir-numerique', parent: 'ministere-test', totalRepositoryCount: 19, children: [{ slug: 'service-donnees', totalRepositoryCount: 7 }] })
    expect(body.statistics.repositories).toBe(19)
    expect((await get('/api/v1/organisations/nope')).statusCode).toBe(404)
    const accounts = (await get('/api/v1/organisations/dir-numerique/accounts')).json()
    expect(accounts.items).toMatchObject([{ owner: 'dnum', status: 'stale', lastError: 'HTTP 502 from the forge', repositoryCount: 12 }])
    const account = (await get('/api/v1/accounts/gitlab.example.org/dnum%2Fservices%2Fdonnees')).json()
    expect(account).toMatchObject({ organisation: 'service-donnees', repositoryCount: 7, statistics: { repositories: 7 } })
    expect((await get('/api/v1/accounts/gitlab.example.org/nobody')).statusCode).toBe(404)
    const statistics = (await get('/api/v1/statistics')).json()
    expect(statistics).toMatchObject({ repositories: 30, bodies: 4, accounts: 3 })
  })
})
