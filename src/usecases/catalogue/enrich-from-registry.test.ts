import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUEUES, startWorkers } from '../../jobs.ts'
import { waitFor } from '../../testing/processes.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { enrichFromRegistry, versionOfTag } from './enrich-from-registry.ts'

let context: TestContext

const row = (slug: string) => context.database.db.selectFrom('software').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow()

beforeAll(async () => {
  context = await createTestContext({ queue: true })
  const base = { forge: 'github', forge_host: 'github.com', pushed_at: '2026-11-01T08:00:00Z' }
  await context.database.db
    .insertInto('repository')
    .values([
      { ...base, owner: 'numerique-gouv', name: 'tchap', url: 'https://github.com/numerique-gouv/tchap', effective_licence: 'AGPL-3.0-or-later', latest_release: JSON.stringify({ tag: 'v2.14.0', publishedAt: '2026-10-28T09:12:00Z' }) },
      { ...base, owner: 'etalab', name: 'outil', url: 'https://github.com/etalab/outil', effective_licence: 'MIT', latest_release: JSON.stringify({ tag: 'nightly', publishedAt: '2026-11-20T00:00:00Z' }) },
    ])
    .execute()
  await context.stores.software.insert([
    { slug: 'tchap', name: 'Tchap', repository_url: 'https://github.com/Numerique-Gouv/tchap.git', description_fr: '', description_en: '' },
    { slug: 'outil', name: 'Outil', repository_url: 'https://github.com/etalab/outil', licence: 'EUPL-1.2', latest_version: '1.0', description_fr: '', description_en: '', field_sources: JSON.stringify({ latest_version: 'manual' }) },
    { slug: 'ailleurs', name: 'Ailleurs', repository_url: 'https://forge.example/a/b', description_fr: '', description_en: '' },
  ])
})
afterAll(() => context.close())

describe('enrichFromRegistry', () => {
  it('gives the latest release, the last push and a missing licence from the crawled repository, never over a person’s values', async () => {
    const report = await enrichFromRegistry(context.database.db, new Date('2026-11-23T10:00:00Z'))
    expect(report).toMatchObject({ source: 'registry', considered: 2, updated: 2, failures: [] })
    const tchap = await row('tchap')
    expect(tchap).toMatchObject({ latest_version: '2.14.0', licence: 'AGPL-3.0-or-later', field_sources: { latest_version: 'registry', latest_release_on: 'registry', licence: 'registry' } })
    expect(tchap.repository_pushed_at?.toISOString()).toBe('2026-11-01T08:00:00.000Z')
    const outil = await row('outil')
    // A licence already there stays (the registry only fills a gap); a tag that is no version gives none.
    expect(outil).toMatchObject({ licence: 'EUPL-1.2', latest_version: '1.0', latest_release_on: null })
    expect(outil.repository_pushed_at).not.toBeNull()
    expect((await enrichFromRegistry(context.database.db, new Date('2026-11-24T10:00:00Z'))).updated).toBe(0)
  })

  it('reads versions from release tags', () => {
    expect(['v2.14.0', '2.14.0', 'version-3.1', 'release_24.8.2', 'v1.0.0-rc.1', 'nightly', 'latest'].map(versionOfTag)).toEqual(['2.14.0', '2.14.0', '3.1', '24.8.2', '1.0.0-rc.1', null, null])
  })

  it('runs as the catalogue.enrich job, from one source', async () => {
    await context.database.db
      .insertInto('repository')
      .values({ forge: 'gitlab', forge_host: 'gitlab.adullact.net', owner: 'adullact', name: 'pastell', url: 'https://gitlab.adullact.net/adullact/pastell', latest_release: JSON.stringify({ tag: '4.1.6', publishedAt: '2026-09-30T12:00:00Z' }) })
      .execute()
    await context.stores.software.insert([{ slug: 'pastell', name: 'Pastell', repository_url: 'https://gitlab.adullact.net/adullact/pastell', description_fr: '', description_en: '' }])
    await startWorkers(context.queue!, context)
    await context.queue!.enqueue(QUEUES.enrichCatalogue, { source: 'registry' })
    const pastell = await waitFor(async () => ((await row('pastell')).latest_version ? await row('pastell') : undefined), 30_000, 'the enrichment job')
    expect(pastell).toMatchObject({ latest_version: '4.1.6', field_sources: { latest_version: 'registry', latest_release_on: 'registry' } })
  })
})
