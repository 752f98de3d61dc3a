import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, type Forges, startForges, stopForges, type World } from './index.ts'
import { call } from './test-support.ts'

describe('startForges', () => {
  let world: World
  let forges: Forges

  beforeAll(async () => {
    world = createWorld({ seed: 'index', accounts: 150, repositories: 1500 })
    forges = await startForges(world, { faults: { seed: 'shared' } })
  })
  afterAll(() => stopForges())

  it('starts a server per host and lists them as forge instances', () => {
    expect(forges.instances.map((i) => i.host).sort()).toEqual(world.hosts().map((h) => h.host).sort())
    const kinds = Object.fromEntries(forges.instances.map((i) => [i.host, i.kind]))
    expect(kinds['github.com']).toBe('github')
    expect(kinds['gitlab.com']).toBe('gitlab')
    expect(kinds['codeberg.org']).toBe('gitea')
    expect(forges.instances.find((i) => i.kind === 'gitlab')!.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v4$/)
    expect(forges.instances.find((i) => i.kind === 'gitea')!.apiUrl).toMatch(/\/api\/v1$/)
    expect(Object.keys(forges.git).length).toBeGreaterThan(0)
  })

  it('answers every account of every API host from its own server', async () => {
    for (const { host, kind, apiUrl } of forges.instances.filter((i) => i.kind !== 'git')) {
      const account = world.accounts({ host }).find((a) => a.type !== 'user')!
      const path = kind === 'github' ? `/orgs/${account.login}` : kind === 'gitlab' ? `/groups/${encodeURIComponent(account.fullPath)}` : `/orgs/${account.login}`
      const reply = await call(apiUrl + path)
      expect(reply.status, `${host}${path}`).toBe(200)
    }
    const stats = forges.stats()
    expect(stats['github.com']!.requests).toBe(1)
  })

  it('shares the fault switches between servers', async () => {
    forges.faults.once('status503')
    const gitea = forges.instances.find((i) => i.kind === 'gitea')!
    expect((await call(`${gitea.apiUrl}/repos/search`)).status).toBe(503)
  })

  it('stops every set of forges still running', async () => {
    const other = await startForges(createWorld({ seed: 'other', accounts: 10, repositories: 50, forges: { github: 1 } }))
    const url = other.github!.url
    await stopForges(other)
    await expect(fetch(`${url}/rate_limit`)).rejects.toThrow()
  })
})
