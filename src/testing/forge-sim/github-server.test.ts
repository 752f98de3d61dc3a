import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitHubServer, type GitHubServer } from './github-server.ts'
import { call, parseLink, walk } from './test-support.ts'
import { createWorld, type World } from './world.ts'

const require = createRequire(import.meta.url)

/** A response recorded from api.github.com by @octokit/fixtures. */
function recorded(scenario: string, index = 0): { status: number; response: any; headers: Record<string, string> } {
  const file = require.resolve(`@octokit/fixtures/scenarios/api.github.com/${scenario}/normalized-fixture.json`)
  return JSON.parse(readFileSync(file, 'utf8'))[index]
}

const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value)

/**
 * Every key of the recorded response (but those only an admin sees) is in ours with the same type of
 * value (null on either side matches anything: a description or a licence may be absent); nested
 * objects are compared the same way.
 */
function expectSameShape(ours: Record<string, unknown>, theirs: Record<string, unknown>, ignore: string[] = [], path = ''): void {
  for (const [key, value] of Object.entries(theirs)) {
    if (ignore.includes(path + key)) continue
    expect(ours, `${path}${key}`).toHaveProperty([key])
    const mine = ours[key]
    if (mine === null || value === null) continue
    expect(kind(mine), `${path}${key}`).toBe(kind(value))
    if (kind(value) === 'object') expectSameShape(mine as Record<string, unknown>, value as Record<string, unknown>, ignore, `${path}${key}.`)
  }
}

/** Keys the fixtures' admin token saw and a crawler's token does not. */
const ADMIN_ONLY = [
  'total_private_repos', 'owned_private_repos', 'private_gists', 'disk_usage', 'collaborators', 'billing_email', 'default_repository_permission',
  'members_can_create_repositories', 'two_factor_requirement_enabled', 'members_allowed_repository_creation_type', 'members_can_create_public_repositories',
  'members_can_create_private_repositories', 'members_can_create_internal_repositories', 'members_can_create_pages', 'members_can_fork_private_repositories',
  'members_can_create_public_pages', 'members_can_create_private_pages', 'web_commit_signoff_required', 'plan', 'temp_clone_token', 'allow_squash_merge',
  'allow_merge_commit', 'allow_rebase_merge', 'allow_auto_merge', 'delete_branch_on_merge', 'allow_update_branch', 'use_squash_pr_title_as_default',
]

