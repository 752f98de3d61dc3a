import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Forges as ForgeAdapters } from '../../adapters/forges/forges.ts'
import { createWorld, type Forges, type Repository, startForges, type World } from '../../testing/forge-sim/index.ts'
import { LICENCES } from '../../testing/forge-sim/licences.ts'
import { sourcesYaml } from '../../testing/crawl-world.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { crawlSources } from './crawl-sources.ts'
import { importSources } from './import-sources.ts'

let world: World
let forges: Forges
let context: TestContext

const adapters = () => new ForgeAdapters({ 'github.com': ['crawler-token'] }, { backoffMs: 5, maxWaitMs: 5_000, timeoutMs: 3_000 })

async function crawl(options: { full: boolean } = { full: false }) {
  const sources = await context.stores.sources.list()
  const client = adapters()
  const result = await crawlSources(context.database.db, client, sources, { ...options, parallel: 4 })
  return { ...result, client }
}

/** What the database says of every repository, for comparisons between crawls. */
async function state() {
  const rows = await context.database.db
    .selectFrom('repository')
    .select(['forge_host', 'forge_id', 'owner', 'name', 'description', 'stars', 'forks', 'archived', 'is_fork', 'language', 'languages', 'licence', 'latest_release', 'detected_licence', 'publiccode_valid', 'files', 'gone_at', 'pushed_at'])
    .orderBy('forge_host')
    .orderBy('forge_id')
    .execute()
  return rows.map((r) => ({ ...r, gone: r.gone_at !== null, gone_at: undefined, files: Object.keys(r.files as object).sort() }))
}

/** Languages, licence and latest release as each forge tells them: GitLab and Gitea with the files, GitHub in its listing. */
function expectFacts(row: { language: string | null; languages: unknown; licence: string | null; latest_release: unknown }, repository: Repository) {
  const forge = world.ownerOf(repository).forge
  const url = world.webUrl(repository)
  expect(row.language, url).toBe(repository.language)
  expect(Object.keys(row.languages as object).sort(), url).toEqual(Object.keys(repository.languages).sort())
  // GitLab answers shares in percent, the others bytes.
  if (forge !== 'gitlab') expect(row.languages, url).toEqual(repository.languages)
  const licence = repository.license ? LICENCES[repository.license]! : null
  expect(row.licence, url).toBe(forge === 'github' ? (licence && licence.spdxId ? licence.githubSpdxId : null) : (licence?.spdxId ?? null))
  const release = row.latest_release as { tag: string; publishedAt: string | null } | null
  expect(release && { tag: release.tag, publishedAt: release.publishedAt && Date.parse(release.publishedAt) }, url).toEqual(
    repository.release && { tag: repository.release.tag, publishedAt: Date.parse(repository.release.publishedAt) },
  )
}

beforeAll(async () => {
  // Few plain git repositories: each first clone builds a real repository, seconds apiece.
  world = createWorld({ seed: 7, accounts: 30, repositories: 400, forges: { github: 0.6, gitlab: 0.25, gitea: 0.12, git: 0.03 } })
  // Rate-limit windows of seconds, not minutes: a crawl that meets one waits it out within the test.
  forges = await startForges(world, { gitlab: { windowMs: 2_000 } })
  context = await createTestContext()
  const result = await importSources(context.database.db, [{ name: 'world.yml', text: sourcesYaml(world, forges) }])
  expect(result.problems).toEqual([])
})
afterAll(async () => {
  await forges?.stop()
  await context?.close()
})

