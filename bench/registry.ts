import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import type { Kysely } from 'kysely'
import { loadConfig } from '../src/config.ts'
import { openDatabase } from '../src/adapters/db/database.ts'
import { migrateToLatest } from '../src/adapters/db/migrate.ts'
import type { DB } from '../src/adapters/db/schema.ts'
import { createStores } from '../src/adapters/db/stores/index.ts'
import type { CrawledRepository } from '../src/domain/registry/crawled.ts'
import { wantedRootFiles } from '../src/domain/registry/crawled.ts'
import { listen } from '../src/testing/browser.ts'
import { createWorld, type Repository, type World } from '../src/testing/forge-sim/index.ts'
import { deriveFiles } from '../src/usecases/registry/crawl-source.ts'
import { deriveRegistryFacts } from '../src/usecases/registry/derive-registry-facts.ts'
import { buildApp } from '../src/web/app.tsx'
import { type BenchResult, percentiles } from './measure.ts'

/**
 * The registry on the crawler's synthetic world (SOCLE_BENCH_ACCOUNTS / SOCLE_BENCH_REPOSITORIES, default
 * 2,000 / 50,000): the world is stored through the crawl's own store (as a crawl would, without the HTTP),
 * its facts derived, then the pages and the API are timed in process (server time), put under load with
 * autocannon, and the JSON export is streamed by a separate `socle export` process whose memory is read.
 * A database that already holds the world (PostgreSQL's DATABASE_URL, or PGlite's SOCLE_BENCH_DATA_DIR)
 * is measured as it is.
 */
