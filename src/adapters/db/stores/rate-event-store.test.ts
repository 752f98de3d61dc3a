import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(() => context.close())

describe('RateEventStore.take', () => {
  it('allows so many events per key within a sliding hour, says how long to wait, and keeps no key in clear', async () => {
    const events = context.stores.rateEvents
    let now = new Date('2026-01-01T10:00:00Z')
    const later = (ms: number) => (now = new Date(now.getTime() + ms))
    expect(await events.take(['sender:a@example.org', 'ip:192.0.2.1'], 2, now)).toBe(0)
    later(600_000)
    expect(await events.take(['sender:a@example.org', 'ip:192.0.2.1'], 2, now)).toBe(0)
    // Either key at its limit refuses, and a refusal is not counted.
    expect(await events.take(['sender:a@example.org'], 2, now)).toBe(3000)
    expect(await events.take(['sender:b@example.org', 'ip:192.0.2.1'], 2, now)).toBe(3000)
    expect(await events.take(['sender:b@example.org'], 2, now)).toBe(0)
    // The first event is an hour old: one more may go, then the second one's hour must pass.
    later(3_000_001)
    expect(await events.take(['sender:a@example.org', 'ip:192.0.2.1'], 2, now)).toBe(0)
    expect(await events.take(['sender:a@example.org', 'ip:192.0.2.1'], 2, now)).toBe(600)
    const keys = (await context.database.db.selectFrom('rate_event').select('key').execute()).map((row) => row.key)
    expect(keys.join(' ')).not.toMatch(/example|192/)
  })

  it('never lets a burst through: concurrent takes of one key count one after another', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => context.stores.rateEvents.take(['sender:burst@example.org'], 5)))
    expect(results.filter((wait) => wait === 0)).toHaveLength(5)
  })
})
