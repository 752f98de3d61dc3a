import { afterEach, describe, expect, it } from 'vitest'
import { NpmRegistry } from './npm.ts'
import { RegistryError } from './package-registry.ts'
import { type RegistryServer, startRegistryServer } from './test-server.ts'

/** One result as the registry's search answers it (abridged from a real answer for `scope:etalab`). */
function searchObject(name: string, extra: Record<string, unknown> = {}) {
  return {
    downloads: { monthly: 1840, weekly: 412 },
    dependents: 3,
    updated: '2024-05-02T09:12:41.512Z',
    searchScore: 112.5,
    package: {
      name,
      keywords: ['etalab', 'data.gouv.fr'],
      version: '1.0.0',
      description: `${name}, by Etalab`,
      sanitized_name: name.replace('@', '').replace('/', '__'),
      publisher: { email: 'opendatateam@data.gouv.fr', username: 'etalab-bot' },
      maintainers: [{ email: 'opendatateam@data.gouv.fr', username: 'etalab-bot' }],
      license: 'MIT',
      date: '2024-05-02T09:12:38.001Z',
      links: { npm: `https://www.npmjs.com/package/${name}`, homepage: `https://github.com/etalab/${name.split('/')[1]}#readme`, repository: `git+https://github.com/etalab/${name.split('/')[1]}.git`, bugs: `https://github.com/etalab/${name.split('/')[1]}/issues` },
      ...extra,
    },
    score: { final: 112.5, detail: { popularity: 1, quality: 1, maintenance: 1 } },
    flags: { insecure: 0 },
  }
}

const scoped = [
  searchObject('@etalab/decoupage-administratif', { version: '5.2.0', description: 'Découpage administratif de la France', date: '2025-01-15T10:00:00.000Z' }),
  searchObject('@etalab/project-legal', { links: { npm: 'https://www.npmjs.com/package/@etalab/project-legal' }, description: '' }),
  ...Array.from({ length: 251 }, (_, i) => searchObject(`@etalab/generated-${i}`)),
  // The search is by words: a package outside the scope may come up.
  searchObject('etalab-is-not-a-scope'),
]

let server: RegistryServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function searchPages(objects: unknown[]) {
  return (url: URL) => {
    if (url.pathname !== '/-/v1/search') return { status: 404, body: '{"error":"Not found"}' }
    const from = Number(url.searchParams.get('from'))
    const size = Number(url.searchParams.get('size'))
    return { body: JSON.stringify({ objects: objects.slice(from, from + size), total: objects.length, time: 'Mon Nov 23 2026 19:00:00 GMT+0000 (Coordinated Universal Time)' }) }
  }
}

describe('npm registry', () => {
  it("lists a scope's packages page after page, with their latest version and links", async () => {
    server = await startRegistryServer(searchPages(scoped))
    const packages = await new NpmRegistry({ baseUrl: server.url }).listPackages({ ecosystem: 'npm', kind: 'scope', name: '@etalab' })
    expect(server.requests).toEqual([
      '/-/v1/search?text=scope%3Aetalab&size=250&from=0',
      '/-/v1/search?text=scope%3Aetalab&size=250&from=250',
    ])
    expect(packages).toHaveLength(253)
    expect(packages.slice(0, 2)).toEqual([
      {
        ecosystem: 'npm',
        name: '@etalab/decoupage-administratif',
        version: '5.2.0',
        description: 'Découpage administratif de la France',
        homepage: 'https://github.com/etalab/decoupage-administratif#readme',
        repositoryUrl: 'https://github.com/etalab/decoupage-administratif',
        publishedAt: '2025-01-15T10:00:00.000Z',
      },
      { ecosystem: 'npm', name: '@etalab/project-legal', version: '1.0.0', description: null, homepage: null, repositoryUrl: null, publishedAt: '2024-05-02T09:12:38.001Z' },
    ])
    expect(packages.some((p) => p.name === 'etalab-is-not-a-scope')).toBe(false)
  })

  it("lists a user's packages by maintainer", async () => {
    server = await startRegistryServer(searchPages([searchObject('@socialgouv/kosko-charts'), searchObject('tarteaucitronjs')]))
    const packages = await new NpmRegistry({ baseUrl: `${server.url}/` }).listPackages({ ecosystem: 'npm', kind: 'user', name: 'socialgouv-bot' })
    expect(server.requests).toEqual(['/-/v1/search?text=maintainer%3Asocialgouv-bot&size=250&from=0'])
    expect(packages.map((p) => p.name)).toEqual(['@socialgouv/kosko-charts', 'tarteaucitronjs'])
  })

  it('fails clearly on a server error, invalid JSON, an unexpected shape, a huge body or no answer', async () => {
    const account = { ecosystem: 'npm', kind: 'scope', name: '@etalab' } as const
    const failing = async (reply: Parameters<typeof startRegistryServer>[0], options = {}) => {
      server = await startRegistryServer(reply)
      try {
        return await new NpmRegistry({ baseUrl: server.url, ...options }).listPackages(account).then(() => undefined, (error: unknown) => error)
      } finally {
        await server.close()
        server = undefined
      }
    }
    const unavailable = await failing(() => ({ status: 503, type: 'text/html', body: '<h1>Service Unavailable</h1>' }))
    expect(unavailable).toBeInstanceOf(RegistryError)
    expect(unavailable).toMatchObject({ status: 503, message: expect.stringMatching(/search\?text=scope%3Aetalab.* answered 503 \(the registry is failing; try again later\)\.$/) })
    expect(await failing(() => ({ body: '{"objects": [' }))).toMatchObject({ message: expect.stringContaining('answered invalid JSON') })
    expect(await failing(() => ({ body: '{"error": "rate limited"}' }))).toMatchObject({ message: expect.stringContaining('is not an npm search answer') })
    expect(await failing(() => ({ body: JSON.stringify({ objects: scoped, total: 1 }) }), { maxBytes: 10_000 })).toMatchObject({ message: expect.stringMatching(/over the limit of 10000/) })
    expect(await failing(() => null, { timeoutMs: 200 })).toMatchObject({ message: expect.stringContaining('did not answer within 200 ms') })
  })
})
