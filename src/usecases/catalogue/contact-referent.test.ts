import { describe, expect, it } from 'vitest'
import { HourlyLimiter } from './contact-referent.ts'

describe('HourlyLimiter', () => {
  it('allows so many events per key within a sliding hour, and says how long to wait', () => {
    let now = 1_000_000
    const limiter = new HourlyLimiter(2, () => now)
    expect(limiter.wait(['a', 'ip'])).toBe(0)
    limiter.record(['a', 'ip'])
    now += 600_000
    limiter.record(['a', 'ip'])
    expect(limiter.wait(['a'])).toBe(3000)
    expect(limiter.wait(['b', 'ip'])).toBe(3000)
    expect(limiter.wait(['b'])).toBe(0)
    // The first event is an hour old: one more may go, then the second one's hour must pass.
    now += 3_000_001
    expect(limiter.wait(['a', 'ip'])).toBe(0)
    limiter.record(['a', 'ip'])
    expect(limiter.wait(['a', 'ip'])).toBe(600)
  })
})
