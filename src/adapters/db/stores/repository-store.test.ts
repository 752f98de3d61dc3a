import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRepositoryQuery, type RepositoryQuery } from '../../../domain/registry/repository-query.ts'
import { openTestDatabase, type TestDatabase } from '../../../testing/test-database.ts'
import { deriveRegistryFacts } from '../../../usecases/registry/derive-registry-facts.ts'
import { createStores, type Stores } from './index.ts'
import { InvalidCursor } from './repository-store.ts'

const now = new Date()
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()
let database: TestDatabase
let stores: Stores

beforeAll(async () => {
  database = await openTestDatabase()
  stores = createStores(database.db)
  const ids = await stores.organisations.insert([
    { slug: 'ministere', name: 'Ministère de l’Intérieur', kind: 'ministry' },
    { slug: 'direction', name: 'Direction du numérique', kind: 'agency' },
    { slug: 'lyon', name: 'Ville de Lyon', kind: 'local-authority' },
  ])
  await stores.organisations.setParent('direction', 'ministere')
  const repo = (name: string, organisation: string, extra: Record<string, unknown> = {}) => ({
    forge: 'github', forge_host: 'github.com', owner: organisation, name, url: `https://github.com/${organisation}/${name}`, organisation_id: ids.get(organisation)!,
    description: `Le dépôt ${name} publié par ${organisation}`, pushed_at: daysAgo(10), created_on_forge: daysAgo(400), ...extra,
  })
  await stores.repositories.insert([
    repo('formulaires', 'direction', { language: 'TypeScript', licence: 'MIT', stars: 50, forks: 4, topics: ['démarches'], publiccode_valid: true, publiccode_text: 'x' }),
    repo('annuaire', 'direction', { language: 'Python', licence: 'EUPL-1.2', stars: 12, pushed_at: daysAgo(200) }),
    repo('carto', 'ministere', { language: 'Python', licence: 'CC-BY-NC-4.0', stars: 7, publiccode_valid: false, publiccode_text: 'x' }),
    repo('vieux-site', 'ministere', { language: 'PHP', archived: true, stars: 7, pushed_at: null }),
    repo('gabarit', 'lyon', { forge: 'gitlab', forge_host: 'gitlab.com', url: 'https://gitlab.com/lyon/gabarit', language: 'Go', licence: 'MIT', is_template: true, stars: 0, pushed_at: null }),
    repo('formulaires', 'lyon', { language: 'TypeScript', is_fork: true, parent_full_name: 'direction/formulaires', licence: 'MIT', stars: 1 }),
    repo('parti', 'lyon', { language: 'Go', gone_at: daysAgo(1) }),
  ])
  await deriveRegistryFacts(database.db, { now })
})

afterAll(() => database.close())

const query = (raw: Record<string, unknown>): RepositoryQuery => {
  const parsed = parseRepositoryQuery(raw)
  expect(parsed.problems).toEqual([])
  return parsed.query
}
const names = async (raw: Record<string, unknown>) =>
  (await stores.repositories.search(query({ sort: 'name', ...raw }), { page: 1, pageSize: 50 })).items.map((r) => `${r.owner}/${r.name}`).sort()