export async function benchRegistry(): Promise<BenchResult[]> {
  const accounts = Number(process.env.SOCLE_BENCH_ACCOUNTS ?? 2000)
  const size = Number(process.env.SOCLE_BENCH_REPOSITORIES ?? 50_000)
  const world = createWorld({ seed: 42, accounts, repositories: size, forges: { github: 0.6, gitlab: 0.27, gitea: 0.128, git: 0.002 } })
  const url = process.env.DATABASE_URL
  // SOCLE_BENCH_DATA_DIR keeps the PGlite database between runs: storing 50,000 repositories into it
  // takes a long while, measuring it again does not need to.
  const keptDir = process.env.SOCLE_BENCH_DATA_DIR
  const dataDir = keptDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'socle-bench-registry-')))
  const database = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir })
  const mode = database.kind
  const results: BenchResult[] = []
  try {
    await migrateToLatest(database.db)
    // A PostgreSQL database that already holds this world (a previous run) is measured as it is.
    const held = await createStores(database.db).repositories.total()
    if (held !== size) {
      if (held !== 0) throw new Error(`The database holds ${held} repositories, not an empty or the same world: use an empty database.`)
      let started = Date.now()
      const stored = await storeWorld(database.db, world)
      results.push({ name: `registry: ${stored} repositories stored through the crawl store (${mode})`, value: (Date.now() - started) / 1000, unit: 's' })
      started = Date.now()
      const derived = await deriveRegistryFacts(database.db)
      results.push({ name: `registry: facts derived for ${derived.repositories} repositories (${mode})`, value: (Date.now() - started) / 1000, unit: 's' })
    }
    const started = Date.now()
    const again = await deriveRegistryFacts(database.db)
    results.push({ name: `registry: facts derived again, nothing changed: ${again.updated} written (${mode})`, value: (Date.now() - started) / 1000, unit: 's' })

    const config = { ...loadConfig({}), logLevel: 'silent' as const, apiRateLimit: 1_000_000 }
    const app = await buildApp({ config, database, stores: createStores(database.db), queue: undefined }, { logger: false })
    const words = ['formulaire', 'carte', 'api', 'données', 'santé', 'école', 'transport', 'agenda', 'annuaire', 'géographie', 'budget', 'eau']
    const languages = ['Python', 'JavaScript', 'TypeScript', 'Java', 'PHP', 'Go']
    const someRepositories = world.repositories().filter((_, i) => i % Math.max(1, Math.floor(size / 200)) === 0)
    let n = 0
    const next = <T>(list: readonly T[]) => list[n++ % list.length]!
    const fetch = async (target: string) => {
      const response = await app.inject(target)
      if (response.statusCode !== 200) throw new Error(`${target} answered ${response.statusCode}`)
      return response
    }
    const searchPage = () => `/fr/code?q=${encodeURIComponent(next(words))}`
    // The machine is shared: timings read with the load they were taken under.
    results.push({ name: `registry: load average (1 min) before the timings (${mode})`, value: os.loadavg()[0]!, unit: 'load' })
    results.push(...(await percentiles(`registry: search page, words (search + facets + HTML) (${mode})`, 200, () => fetch(searchPage()))))
    results.push(...(await percentiles(`registry: search page, three facets and a sort (${mode})`, 200, () => fetch(`/fr/code?language=${next(languages)}&forge=github&publiccode=absent&sort=stars`))))
    results.push(...(await percentiles(`registry: API search, words and a facet (${mode})`, 200, () => fetch(`/api/v1/repositories?q=${encodeURIComponent(next(words))}&language=${next(languages)}`))))
    const stores = createStores(database.db)
    results.push(...(await percentiles(`registry: repository search alone (store) (${mode})`, 200, () => stores.repositories.search({ q: next(words), sort: 'relevance' }, { page: 1, pageSize: 20 }))))
    results.push(...(await percentiles(`registry: facets alone, no filter (${mode})`, 100, () => stores.repositories.facets({ sort: 'reuse' }))))
    results.push(...(await percentiles(`registry: facets alone, words and a facet (${mode})`, 100, () => stores.repositories.facets({ q: next(words), language: [next(languages)], sort: 'relevance' }))))
    results.push(...(await percentiles(`registry: repository page (${mode})`, 200, () => fetch(repositoryPath(world, next(someRepositories))))))
    results.push(...(await percentiles(`registry: statistics page (${mode})`, 30, () => fetch('/fr/code/statistics'))))
    // Each web process keeps the listing for its searches: the first search after a write reads it again.
    const firstBody = await database.db.selectFrom('organisation').select('id').limit(1).executeTakeFirstOrThrow()
    results.push(...(await percentiles(`registry: search page right after a write (the database answers while the listing is read again) (${mode})`, 10, async () => {
      await database.db.updateTable('organisation').set({ updated_at: new Date() }).where('id', '=', firstBody.id).execute()
      return await fetch(searchPage())
    })))
    const full = await fetch('/fr/code?sort=stars')
    results.push({ name: 'registry: full result page with facets, HTML size', value: full.body.length / 1024, unit: 'KB' })

    results.push({ name: `registry: load average (1 min) after the timings (${mode})`, value: os.loadavg()[0]!, unit: 'load' })
    const base = await listen(app)
    const load = await autocannon({
      url: base,
      connections: 50,
      duration: Number(process.env.SOCLE_BENCH_LOAD_SECONDS ?? 20),
      requests: [{ setupRequest: (request) => ({ ...request, path: searchPage() }) }],
    })
    results.push({ name: `registry: search page under load, 50 connections (${mode})`, value: load.requests.average, unit: 'req/s' })
    results.push({ name: `registry: p97.5 latency under load (${mode})`, value: load.latency.p97_5, unit: 'ms' })
    results.push({ name: `registry: errors under load (${mode})`, value: load.errors + load.non2xx, unit: 'count' })
    await app.close()
    await database.close()
    const exportPeak = await exportPeakMemory(url ? { DATABASE_URL: url } : { SOCLE_DATA_DIR: dataDir })
    results.push({ name: `registry: JSON export of every repository, peak memory (${mode})`, value: exportPeak, unit: 'MB' })
    return results
  } finally {
    await database.close().catch(() => {})
    if (!keptDir) await fs.rm(dataDir, { recursive: true, force: true })
  }
}

