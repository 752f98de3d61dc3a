import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bodyTree, findNode } from '../../../domain/registry/body-tree.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { FIXTURE_NOW, insertBodyFixtures } from '../../../testing/registry-bodies.ts'

let context: TestContext
let ids: Awaited<ReturnType<typeof insertBodyFixtures>>

beforeAll(async () => {
  context = await createTestContext()
  ids = await insertBodyFixtures(context.database.db)
})
afterAll(() => context.close())

describe('BodyStore', () => {
  it('counts each body’s repositories, gone ones left out, and rolls them up the tree', async () => {
    const { bodies, counts } = await context.stores.bodies.summaries()
    expect(bodies.map((b) => b.slug)).toEqual(['dir-numerique', 'ministere-test', 'service-donnees'])
    expect(counts.get(ids.ministry)).toBe(10)
    expect(counts.get(ids.directorate)).toBe(12)
    expect(counts.get(ids.service)).toBe(7)
    const tree = bodyTree(bodies, counts)
    expect(tree.map((n) => n.body.slug)).toEqual(['ministere-test'])
    expect(tree[0]!.totalCount).toBe(29)
    expect(findNode(tree, ids.directorate)?.totalCount).toBe(19)
  })

  it('reads a body’s subtree with its counts, and stops at a cycle of parents', async () => {
    const { bodies, counts } = await context.stores.bodies.subtree(ids.directorate)
    expect(bodies.map((b) => b.slug)).toEqual(['dir-numerique', 'service-donnees'])
    expect([...counts.values()].sort()).toEqual([12, 7])
    expect(findNode(bodyTree(bodies, counts), ids.directorate)?.totalCount).toBe(19)
    const setMinistryParent = (parent_id: string | null) => context.database.db.updateTable('organisation').set({ parent_id }).where('id', '=', ids.ministry).execute()
    await setMinistryParent(ids.service)
    try {
      expect((await context.stores.bodies.subtree(ids.ministry)).bodies).toHaveLength(3)
    } finally {
      await setMinistryParent(null)
    }
  })

  it('finds bodies by name or acronym, ignoring accents and case, and never fails on odd text', async () => {
    expect(await context.stores.bodies.matching('MINISTERE')).toEqual(new Set([ids.ministry]))
    expect(await context.stores.bodies.matching('dnum')).toEqual(new Set([ids.directorate]))
    expect(await context.stores.bodies.matching('données')).toEqual(new Set([ids.service]))
    expect(await context.stores.bodies.matching('numeriq')).toEqual(new Set([ids.directorate]))
    for (const q of ['"unbalanced', '%', '_', '\\', "'; drop table organisation; --", ':*']) {
      await expect(context.stores.bodies.matching(q)).resolves.toBeInstanceOf(Set)
    }
    expect((await context.stores.bodies.matching('%')).size).toBe(0)
  })

  it('reads a body with its parent', async () => {
    const body = await context.stores.bodies.bySlug('dir-numerique')
    expect(body?.parent).toEqual({ slug: 'ministere-test', name: 'Ministère de l’Essai' })
    expect(await context.stores.bodies.bySlug('nope')).toBeUndefined()
  })

  it('lists a body’s accounts with their repository counts, and one account by host and owner', async () => {
    const accounts = await context.stores.bodies.accounts([ids.directorate])
    expect(accounts.map((a) => [a.owner, a.repositories, a.status])).toEqual([['dnum', 12, 'stale']])
    const account = await context.stores.bodies.account('gitlab.example.org', 'dnum/services/donnees')
    expect(account?.organisation_slug).toBe('service-donnees')
    expect(account?.repositories).toBe(7)
    expect(await context.stores.bodies.account('gitlab.example.org', 'dnum/services')).toBeUndefined()
  })

  it('answers the newest repositories first, overall and per body', async () => {
    const all = await context.stores.bodies.newest(50)
    expect(all).toHaveLength(29)
    expect(all[0]?.name).toBe('repo-29')
    const service = await context.stores.bodies.newest(3, [ids.service])
    expect(service.map((r) => [r.name, r.organisation_name])).toEqual([
      ['repo-29', 'Service des données'],
      ['repo-28', 'Service des données'],
      ['repo-27', 'Service des données'],
    ])
  })

  it('reads the sitemap’s addresses in slices', async () => {
    expect(await context.stores.bodies.addressCounts()).toEqual({ software: 0, bodies: 3, repositories: 29 })
    const slices = [...(await context.stores.bodies.repositoryAddresses(0, 20)), ...(await context.stores.bodies.repositoryAddresses(20, 20))]
    expect(new Set(slices.map((r) => r.name)).size).toBe(29)
  })
})

describe('StatisticsStore', () => {
  it('profiles the whole registry', async () => {
    const stats = await context.stores.statistics.registry(FIXTURE_NOW)
    expect(stats).toMatchObject({ repositories: 29, bodies: 3, accounts: 3, archived: 3, publiccode: { present: 6, valid: 4 } })
    expect(stats.forges).toEqual([{ key: 'gitlab.example.org', count: 19 }, { key: 'github.com', count: 10 }])
    expect(stats.languages[0]).toEqual({ key: 'Python', count: 10 })
    expect(stats.otherLanguages).toBe(29 - stats.languages.reduce((s, l) => s + l.count, 0))
    expect(stats.licences.find((l) => l.key === 'MIT')).toEqual({ key: 'MIT', count: 8, authorised: true })
    expect(stats.licences.find((l) => l.key === 'WTFPL')?.authorised).toBe(false)
    expect(stats.withoutLicence).toBe(3)
    expect(stats.authorisedLicences).toBe(29 - 3 - 3)
    expect(stats.createdByYear.reduce((s, y) => s + y.count, 0)).toBe(29)
    expect(stats.pushedLast30Days).toBe(4)
    expect(stats.pushedLast365Days).toBe(12)
  })

  it('profiles one body (with sub-bodies) or one account', async () => {
    const service = await context.stores.statistics.profile({ organisationIds: [ids.service] }, FIXTURE_NOW)
    expect(service.repositories).toBe(7)
    const account = await context.stores.statistics.profile({ sourceId: ids.serviceAccount }, FIXTURE_NOW)
    expect(account).toEqual(service)
    expect((await context.stores.statistics.profile({ organisationIds: [] }, FIXTURE_NOW)).repositories).toBe(0)
  })
})
