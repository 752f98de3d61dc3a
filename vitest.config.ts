import { defineConfig } from 'vitest/config'

// When SOCLE_TEST_REPORT names a file, a JSON report is written there too: .ci/run sums the counts of
// its two runs (PGlite and PostgreSQL) from these reports.
const report = process.env.SOCLE_TEST_REPORT

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/global-setup.ts'],
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
})
