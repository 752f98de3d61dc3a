import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitLabServer } from './gitlab-server.ts'
import type { ForgeServer } from './http.ts'
import { call, parseLink, walk } from './test-support.ts'
import { type Account, createWorld, type World } from './world.ts'

describe('GitLab server', () => {
  let world: World
  let server: ForgeServer
  let clock = Date.parse('2025-06-01T12:00:00Z')
  const auth = { 'private-token': 'crawler' }
  const enc = encodeURIComponent
  let top: Account

  beforeAll(async () => {
    world = createWorld({ seed: 'gitlab', accounts: 200, repositories: 4000, forges: { gitlab: 1 } })
    server = await startGitLabServer(world, { host: 'gitlab.com', tokens: { crawler: {}, small: { limit: 3 } }, clock: () => clock })
    // The gitlab.com group with the most nested projects.
    top = world
      .accounts({ host: 'gitlab.com' })
      .filter((a) => a.type === 'group' && a.parentId === null && world.subgroupsOf(a).length > 0)
      .sort((a, b) => world.repositoriesOf(b, { includeSubgroups: true }).length - world.repositoriesOf(a, { includeSubgroups: true }).length)[0]!
  })
  afterAll(() => server.stop())

  it('answers a group by id or URL-encoded path, its subgroups, and 404 for others', async () => {
    const byPath = await call(`${server.url}/groups/${enc(top.fullPath)}?with_projects=false`, { headers: auth })
    expect(byPath.status).toBe(200)
    expect(byPath.json()).toMatchObject({ id: top.id, full_path: top.fullPath, parent_id: null, web_url: `https://gitlab.com/groups/${top.fullPath}`, visibility: 'public' })
    expect(byPath.json()).not.toHaveProperty('projects')
    const byId = await call(`${server.url}/groups/${top.id}`, { headers: auth })
    expect(byId.json().projects.length).toBe(Math.min(100, world.repositoriesOf(top).length))

    const subgroups = await call(`${server.url}/groups/${top.id}/subgroups`, { headers: auth })
    expect(subgroups.json().map((g: { id: number }) => g.id).sort()).toEqual(world.subgroupsOf(top).map((g) => g.id).sort())
    const child = world.subgroupsOf(top)[0]!
    const nested = await call(`${server.url}/groups/${enc(child.fullPath)}`, { headers: auth })
    expect(nested.json()).toMatchObject({ full_path: `${top.fullPath}/${child.login}`, parent_id: top.id, full_name: expect.stringContaining(' / ') })
    expect((await call(`${server.url}/groups/no-such-group`, { headers: auth })).json()).toEqual({ message: '404 Group Not Found' })
  })

  it('walks a group’s projects with include_subgroups by offset pages, every project once, with x-total headers', async () => {
    const expected = world.repositoriesOf(top, { includeSubgroups: true }).map((r) => r.id).sort()
    const first = await call(`${server.url}/groups/${top.id}/projects?include_subgroups=true&per_page=100&order_by=id&sort=asc`, { headers: auth })
    expect(first.headers.get('x-total')).toBe(String(expected.length))
    expect(first.headers.get('x-total-pages')).toBe(String(Math.ceil(expected.length / 100)))
    expect(first.headers.get('x-page')).toBe('1')
    expect(first.headers.get('x-per-page')).toBe('100')
    const { items } = await walk<{ id: number }>(`${server.url}/groups/${top.id}/projects?include_subgroups=true&per_page=100&order_by=id&sort=asc`, { headers: auth })
    expect(items.map((p) => p.id)).toEqual(expected)
    // GitLab ignores pagination=keyset on group projects, but filters on id_after.
    const keyset = await call(`${server.url}/groups/${top.id}/projects?include_subgroups=true&per_page=20&order_by=id&sort=asc&pagination=keyset&id_after=${expected[4]}`, { headers: auth })
    expect(keyset.headers.get('x-total')).toBe(String(expected.length - 5))
    expect(keyset.json()[0].id).toBe(expected[5])
    const own = await call(`${server.url}/groups/${top.id}/projects?per_page=100`, { headers: auth })
    expect(Number(own.headers.get('x-total'))).toBe(world.repositoriesOf(top).length)
  })

  it('walks all the instance’s projects with keyset pagination', async () => {
    const expected = world.repositories({ host: 'gitlab.com' }).map((r) => r.id).sort()
    const first = await call(`${server.url}/projects?pagination=keyset&order_by=id&sort=asc&per_page=100&simple=true`, { headers: auth })
    expect(first.headers.get('x-total')).toBeNull()
    expect(parseLink(first.headers.get('link')).next).toContain(`id_after=${first.json().at(-1).id}`)
    const { items } = await walk<{ id: number }>(`${server.url}/projects?pagination=keyset&order_by=id&sort=asc&per_page=100&simple=true`, { headers: auth })
    expect(items.map((p) => p.id)).toEqual(expected)
  })

  it('answers a project with GitLab’s fields, by id or encoded path, following renames', async () => {
    const repository = world.repositoriesOf(top).find((r) => r.license && r.license !== 'NOASSERTION' && r.files.includes('README.md'))!
    const path = world.fullName(repository)
    const reply = await call(`${server.url}/projects/${enc(path)}?license=true&statistics=true`, { headers: auth })
    expect(reply.json()).toMatchObject({
      id: repository.id,
      name: repository.name,
      path: repository.name,
      path_with_namespace: path,
      namespace: { id: top.id, kind: 'group', full_path: top.fullPath },
      description: repository.description,
      topics: repository.topics,
      tag_list: repository.topics,
      web_url: `https://gitlab.com/${path}`,
      http_url_to_repo: `https://gitlab.com/${path}.git`,
      default_branch: repository.defaultBranch,
      created_at: repository.createdAt.replace('Z', '.000Z'),
      last_activity_at: expect.stringMatching(/\.000Z$/),
      archived: repository.archived,
      star_count: repository.stars,
      forks_count: repository.forks,
      open_issues_count: repository.openIssues,
      readme_url: `https://gitlab.com/${path}/-/blob/${repository.defaultBranch}/README.md`,
      license: { key: expect.any(String), name: expect.any(String) },
      statistics: { repository_size: repository.sizeKb * 1024, commit_count: expect.any(Number) },
    })
    const plain = (await call(`${server.url}/projects/${repository.id}`, { headers: auth })).json()
    expect(plain).not.toHaveProperty('license')
    expect(plain).not.toHaveProperty('statistics')

    world.rename(repository, `${repository.name}-new`)
    const renamed = await call(`${server.url}/projects/${enc(path)}`, { headers: auth })
    expect(renamed.status).toBe(200)
    expect(renamed.json().path_with_namespace).toBe(`${top.fullPath}/${repository.name}`)
    world.remove(repository)
    expect((await call(`${server.url}/projects/${repository.id}`, { headers: auth })).json()).toEqual({ message: '404 Project Not Found' })
  })

  it('answers languages in percent, raw files, the tree and the latest release', async () => {
    const repository = world.repositories({ host: 'gitlab.com' }).find((r) => r.release && Object.keys(r.languages).length > 1 && r.files.some((f) => f.includes('/')))!
    const languages = (await call(`${server.url}/projects/${repository.id}/languages`, { headers: auth })).json()
    const total = Object.values(languages as Record<string, number>).reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThan(99.9)
    expect(total).toBeLessThan(100.1)

    const nested = repository.files.find((f) => f.includes('/'))!
    const raw = await call(`${server.url}/projects/${enc(world.fullName(repository))}/repository/files/${enc(nested)}/raw?ref=${repository.defaultBranch}`, { headers: auth })
    expect(raw.text).toBe(world.fileText(repository, nested))
    expect(raw.headers.get('x-gitlab-file-path')).toBe(nested)
    expect((await call(`${server.url}/projects/${repository.id}/repository/files/NOPE.md/raw`, { headers: auth })).json()).toEqual({ message: '404 File Not Found' })
    const json = (await call(`${server.url}/projects/${repository.id}/repository/files/${enc(nested)}?ref=HEAD`, { headers: auth })).json()
    expect(Buffer.from(json.content, 'base64').toString()).toBe(world.fileText(repository, nested))

    const tree = (await call(`${server.url}/projects/${repository.id}/repository/tree?per_page=100`, { headers: auth })).json()
    expect(tree).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'tree', mode: '040000' }), expect.objectContaining({ type: 'blob', mode: '100644' })]))
    const recursive = (await call(`${server.url}/projects/${repository.id}/repository/tree?recursive=true&per_page=100`, { headers: auth })).json()
    expect(recursive.filter((e: { type: string }) => e.type === 'blob').map((e: { path: string }) => e.path).sort()).toEqual([...repository.files].sort())

    const releases = await call(`${server.url}/projects/${repository.id}/releases?per_page=1`, { headers: auth })
    expect(releases.json()).toEqual([expect.objectContaining({ tag_name: repository.release!.tag, released_at: repository.release!.publishedAt.replace('Z', '.000Z') })])
  })

  it('finds users and their projects', async () => {
    const user = world.accounts({ host: 'gitlab.com' }).find((a) => a.type === 'user' && world.repositoriesOf(a).length > 0)!
    const found = await call(`${server.url}/users?username=${user.login}`, { headers: auth })
    expect(found.json()).toEqual([{ id: user.id, username: user.login, name: user.name, state: 'active', locked: false, avatar_url: user.avatarUrl, web_url: `https://gitlab.com/${user.login}` }])
    const projects = await call(`${server.url}/users/${user.login}/projects?per_page=100`, { headers: auth })
    expect(projects.json().map((p: { id: number }) => p.id).sort()).toEqual(world.repositoriesOf(user).map((r) => r.id).sort())
    expect(projects.json()[0]).toMatchObject({ namespace: { kind: 'user' }, owner: { username: user.login } })
    expect((await call(`${server.url}/users?username=nobody-at-all`, { headers: auth })).json()).toEqual([])
  })

  it('sends weak ETags and 304s, and RateLimit headers; 429 with Retry-After once spent, then resets', async () => {
    const url = `${server.url}/groups/${top.id}?with_projects=false`
    const first = await call(url, { headers: { authorization: 'Bearer small' } })
    expect(first.headers.get('ratelimit-limit')).toBe('3')
    expect(first.headers.get('ratelimit-remaining')).toBe('2')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^W\//)
    const again = await call(url, { headers: { authorization: 'Bearer small', 'if-none-match': etag } })
    expect(again.status).toBe(304)
    expect(again.headers.get('ratelimit-observed')).toBe('2')
    await call(url, { headers: { 'private-token': 'small' } })
    const limited = await call(url, { headers: { 'private-token': 'small' } })
    expect(limited.status).toBe(429)
    expect(limited.text).toBe('Retry later\n')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    clock += 61_000
    expect((await call(url, { headers: { 'private-token': 'small' } })).status).toBe(200)
    expect((await call(url, { headers: { 'private-token': 'wrong' } })).status).toBe(401)
  })
})
