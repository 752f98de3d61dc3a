import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseRepositoryQuery, type RepositoryQuery } from '../../../domain/registry/repository-query.ts'
import { openTestDatabase, type TestDatabase, testDatabaseKind } from '../../../testing/test-database.ts'
import { deriveRegistryFacts } from '../../../usecases/registry/derive-registry-facts.ts'
import type { NewRepository } from '../schema.ts'
import { createStores, type Stores } from './index.ts'
import { RepositoryStore } from './repository-store.ts'

// The registry kept in each process (RegistryListing) must answer exactly as the database's statements:
// the same matches in the same order, the same totals, the same facet counts. A seeded world of 1,200
// repositories, with words common enough for the kept listing to answer them (at least 100 matches),
// names that are the words, topics, ties of reuse scores, bodies three levels deep.

const now = new Date('2026-06-15T12:00:00Z')
let database: TestDatabase
let stores: Stores
let kept: RepositoryStore
let statements: RepositoryStore

/** A small seeded generator (mulberry32): the same world on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['api', 'données', 'carte', 'formulaire', 'eau', 'santé', 'école', 'transport', 'énergie', 'budget', 'open', 'data', 'gestion', 'agents']
const LANGUAGES = ['TypeScript', 'Python', 'Java', 'PHP', 'Go', null]
const LICENCES = ['MIT', 'EUPL-1.2', 'AGPL-3.0-or-later', 'Apache-2.0', 'CC-BY-NC-4.0', null]

beforeAll(async () => {
  database = await openTestDatabase()
  stores = createStores(database.db)
  kept = new RepositoryStore(database.db)
  statements = new RepositoryStore(database.db, { keptListing: false })
  const bodies = [
    { slug: 'interieur', name: 'Ministère de l’Intérieur', kind: 'ministry' },
    { slug: 'dnum', name: 'Direction du numérique', kind: 'agency' },
    { slug: 'atelier', name: 'Atelier numérique', kind: 'operator' },
    { slug: 'sante', name: 'Ministère de la Santé', kind: 'ministry' },
    { slug: 'ars', name: 'Agence régionale de santé', kind: 'agency' },
    { slug: 'lyon', name: 'Ville de Lyon', kind: 'local-authority' },
    { slug: 'nantes', name: 'Nantes Métropole', kind: 'local-authority' },
  ]
  const ids = await stores.organisations.insert(bodies)
  await stores.organisations.setParent('dnum', 'interieur')
  await stores.organisations.setParent('atelier', 'dnum')
  await stores.organisations.setParent('ars', 'sante')
  const next = random(7)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const rows: NewRepository[] = []
  for (let i = 0; i < 1200; i++) {
    const owner = pick(bodies).slug
    const words = [pick(WORDS), pick(WORDS), pick(WORDS)]
    // A name that is a word, words, or none of them.
    const name = next() < 0.1 ? words[0]! : next() < 0.5 ? `${words[0]}-${i}` : `projet-${i}`
    rows.push({
      forge: pick(['github', 'gitlab', 'gitea']), forge_host: 'forge.example', owner: `${owner}-${i}`, name, url: `https://forge.example/${owner}/${name}-${i}`,
      organisation_id: next() < 0.95 ? ids.get(owner)! : null,
      description: next() < 0.9 ? `Outil de ${words[1]} et ${words[2]} pour les services` : null,
      topics: next() < 0.4 ? [pick(WORDS), pick(WORDS)] : [],
      language: pick(LANGUAGES), licence: pick(LICENCES),
      stars: Math.floor(next() * 5) * 10, forks: Math.floor(next() * 3),
      archived: next() < 0.1, is_fork: next() < 0.1, is_template: next() < 0.05,
      pushed_at: next() < 0.1 ? null : new Date(now.getTime() - Math.floor(next() * 800) * 86_400_000).toISOString(),
      created_on_forge: new Date(now.getTime() - 900 * 86_400_000).toISOString(),
      ...(next() < 0.3 ? { publiccode_text: 'x', publiccode_valid: next() < 0.5 } : {}),
    })
  }
  await stores.repositories.insert(rows)
  await deriveRegistryFacts(database.db, { now })
  // Words found in READMEs alone (the derivation reads READMEs from files): a search for them is
  // widened to READMEs and to names close to them.
  for (const [digit, word] of [['3', 'cadastre'], ['5', 'référentiel'], ['7', 'annuaire']]) {
    await sql`update repository set readme_excerpt = ${`Installation du ${word} sur un serveur`} where right(owner, 1) = ${digit}`.execute(database.db)
  }
})

afterAll(() => database.close())

const query = (raw: Record<string, unknown>): RepositoryQuery => {
  const parsed = parseRepositoryQuery(raw)
  expect(parsed.problems).toEqual([])
  return parsed.query
}

/** Each store's window, as ids in order, with the total and the next cursor. */
async function both(raw: Record<string, unknown>, window: { page: number; pageSize: number } | { cursor: string | undefined; limit: number }, scope?: { organisationIds: string[] } | { sourceId: string }) {
  const options = scope ? { now, scope } : { now }
  const answer = async (store: RepositoryStore) => {
    const result = await store.search(query(raw), window, options)
    return { ids: result.items.map((item) => item.id), total: result.total, nextCursor: result.nextCursor }
  }
  return { kept: await answer(kept), statements: await answer(statements) }
}