describe('crawling a simulated world of forges', { timeout: 180_000 }, () => {
  it('stores every repository of every kind of forge, correct', async () => {
    const result = await crawl({ full: true })
    expect(result.summaries.filter((s) => !s.ok)).toEqual([])
    const stored = await state()
    const expected = world.repositories().filter((r) => world.ownerOf(r).parentId === null || world.ownerOf(r).forge === 'gitlab')
    expect(stored.length).toBe(expected.length)
    const byUrl = new Map((await context.database.db.selectFrom('repository').selectAll().execute()).map((r) => [r.url, r]))
    for (const repository of expected) {
      const row = byUrl.get(world.webUrl(repository)) ?? byUrl.get(`${forges.git[world.ownerOf(repository).host]?.url}/${world.fullName(repository)}.git`)
      expect(row, world.webUrl(repository)).toBeDefined()
      if (world.ownerOf(repository).forge === 'git') continue
      expect(row!.name).toBe(repository.name)
      expect(row!.stars).toBe(repository.stars)
      expect(row!.archived).toBe(repository.archived)
      expect(row!.description).toBe(repository.description || null)
      expect(row!.publiccode_valid).toBe(repository.publiccode === null ? null : repository.publiccode === 'valid')
      if (world.fileText(repository, 'README.md')) expect(Object.keys(row!.files as object)).toContain('README.md')
      expectFacts(row!, repository)
    }
  })

  it('recrawls an unchanged world with about one request per GitHub account, reading no details again', async () => {
    const before = await state()
    for (const stats of Object.values(forges.stats())) stats.byEndpoint = {}
    const result = await crawl()
    const detailReads = Object.values(forges.stats()).flatMap((stats) => Object.keys(stats.byEndpoint).filter((endpoint) => /languages|releases|tree|contents|files/.test(endpoint)))
    expect(detailReads).toEqual([])
    expect(result.summaries.filter((s) => !s.ok)).toEqual([])
    expect(await state()).toEqual(before)
    const github = world.accounts({ forge: 'github' }).length
    const githubRequests = Object.entries(result.client.requestCounts()).filter(([url]) => url === forges.github!.url).reduce((n, [, c]) => n + c, 0)
    expect(githubRequests / github).toBeLessThanOrEqual(1.2)
  })

  it('sees pushes, stars, renames and deletions, keeping a deleted repository until it has been missed three times', async () => {
    const github = world.repositories({ forge: 'github' })
    const [pushed, starred, renamed, removed] = [github[0]!, github[1]!, github[2]!, github[3]!]
    world.push(pushed)
    world.star(starred, 5)
    world.rename(renamed, `${renamed.name}-renamed`)
    world.remove(removed)
    await crawl({ full: true })
    const rows = await context.database.db.selectFrom('repository').selectAll().where('forge_id', 'in', [pushed, starred, renamed, removed].map((r) => String(r.id))).execute()
    const byId = new Map(rows.map((r) => [r.forge_id, r]))
    expect(byId.get(String(starred.id))!.stars).toBe(starred.stars)
    expect(byId.get(String(renamed.id))!.name).toBe(`${renamed.name.replace(/-renamed$/, '')}-renamed`)
    expect(new Date(byId.get(String(pushed.id))!.pushed_at!).toISOString()).toBe(new Date(pushed.pushedAt).toISOString())
    expect(byId.get(String(removed.id))!.gone_at).toBeNull()
    await crawl({ full: true })
    await crawl({ full: true })
    const gone = await context.database.db.selectFrom('repository').select('gone_at').where('forge_id', '=', String(removed.id)).executeTakeFirstOrThrow()
    expect(gone.gone_at).not.toBeNull()
  })

  it('reads the languages, licence and latest release of pushed GitLab and Gitea repositories again, and only of those', async () => {
    const pushedOnes = (['gitlab', 'gitea'] as const).map((forge) => world.repositories({ forge }).find((r) => r.defaultBranch && world.ownerOf(r).parentId === null)!)
    const unpushed = world.repositories({ forge: 'gitlab' }).find((r) => !pushedOnes.includes(r) && world.ownerOf(r).parentId === null && r.release === null)!
    for (const repository of [...pushedOnes, unpushed]) {
      repository.languages = { Rust: 9000, Shell: 1000 }
      repository.language = 'Rust'
      repository.release = { tag: 'v9.0.0', publishedAt: '2026-01-02T03:04:05Z' }
    }
    for (const repository of pushedOnes) world.push(repository)
    await crawl()
    const rows = await context.database.db.selectFrom('repository').selectAll().where('forge_id', 'in', [...pushedOnes, unpushed].map((r) => String(r.id))).execute()
    for (const repository of pushedOnes) expectFacts(rows.find((r) => r.forge_id === String(repository.id))!, repository)
    // Not pushed: not read, its stored facts stand until its next push or a full crawl.
    expect(rows.find((r) => r.forge_id === String(unpushed.id))!.latest_release).toBeNull()
    await crawl({ full: true })
    expectFacts(await context.database.db.selectFrom('repository').selectAll().where('forge_id', '=', String(unpushed.id)).executeTakeFirstOrThrow(), unpushed)
  })

  it('ends in the same state when a tenth of the answers fail', async () => {
    const clean = await state()
    forges.faults.set({ seed: 3, errorRate: 0.1, retryAfterSeconds: 1, kinds: { status500: 1, status502: 1, status503: 1, reset: 1, truncated: 1, invalidJson: 1, secondaryRateLimit: 1, redirect: 1 } })
    try {
      const result = await crawl({ full: true })
      expect(result.summaries.filter((s) => !s.ok)).toEqual([])
    } finally {
      forges.faults.clear()
    }
    expect(await state()).toEqual(clean)
  })

  it('keeps the last good data and marks the source stale when a forge is down', async () => {
    const before = await state()
    forges.faults.set({ seed: 4, errorRate: 1, kinds: { status503: 1 } })
    try {
      const result = await crawl()
      expect(result.summaries.every((s) => !s.ok || s.source.endsWith('.git'))).toBe(true)
    } finally {
      forges.faults.clear()
    }
    expect(await state()).toEqual(before)
    const stale = (await context.stores.sources.list()).filter((s) => s.status === 'stale')
    expect(stale.length).toBeGreaterThan(0)
    expect(stale[0]!.last_error).toMatch(/503/)
  })
})
