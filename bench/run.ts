import type { BenchResult } from './measure.ts'

/**
 * `npm run bench [NAME…]`: every benchmark of the project, printed as one table. Benchmarks measure;
 * tests assert behaviour and never time anything.
 */
// Each loaded only when it runs: a benchmark that measures its process's memory (the crawl's) must not
// carry the others' modules (a browser driver, the web app, the embedded database).
const benches: Record<string, () => Promise<BenchResult[]>> = {
  web: async () => (await import('./web.ts')).benchWeb(),
  catalogue: async () => (await import('./catalogue.ts')).benchCatalogue(),
  publiccode: async () => (await import('./publiccode.ts')).benchPublicCode(),
  licences: async () => (await import('./licences.ts')).benchLicences(),
  check: async () => (await import('./check.ts')).benchCheck(),
  crawl: async () => (await import('./crawl.ts')).benchCrawl(),
  registry: async () => (await import('./registry.ts')).benchRegistry(),
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
