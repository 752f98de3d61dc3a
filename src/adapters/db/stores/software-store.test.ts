import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewSoftware } from '../schema.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { repositoryParts, SoftwareStore } from './software-store.ts'

let context: TestContext
const ids = new Map<string, string>()

const rows: NewSoftware[] = [
  { slug: 'tableur-libre', name: 'Tableur Libre', description_fr: 'Un tableur', description_en: 'A spreadsheet', licence: 'MPL-2.0', categories: ['office'], platforms: ['desktop'], os: ['linux', 'windows'], sill_years: [2021, 2022], support_market: true, latest_release_on: '2024-05-01' },
  { slug: 'agenda', name: 'Agenda', description_fr: 'Agenda partagé', description_en: 'Shared calendar', licence: 'AGPL-3.0-or-later', categories: ['office', 'collaboration'], platforms: ['web'], sill_years: [2022], status: 'observation', latest_release_on: '2025-01-10' },
  { slug: 'cartes', name: 'Cartes', description_fr: 'Cartographie', description_en: 'Maps', licence: 'GPL-2.0-or-later', categories: ['gis'], platforms: ['desktop', 'web'], os: ['linux'], sill_years: [2020] },
  { slug: 'ancien', name: 'Ancien', description_fr: 'Ancien logiciel', description_en: 'Old software', licence: null, categories: ['office'], status: 'dereferenced', dereferenced_reason: 'Plus maintenu', sill_years: [2019, 2020] },
  { slug: 'serveur', name: 'Serveur', description_fr: 'Serveur web', description_en: 'Web server', licence: 'Apache-2.0', categories: ['web'], platforms: ['web'] },
]

beforeAll(async () => {
  context = await createTestContext()
  await context.stores.software.insert(rows)
  for (const row of rows) ids.set(row.slug, (await context.stores.software.bySlug(row.slug))!.id)
  const { declarations } = context.stores
  await declarations.add('user', ids.get('agenda')!, null, { organisation: 'Mairie A' })
  await declarations.add('user', ids.get('agenda')!, null, { organisation: 'Mairie B' })
  await declarations.add('referent', ids.get('cartes')!, null, { is_expert: true })
  await declarations.add('user', ids.get('cartes')!, null, { organisation: 'Région C' })
  await declarations.add('instance', ids.get('serveur')!, null, { organisation: 'Ministère D', is_public: true, url: 'https://d.example' })
  await declarations.add('instance', ids.get('tableur-libre')!, null, { organisation: 'Ministère E', is_public: false })
})
afterAll(() => context.close())

const names = (items: { name: string }[]) => items.map((s) => s.name)
const facetsOf = async (request: { q?: string; filters?: Record<string, string[]> }) => (await context.stores.software.searchWithFacets({ ...request, page: 1, pageSize: 1 })).facets
const search = (request: Parameters<TestContext['stores']['software']['search']>[0]) => context.stores.software.search(request)

describe('SoftwareStore: facets', () => {
  it('filters by each facet, OR within a facet and AND across facets', async () => {
    expect(names((await search({ page: 1, pageSize: 20, filters: { category: ['office'] } })).items)).toEqual(['Agenda', 'Ancien', 'Tableur Libre'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { category: ['office', 'gis'], platform: ['web'] } })).items)).toEqual(['Agenda', 'Cartes'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { licence: ['copyleft'] } })).items)).toEqual(['Agenda', 'Cartes'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { licence: ['proprietary-or-unknown'] } })).items)).toEqual(['Ancien'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { authorised: ['no'] } })).items)).toEqual(['Ancien', 'Cartes'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { os: ['windows'] } })).items)).toEqual(['Tableur Libre'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { market: ['yes'] } })).items)).toEqual(['Tableur Libre'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { referents: ['yes'] } })).items)).toEqual(['Cartes'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { instance: ['yes'] } })).items)).toEqual(['Serveur'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { year: ['2020'] } })).items)).toEqual(['Ancien', 'Cartes'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { status: ['observation', 'dereferenced'] } })).items)).toEqual(['Agenda', 'Ancien'])
    expect(names((await search({ page: 1, pageSize: 20, filters: { authorised: ['yes', 'no'] } })).items)).toHaveLength(5)
  })

  it('combines facets with the text search', async () => {
    expect(names((await search({ q: 'cartographie', page: 1, pageSize: 20, filters: { year: ['2020'] } })).items)).toEqual(['Cartes'])
    expect((await search({ q: 'cartographie', page: 1, pageSize: 20, filters: { year: ['2022'] } })).total).toBe(0)
  })

  it('counts each facet under the other facets’ choices', async () => {
    const counts = await facetsOf({ filters: { category: ['office'], status: ['recommended'] } })
    // Categories are counted among recommended software, whatever category is chosen.
    expect(counts.category).toEqual([
      { value: 'gis', count: 1 },
      { value: 'office', count: 1 },
      { value: 'web', count: 1 },
    ])
    // Statuses among office software.
    expect(counts.status).toEqual([
      { value: 'recommended', count: 1 },
      { value: 'observation', count: 1 },
      { value: 'dereferenced', count: 1 },
    ])
    expect(counts.licence).toEqual([{ value: 'weak-copyleft', count: 1 }])
    expect(counts.year).toEqual([{ value: '2022', count: 1 }, { value: '2021', count: 1 }])
    const all = await facetsOf({})
    expect(all.licence).toEqual([
      { value: 'permissive', count: 1 },
      { value: 'weak-copyleft', count: 1 },
      { value: 'copyleft', count: 2 },
      { value: 'proprietary-or-unknown', count: 1 },
    ])
    expect(all.authorised).toEqual([{ value: 'yes', count: 3 }, { value: 'no', count: 2 }])
    expect(all.platform).toEqual([{ value: 'web', count: 3 }, { value: 'desktop', count: 2 }])
    expect(all.referents).toEqual([{ value: 'yes', count: 1 }, { value: 'no', count: 4 }])
    expect(all.instance).toEqual([{ value: 'yes', count: 1 }, { value: 'no', count: 4 }])
    expect(all.market).toEqual([{ value: 'yes', count: 1 }, { value: 'no', count: 4 }])
  })

  it('answers phrases and exclusions too (read by the database)', async () => {
    expect(names((await search({ q: '"tableur libre"', page: 1, pageSize: 20 })).items)).toEqual(['Tableur Libre'])
    expect(names((await search({ q: 'cartographie -web', page: 1, pageSize: 20 })).items)).toEqual(['Cartes'])
  })

  it('counts only what the text matches', async () => {
    const counts = await facetsOf({ q: 'agenda' })
    expect(counts.status).toEqual([{ value: 'observation', count: 1 }])
  })
})

