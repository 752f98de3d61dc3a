import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGiteaServer } from './gitea-server.ts'
import type { ForgeServer } from './http.ts'
import { call, parseLink, walk } from './test-support.ts'
import { createWorld, type World } from './world.ts'

describe('Gitea server', () => {
  let world: World
  let server: ForgeServer
  const org = () => world.accounts({ host: 'codeberg.org' }).filter((a) => a.type === 'organization').sort((a, b) => world.repositoriesOf(b).length - world.repositoriesOf(a).length)[0]!

  beforeAll(async () => {
    world = createWorld({ seed: 'gitea', accounts: 80, repositories: 2500, forges: { gitea: 1 } })
    server = await startGiteaServer(world, { host: 'codeberg.org' })
  })
  afterAll(() => server.stop())

  it('answers an organization and a user with Gitea’s fields', async () => {
    const account = org()
    expect((await call(`${server.url}/orgs/${account.login}`)).json()).toEqual({
      id: account.id, name: account.login, full_name: account.name, email: account.email ?? '', avatar_url: account.avatarUrl, description: account.description ?? '',
      website: account.website ?? '', location: account.location ?? '', visibility: 'public', repo_admin_change_team_access: false, username: account.login,
    })
    const user = (await call(`${server.url}/users/${account.login}`)).json()
    expect(user).toMatchObject({ id: account.id, login: account.login, username: account.login, html_url: `https://codeberg.org/${account.login}` })
    expect((await call(`${server.url}/orgs/nobody`)).json()).toMatchObject({ message: "The target couldn't be found." })
  })

  it('paginates repositories by page and limit (at most 50), with x-total-count and Link', async () => {
    const account = org()
    const expected = world.repositoriesOf(account).map((r) => r.id)
    expect(expected.length).toBeGreaterThan(50)
    const first = await call(`${server.url}/orgs/${account.login}/repos?limit=100`)
    expect(first.json()).toHaveLength(50)
    expect(first.headers.get('x-total-count')).toBe(String(expected.length))
    expect(Object.keys(parseLink(first.headers.get('link')))).toEqual(['next', 'last'])
    const { items, pages } = await walk<{ id: number }>(`${server.url}/orgs/${account.login}/repos?limit=50`)
    expect(pages).toBe(Math.ceil(expected.length / 50))
    expect(items.map((r) => r.id)).toEqual(expected)
    const search = await walk<{ id: number }>(`${server.url}/repos/search?limit=50`, {}, (body: { data: { id: number }[] }) => body.data)
    expect(search.items).toHaveLength(world.repositories({ host: 'codeberg.org' }).length)
  })

  it('answers a repository, its files, languages, releases and latest release', async () => {
    const repository = world.repositories({ host: 'codeberg.org' }).find((r) => r.release && r.license && r.license !== 'NOASSERTION' && r.files.includes('README.md'))!
    const fullName = world.fullName(repository)
    const body = (await call(`${server.url}/repos/${fullName}`)).json()
    expect(body).toMatchObject({
      id: repository.id, name: repository.name, full_name: fullName, owner: { login: world.ownerOf(repository).login }, description: repository.description ?? '',
      website: repository.homepage ?? '', topics: repository.topics, html_url: `https://codeberg.org/${fullName}`, clone_url: `https://codeberg.org/${fullName}.git`,
      default_branch: repository.defaultBranch, created_at: repository.createdAt, updated_at: repository.updatedAt, archived: repository.archived, fork: repository.fork,
      template: repository.template, stars_count: repository.stars, forks_count: repository.forks, watchers_count: repository.watchers,
      open_issues_count: repository.openIssues, size: repository.sizeKb, language: repository.language ?? '', licenses: [expect.any(String)],
    })
    expect((await call(`${server.url}/repos/${fullName}/raw/README.md`)).text).toBe(world.fileText(repository, 'README.md'))
    expect((await call(`${server.url}/repos/${fullName}/raw/${repository.defaultBranch}/README.md`)).text).toBe(world.fileText(repository, 'README.md'))
    const file = (await call(`${server.url}/repos/${fullName}/contents/README.md?ref=${repository.defaultBranch}`)).json()
    expect(file).toMatchObject({ type: 'file', encoding: 'base64', path: 'README.md' })
    expect(Buffer.from(file.content, 'base64').toString()).toBe(world.fileText(repository, 'README.md'))
    const root = (await call(`${server.url}/repos/${fullName}/contents`)).json()
    expect(root.map((e: { name: string }) => e.name)).toContain('README.md')
    expect((await call(`${server.url}/repos/${fullName}/languages`)).json()).toEqual(repository.languages)
    expect((await call(`${server.url}/repos/${fullName}/releases/latest`)).json()).toMatchObject({ tag_name: repository.release!.tag, published_at: repository.release!.publishedAt })
    const releases = await call(`${server.url}/repos/${fullName}/releases?limit=1`)
    expect(releases.json()).toEqual([expect.objectContaining({ tag_name: repository.release!.tag, published_at: repository.release!.publishedAt, draft: false, prerelease: false })])
    expect(releases.headers.get('x-total-count')).toBe('1')
    const without = world.repositories({ host: 'codeberg.org' }).find((r) => !r.release)!
    expect((await call(`${server.url}/repos/${world.fullName(without)}/releases?limit=1`)).json()).toEqual([])
  })

  it('redirects a renamed repository with a 307 to its new path, and forgets a removed one', async () => {
    const repository = world.repositoriesOf(org())[1]!
    const oldName = world.fullName(repository)
    world.rename(repository, `${repository.name}-moved`)
    const moved = await call(`${server.url}/repos/${oldName}/languages?x=1`)
    expect(moved.status).toBe(307)
    expect(moved.headers.get('location')).toBe(`${server.url}/repos/${world.fullName(repository)}/languages?x=1`)
    expect((await fetch(`${server.url}/repos/${oldName}`)).status).toBe(200)
    world.remove(repository)
    expect((await call(`${server.url}/repos/${oldName}`)).status).toBe(404)
  })
})