describe('the registry kept in memory', () => {
  const searches: Record<string, unknown>[] = [
    { q: 'api' },
    { q: 'données' },
    { q: 'carte' },
    { q: 'open data' },
    { q: 'api', language: ['Python', 'Go'] },
    { q: 'données', ministry: 'interieur', archived: 'no' },
    { q: 'formulaire', licence: 'MIT', authorised: 'yes', activity: '365' },
    { q: 'eau', publiccode: ['valid', 'absent'], compliance: ['low', 'medium'] },
    { q: 'santé école', kind: ['agency', 'operator'], fork: 'no', template: 'no' },
    { q: 'api', organisation: ['lyon', 'nantes'], forge: 'gitlab' },
    // Found beyond the listed text: in READMEs, in names close to the words (typos).
    { q: 'cadastre' },
    { q: 'référentiel', language: 'Python' },
    { q: 'projt' },
    { q: 'formulair' },
    { q: 'annuaire', archived: 'no' },
  ]

  it('finds the same matches in the same order as the database, page after page', async () => {
    for (const raw of searches) {
      for (const page of [1, 2, 11]) {
        const { kept: fromMemory, statements: fromDatabase } = await both(raw, { page, pageSize: 20 })
        expect(fromMemory, JSON.stringify({ raw, page })).toEqual(fromDatabase)
      }
    }
    // A word this common has hundreds of matches: the kept listing answered, past the ranked ones too.
    expect((await both({ q: 'api' }, { page: 1, pageSize: 20 })).kept.total).toBeGreaterThan(200)
    // Rare words and typos are found in READMEs and names.
    expect((await both({ q: 'cadastre' }, { page: 1, pageSize: 20 })).kept.total).toBeGreaterThan(20)
    expect((await both({ q: 'projt' }, { page: 1, pageSize: 20 })).kept.total).toBeGreaterThan(20)
  })

  it('gives the same cursors as the database, and follows them to the same rows', async () => {
    let cursor: string | undefined
    for (let step = 0; step < 3; step++) {
      const { kept: fromMemory, statements: fromDatabase } = await both({ q: 'données' }, { cursor, limit: 90 })
      expect(fromMemory).toEqual(fromDatabase)
      cursor = fromMemory.nextCursor ?? undefined
    }
  })

  it('counts the same facets, with and without words, in a scope', async () => {
    const interieur = await database.db.selectFrom('organisation').select('id').where('slug', 'in', ['interieur', 'dnum']).execute()
    const source = await database.db.selectFrom('repository').select('source_id').limit(1).executeTakeFirst()
    for (const raw of [{}, { language: 'Python' }, { ministry: 'sante', forge: ['github', 'gitea'], activity: '30' }, ...searches]) {
      for (const scope of [undefined, { organisationIds: interieur.map((body) => body.id) }, { organisationIds: [] }, ...(source?.source_id ? [{ sourceId: source.source_id }] : [])]) {
        const options = scope ? { now, scope } : { now }
        expect(await kept.facets(query(raw), options), JSON.stringify({ raw, scope })).toEqual(await statements.facets(query(raw), options))
      }
    }
  })

  it('is read ahead of the first search when a web process starts', async () => {
    const started = new RepositoryStore(database.db)
    const load = vi.spyOn(started as unknown as { loadListing: () => unknown }, 'loadListing')
    await started.keepListing()
    expect(load).toHaveBeenCalledTimes(1)
    expect(await started.facets(query({}), { now })).toEqual(await statements.facets(query({}), { now }))
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('is read again after a write to the listing or to the bodies; the database answers meanwhile', async () => {
    const fromDatabase = vi.spyOn(kept as unknown as { countFacets: () => unknown }, 'countFacets')
    const answeredFromMemory = async () => {
      fromDatabase.mockClear()
      const facets = await kept.facets(query({}), { now })
      expect(fromDatabase).not.toHaveBeenCalled()
      return facets
    }
    const before = await answeredFromMemory()
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('repository').set({ language: 'Rust' }).where('name', 'like', 'projet-1%').execute()
      // Not committed: another reader keeps the copy it has (PGlite has one session: no other reader).
      if (testDatabaseKind === 'postgres') expect(await answeredFromMemory()).toEqual(before)
    })
    // Committed: the next answer is the database's, with the change, until the copy is read again.
    expect((await kept.facets(query({}), { now })).language.find((value) => value.value === 'Rust')?.count).toBeGreaterThan(0)
    const after = await vi.waitFor(answeredFromMemory, { timeout: 10_000, interval: 50 })
    expect(after.language.find((value) => value.value === 'Rust')?.count).toBeGreaterThan(0)
    expect(after).toEqual(await statements.facets(query({}), { now }))
    await sql`update organisation set name = 'Ville de Lyon (Rhône)' where slug = 'lyon'`.execute(database.db)
    expect((await kept.facets(query({}), { now })).organisation.find((value) => value.value === 'lyon')?.label).toBe('Ville de Lyon (Rhône)')
    const renamed = await vi.waitFor(answeredFromMemory, { timeout: 10_000, interval: 50 })
    expect(renamed.organisation.find((value) => value.value === 'lyon')?.label).toBe('Ville de Lyon (Rhône)')
  })
})
