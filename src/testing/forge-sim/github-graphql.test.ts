import { parse } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryCost } from './github-graphql.ts'
import { startGitHubServer, type GitHubServer } from './github-server.ts'
import { call } from './test-support.ts'
import { createWorld, type World } from './world.ts'

describe('GitHub GraphQL', () => {
  let world: World
  let server: GitHubServer
  const post = (query: string, variables: Record<string, unknown> = {}, token = 'crawler') =>
    call(server.graphqlUrl, { method: 'POST', headers: { authorization: `bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) })
  const org = () => world.accounts({ forge: 'github' }).filter((a) => a.type === 'organization').sort((a, b) => world.repositoriesOf(b).length - world.repositoriesOf(a).length)[0]!

  beforeAll(async () => {
    world = createWorld({ seed: 'graphql', accounts: 80, repositories: 2000, forges: { github: 1 } })
    server = await startGitHubServer(world, { tokens: { crawler: {}, poor: { graphql: 3 } } })
  })
  afterAll(() => server.stop())

  it('computes GitHub’s cost: connection requests over 100, rounded, at least 1', () => {
    const cost = (query: string, variables = {}) => queryCost(parse(query), variables)
    expect(cost('{ rateLimit { cost } }').cost).toBe(1)
    expect(cost('{ a: repository(owner: "x", name: "y") { name } b: repository(owner: "x", name: "z") { name } }').cost).toBe(1)
    // 1 request for the repositories, 100 for their languages, 100 for their topics: 201 → 2.
    const nested = cost(`query($n: Int!) { repositoryOwner(login: "x") { repositories(first: $n) { nodes {
      languages(first: 50) { nodes { name } } repositoryTopics(first: 60) { nodes { topic { name } } } } } } }`, { n: 100 })
    expect(nested.cost).toBe(2)
    expect(nested.nodeCount).toBe(100 + 100 * 50 + 100 * 60)
    expect(cost('{ repositoryOwner(login: "x") { repositories { nodes { name } } } }').errors[0]).toMatchObject({ type: 'MISSING_PAGINATION_BOUNDARIES', path: ['query', 'repositoryOwner', 'repositories'] })
    expect(cost('{ repositoryOwner(login: "x") { repositories(first: 101) { totalCount } } }').errors[0]).toMatchObject({ type: 'EXCESSIVE_PAGINATION' })
    expect(cost('{ repositoryOwner(login: "x") { repositories { totalCount } } }').errors).toEqual([])
  })

  it('answers an owner with its repositories and their fields, and charges the cost', async () => {
    const owner = org()
    const query = `query($login: String!) {
      rateLimit { cost remaining limit used resetAt }
      repositoryOwner(login: $login) {
        __typename login
        ... on Organization { name description websiteUrl email location createdAt avatarUrl }
        repositories(first: 100, privacy: PUBLIC, ownerAffiliations: [OWNER], orderBy: { field: PUSHED_AT, direction: DESC }) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes {
            id databaseId name nameWithOwner owner { login } url sshUrl description homepageUrl isArchived isFork isTemplate isPrivate
            parent { nameWithOwner } stargazerCount forkCount watchers { totalCount } issues(states: [OPEN]) { totalCount } diskUsage
            createdAt updatedAt pushedAt primaryLanguage { name }
            languages(first: 10, orderBy: { field: SIZE, direction: DESC }) { totalSize edges { size node { name } } }
            licenseInfo { spdxId name key } defaultBranchRef { name target { ... on Commit { oid committedDate } } }
            repositoryTopics(first: 20) { nodes { topic { name } } } latestRelease { tagName publishedAt }
            readme: object(expression: "HEAD:README.md") { ... on Blob { text byteSize isBinary isTruncated } }
            root: object(expression: "HEAD:") { ... on Tree { entries { name type path } } }
          }
        }
      }
    }`
    const reply = await post(query, { login: owner.login })
    expect(reply.status).toBe(200)
    // 1 request for the repositories, then 100 for each of watchers, issues, languages and topics: 401 → 4.
    expect(Number(reply.headers.get('x-ratelimit-used'))).toBe(4)
    expect(reply.headers.get('x-ratelimit-resource')).toBe('graphql')
    const { data } = reply.json()
    expect(data.rateLimit).toMatchObject({ cost: 4, limit: 5000, remaining: 4996, used: 4 })
    expect(data.repositoryOwner).toMatchObject({ __typename: 'Organization', login: owner.login, name: owner.name })
    const connection = data.repositoryOwner.repositories
    expect(connection.totalCount).toBe(world.repositoriesOf(owner).length)
    const pushed = connection.nodes.map((n: { pushedAt: string }) => n.pushedAt)
    expect(pushed).toEqual([...pushed].sort().reverse())
    const node = connection.nodes.find((n: { readme: unknown; licenseInfo: unknown }) => n.readme && n.licenseInfo)
    const repository = world.repository(node.databaseId)!
    expect(node).toMatchObject({
      name: repository.name,
      nameWithOwner: world.fullName(repository),
      owner: { login: owner.login },
      stargazerCount: repository.stars,
      issues: { totalCount: repository.openIssues },
      defaultBranchRef: { name: repository.defaultBranch, target: { oid: expect.stringMatching(/^[0-9a-f]{40}$/) } },
      readme: { text: world.fileText(repository, 'README.md'), isBinary: false, isTruncated: false },
    })
    expect(node.languages.totalSize).toBe(Object.values(repository.languages).reduce((a, b) => a + b, 0))
    expect(node.root.entries.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(repository.files.filter((f) => !f.includes('/'))))
  })

  it('walks a connection with cursors, every repository once', async () => {
    const owner = org()
    const seen: number[] = []
    let after: string | null = null
    for (;;) {
      const reply = await post(`query($login: String!, $after: String) { repositoryOwner(login: $login) { repositories(first: 37, after: $after, orderBy: { field: NAME, direction: ASC }) {
        pageInfo { hasNextPage endCursor } edges { cursor node { databaseId } } } } }`, { login: owner.login, after })
      const page = reply.json().data.repositoryOwner.repositories
      seen.push(...page.edges.map((e: { node: { databaseId: number } }) => e.node.databaseId))
      if (!page.pageInfo.hasNextPage) break
      after = page.pageInfo.endCursor
    }
    expect(seen.sort()).toEqual(world.repositoriesOf(owner).map((r) => r.id).sort())
  })

  it('answers many repositories through aliases, with NOT_FOUND errors in GitHub’s shape', async () => {
    const repositories = world.repositories().slice(0, 30)
    const aliases = repositories.map((r, i) => `r${i}: repository(owner: "${world.ownerOf(r).login}", name: "${r.name}") { databaseId licence: licenseInfo { spdxId } }`).join('\n')
    const reply = await post(`{ ${aliases}\n missing: repository(owner: "nobody", name: "nothing") { id } rateLimit { cost } }`)
    const body = reply.json()
    expect(body.data.rateLimit.cost).toBe(1)
    repositories.forEach((r, i) => expect(body.data[`r${i}`].databaseId).toBe(r.id))
    expect(body.data.missing).toBeNull()
    expect(body.errors).toEqual([{ type: 'NOT_FOUND', path: ['missing'], locations: [{ line: expect.any(Number), column: expect.any(Number) }], message: "Could not resolve to a Repository with the name 'nobody/nothing'." }])
  })

  it('follows renames, resolves node ids, and answers null for an unknown owner', async () => {
    const repository = world.repositories()[10]!
    const owner = world.ownerOf(repository).login
    const oldName = repository.name
    world.rename(repository, `${oldName}-v2`)
    const reply = await post(`query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { id name } nobody: repositoryOwner(login: "no-such-login") { login } }`, { owner, name: oldName })
    const { data, errors } = reply.json()
    expect(errors).toBeUndefined()
    expect(data).toEqual({ repository: { id: expect.any(String), name: `${oldName}-v2` }, nobody: null })
    const node = await post(`query($id: ID!) { node(id: $id) { ... on Repository { name } } }`, { id: data.repository.id })
    expect(node.json().data.node).toEqual({ name: `${oldName}-v2` })
  })

  it('reports pagination errors and rate limiting like GitHub', async () => {
    const missing = await post('{ repositoryOwner(login: "x") { repositories { nodes { name } } } }')
    expect(missing.json().errors[0].type).toBe('MISSING_PAGINATION_BOUNDARIES')
    const invalid = await post('{ repository(owner: "a", name: "b") { noSuchField } }')
    expect(invalid.json().errors[0].message).toMatch(/noSuchField/)

    const query = `{ repositoryOwner(login: "${org().login}") { repositories(first: 100) { nodes { languages(first: 100) { totalSize } repositoryTopics(first: 100) { totalCount } } } } }`
    expect((await post(query, {}, 'poor')).json().data).toBeDefined()
    const limited = await post(query, {}, 'poor')
    expect(limited.status).toBe(200)
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('1')
    expect(limited.json()).toEqual({ errors: [{ type: 'RATE_LIMITED', message: expect.stringMatching(/^API rate limit exceeded for user ID \d+\.$/) }] })
    expect((await call(server.graphqlUrl, { method: 'POST', body: '{"query":"{ rateLimit { cost } }"}' })).status).toBe(401)
  })
})
