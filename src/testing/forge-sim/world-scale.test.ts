import { describe, expect, it } from 'vitest'
import { createWorld } from './world.ts'

describe('a world at crawl scale', () => {
  it('generates 2,000 accounts and 50,000 repositories (time and memory printed, not asserted)', () => {
    const heapBefore = process.memoryUsage().heapUsed
    const started = performance.now()
    const world = createWorld({ seed: 'scale', accounts: 2000, repositories: 50_000 })
    const elapsed = performance.now() - started
    const heapAfter = process.memoryUsage().heapUsed
    const counts = world.accounts().map((a) => world.repositoriesOf(a).length).sort((a, b) => b - a)
    console.log(
      `forge-sim world 2,000 accounts / 50,000 repositories: ${Math.round(elapsed)} ms, heap +${Math.round((heapAfter - heapBefore) / 1e6)} MB ` +
        `(rss ${Math.round(process.memoryUsage().rss / 1e6)} MB); largest accounts ${counts.slice(0, 5).join(', ')}; median ${counts[1000]}`,
    )
    expect(world.accounts()).toHaveLength(2000)
    expect(world.repositories()).toHaveLength(50_000)
    expect(counts[0]).toBeLessThanOrEqual(3000)
    expect(counts.filter((c) => c >= 500).length).toBeGreaterThanOrEqual(3)
    expect(counts[1000]).toBeLessThan(20)
    const started2 = performance.now()
    let bytes = 0
    for (const repository of world.repositories().slice(0, 5000)) bytes += (world.fileText(repository, 'README.md') ?? '').length
    console.log(`5,000 READMEs rendered on demand in ${Math.round(performance.now() - started2)} ms (${Math.round(bytes / 1024)} KB)`)
  })
})
