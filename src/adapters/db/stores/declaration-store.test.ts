import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'

let context: TestContext
let softwareId: string
let alice: string
let bob: string

beforeAll(async () => {
  context = await createTestContext()
  await context.stores.software.insert([{ slug: 'outil', name: 'Outil', description_fr: '', description_en: '' }])
  softwareId = (await context.stores.software.bySlug('outil'))!.id
  const agents = await context.database.db
    .insertInto('agent')
    .values([
      { email: 'alice@example.gouv.fr', name: 'Alice Martin', is_public: true },
      { email: 'bob@example.gouv.fr', name: 'Bob Secret', is_public: false },
    ])
    .returning(['id', 'email'])
    .execute()
  alice = agents.find((a) => a.email.startsWith('alice'))!.id
  bob = agents.find((a) => a.email.startsWith('bob'))!.id
})
afterAll(() => context.close())

const counts = async () => {
  const s = (await context.stores.software.bySlug('outil'))!
  return { users: s.user_count, referents: s.referent_count, instances: s.public_instance_count }
}

describe('DeclarationStore', () => {
  it('adds, edits and withdraws, keeping the software’s counts', async () => {
    const { declarations } = context.stores
    const use = await declarations.add('user', softwareId, alice, { organisation: 'Mairie', use_case: 'Courrier', version: '1.0', os: 'linux' })
    const vouch = await declarations.add('referent', softwareId, bob, { is_expert: true, use_case: 'Expert' })
    const run = await declarations.add('instance', softwareId, alice, { organisation: 'Mairie', url: 'https://m.example', is_public: false })
    expect(await counts()).toEqual({ users: 1, referents: 1, instances: 0 })

    expect(await declarations.edit('instance', run, bob, { is_public: true })).toBe(true)
    expect(await counts()).toEqual({ users: 1, referents: 1, instances: 1 })
    expect(await declarations.edit('user', use, alice, { version: '2.0' })).toBe(true)
    expect(await declarations.declarer('instance', run)).toEqual({ agentId: alice, softwareId })

    const { users, referents, instances } = await declarations.forSoftware(softwareId)
    expect(users).toMatchObject([{ organisation: 'Mairie', version: '2.0', agent_id: alice, updated_by: alice }])
    expect(instances).toMatchObject([{ url: 'https://m.example', updated_by: bob }])
    // Bob's profile is not public: no name.
    expect(referents).toMatchObject([{ id: vouch, is_expert: true, agent_name: null }])
    expect(JSON.stringify(referents)).not.toContain('@')

    expect(await declarations.withdraw('user', use)).toBe(true)
    expect(await declarations.withdraw('user', use)).toBe(false)
    expect(await declarations.edit('user', use, alice, { version: '3' })).toBe(false)
    expect(await declarations.declarer('user', use)).toBeNull()
    expect(await counts()).toEqual({ users: 0, referents: 1, instances: 1 })
  })

  it('names public referents and hides private instances unless asked', async () => {
    const { declarations } = context.stores
    await declarations.add('referent', softwareId, alice, { is_expert: false })
    const hidden = await declarations.add('instance', softwareId, alice, { organisation: 'Préfecture', is_public: false })
    const { referents, instances } = await declarations.forSoftware(softwareId)
    expect(referents.map((r) => r.agent_name)).toEqual([null, 'Alice Martin'])
    expect(instances.map((i) => i.id)).not.toContain(hidden)
    expect((await declarations.forSoftware(softwareId, { privateInstances: true })).instances.map((i) => i.id)).toContain(hidden)
  })

  it('lists an agent’s declarations with their software', async () => {
    const mine = await context.stores.declarations.forAgent(alice)
    expect(mine.referents).toMatchObject([{ software_slug: 'outil', software_name: 'Outil' }])
    expect(mine.instances).toHaveLength(2)
  })

  it('keeps what an organisation uses when its declarer leaves, not their being a referent', async () => {
    const { declarations } = context.stores
    await declarations.add('user', softwareId, bob, { organisation: 'Région' })
    await context.database.db.deleteFrom('agent').where('id', '=', bob).execute()
    const after = await declarations.forSoftware(softwareId)
    expect(after.users).toMatchObject([{ organisation: 'Région', agent_id: null }])
    expect(after.referents.map((r) => r.agent_id)).toEqual([alice])
    // The cascade recounted too.
    expect(await counts()).toEqual({ users: 1, referents: 1, instances: 1 })
  })
})