describe('SoftwareStore: sorts', () => {
  it('sorts by name, users and referents, latest release', async () => {
    expect(names((await search({ page: 1, pageSize: 20 })).items)).toEqual(['Agenda', 'Ancien', 'Cartes', 'Serveur', 'Tableur Libre'])
    expect(names((await search({ page: 1, pageSize: 20, sort: 'users' })).items).slice(0, 2)).toEqual(['Agenda', 'Cartes'])
    expect(names((await search({ page: 1, pageSize: 20, sort: 'release' })).items).slice(0, 2)).toEqual(['Agenda', 'Tableur Libre'])
  })

  it('pages with a stable total', async () => {
    const second = await search({ page: 2, pageSize: 2, sort: 'name' })
    expect(second.total).toBe(5)
    expect(names(second.items)).toEqual(['Cartes', 'Serveur'])
  })
})

describe('SoftwareStore: the listing kept between searches', () => {
  it('sees every committed write, made by any process, and none before its commit', async () => {
    const db = context.database.db
    // Another web process: a store of its own, which keeps its own listing.
    const other = new SoftwareStore(db)
    const platformsOf = async () => (await other.searchWithFacets({ page: 1, pageSize: 1 })).facets.platform
    expect(await platformsOf()).toEqual([{ value: 'web', count: 3 }, { value: 'desktop', count: 2 }])
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('software').set({ platforms: ['mobile'] }).where('slug', '=', 'serveur').execute()
      // Not committed yet: the other process still counts the old platforms (and keeps no stale copy).
      // PGlite has one connection, which the transaction holds: only a server can answer meanwhile.
      if (context.database.kind === 'postgres') expect(await platformsOf()).toEqual([{ value: 'web', count: 3 }, { value: 'desktop', count: 2 }])
    })
    expect(await platformsOf()).toEqual([{ value: 'web', count: 2 }, { value: 'desktop', count: 2 }, { value: 'mobile', count: 1 }])
    await db.updateTable('software').set({ platforms: ['web'] }).where('slug', '=', 'serveur').execute()
    expect(await platformsOf()).toEqual([{ value: 'web', count: 3 }, { value: 'desktop', count: 2 }])
  })
})

describe('SoftwareStore.details', () => {
  it('links parent, children, similar software both ways, changes and the registry’s repository', async () => {
    const db = context.database.db
    await db.updateTable('software').set({ parent_id: ids.get('tableur-libre')!, repository_url: 'https://github.com/Demo/Agenda.git' }).where('slug', '=', 'agenda').execute()
    await db.insertInto('software_similar').values({ software_id: ids.get('cartes')!, similar_id: ids.get('agenda')!, source: 'test' }).execute()
    await db.insertInto('software_change').values({ software_id: ids.get('agenda')!, software_name: 'Agenda', kind: 'added', occurred_on: '2022-03-01', source: 'test' }).execute()
    await db.insertInto('repository').values({ forge: 'github', forge_host: 'github.com', owner: 'demo', name: 'agenda', url: 'https://github.com/demo/agenda', stars: 42 }).execute()
    const details = (await context.stores.software.details('agenda'))!
    expect(details.parent).toEqual({ slug: 'tableur-libre', name: 'Tableur Libre' })
    expect(details.similar).toEqual([{ slug: 'cartes', name: 'Cartes' }])
    expect(details.changes).toEqual([{ kind: 'added', version: null, comment: null, occurred_on: '2022-03-01' }])
    expect(details.repository).toMatchObject({ forge_host: 'github.com', owner: 'demo', name: 'agenda', stars: 42 })
    expect((await context.stores.software.details('tableur-libre'))!.children).toEqual([{ slug: 'agenda', name: 'Agenda' }])
    expect(await context.stores.software.details('nothing')).toBeUndefined()
  })

  it('reads repository addresses leniently', () => {
    expect(repositoryParts('https://gitlab.com/Group/Sub/Name.git/')).toEqual({ host: 'gitlab.com', owner: 'group/sub', name: 'name' })
    expect(repositoryParts('https://example.org/')).toBeUndefined()
    expect(repositoryParts('not a url')).toBeUndefined()
  })
})
