import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.tsx'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { deriveRegistryFacts } from '../../usecases/registry/derive-registry-facts.ts'

let context: TestContext
let app: FastifyInstance

beforeAll(async () => {
  context = await createTestContext()
  const { db } = context.database
  const [body] = await db.insertInto('organisation').values({ slug: 'dinum', name: 'DINUM <script>alert(1)</script>', kind: 'agency' }).returning('id').execute()
  const [repository] = await db
    .insertInto('repository')
    .values({
      forge: 'gitlab', forge_host: 'gitlab.example.org', owner: 'dinum/outils', name: 'formulaires', url: 'https://gitlab.example.org/dinum/outils/formulaires',
      organisation_id: body!.id, description: 'Des formulaires <img src=x onerror=alert(1)>', homepage: 'javascript:alert(1)', language: 'TypeScript', licence: 'MIT', stars: 12, forks: 3,
      files: JSON.stringify({ 'README.md': '# Formulaires\nUn outil pour les démarches.' }), files_read_at: new Date().toISOString(),
      manifests: JSON.stringify({ 'package.json': JSON.stringify({ name: 'formulaires', dependencies: { '@gouvfr/dsfr': '^1.14.0' } }) }),
      publiccode_text: 'publiccodeYmlVersion: "0.4"\nname: [broken', publiccode_valid: false, publiccode_errors: JSON.stringify([{ key: 'name', message: 'must be a string', line: 2, column: 7 }]),
    })
    .returning('id')
    .execute()
  await db.insertInto('repository_counter').values([
    { repository_id: repository!.id, crawled_at: '2026-10-01T00:00:00Z', stars: 10, forks: 2, watchers: 1, open_issues: 0 },
    { repository_id: repository!.id, crawled_at: '2026-11-01T00:00:00Z', stars: 12, forks: 3, watchers: 1, open_issues: 0 },
  ]).execute()
  await deriveRegistryFacts(db)
  app = await buildApp(context)
})

afterAll(async () => {
  await app.close()
  await context.close()
})

const get = (url: string) => app.inject({ method: 'GET', url })

describe('repository search page', () => {
  it('lists results with facets and the chosen filters as removable tags', async () => {
    const response = await get('/fr/code?language=TypeScript&forge=gitlab&sort=stars')
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('dinum/outils/formulaires')
    expect(html).toContain('href="/fr/code/r/gitlab.example.org/dinum/outils/formulaires"')
    expect(html).toMatch(/id="facet-language-0" name="language" value="TypeScript" checked/)
    expect(html).toContain('aria-label="Retirer le filtre Langage : TypeScript"')
    expect(html).toContain('<option value="stars" selected')
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).not.toContain('<img src=x')
  })

  it('reads any query string leniently: never an error page', async () => {
    for (const query of ['sort=nonsense', 'forge=svn', 'page=-4', 'q=' + 'x'.repeat(5000), 'language[]=a&language[b]=c', 'q=%27%29%3B+drop+table+repository%3B--', 'activity=7&archived=maybe']) {
      const response = await get(`/fr/code?${query}`)
      expect(response.statusCode, query).toBe(200)
    }
  })
})

describe('repository page', () => {
  it('shows the crawled facts, the reuse reasons, the publiccode.yml errors, the history and the dependencies', async () => {
    const response = await get('/en/code/r/gitlab.example.org/dinum/outils/formulaires')
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('<h1>dinum/outils/formulaires</h1>')
    expect(html).toContain('Reuse score')
    expect(html).toContain('A licence authorised for administrations')
    expect(html).toContain('The file has 1 error(s):')
    expect(html).toContain('<code>name</code> (l. 2)')
    expect(html).toContain('Counters over time')
    expect(html).toContain('href="/en/code/libraries/npm/%40gouvfr/dsfr"')
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).not.toContain('href="javascript:')
  })

  it('answers 404 for an unknown repository', async () => {
    expect((await get('/fr/code/r/gitlab.example.org/nobody/nothing')).statusCode).toBe(404)
    expect((await get('/fr/code/r/too-short')).statusCode).toBe(404)
  })
})

describe('libraries and most reusable', () => {
  it('lists the libraries public code uses, and the repositories depending on one', async () => {
    const list = await get('/fr/code/libraries?ecosystem=npm')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('@gouvfr/dsfr')
    const library = await get('/fr/code/libraries/npm/@gouvfr/dsfr')
    expect(library.statusCode).toBe(200)
    expect(library.body).toContain('dinum/outils/formulaires')
    expect((await get('/fr/code/libraries/npm/left-pad')).statusCode).toBe(404)
    expect((await get('/fr/code/libraries/cobol/x')).statusCode).toBe(404)
  })

  it('explains the reuse score', async () => {
    const response = await get('/fr/code/reusable')
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('id="how"')
    expect(response.body).toContain('Un fichier publiccode.yml valide')
  })
})

describe('repository API', () => {
  it('filters, pages with cursors and refuses unreadable values with the field named', async () => {
    const response = await get('/api/v1/repositories?language=TypeScript&limit=1')
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.total).toBeGreaterThanOrEqual(1)
    expect(body.items[0]).toMatchObject({ owner: 'dinum/outils', publiccode: 'invalid', effectiveLicence: 'MIT', licenceAuthorised: true })
    const bad = await get('/api/v1/repositories?forge=svn')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toContain('forge')
    const cursor = await get('/api/v1/repositories?cursor=garbage')
    expect(cursor.statusCode).toBe(400)
    expect(cursor.json().error.message).toContain('cursor')
  })

  it('gives a repository with its reuse reasons, nested groups percent-encoded', async () => {
    const response = await get('/api/v1/repositories/gitlab.example.org/dinum%2Foutils/formulaires')
    expect(response.statusCode).toBe(200)
    expect(response.json().reuseReasons).toHaveLength(11)
    const facets = await get('/api/v1/repositories/facets?forge=gitlab')
    expect(facets.json().forge).toEqual(expect.arrayContaining([{ value: 'gitlab', label: null, count: 1 }]))
  })
})

describe('open data', () => {
  it('streams the repositories and dependencies as JSON and CSV in the API shapes', async () => {
    const json = await get('/api/v1/opendata/repositories.json')
    expect(json.statusCode).toBe(200)
    expect(json.headers['content-type']).toContain('application/json')
    const rows = json.json() as { owner: string; languages: unknown }[]
    expect(rows.some((r) => r.owner === 'dinum/outils')).toBe(true)
    const csv = await get('/api/v1/opendata/dependencies.csv')
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body.split('\r\n')[0]).toBe('repository.forgeHost,repository.owner,repository.name,ecosystem,name,version,scope,manifest')
    expect(csv.body, csv.body).toContain('gitlab.example.org,dinum/outils,formulaires,npm,@gouvfr/dsfr,^1.14.0,runtime,package.json')
    expect((await get('/api/v1/opendata/secrets.json')).statusCode).toBe(400)
  })
})
