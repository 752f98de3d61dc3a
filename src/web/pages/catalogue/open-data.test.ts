import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedInClient } from '../../../testing/page-client.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { buildApp } from '../../app.tsx'

let context: TestContext
let app: FastifyInstance

const HOSTILE = '<script>alert("x")</script>&amp; ]]>'
const THIS_YEAR = new Date().getUTCFullYear()

beforeAll(async () => {
  context = await createTestContext({ config: { apiRateLimit: 10_000 } })
  const { db } = context.database
  await context.stores.software.insert([
    { slug: 'alpha', name: 'Alpha', description_fr: '', description_en: '', sill_years: [2021, 2022], status: 'recommended', licence: 'MIT' },
    { slug: 'beta', name: 'Beta', description_fr: '', description_en: '', sill_years: [2022], status: 'dereferenced', dereferenced_on: '2024-05-01' },
    { slug: 'gamma', name: 'Gamma', description_fr: '', description_en: '', referenced_on: `${THIS_YEAR - 1}-03-01`, status: 'recommended' },
    { slug: 'delta', name: 'Delta', description_fr: '', description_en: '', status: 'recommended' },
  ])
  const id = async (slug: string) => (await context.stores.software.bySlug(slug))!.id
  await db
    .insertInto('software_change')
    .values([
      { software_id: await id('alpha'), software_name: 'Alpha', kind: 'updated', version: '2.0', comment: HOSTILE, occurred_on: '2024-01-10', source: 'test' },
      { software_id: await id('beta'), software_name: 'Beta', kind: 'removed', comment: 'Plus maintenu', occurred_on: '2024-05-01', source: 'test' },
      { software_id: null, software_name: 'Epsilon', kind: 'added', occurred_on: '2019-06-01', source: 'test' },
    ])
    .execute()
  await context.stores.declarations.add('user', await id('alpha'), null, { organisation: 'Ministère de l’Éducation nationale' })
  await context.stores.declarations.add('user', await id('gamma'), null, { organisation: 'MINISTERE DE L’EDUCATION NATIONALE' })
  await context.stores.declarations.add('user', await id('beta'), null, { organisation: 'Ville de Lyon' })
  app = await buildApp(context, { logger: false })
})
afterAll(async () => {
  await app.close()
  await context.close()
})

const get = (url: string) => app.inject(url)

