import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAULT_KINDS, Faults } from './faults.ts'
import { startGiteaServer } from './gitea-server.ts'
import { startGitLabServer } from './gitlab-server.ts'
import type { ForgeServer } from './http.ts'
import { call } from './test-support.ts'
import { createWorld, type World } from './world.ts'

describe('Faults.decide', () => {
  it('is deterministic per seed, URL and attempt, and meets the error rate', () => {
    const a = new Faults({ seed: 1, errorRate: 0.2 })
    const b = new Faults({ seed: 1, errorRate: 0.2 })
    const urls = Array.from({ length: 4000 }, (_, i) => `/repos/o/r${i % 2000}`)
    const fates = urls.map((url) => a.decide('GET', url, 'e').fault)
    expect(urls.map((url) => b.decide('GET', url, 'e').fault)).toEqual(fates)
    const faulted = fates.filter(Boolean).length
    expect(faulted).toBeGreaterThan(4000 * 0.2 - 3 * Math.sqrt(4000 * 0.2 * 0.8))
    expect(faulted).toBeLessThan(4000 * 0.2 + 3 * Math.sqrt(4000 * 0.2 * 0.8))
    // The second attempt at a URL has its own fate: a retry can succeed.
    expect(fates.slice(0, 2000)).not.toEqual(fates.slice(2000))
    // By default neither timeouts nor primary exhaustion are drawn; weights pick the kinds.
    expect(fates).not.toContain('timeout')
    expect(fates).not.toContain('rateLimit')
    const only = new Faults({ seed: 2, errorRate: 1, kinds: { reset: 1 } })
    expect(new Set(urls.map((url) => only.decide('GET', url, 'e').fault))).toEqual(new Set(['reset']))
    const filtered = new Faults({ seed: 2, errorRate: 1, only: (endpoint) => endpoint.startsWith('GET /repos') })
    expect(filtered.decide('GET', '/orgs/x', 'GET /orgs/{org}').fault).toBeNull()
    expect(filtered.decide('GET', '/repos/x/y', 'GET /repos/{owner}/{repo}').fault).not.toBeNull()
  })
})

describe('faults on a server', () => {
  let world: World
  let server: ForgeServer
  let url: string

  beforeAll(async () => {
    world = createWorld({ seed: 'faults', accounts: 20, repositories: 200, forges: { gitea: 1 } })
    server = await startGiteaServer(world, { host: 'codeberg.org', faults: { seed: 'f' } })
    url = `${server.url}/repos/${world.fullName(world.repositories({ host: 'codeberg.org' })[0]!)}`
  })
  afterAll(() => server.stop())

  it('injects faults at about the configured rate and counts them by kind, endpoint and status', async () => {
    server.faults.set({ seed: 'rate', errorRate: 0.25, kinds: { status500: 1, status502: 1, status503: 1, redirect: 1, secondaryRateLimit: 1 } })
    const repositories = world.repositories({ host: 'codeberg.org' })
    const statuses = await Promise.all(repositories.map(async (r) => (await call(`${server.url}/repos/${world.fullName(r)}`)).status))
    server.faults.clear()
    const faulted = statuses.filter((s) => s !== 200).length
    const n = repositories.length
    expect(faulted).toBeGreaterThan(n * 0.25 - 3 * Math.sqrt(n * 0.25 * 0.75))
    expect(faulted).toBeLessThan(n * 0.25 + 3 * Math.sqrt(n * 0.25 * 0.75))
    const counted = Object.values(server.stats.faults).reduce((a, b) => a + b, 0)
    expect(counted).toBe(faulted)
    expect(server.stats.byEndpoint['GET /repos/{owner}/{repo}']).toBeGreaterThanOrEqual(n)
    expect(Object.keys(server.stats.byStatus).map(Number).sort()).toEqual(expect.arrayContaining([200, 500, 502, 503]))
  })

  it('answers each kind of fault as specified', async () => {
    const once = async (kind: (typeof FAULT_KINDS)[number]) => {
      server.faults.once(kind)
      return call(url)
    }
    expect((await once('status500')).status).toBe(500)
    const badGateway = await once('status502')
    expect([badGateway.status, badGateway.headers.get('content-type')]).toEqual([502, 'text/html'])
    expect((await once('status503')).headers.get('retry-after')).toBe('1')
    expect((await once('secondaryRateLimit')).status).toBe(429)

    server.faults.once('reset')
    await expect(fetch(url)).rejects.toThrow()

    server.faults.once('truncated')
    const truncated = await fetch(url)
    expect(truncated.status).toBe(200)
    await expect(truncated.text()).rejects.toThrow()

    const invalid = await once('invalidJson')
    expect(invalid.status).toBe(200)
    expect(() => invalid.json()).toThrow()

    server.faults.once('timeout')
    await expect(fetch(url, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/aborted|timeout/i)

    const redirected = await once('redirect')
    expect(redirected.status).toBe(307)
    server.faults.once('redirect')
    const followed = await fetch(url)
    expect(followed.status).toBe(200)
    expect(new URL(followed.url).searchParams.has('sim-redirected')).toBe(true)

    server.faults.set({ latencyMs: [80, 100] })
    const started = performance.now()
    expect((await call(url)).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(75)
    server.faults.clear()
    expect(server.stats.faults).toMatchObject({ reset: 1, truncated: 1, invalidJson: 1, timeout: 1 })
  })

  it('exhausts a token on GitLab with the rate-limit fault until the window resets', async () => {
    let clock = 0
    const gitlab = await startGitLabServer(createWorld({ seed: 'gl', accounts: 10, repositories: 50, forges: { gitlab: 1 } }), { clock: () => clock })
    try {
      const target = `${gitlab.url}/projects?per_page=1`
      gitlab.faults.once('rateLimit')
      expect((await call(target, { headers: { 'private-token': 't' } })).status).toBe(429)
      expect((await call(target, { headers: { 'private-token': 't' } })).status).toBe(429)
      expect((await call(target, { headers: { 'private-token': 'u' } })).status).toBe(200)
      clock += 60_000
      expect((await call(target, { headers: { 'private-token': 't' } })).status).toBe(200)
    } finally {
      await gitlab.stop()
    }
  })
})
