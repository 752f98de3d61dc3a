import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ForgeServer, startGiteaServer, startGitLabServer, createWorld, type Repository, type World } from '../../testing/forge-sim/index.ts'
import { languagePercentages } from '../../testing/forge-sim/gitlab-json.ts'
import { LICENCES } from '../../testing/forge-sim/licences.ts'
import type { ForgeAdapter } from './forge-adapter.ts'
import { ForgeHttp } from './forge-http.ts'
import { GiteaAdapter } from './gitea.ts'
import { GitLabAdapter } from './gitlab.ts'

/** GitLab's and Gitea's adapters against the local servers: the facts their listings lack, read with the files. */
describe('GitLab and Gitea adapters', () => {
  let world: World
  let gitlab: ForgeServer
  let gitea: ForgeServer
  const hosts = { gitlab: '', gitea: '' }

  beforeAll(async () => {
    world = createWorld({ seed: 'rest-forges', accounts: 20, repositories: 300, forges: { gitlab: 0.5, gitea: 0.5 } })
    hosts.gitlab = world.hosts().find((h) => h.forge === 'gitlab')!.host
    hosts.gitea = world.hosts().find((h) => h.forge === 'gitea')!.host
    gitlab = await startGitLabServer(world, { host: hosts.gitlab })
    gitea = await startGiteaServer(world, { host: hosts.gitea })
  })
  afterAll(async () => {
    await gitlab?.stop()
    await gitea?.stop()
  })

  const client = () => new ForgeHttp({ backoffMs: 5, timeoutMs: 3_000 })
  const repositoriesOf = (forge: 'gitlab' | 'gitea') => world.repositories({ host: hosts[forge] }).filter((r) => world.ownerOf(r).parentId === null)
  /** Lists the owner of `repository` and reads the details of it. */
  async function details(adapter: ForgeAdapter, repository: Repository) {
    const owner = world.ownerOf(repository)
    const listing = await adapter.listAccount(owner.fullPath, { full: true, knownNewestPush: null, knownTotal: null })
    const listed = listing.repositories.find((r) => r.forgeId === String(repository.id))!
    const read = await adapter.readDetails([{ repository: listed, names: null }])
    return { listed, read: read.get(listed.forgeId)! }
  }

  it('GitLab: languages in percent, the latest release, and the licence it detects, asking for the licence only with a licence file', async () => {
    const withLicence = repositoriesOf('gitlab').find((r) => r.release && r.license && r.license !== 'NOASSERTION' && Object.keys(r.languages).length > 1)!
    const http = client()
    const adapter = new GitLabAdapter(http, gitlab.url)
    const { listed, read } = await details(adapter, withLicence)
    expect(listed.languages).toEqual({})
    expect(read.facts).toEqual({
      languages: languagePercentages(withLicence),
      language: withLicence.language,
      licence: LICENCES[withLicence.license!]!.spdxId,
      latestRelease: { tag: withLicence.release!.tag, publishedAt: new Date(withLicence.release!.publishedAt).toISOString() },
    })
    expect(Object.keys(read.files)).toContain('LICENSE')

    const bare = repositoriesOf('gitlab').find((r) => !r.license && r.files.length > 0)!
    const before = gitlab.stats.byEndpoint['GET /projects/{id}'] ?? 0
    const { read: bareRead } = await details(adapter, bare)
    expect(bareRead.facts.licence).toBeNull()
    expect(gitlab.stats.byEndpoint['GET /projects/{id}'] ?? 0).toBe(before)
  })

  it('Gitea: languages in bytes and the latest release; the licence comes with the listing', async () => {
    const repository = repositoriesOf('gitea').find((r) => r.release && r.license && r.license !== 'NOASSERTION')!
    const adapter = new GiteaAdapter(client(), gitea.url)
    const { listed, read } = await details(adapter, repository)
    expect(listed.licence).toBe(LICENCES[repository.license!]!.spdxId)
    expect(listed.language).toBe(repository.language)
    expect(read.facts).toEqual({ languages: repository.languages, latestRelease: { tag: repository.release!.tag, publishedAt: new Date(repository.release!.publishedAt).toISOString() } })
    const without = repositoriesOf('gitea').find((r) => !r.release && r.files.length > 0)!
    expect((await details(adapter, without)).read.facts.latestRelease).toBeNull()
  })

  it('reads no details of an empty repository', async () => {
    const adapter = new GitLabAdapter(client(), gitlab.url)
    const repository = repositoriesOf('gitlab')[0]!
    const { listed } = await details(adapter, repository)
    const read = await adapter.readDetails([{ repository: { ...listed, defaultBranch: null }, names: null }])
    expect(read.get(listed.forgeId)).toEqual({ files: {}, facts: { language: null, languages: {}, licence: null, latestRelease: null } })
  })
})
