import { describe, expect, it, vi } from 'vitest'
import { KeptCopy } from './kept-copy.ts'

/** A copy whose loads the test ends by hand, counting them. */
function copy() {
  const loads: { resolve: (value: string) => void }[] = []
  const kept = new KeptCopy(() => new Promise<string>((resolve) => loads.push({ resolve })))
  return { kept, loads }
}

describe('KeptCopy', () => {
  it('loads a version once, however many readers wait; an older load ending last does not replace a newer copy', async () => {
    const { kept, loads } = copy()
    const first = [kept.at(1n), kept.at(1n)]
    expect(loads).toHaveLength(1)
    const newer = kept.at(2n)
    loads[1]!.resolve('v2')
    loads[0]!.resolve('v1')
    expect(await Promise.all(first)).toEqual(['v1', 'v1'])
    expect(await newer).toBe('v2')
    expect(await kept.at(2n)).toBe('v2')
    expect(loads).toHaveLength(2)
  })

  it('waits for the first copy only; a stale one is loaded again in the background, at most once per load time', async () => {
    vi.useFakeTimers()
    try {
      const { kept, loads } = copy()
      const first = kept.fresh(1n)
      vi.advanceTimersByTime(100)
      loads[0]!.resolve('v1')
      expect(await first).toBe('v1')
      // Stale: nothing, and one load in the background once as long as the last load took has passed.
      expect(await kept.fresh(2n)).toBeUndefined()
      expect(loads).toHaveLength(1)
      vi.advanceTimersByTime(100)
      expect(await kept.fresh(2n)).toBeUndefined()
      expect(await kept.fresh(2n)).toBeUndefined()
      expect(loads).toHaveLength(2)
      vi.advanceTimersByTime(100)
      loads[1]!.resolve('v2')
      await vi.waitFor(async () => expect(await kept.fresh(2n)).toBe('v2'))
      // A write right after: the next load waits as long as the last one took.
      expect(await kept.fresh(3n)).toBeUndefined()
      expect(loads).toHaveLength(2)
      vi.advanceTimersByTime(100)
      expect(await kept.fresh(3n)).toBeUndefined()
      expect(loads).toHaveLength(3)
    } finally {
      vi.useRealTimers()
    }
  })
})
