import { sourcesYaml } from '../src/testing/crawl-world.ts'
import { createWorld, startForges } from '../src/testing/forge-sim/index.ts'

/**
 * The simulated forges of the crawl benchmark, in a process of their own so that the benchmark's
 * memory is the crawler's alone. Prints one JSON line (the sources file and the facts the benchmark
 * needs), then serves until stopped.
 */
const accounts = Number(process.argv[2])
const repositories = Number(process.argv[3])
const world = createWorld({ seed: 42, accounts, repositories, forges: { github: 0.6, gitlab: 0.27, gitea: 0.128, git: 0.002 } })
// Budgets as a deployment would have them: GitHub tokens of 5,000 points an hour each (the crawl uses
// BENCH_TOKENS of them, as SOCLE_FORGE_TOKENS would give), and GitLab — whose anonymous budget is a few
// hundred requests a minute — a large one.
const BENCH_TOKENS = Array.from({ length: 20 }, (_, i) => `bench-token-${i}`)
const forges = await startForges(world, {
  github: { tokens: Object.fromEntries(BENCH_TOKENS.map((token) => [token, { core: 5000, graphql: 5000 }])) },
  gitlab: { anonymousLimit: 1_000_000 },
})
process.stdout.write(
  `${JSON.stringify({
    yaml: sourcesYaml(world, forges),
    githubUrl: forges.github?.url,
    repositories: world.repositories().length,
    githubRepositories: world.repositories({ forge: 'github' }).length,
    githubAccounts: world.accounts({ forge: 'github' }).length,
  })}\n`,
)
process.on('SIGTERM', () => void forges.stop().then(() => process.exit(0)))
