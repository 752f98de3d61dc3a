import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type Forges, startForges, type World } from '../src/testing/forge-sim/index.ts'
import { sourcesYaml } from '../src/testing/crawl-world.ts'
import { runSocle, spawnSocle, waitFor } from '../src/testing/processes.ts'
import { openTestDatabase, type TestDatabase, testDatabaseKind } from '../src/testing/test-database.ts'
import { importSources } from '../src/usecases/registry/import-sources.ts'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/** What the database says of every repository, to compare crawls. */
async function state(database: TestDatabase) {
  return await database.db
    .selectFrom('repository')
    .select(['forge_host', 'forge_id', 'owner', 'name', 'stars', 'description', 'detected_licence', 'publiccode_valid', 'files', 'gone_at'])
    .orderBy('forge_host')
    .orderBy('forge_id')
    .execute()
}

describe.runIf(testDatabaseKind === 'postgres')('crawling with real processes on PostgreSQL', { timeout: 240_000 }, () => {
  let world: World
  let forges: Forges
  let sourcesFile: string
  const env = (database: TestDatabase) => ({ DATABASE_URL: database.url, SOCLE_FORGE_TOKENS: 'github.com=crawler-token' })

  beforeAll(async () => {
    // No plain git here: its first clones build real repositories, seconds apiece (covered in crawl.test.ts).
    world = createWorld({ seed: 11, accounts: 40, repositories: 500, forges: { github: 0.6, gitlab: 0.25, gitea: 0.15, git: 0 } })
    forges = await startForges(world)
    sourcesFile = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'socle-sources-')), 'world.yml')
    await fs.writeFile(sourcesFile, sourcesYaml(world, forges))
  })
  afterAll(async () => {
    await forges?.stop()
    await fs.rm(path.dirname(sourcesFile), { recursive: true, force: true })
  })

  it('shares a crawl between two workers with no repository fetched twice', async () => {
    const database = await openTestDatabase()
    const workers = [spawnSocle(['worker'], env(database)), spawnSocle(['worker'], env(database))]
    try {
      expect((await runSocle(['sources', 'import', sourcesFile], env(database))).code).toBe(0)
      const sources = await database.db.selectFrom('source').select('id').execute()
      for (const kind of Object.values(forges.stats())) kind.byEndpoint = {}
      const scheduled = await runSocle(['crawl', '--schedule'], env(database))
      expect(scheduled.output).toContain('scheduled')
      await waitFor(async () => {
        const done = await database.db.selectFrom('source').select('id').where('last_crawled_at', 'is not', null).execute()
        return done.length === sources.length
      }, 180_000, 'every source crawled')
      const stats = Object.values(forges.stats())
      const treeReads = stats.reduce((n, s) => n + Object.entries(s.byEndpoint).filter(([e]) => e.includes('repository/tree')).reduce((m, [, c]) => m + c, 0), 0)
      const gitlab = await database.db.selectFrom('repository').select('id').where('forge', '=', 'gitlab').execute()
      expect(treeReads).toBe(gitlab.length)
      const stored = await database.db.selectFrom('repository').select('id').execute()
      expect(stored.length).toBe(world.repositories().filter((r) => world.ownerOf(r).parentId === null || world.ownerOf(r).forge === 'gitlab').length)
    } finally {
      for (const worker of workers) worker.child.kill('SIGTERM')
      await Promise.all(workers.map((w) => w.exited))
      await database.close()
    }
  })

  it('ends in the same state when a crawl is killed mid-way and started again', async () => {
    const clean = await openTestDatabase()
    const interrupted = await openTestDatabase()
    try {
      for (const database of [clean, interrupted]) await importSources(database.db, [{ name: 'world.yml', text: await fs.readFile(sourcesFile, 'utf8') }])
      expect((await runSocle(['crawl', '--full'], env(clean))).code).toBe(0)

      const killed = spawnSocle(['crawl', '--full'], env(interrupted))
      await waitFor(async () => {
        const done = await interrupted.db.selectFrom('source').select('id').where('last_crawled_at', 'is not', null).execute()
        return done.length >= 3
      }, 120_000, 'a few sources crawled')
      killed.child.kill('SIGKILL')
      await killed.exited
      expect((await runSocle(['crawl'], env(interrupted))).code).toBe(0)
      expect(await state(interrupted)).toEqual(await state(clean))
    } finally {
      await clean.close()
      await interrupted.close()
    }
  })
})
