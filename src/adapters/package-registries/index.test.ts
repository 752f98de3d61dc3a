import { afterEach, expect, it } from 'vitest'
import { packageRegistries } from './index.ts'
import { type RegistryServer, startRegistryServer } from './test-server.ts'

let server: RegistryServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

it('lists each account on the registry of its ecosystem, at the configured address', async () => {
  server = await startRegistryServer((url) => {
    if (url.pathname === '/npm/-/v1/search') return { body: JSON.stringify({ objects: [{ package: { name: '@gouvfr/dsfr', version: '1.14.4', date: '2026-10-01T08:00:00.000Z', links: {} } }], total: 1 }) }
    if (url.pathname === '/pypi/user/etalab/') return { type: 'text/html', body: '<div class="package-list"></div>' }
    return { status: 404, body: '{}' }
  })
  const registries = packageRegistries({ npm: { baseUrl: `${server.url}/npm` }, pypi: { baseUrl: `${server.url}/pypi` } })
  expect((await registries.listPackages({ ecosystem: 'npm', kind: 'scope', name: '@gouvfr' })).map((p) => `${p.ecosystem} ${p.name} ${p.version}`)).toEqual(['npm @gouvfr/dsfr 1.14.4'])
  expect(await registries.listPackages({ ecosystem: 'pypi', kind: 'user', name: 'etalab' })).toEqual([])
  expect(server.requests).toEqual(['/npm/-/v1/search?text=scope%3Agouvfr&size=250&from=0', '/pypi/user/etalab/'])
})
