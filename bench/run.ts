import { benchCatalogue } from './catalogue.ts'
import { benchCheck } from './check.ts'
import { benchCrawl } from './crawl.ts'
import { benchLicences } from './licences.ts'
import type { BenchResult } from './measure.ts'
import { benchPublicCode } from './publiccode.ts'
import { benchRegistry } from './registry.ts'
import { benchWeb } from './web.ts'

/**
 * `npm run bench [NAME…]`: every benchmark of the project, printed as one table. Benchmarks measure;
 * tests assert behaviour and never time anything.
 */
const benches: Record<string, () => Promise<BenchResult[]>> = {
  web: benchWeb,
  catalogue: benchCatalogue,
  publiccode: benchPublicCode,
  licences: benchLicences,
  check: benchCheck,
  crawl: benchCrawl,
  registry: benchRegistry,
}

const only = process.argv.slice(2)
const rows: BenchResult[] = []
for (const [name, run] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue
  process.stderr.write(`running ${name}…\n`)
  rows.push(...(await run()))
}

const width = Math.max(...rows.map((r) => r.name.length), 9)
const format = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(2))
console.log(`| ${'benchmark'.padEnd(width)} | ${'value'.padStart(12)} | unit   |`)
console.log(`| ${'-'.repeat(width)} | ${'-'.repeat(12)} | ------ |`)
for (const row of rows) console.log(`| ${row.name.padEnd(width)} | ${format(row.value).padStart(12)} | ${row.unit.padEnd(6)} |`)
