import { existsSync } from 'node:fs'
import type { BenchResult } from './measure.ts'
import { benchWeb } from './web.ts'

/**
 * `npm run bench`: every benchmark of the project, printed as one table. Benchmarks measure; tests
 * assert behaviour and never time anything.
 */
type Bench = { name: string; run: () => Promise<BenchResult[]> }

const benches: Bench[] = [{ name: 'web', run: benchWeb }]
// Modules that land with their own benchmark register here.
const optional: [string, string, string][] = [
  ['publiccode', './publiccode.ts', 'benchPublicCode'],
  ['licences', './licences.ts', 'benchLicences'],
]
for (const [name, file, exported] of optional) {
  if (!existsSync(new URL(file, import.meta.url))) continue
  benches.push({ name, run: async () => ((await import(file)) as Record<string, () => Promise<BenchResult[]>>)[exported]!() })
}

const only = process.argv.slice(2)
const rows: BenchResult[] = []
for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.name)) continue
  process.stderr.write(`running ${bench.name}…\n`)
  rows.push(...(await bench.run()))
}

const width = Math.max(...rows.map((r) => r.name.length), 9)
const format = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(2))
console.log(`| ${'benchmark'.padEnd(width)} | ${'value'.padStart(12)} | unit   |`)
console.log(`| ${'-'.repeat(width)} | ${'-'.repeat(12)} | ------ |`)
for (const row of rows) console.log(`| ${row.name.padEnd(width)} | ${format(row.value).padStart(12)} | ${row.unit.padEnd(6)} |`)
