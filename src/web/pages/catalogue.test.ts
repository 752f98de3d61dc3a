import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { loadDemoContent } from '../../usecases/system/load-demo-content.ts'
import { buildApp } from '../app.tsx'

let context: TestContext
let app: FastifyInstance

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(2)>'

beforeAll(async () => {
  context = await createTestContext({ config: { apiRateLimit: 10_000 } })
  await loadDemoContent(context.database.db)
  const { db } = context.database
  await context.stores.software.insert([
    {
      slug: 'hostile',
      name: HOSTILE,
      description_fr: HOSTILE,
      description_en: HOSTILE,
      website: 'javascript:alert(3)',
      logo_url: 'javascript:alert(4)',
      licence: HOSTILE,
      categories: [HOSTILE],
      keywords: [HOSTILE],
      function: HOSTILE,
      status: 'dereferenced',
      dereferenced_reason: HOSTILE,
      dereferenced_on: '2023-02-01',
      sill_years: [2021, 2022],
      comptoir_du_libre_id: 12,
      framalibre_slug: '"><script>alert(5)</script>',
    },
  ])
  const hostile = (await context.stores.software.bySlug('hostile'))!
  await db
    .insertInto('agent')
    .values([
      { email: 'public.referent@example.gouv.fr', name: 'Camille Référente', is_public: true },
      { email: 'hidden.referent@example.gouv.fr', name: 'Dominique Cachée', is_public: false },
      { email: 'hostile@example.gouv.fr', name: HOSTILE, is_public: true },
    ])
    .execute()
  const agents = await db.selectFrom('agent').select(['id', 'email']).execute()
  const idOf = (email: string) => agents.find((a) => a.email === email)!.id
  const libreoffice = (await context.stores.software.bySlug('libreoffice'))!
  await context.stores.declarations.add('referent', libreoffice.id, idOf('public.referent@example.gouv.fr'), { is_expert: true })
  await context.stores.declarations.add('referent', libreoffice.id, idOf('hidden.referent@example.gouv.fr'), { is_expert: false })
  await context.stores.declarations.add('referent', hostile.id, idOf('hostile@example.gouv.fr'), { is_expert: true, use_case: HOSTILE, service_url: 'javascript:alert(6)' })
  await context.stores.declarations.add('user', hostile.id, null, { organisation: HOSTILE, use_case: HOSTILE, version: HOSTILE, os: HOSTILE, service_url: 'javascript:alert(7)' })
  await context.stores.declarations.add('instance', hostile.id, null, { organisation: HOSTILE, audience: HOSTILE, url: 'javascript:alert(8)', is_public: true })
  await db.insertInto('software_change').values({ software_id: hostile.id, software_name: HOSTILE, kind: 'removed', comment: HOSTILE, version: HOSTILE, occurred_on: '2023-02-01', source: 'test' }).execute()
  app = await buildApp(context, { logger: false })
})
afterAll(async () => {
  await app.close()
  await context.close()
})

/** The HTML and only it between the page's main tags. */
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'))

describe('catalogue page', () => {
  it('shows facets with counts, checked filters, removal links and the sort, in one GET form', async () => {
    const response = await app.inject('/fr/catalogue?platform=web&os=android&sort=name')
    expect(response.statusCode).toBe(200)
    const html = main(response.body)
    expect(html).toContain('<form method="get" action="/fr/catalogue"')
    expect(html).toMatch(/<input type="checkbox" id="facet-platform-\d+" name="platform" value="web" checked/)
    expect(html).toMatch(/name="platform" value="desktop"/)
    expect(html).toContain('Copyleft (')
    // Web and android: Nextcloud, Moodle, Jitsi Meet, Rocket.Chat.
    expect(html).toContain('4 résultat(s)')
    expect(html).toContain('href="/fr/catalogue?platform=web&amp;sort=name"')
    expect(html).toContain('aria-label="Retirer le filtre Système d’exploitation : Android"')
    expect(html).toMatch(/<option value="name" selected/)
    expect(html).not.toContain('<script')
  })

  it('counts declarations: referents, public instances', async () => {
    const html = main((await app.inject('/fr/catalogue?referents=yes')).body)
    // LibreOffice, Jitsi Meet and GLPI have demo referents; the hostile entry one more.
    expect(html).toContain('4 résultat(s)')
    const instances = main((await app.inject('/en/catalogue?instance=yes')).body)
    expect(instances).toContain('Nextcloud')
    expect(instances).not.toContain('Jitsi Meet')
  })

  it('keeps every filter in the pager’s links', async () => {
    const html = main((await app.inject('/fr/catalogue?authorised=yes&authorised=no')).body)
    expect(html).toContain('href="/fr/catalogue?authorised=no&amp;authorised=yes&amp;page=2"')
  })

  it('falls back to defaults on values it cannot read', async () => {
    const response = await app.inject('/fr/catalogue?status=bogus&page=abc&sort=zzz&year=19&q[a]=1&licence=copyleft')
    expect(response.statusCode).toBe(200)
    expect(main(response.body)).toMatch(/name="licence" value="copyleft" checked/)
    expect((await app.inject('/fr/catalogue?page=999')).statusCode).toBe(200)
  })
})

