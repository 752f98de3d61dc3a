import { afterAll, beforeAll, expect, it } from 'vitest'
import { enqueueSourceCrawl, QUEUES, startWorkers } from '../../jobs.ts'
import { sourcesYaml } from '../../testing/crawl-world.ts'
import { createWorld, type Forges, startForges, type World } from '../../testing/forge-sim/index.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { importSources } from './import-sources.ts'

let world: World
let forges: Forges
let context: TestContext

beforeAll(async () => {
  world = createWorld({ seed: 11, accounts: 6, repositories: 60, forges: { github: 0.6, gitlab: 0.2, gitea: 0.2, git: 0 } })
  forges = await startForges(world)
  context = await createTestContext({ queue: true, config: { forgeTokens: { 'github.com': ['crawler-token'] } } })
  const imported = await importSources(context.database.db, [{ name: 'world.yml', text: sourcesYaml(world, forges) }])
  expect(imported.problems).toEqual([])
  await startWorkers(context.queue!, context)
})
afterAll(async () => {
  await context?.close()
  await forges?.stop()
})

async function passEnded() {
  for (let waited = 0; waited < 60_000; waited += 200) {
    const pass = await context.stores.crawl.latestPass()
    if (pass && pass.done + pass.failed === pass.sources && (await context.queue!.pending(QUEUES.crawlSource)) === 0) return pass
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the crawl pass did not end within a minute')
}

it('records a pass of every source queued by the workers: sources done, repositories stored, requests spent', async () => {
  const sources = await context.stores.sources.list()
  await context.queue!.enqueue(QUEUES.crawlAll, { full: true })
  const pass = await passEnded()
  expect(pass).toMatchObject({ full: true, sourceUrl: null, sources: sources.length, done: sources.length, failed: 0, repositoriesStored: await context.stores.repositories.total() })
  expect(pass.repositoriesStored).toBeGreaterThan(0)
  expect(pass.requests).toBeGreaterThanOrEqual(sources.length)
  expect(pass.lastProgressAt!.getTime()).toBeGreaterThanOrEqual(pass.startedAt.getTime())
}, 90_000)

it('records a recrawl of one source as a pass of its own', async () => {
  const [source] = await context.stores.sources.list()
  await enqueueSourceCrawl(context.queue!, context.stores, source!.id, false)
  const pass = await passEnded()
  expect(pass).toMatchObject({ full: false, sourceUrl: source!.url, sources: 1, done: 1, failed: 0 })
  expect(pass.requests).toBeGreaterThan(0)
}, 90_000)
