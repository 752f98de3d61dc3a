/** One line of the benchmark table. */
export interface BenchResult {
  name: string
  value: number
  unit: string
}

/** Latency percentiles of `run`, called `count` times one after another (after a short warm-up). */
export async function percentiles(name: string, count: number, run: () => Promise<unknown>): Promise<BenchResult[]> {
  for (let i = 0; i < Math.min(20, count); i++) await run()
  const times: number[] = []
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint()
    await run()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!
  return [
    { name: `${name} p50`, value: at(50), unit: 'ms' },
    { name: `${name} p95`, value: at(95), unit: 'ms' },
  ]
}