function repositoryPath(world: World, repository: Repository): string {
  return `/fr/code/r/${world.ownerOf(repository).host}/${world.fullName(repository)}`
}

/** Stores the world's bodies, accounts and repositories as a crawl would (crawl store, derived files). */
async function storeWorld(db: Kysely<DB>, world: World): Promise<number> {
  const stores = createStores(db)
  const bodyIds = new Set(world.accounts().map((account) => account.bodyId))
  for (const id of [...bodyIds]) for (let parent = world.body(id).parentId; parent !== null; parent = world.body(parent).parentId) bodyIds.add(parent)
  const bodies = [...bodyIds].map((id) => world.body(id))
  const ids = await stores.organisations.insert(bodies.map((b) => ({ slug: b.slug, name: b.name, acronym: b.acronym, kind: b.kind, siren: b.siren, website: b.website })))
  for (const body of bodies) if (body.parentId !== null) await stores.organisations.setParent(body.slug, world.body(body.parentId).slug)
  const sources = new Map<number, Awaited<ReturnType<typeof insertSource>>>()
  const insertSource = async (account: ReturnType<World['accounts']>[number]) =>
    await db
      .insertInto('source')
      .values({ url: `https://${account.host}/${account.fullPath}`, forge: account.forge, host: account.host, api_url: `http://127.0.0.1:9/${account.host}`, owner: account.fullPath, organisation_id: ids.get(world.body(account.bodyId).slug) ?? null, status: 'ok' })
      .returningAll()
      .executeTakeFirstOrThrow()
  for (const account of world.accounts()) sources.set(account.id, await insertSource(account))
  const now = new Date()
  const repositories = world.repositories()
  for (let i = 0; i < repositories.length; i += 500) {
    await db.transaction().execute(async (trx) => {
      const crawl = createStores(trx).crawl
      for (const repository of repositories.slice(i, i + 500)) {
        const crawled = crawledOf(world, repository)
        const read = Object.fromEntries(wantedRootFiles(crawled.rootFiles ?? []).flatMap((name) => {
          const text = world.fileText(repository, name)
          return text === null ? [] : [[name, text]]
        }))
        await crawl.saveRepository(sources.get(repository.accountId)!, crawled, deriveFiles(read), now)
      }
    })
  }
  return repositories.length
}

function crawledOf(world: World, r: Repository): CrawledRepository {
  const parent = r.parentId === null ? undefined : world.repository(r.parentId)
  return {
    forgeId: String(r.id),
    owner: world.ownerOf(r).fullPath,
    name: r.name,
    url: world.webUrl(r),
    cloneUrl: `${world.webUrl(r)}.git`,
    description: r.description,
    topics: r.topics,
    homepage: r.homepage,
    language: r.language,
    languages: r.languages,
    licence: r.license === 'NOASSERTION' ? null : r.license,
    defaultBranch: r.defaultBranch,
    createdAt: r.createdAt,
    pushedAt: r.pushedAt,
    archived: r.archived,
    fork: r.fork,
    parentFullName: parent ? world.fullName(parent) : null,
    template: r.template,
    stars: r.stars,
    forks: r.forks,
    watchers: r.watchers,
    openIssues: r.openIssues,
    sizeKb: r.sizeKb,
    latestRelease: r.release,
    headCommit: null,
    rootFiles: r.files.filter((file) => !file.includes('/')),
  }
}

/** Peak resident memory of `socle export repositories --format json`, its output thrown away. */
async function exportPeakMemory(env: Record<string, string>): Promise<number> {
  const child = spawn(process.execPath, [new URL('../bin/socle.js', import.meta.url).pathname, 'export', 'repositories', '--format', 'json'], {
    env: { ...process.env, ...env, SOCLE_DEMO: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  let peak = 0
  const sample = async () => {
    const status = await fs.readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '')
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
    peak = Math.max(peak, kb)
  }
  const timer = setInterval(() => void sample(), 50)
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  clearInterval(timer)
  if (code !== 0) throw new Error(`socle export exited with ${code}`)
  return peak / 1024
}
