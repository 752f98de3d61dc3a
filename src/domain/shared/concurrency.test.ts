import { expect, it } from 'vitest'
import { mapConcurrent } from './concurrency.ts'

it('keeps the order and never runs more than the limit at once', async () => {
  let running = 0
  let peak = 0
  const results = await mapConcurrent([5, 1, 3, 2, 4], 2, async (n) => {
    running++
    peak = Math.max(peak, running)
    await new Promise((resolve) => setTimeout(resolve, n * 2))
    running--
    return n * 10
  })
  expect(results).toEqual([50, 10, 30, 20, 40])
  expect(peak).toBe(2)
})

it('answers an empty list at once', async () => {
  expect(await mapConcurrent([], 3, async () => 1)).toEqual([])
})
