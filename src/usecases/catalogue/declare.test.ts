import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { declare, DECLARATIONS_PER_HOUR } from './declare.ts'

let context: TestContext
let softwareId: string

beforeAll(async () => {
  context = await createTestContext()
  await context.stores.software.insert([{ slug: 'outil', name: 'Outil', description_fr: '', description_en: '' }])
  softwareId = (await context.stores.software.bySlug('outil'))!.id
})
afterAll(() => context.close())

const agent = async (email: string) => (await context.stores.agents.findOrCreate(email, email)).agent

describe('declare', () => {
  it('makes an agent a referent once, even when two posts arrive together', async () => {
    const alice = await agent('alice@example.gouv.fr')
    const fields = { is_expert: true, use_case: null, service_url: null }
    const results = await Promise.all([declare(context.stores, alice, softwareId, 'referent', fields), declare(context.stores, alice, softwareId, 'referent', fields)])
    expect(results.filter((r) => 'declared' in r)).toHaveLength(1)
    expect(results.filter((r) => 'refused' in r)).toEqual([{ refused: 'already-referent' }])
    expect(await declare(context.stores, alice, softwareId, 'referent', fields)).toEqual({ refused: 'already-referent' })
  })

  it('holds back an agent who declares too much within an hour', async () => {
    const bob = await agent('bob@example.gouv.fr')
    const fields = { organisation: 'Mairie', audience: null, url: null, is_public: false }
    for (let i = 0; i < DECLARATIONS_PER_HOUR; i++) expect(await declare(context.stores, bob, softwareId, 'instance', fields)).toHaveProperty('declared')
    expect(await declare(context.stores, bob, softwareId, 'instance', fields)).toEqual({ refused: 'too-many' })
    // Others are not.
    expect(await declare(context.stores, await agent('carol@example.gouv.fr'), softwareId, 'instance', fields)).toHaveProperty('declared')
  })
})