describe('software page', () => {
  it('shows users, named public referents only, public instances, never an email', async () => {
    const response = await app.inject('/fr/catalogue/libreoffice')
    expect(response.statusCode).toBe(200)
    const html = main(response.body)
    expect(html).toContain('Ministère de démonstration du Numérique (démo)')
    expect(html).toContain('Bureautique de tous les agents')
    expect(html).toContain('Camille Référente')
    expect(html).not.toContain('Dominique Cachée')
    expect(html).toContain('Référent (profil non public)')
    expect(html).not.toMatch(/@example\.gouv\.fr/)
    expect(html).toContain('Autorisée pour les logiciels de l’administration')
    expect(html).toContain('https://www.wikidata.org/wiki/Q10135')
    const nextcloud = main((await app.inject('/en/catalogue/nextcloud')).body)
    expect(nextcloud).toContain('https://nuage.universite-demo.example')
    const jitsi = main((await app.inject('/fr/catalogue/jitsi-meet')).body)
    // Its instance is not public.
    expect(jitsi).not.toContain('visio.numerique-demo.example')
  })

  it('shows hostile text as text and links no script address', async () => {
    const response = await app.inject('/fr/catalogue/hostile')
    expect(response.statusCode).toBe(200)
    const html = main(response.body)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toMatch(/href="javascript:/i)
    expect(html).not.toMatch(/src="javascript:/i)
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>')
    expect(html).toContain('Déréférencé le 1 février 2023')
    expect(html).toContain('https://comptoir-du-libre.org/fr/softwares/12')
    expect(html).toContain('https://framalibre.org/content/%22%3E%3Cscript%3Ealert(5)%3C%2Fscript%3E')
    expect(html).toContain('Retiré du catalogue')
  })

  it('answers 404 for an unknown software', async () => {
    expect((await app.inject('/fr/catalogue/nothing-here')).statusCode).toBe(404)
  })
})

describe('GET /api/v1/software', () => {
  it('filters, sorts and counts facets like the page', async () => {
    const response = await app.inject('/api/v1/software?platform=web&os=android&sort=name&facets=true&pageSize=2')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.total).toBe(4)
    expect(body.items.map((s: { name: string }) => s.name)).toEqual(['Jitsi Meet', 'Moodle'])
    // Platforms among android software: Firefox, Thunderbird, VLC, Nextcloud, Rocket.Chat run on desktops too.
    expect(body.facets.platform).toContainEqual({ value: 'desktop', count: 5 })
    expect((await app.inject('/api/v1/software?status=observation')).json().items).toEqual([])
    expect((await app.inject('/api/v1/software?q=tableur')).json().facets).toBeUndefined()
  })

  it('refuses values it cannot read, naming the field', async () => {
    for (const [query, field] of [
      ['status=bogus', 'query.status'],
      ['year=19', 'query.year'],
      ['sort=best', 'query.sort'],
      ['page=0', 'query.page'],
      ['colour=red', 'query'],
      [`q=${'x'.repeat(201)}`, 'query.q'],
    ] as const) {
      const response = await app.inject(`/api/v1/software?${query}`)
      expect(response.statusCode, query).toBe(400)
      expect(response.json().error.details[0].field, query).toBe(field)
    }
  })

  it('documents every filter in the OpenAPI document', async () => {
    const document = (await app.inject('/api/v1/openapi.json')).json()
    const names = document.paths['/api/v1/software'].get.parameters.map((p: { name: string }) => p.name)
    expect(names).toEqual(expect.arrayContaining(['q', 'sort', 'facets', 'status', 'category', 'licence', 'authorised', 'platform', 'os', 'market', 'referents', 'instance', 'year']))
  })
})