describe('GitHub server', () => {
  let world: World
  let server: GitHubServer
  let clock = Date.parse('2025-06-01T12:00:00Z')
  const auth = { authorization: 'Bearer crawler' }
  const big = () => world.accounts({ forge: 'github' }).filter((a) => a.type === 'organization').sort((a, b) => world.repositoriesOf(b).length - world.repositoriesOf(a).length)[0]!

  beforeAll(async () => {
    world = createWorld({ seed: 'github', accounts: 120, repositories: 3000, forges: { github: 1 } })
    server = await startGitHubServer(world, { tokens: { crawler: { core: 5000 }, small: { core: 3, graphql: 10 } }, clock: () => clock })
  })
  afterAll(() => server.stop())

  it('answers an organization, a user, a repository and its files in the shapes recorded from api.github.com', async () => {
    const org = big()
    const orgReply = await call(`${server.url}/orgs/${org.login}`, { headers: auth })
    expect(orgReply.status).toBe(200)
    expectSameShape(orgReply.json(), recorded('get-organization').response, ADMIN_ONLY)

    const repository = world.repositoriesOf(org).find((r) => r.license && r.files.includes('README.md'))!
    const repoReply = await call(`${server.url}/repos/${world.fullName(repository)}`, { headers: auth })
    expectSameShape(repoReply.json(), recorded('get-repository').response, ADMIN_ONLY)
    expect(repoReply.json()).toMatchObject({ id: repository.id, full_name: world.fullName(repository), license: { spdx_id: expect.any(String) }, organization: { login: org.login } })

    const list = await call(`${server.url}/orgs/${org.login}/repos?per_page=5`, { headers: auth })
    const listFull = ['organization', 'network_count', 'subscribers_count', 'parent', 'source']
    for (const item of list.json()) {
      expectSameShape(item, recorded('get-repository').response, [...ADMIN_ONLY, ...listFull])
      for (const key of listFull) expect(item).not.toHaveProperty(key)
    }

    const folder = await call(`${server.url}/repos/${world.fullName(repository)}/contents/`, { headers: auth })
    const [recordedEntry] = recorded('get-content', 0).response
    for (const entry of folder.json()) expectSameShape(entry, recordedEntry)
    expect(folder.json().map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['README.md', 'LICENSE']))

    const raw = await call(`${server.url}/repos/${world.fullName(repository)}/contents/README.md`, { headers: { ...auth, accept: 'application/vnd.github.v3.raw' } })
    expect(raw.headers.get('content-type')).toBe(recorded('get-content', 1).headers['content-type'])
    expect(raw.text).toBe(world.fileText(repository, 'README.md'))

    const file = await call(`${server.url}/repos/${world.fullName(repository)}/contents/LICENSE`, { headers: auth })
    expectSameShape(file.json(), recordedEntry)
    expect(file.json()).toMatchObject({ type: 'file', encoding: 'base64' })
    expect(Buffer.from(file.json().content, 'base64').toString()).toBe(world.fileText(repository, 'LICENSE'))

    const user = world.accounts({ forge: 'github' }).find((a) => a.type === 'user')!
    const userReply = await call(`${server.url}/users/${user.login}`, { headers: auth })
    expect(userReply.json()).toMatchObject({ login: user.login, type: 'User', public_repos: world.repositoriesOf(user).length })
    expectSameShape(userReply.json(), recorded('get-repository').response.owner)
    expect((await call(`${server.url}/orgs/${user.login}`, { headers: auth })).status).toBe(404)
  })

  it('answers languages, the latest release (recorded shape) and 404s like GitHub', async () => {
    const repository = world.repositories().find((r) => r.release && Object.keys(r.languages).length > 1)!
    const languages = await call(`${server.url}/repos/${world.fullName(repository)}/languages`, { headers: auth })
    expect(languages.json()).toEqual(repository.languages)
    const sizes = Object.values(languages.json() as Record<string, number>)
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))

    const release = await call(`${server.url}/repos/${world.fullName(repository)}/releases/latest`, { headers: auth })
    expectSameShape(release.json(), recorded('release-assets').response)
    expect(release.json()).toMatchObject({ tag_name: repository.release!.tag, published_at: repository.release!.publishedAt })

    const none = world.repositories().find((r) => !r.release)!
    const missing = await call(`${server.url}/repos/${world.fullName(none)}/releases/latest`, { headers: auth })
    expect(missing.status).toBe(404)
    expect(missing.json()).toMatchObject({ message: 'Not Found', documentation_url: expect.stringContaining('docs.github.com') })
    expect((await call(`${server.url}/repos/nobody/nothing`, { headers: auth })).status).toBe(404)
  })

  it('paginates an organization’s repositories through Link headers, each repository exactly once', async () => {
    const org = big()
    const expected = world.repositoriesOf(org).map((r) => r.id).sort()
    expect(expected.length).toBeGreaterThan(100)
    const first = await call(`${server.url}/orgs/${org.login}/repos?per_page=100&sort=full_name`, { headers: auth })
    const links = parseLink(first.headers.get('link'))
    expect(Object.keys(links)).toEqual(['next', 'last'])
    expect(links.next).toContain(`/organizations/${org.id}/repos?per_page=100&sort=full_name&page=2`)
    const { items, pages } = await walk<{ id: number; name: string }>(`${server.url}/orgs/${org.login}/repos?per_page=100&sort=full_name`, { headers: auth })
    expect(pages).toBe(Math.ceil(expected.length / 100))
    expect(items.map((r) => r.id).sort()).toEqual(expected)
    const names = items.map((r) => r.name.toLowerCase())
    expect(names).toEqual([...names].sort())
    const forks = await walk<{ fork: boolean }>(`${server.url}/orgs/${org.login}/repos?type=forks&per_page=100`, { headers: auth })
    expect(forks.items.every((r) => r.fork)).toBe(true)
  })

  it('answers a renamed or transferred repository with a 301 to /repositories/{id}, which answers', async () => {
    const [from, to] = world.accounts({ forge: 'github' }).filter((a) => world.repositoriesOf(a).length > 2)
    const repository = world.repositoriesOf(from!)[0]!
    const oldName = world.fullName(repository)
    world.rename(repository, `${repository.name}-renamed`)
    const moved = await call(`${server.url}/repos/${oldName}/languages`, { headers: auth })
    const fixture = recorded('rename-repository', 1)
    expect(moved.status).toBe(fixture.status)
    expect(moved.headers.get('location')).toBe(`${server.url}/repositories/${repository.id}/languages`)
    expect(Object.keys(moved.json()).sort()).toEqual(Object.keys(fixture.response).sort())
    const followed = await fetch(`${server.url}/repos/${oldName}`, { headers: auth })
    expect(followed.status).toBe(200)
    expect(await followed.json()).toMatchObject({ id: repository.id, name: repository.name })

    world.transfer(repository, to!)
    expect((await call(`${server.url}/repos/${oldName}`, { headers: auth })).headers.get('location')).toBe(`${server.url}/repositories/${repository.id}`)
    world.remove(repository)
    expect((await call(`${server.url}/repos/${oldName}`, { headers: auth })).status).toBe(404)
    expect((await call(`${server.url}/repositories/${repository.id}`, { headers: auth })).status).toBe(404)
  })

  it('sends ETags; a matching If-None-Match gets a 304 that costs nothing', async () => {
    const repository = world.repositories()[3]!
    const url = `${server.url}/repos/${world.fullName(repository)}`
    const first = await call(url, { headers: auth })
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\/"[0-9a-f]{40}"$/)
    const used = Number(first.headers.get('x-ratelimit-used'))
    const again = await call(url, { headers: { ...auth, 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    expect(Number(again.headers.get('x-ratelimit-used'))).toBe(used)
    expect(Number(again.headers.get('x-ratelimit-remaining'))).toBe(5000 - used)
    world.push(repository)
    const changed = await call(url, { headers: { ...auth, 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(Number(changed.headers.get('x-ratelimit-used'))).toBe(used + 1)
    expect(server.stats.notModified).toBeGreaterThanOrEqual(1)
  })

  it('spends a token’s budget, answers 403 with remaining 0, then serves again after the reset', async () => {
    const url = `${server.url}/users/${big().login}`
    const headers = { authorization: 'token small' }
    for (let i = 0; i < 3; i++) expect((await call(url, { headers })).status).toBe(200)
    const limited = await call(url, { headers })
    expect(limited.status).toBe(403)
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(limited.json().message).toMatch(/^API rate limit exceeded for user ID \d+\./)
    const reset = Number(limited.headers.get('x-ratelimit-reset'))
    expect(reset * 1000).toBeGreaterThan(clock)
    const status = await call(`${server.url}/rate_limit`, { headers })
    expect(status.json().resources.core).toMatchObject({ limit: 3, used: 3, remaining: 0, reset })
    clock = reset * 1000 + 1
    const after = await call(url, { headers })
    expect(after.status).toBe(200)
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2')
  })

  it('rejects unknown tokens and limits anonymous requests to 60', async () => {
    expect((await call(`${server.url}/orgs/${big().login}`, { headers: { authorization: 'token nope' } })).status).toBe(401)
    const anonymous = await call(`${server.url}/orgs/${big().login}`)
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('60')
    expect(anonymous.json()).not.toHaveProperty('permissions')
  })

  it('answers the secondary rate limit with retry-after, and an injected primary exhaustion', async () => {
    server.faults.once('secondaryRateLimit')
    const secondary = await call(`${server.url}/orgs/${big().login}`, { headers: auth })
    expect(secondary.status).toBe(403)
    expect(secondary.headers.get('retry-after')).toBe('60')
    expect(secondary.json().message).toMatch(/secondary rate limit/)
    server.faults.once('rateLimit')
    const primary = await call(`${server.url}/orgs/${big().login}`, { headers: { authorization: 'token other' } })
    expect(primary.status).toBe(403)
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0')
  })

  it('serves GitHub Enterprise paths with a prefix', async () => {
    const enterprise = await startGitHubServer(world, { prefix: '/api/v3' })
    try {
      expect(enterprise.url).toMatch(/\/api\/v3$/)
      expect(enterprise.graphqlUrl).toMatch(/\/api\/graphql$/)
      const reply = await call(`${enterprise.url}/orgs/${big().login}`, { headers: auth })
      expect(reply.json().repos_url).toBe(`${enterprise.url}/orgs/${big().login}/repos`)
      const graphql = await call(enterprise.graphqlUrl, { method: 'POST', headers: auth, body: JSON.stringify({ query: '{ rateLimit { limit } }' }) })
      expect(graphql.json()).toEqual({ data: { rateLimit: { limit: 5000 } } })
    } finally {
      await enterprise.stop()
    }
  })
})
