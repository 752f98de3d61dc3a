import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packageRegistries } from '../../adapters/package-registries/index.ts'
import { type RegistryServer, startRegistryServer } from '../../adapters/package-registries/test-server.ts'
import { openTestDatabase, type TestDatabase } from '../../testing/test-database.ts'
import { importLibraries } from './import-libraries.ts'

let database: TestDatabase
let npm: RegistryServer
let pypi: RegistryServer
let npmDown = false

const npmPackage = (name: string, version: string) => ({
  package: { name, version, description: `${name} (Etalab)`, date: '2025-01-15T10:00:00.000Z', links: { npm: `https://www.npmjs.com/package/${name}`, repository: `git+https://github.com/etalab/${name.split('/')[1]}.git` } },
  score: { final: 1, detail: { popularity: 1, quality: 1, maintenance: 1 } },
  searchScore: 1,
})
let npmObjects = [npmPackage('@etalab/decoupage-administratif', '5.2.0'), npmPackage('@etalab/project-legal', '1.0.0')]

beforeAll(async () => {
  database = await openTestDatabase()
  const [body] = await database.db.insertInto('organisation').values({ slug: 'etalab', name: 'Etalab', kind: 'agency' }).returning('id').execute()
  await database.db.insertInto('source').values({ url: 'https://github.com/etalab', forge: 'github', host: 'github.com', api_url: 'https://api.github.com', owner: 'etalab', organisation_id: body!.id }).execute()
  npm = await startRegistryServer((url) => {
    if (npmDown) return { status: 503, body: 'unavailable' }
    if (url.pathname !== '/-/v1/search') return { status: 404, body: '{}' }
    return { body: JSON.stringify({ objects: npmObjects, total: npmObjects.length, time: 'now' }) }
  })
  pypi = await startRegistryServer((url) => {
    if (url.pathname === '/user/etalab/') return { type: 'text/html', body: '<html><body><div class="user-profile"><a class="package-snippet" href="/project/csv-detective/">csv-detective</a></div></body></html>' }
    if (url.pathname === '/pypi/csv-detective/json') {
      return { body: JSON.stringify({ info: { name: 'csv-detective', version: '0.7.4', summary: 'Détection du contenu des CSV', home_page: null, project_urls: { Source: 'https://github.com/etalab/csv-detective' } }, releases: {}, urls: [{ upload_time_iso_8601: '2025-03-01T12:00:00.000000Z' }] }) }
    }
    return { status: 404, body: '{}' }
  })
})

afterAll(async () => {
  await npm.close()
  await pypi.close()
  await database.close()
})

const list = `# Bibliothèques des organismes publics
https://www.npmjs.com/search?q=%40etalab
https://pypi.org/user/etalab/
https://example.org/not-a-registry
`

describe('importing the libraries public bodies publish', () => {
  it('reads each account from its registry and ties it to the body publishing from the same name', async () => {
    const registries = packageRegistries({ npm: { baseUrl: npm.url }, pypi: { baseUrl: pypi.url } })
    const result = await importLibraries(database.db, registries, list)
    expect(result.accounts).toBe(2)
    expect(result.libraries).toBe(3)
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]?.line).toBe(4)
    const rows = await database.db.selectFrom('library').select(['ecosystem', 'name', 'version', 'account', 'organisation_id', 'repository_url']).orderBy('name').execute()
    expect(rows.map((r) => [r.ecosystem, r.name, r.version, r.account])).toEqual([
      ['npm', '@etalab/decoupage-administratif', '5.2.0', 'npm:@etalab'],
      ['npm', '@etalab/project-legal', '1.0.0', 'npm:@etalab'],
      ['pypi', 'csv-detective', '0.7.4', 'pypi:etalab'],
    ])
    expect(rows.every((r) => r.organisation_id !== null)).toBe(true)
  })

  it('keeps an account’s last good list when its registry fails, and drops packages no longer listed', async () => {
    const registries = packageRegistries({ npm: { baseUrl: npm.url }, pypi: { baseUrl: pypi.url } })
    npmDown = true
    const failed = await importLibraries(database.db, registries, list)
    expect(failed.failures.map((f) => f.account)).toEqual(['npm:@etalab'])
    expect(await database.db.selectFrom('library').select('name').where('account', '=', 'npm:@etalab').execute()).toHaveLength(2)
    npmDown = false
    npmObjects = [npmObjects[0]!]
    await importLibraries(database.db, registries, list)
    expect((await database.db.selectFrom('library').select('name').where('account', '=', 'npm:@etalab').execute()).map((r) => r.name)).toEqual(['@etalab/decoupage-administratif'])
  })
})