describe('change feed', () => {
  it('serves the catalogue’s changes as valid Atom, newest first, with content escaped', async () => {
    const response = await get('/fr/catalogue/changes.atom')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toContain('application/atom+xml')
    expect(XMLValidator.validate(response.body)).toBe(true)
    expect(response.body).not.toContain('<script>')
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(response.body).feed
    const titles = feed.entry.map((e: { title: string }) => e.title)
    // Software added since the log first (today), then the log's entries by day.
    expect(titles.slice(4)).toEqual(['Retiré : Beta', 'Mis à jour : Alpha', 'Ajouté : Epsilon'])
    expect(titles.slice(0, 4).sort()).toEqual(['Ajouté : Alpha', 'Ajouté : Beta', 'Ajouté : Delta', 'Ajouté : Gamma'])
    const updated = feed.entry.find((e: { title: string }) => e.title === 'Mis à jour : Alpha')
    expect(updated.summary['#text']).toBe(`Version 2.0 — ${HOSTILE}`)
    expect(updated.link['@href']).toMatch(/\/fr\/catalogue\/alpha$/)
    expect(feed.entry.find((e: { title: string }) => e.title === 'Ajouté : Epsilon').link['@href']).toMatch(/\/fr\/catalogue$/)
    expect((await get('/en/catalogue/changes.atom')).body).toContain('<title>Removed: Beta</title>')
    expect((await get('/xx/catalogue/changes.atom')).statusCode).toBe(404)
  })

  it('is advertised on the catalogue page', async () => {
    const page = await get('/fr/catalogue')
    expect(page.body).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/fr\/catalogue\/changes.atom"/)
    expect(page.body).toContain('href="/fr/catalogue/editions"')
  })

  it('pages the changes through the API with a cursor, documented in OpenAPI', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const response = await get(`/api/v1/software/changes?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      expect(response.statusCode).toBe(200)
      const body = response.json() as { items: { id: string; kind: string; software: { slug: string | null; name: string }; at: string }[]; nextCursor: string | null }
      seen.push(...body.items.map((item) => `${item.kind} ${item.software.name}`))
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(7)
    expect(seen.slice(4)).toEqual(['removed Beta', 'updated Alpha', 'added Epsilon'])
    const invalid = await get('/api/v1/software/changes?cursor=nonsense')
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().error.details[0].field).toBe('query.cursor')
    const openapi = (await get('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> }
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/software/changes', '/api/v1/software/editions', '/api/v1/software/editions/{edition}']))
  })
})

describe('yearly editions', () => {
  it('lists each year with its count: recorded lists, then years derived from the history', async () => {
    const response = await get('/api/v1/software/editions')
    expect(response.statusCode).toBe(200)
    const counts = Object.fromEntries((response.json() as { items: { year: number; count: number; recorded: boolean }[] }).items.map((e) => [e.year, [e.count, e.recorded]]))
    expect(counts[2021]).toEqual([1, true])
    expect(counts[2022]).toEqual([2, true])
    expect(counts[2023]).toEqual([2, false])
    expect(counts[2024]).toEqual([1, false])
    expect(counts[THIS_YEAR - 1]).toEqual([THIS_YEAR - 1 === 2024 ? 1 : 2, false])
    expect(counts[THIS_YEAR]).toEqual([3, false])
  })

  it('serves an edition as JSON and CSV, and refuses years without one', async () => {
    const json = await get('/api/v1/software/editions/2022.json')
    expect(json.statusCode).toBe(200)
    expect((json.json() as { slug: string }[]).map((s) => s.slug).sort()).toEqual(['alpha', 'beta'])
    expect((await get('/api/v1/software/editions/2021')).json()).toHaveLength(1)
    const csv = await get('/api/v1/software/editions/2022.csv')
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body.trim().split('\n')
    expect(lines[0]).toContain('slug')
    expect(lines).toHaveLength(3)
    expect((await get('/api/v1/software/editions/2020.json')).statusCode).toBe(404)
    const bad = await get('/api/v1/software/editions/twenty')
    expect(bad.statusCode).toBe(400)
  })

  it('shows the editions and each edition’s software on pages', async () => {
    const list = await get('/fr/catalogue/editions')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('href="/fr/catalogue/editions/2021"')
    expect(list.body).toContain('Liste publiée du SILL')
    expect(list.body).toContain('href="/api/v1/software/editions/2022.csv"')
    const edition = await get('/en/catalogue/editions/2022')
    expect(edition.statusCode).toBe(200)
    expect(edition.body).toContain('href="/en/catalogue/alpha"')
    expect(edition.body).toContain('href="/en/catalogue/beta"')
    expect(edition.body).not.toContain('href="/en/catalogue/gamma"')
    expect((await get('/fr/catalogue/editions/2020')).statusCode).toBe(404)
    expect((await get('/fr/catalogue/editions/abc')).statusCode).toBe(404)
  })
})

describe('used by my organisation', () => {
  it('is hidden from visitors, who get the whole catalogue whatever the address says', async () => {
    const page = await get('/fr/catalogue?usedBy=my-organisation')
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain('facet-used-by')
    expect(page.body).toContain('href="/fr/catalogue/delta"')
  })

  it('filters a signed-in agent’s catalogue to what their organisation uses, without accents or case', async () => {
    const { client, agentId } = await signedInClient(app, context.stores, 'claude@education.gouv.fr')
    await context.stores.agents.updateProfile(agentId, { name: 'Claude', organisation: 'ministère de l’education Nationale', about: null, is_public: false })
    const all = await client.get('/fr/catalogue')
    expect(all.body).toContain('id="facet-used-by"')
    expect(all.body).toMatch(/Utilisés par ministère de l’education Nationale \(2\)/)
    const mine = await client.get('/fr/catalogue?usedBy=my-organisation')
    expect(mine.body).toContain('href="/fr/catalogue/alpha"')
    expect(mine.body).toContain('href="/fr/catalogue/gamma"')
    expect(mine.body).not.toContain('href="/fr/catalogue/beta"')
    expect(mine.body).not.toContain('href="/fr/catalogue/delta"')
    expect(mine.body).toMatch(/name="usedBy" value="my-organisation" checked/)
    // Combined with a facet, and the counts of the other facets follow the filter.
    const both = await client.get('/fr/catalogue?usedBy=my-organisation&licence=permissive')
    expect(both.body).toContain('href="/fr/catalogue/alpha"')
    expect(both.body).not.toContain('href="/fr/catalogue/gamma"')
  })

  it('is not offered to an agent without an organisation', async () => {
    const { client } = await signedInClient(app, context.stores, 'sans.organisation@example.gouv.fr')
    const page = await client.get('/fr/catalogue?usedBy=my-organisation')
    expect(page.body).not.toContain('facet-used-by')
    expect(page.body).toContain('href="/fr/catalogue/delta"')
  })
})