describe('repository search', () => {
  it('lists every repository but the gone ones', async () => {
    expect(await names({})).toEqual(['direction/annuaire', 'direction/formulaires', 'lyon/formulaires', 'lyon/gabarit', 'ministere/carto', 'ministere/vieux-site'])
  })

  it('filters on each facet; several values of one facet are alternatives', async () => {
    expect(await names({ organisation: 'lyon' })).toEqual(['lyon/formulaires', 'lyon/gabarit'])
    expect(await names({ ministry: 'ministere' })).toEqual(['direction/annuaire', 'direction/formulaires', 'ministere/carto', 'ministere/vieux-site'])
    expect(await names({ kind: 'agency' })).toEqual(['direction/annuaire', 'direction/formulaires'])
    expect(await names({ forge: 'gitlab' })).toEqual(['lyon/gabarit'])
    expect(await names({ language: ['Python', 'Go'] })).toEqual(['direction/annuaire', 'lyon/gabarit', 'ministere/carto'])
    expect(await names({ licence: 'MIT' })).toEqual(['direction/formulaires', 'lyon/formulaires', 'lyon/gabarit'])
    expect(await names({ authorised: 'no' })).toEqual(['ministere/carto', 'ministere/vieux-site'])
    expect(await names({ publiccode: 'valid' })).toEqual(['direction/formulaires'])
    expect(await names({ publiccode: ['invalid', 'valid'] })).toEqual(['direction/formulaires', 'ministere/carto'])
    expect(await names({ activity: '30' })).toEqual(['direction/formulaires', 'lyon/formulaires', 'ministere/carto'])
    expect(await names({ archived: 'yes' })).toEqual(['ministere/vieux-site'])
    expect(await names({ fork: 'no', template: 'no', archived: 'no' })).toEqual(['direction/annuaire', 'direction/formulaires', 'ministere/carto'])
  })

  it('combines words and facets; finds words without their accents and names with a typo', async () => {
    expect(await names({ q: 'demarches' })).toEqual(['direction/formulaires'])
    expect(await names({ q: 'formulaire', organisation: 'lyon' })).toEqual(['lyon/formulaires'])
    expect(await names({ q: 'anuaire' })).toEqual(['direction/annuaire'])
  })

  it('never fails on hostile words', async () => {
    for (const q of [`'); drop table repository; --`, '&|!:*()<->', '"unterminated', '\\', 'a'.repeat(200), 'null\u0000byte'.replace('\u0000', '')]) {
      await expect(names({ q })).resolves.toBeInstanceOf(Array)
    }
    expect(await stores.repositories.total()).toBe(6)
  })

  it('sorts by reuse score by default', async () => {
    const result = await stores.repositories.search(query({}), { page: 1, pageSize: 50 })
    const scores = result.items.map((r) => r.reuse_score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(result.items[0]?.name).toBe('formulaires')
  })

  for (const sort of ['reuse', 'stars', 'forks', 'pushed', 'created', 'name'] as const) {
    it(`walks every row once with cursors, sorted by ${sort}`, async () => {
      const seen: string[] = []
      let cursor: string | undefined
      for (let i = 0; i < 10; i++) {
        const page = await stores.repositories.search(query({ sort }), { cursor, limit: 2 })
        seen.push(...page.items.map((r) => r.id))
        if (!page.nextCursor) break
        cursor = page.nextCursor
      }
      expect(seen).toHaveLength(6)
      expect(new Set(seen).size).toBe(6)
      const offsetOrder = (await stores.repositories.search(query({ sort }), { page: 1, pageSize: 50 })).items.map((r) => r.id)
      expect(seen).toEqual(offsetOrder)
    })
  }

  it('walks relevance results with cursors too, and refuses a forged cursor', async () => {
    const first = await stores.repositories.search(query({ q: 'dépôt' }), { cursor: undefined, limit: 4 })
    expect(first.total).toBe(6)
    const second = await stores.repositories.search(query({ q: 'dépôt' }), { cursor: first.nextCursor!, limit: 4 })
    expect(second.items).toHaveLength(2)
    expect(second.nextCursor).toBeNull()
    await expect(stores.repositories.search(query({}), { cursor: 'not-a-cursor', limit: 4 })).rejects.toBeInstanceOf(InvalidCursor)
    const forged = Buffer.from(JSON.stringify({ after: [1, "x'; drop table repository"] })).toString('base64url')
    await expect(stores.repositories.search(query({}), { cursor: forged, limit: 4 })).rejects.toBeInstanceOf(InvalidCursor)
  })
})

describe('repository facets', () => {
  it('counts each value under the other facets’ filters', async () => {
    const facets = await stores.repositories.facets(query({ language: 'Python' }))
    expect(facets.language).toEqual([
      { value: 'Python', label: null, count: 2 },
      { value: 'TypeScript', label: null, count: 2 },
      { value: 'Go', label: null, count: 1 },
      { value: 'PHP', label: null, count: 1 },
    ])
    expect(facets.organisation).toEqual([
      { value: 'direction', label: 'Direction du numérique', count: 1 },
      { value: 'ministere', label: 'Ministère de l’Intérieur', count: 1 },
    ])
    expect(facets.ministry).toEqual([{ value: 'ministere', label: 'Ministère de l’Intérieur', count: 2 }])
    expect(facets.publiccode).toEqual([
      { value: 'absent', label: null, count: 1 },
      { value: 'invalid', label: null, count: 1 },
    ])
    expect(facets.authorised.map((f) => [f.value, f.count])).toEqual([['no', 1], ['yes', 1]])
  })

  it('counts under several filters: each facet without its own, the others under all of them', async () => {
    const facets = await stores.repositories.facets(query({ language: 'Python', organisation: 'direction', q: 'dépôt' }))
    expect(facets.language.map((f) => [f.value, f.count])).toEqual([['Python', 1], ['TypeScript', 1]])
    expect(facets.organisation.map((f) => [f.value, f.count])).toEqual([['direction', 1], ['ministere', 1]])
    expect(facets.ministry.map((f) => [f.value, f.count])).toEqual([['ministere', 1]])
    expect(facets.kind.map((f) => [f.value, f.count])).toEqual([['agency', 1]])
    expect(facets.forge.map((f) => [f.value, f.count])).toEqual([['github', 1]])
    expect(facets.activity.map((f) => [f.value, f.count])).toEqual([['365', 1]])
  })
})

describe('the listing the search reads', () => {
  let own: TestDatabase
  let ownStores: Stores
  const repo = (name: string, extra: Record<string, unknown> = {}) => ({
    forge: 'github', forge_host: 'github.com', owner: 'ville', name, url: `https://github.com/ville/${name}`, ...extra,
  })
  const found = async (q: string) => {
    const results = await ownStores.repositories.search(query({ q }), { page: 1, pageSize: 200 })
    return { total: results.total, names: results.items.map((r) => r.name) }
  }

  beforeAll(async () => {
    own = await openTestDatabase()
    ownStores = createStores(own.db)
  })
  afterAll(() => own.close())

  it('finds a rare word in a README, but lets a common one widen nothing beyond names and descriptions', async () => {
    await ownStores.repositories.insert([
      repo('outil', { readme_excerpt: 'Cet outil interroge le cadastre solaire de la ville.' }),
      ...Array.from({ length: 100 }, (_, i) => repo(`demarche-${i}`, { description: 'Une démarche en ligne' })),
      repo('portail', { readme_excerpt: 'Le portail liste chaque démarche de la mairie.' }),
    ])
    expect(await found('cadastre')).toEqual({ total: 1, names: ['outil'] })
    const common = await found('démarche')
    expect(common.total).toBe(100)
    expect(common.names).not.toContain('portail')
  })

  it('ranks the exact name first, then the words in names, in topics, in descriptions, however many match', async () => {
    await ownStores.repositories.insert([
      ...Array.from({ length: 250 }, (_, i) => repo(`releve-${i}`, { description: 'Relevé du compteur communal', reuse_score: 90 })),
      repo('outil-compteur', { description: 'Un outil', reuse_score: 10 }),
      repo('mesures', { topics: ['compteur'], reuse_score: 20 }),
      repo('compteur', { description: 'Le compteur', reuse_score: 0 }),
    ])
    const first = await ownStores.repositories.search(query({ q: 'compteur' }), { page: 1, pageSize: 20 })
    expect(first.total).toBe(253)
    expect(first.items.slice(0, 3).map((r) => r.name)).toEqual(['compteur', 'outil-compteur', 'mesures'])
    const seen = new Set<string>()
    let cursor: string | undefined
    for (let i = 0; i < 20; i++) {
      const page = await ownStores.repositories.search(query({ q: 'compteur' }), { cursor, limit: 40 })
      for (const item of page.items) seen.add(item.name)
      if (!page.nextCursor) break
      cursor = page.nextCursor
    }
    expect(seen.size).toBe(253)
  })

  it('counts facets again as soon as the listing changes, though it keeps them between requests', async () => {
    const languages = async () => (await ownStores.repositories.facets(query({}))).language.map((v) => `${v.value}:${v.count}`)
    expect(await languages()).not.toContain('Rust:1')
    expect(await languages()).toEqual(await languages())
    await ownStores.repositories.insert([repo('rouille', { language: 'Rust' })])
    expect(await languages()).toContain('Rust:1')
    await own.db.updateTable('repository').set({ gone_at: new Date() }).where('name', '=', 'rouille').execute()
    expect(await languages()).not.toContain('Rust:1')
  })

  it('follows every write of the repositories: renamed, gone, deleted', async () => {
    await ownStores.repositories.insert([repo('ancien-nom')])
    await own.db.updateTable('repository').set({ name: 'nouveau-nom' }).where('name', '=', 'ancien-nom').execute()
    expect((await found('nouveau-nom')).names).toEqual(['nouveau-nom'])
    expect((await found('ancien-nom')).names).not.toContain('ancien-nom')
    await own.db.updateTable('repository').set({ gone_at: new Date() }).where('name', '=', 'nouveau-nom').execute()
    expect((await found('nouveau-nom')).names).toEqual([])
    await own.db.deleteFrom('repository').where('name', '=', 'outil').execute()
    expect((await found('cadastre')).total).toBe(0)
    const listed = await own.db.selectFrom('repository_listing').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const kept = await own.db.selectFrom('repository').where('gone_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(listed.n)).toBe(Number(kept.n))
  })
})
