// GitHub REST representations of the world's accounts, repositories, files and releases, with the
// fields and types of api.github.com (checked against @octokit/fixtures' recorded responses).
import { LICENCES } from './licences.ts'
import { type Account, gitBlobSha, type Repository, type TreeEntry, type World } from './world.ts'

export interface GitHubContext {
  world: World
  /** REST base URL of the server (https://api.github.com, or the sim's). */
  api: string
  /** Web origin (https://github.com or the Enterprise host). */
  web: string
  /** Authenticated requests see `permissions` on repositories. */
  authenticated: boolean
}

/** The legacy global node id (`MDEwOlJlcG9zaXRvcnkx` = `010:Repository1`), which decodes back to type and id. */
export function legacyNodeId(type: string, id: number | string): string {
  return Buffer.from(`${String(type.length).padStart(type.length < 10 ? 2 : 3, '0')}:${type}${id}`).toString('base64')
}

export function parseLegacyNodeId(nodeId: string): { type: string; id: string } | null {
  const match = /^\d+:([A-Za-z]+?)(\d+)$/.exec(Buffer.from(nodeId, 'base64').toString('utf8'))
  return match ? { type: match[1]!, id: match[2]! } : null
}

const ownerType = (account: Account): 'Organization' | 'User' => (account.type === 'user' ? 'User' : 'Organization')

function simpleUser(ctx: GitHubContext, account: Account) {
  const user = `${ctx.api}/users/${account.login}`
  return {
    login: account.login,
    id: account.id,
    node_id: legacyNodeId(ownerType(account), account.id),
    avatar_url: account.avatarUrl,
    gravatar_id: '',
    url: user,
    html_url: `${ctx.web}/${account.login}`,
    followers_url: `${user}/followers`,
    following_url: `${user}/following{/other_user}`,
    gists_url: `${user}/gists{/gist_id}`,
    starred_url: `${user}/starred{/owner}{/repo}`,
    subscriptions_url: `${user}/subscriptions`,
    organizations_url: `${user}/orgs`,
    repos_url: `${user}/repos`,
    events_url: `${user}/events{/privacy}`,
    received_events_url: `${user}/received_events`,
    type: ownerType(account),
    user_view_type: 'public',
    site_admin: false,
  }
}

/** `GET /orgs/{org}` as seen by a non-member. */
export function organization(ctx: GitHubContext, account: Account) {
  const org = `${ctx.api}/orgs/${account.login}`
  return {
    login: account.login,
    id: account.id,
    node_id: legacyNodeId('Organization', account.id),
    url: org,
    repos_url: `${org}/repos`,
    events_url: `${org}/events`,
    hooks_url: `${org}/hooks`,
    issues_url: `${org}/issues`,
    members_url: `${org}/members{/member}`,
    public_members_url: `${org}/public_members{/member}`,
    avatar_url: account.avatarUrl,
    description: account.description,
    name: account.name,
    company: null,
    blog: account.website ?? '',
    location: account.location,
    email: account.email,
    twitter_username: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: ctx.world.repositoriesOf(account).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${ctx.web}/${account.login}`,
    created_at: account.createdAt,
    updated_at: account.createdAt,
    archived_at: null,
    type: 'Organization',
  }
}

/** `GET /users/{username}`: also answers for organizations, with their `type`. */
export function user(ctx: GitHubContext, account: Account) {
  return {
    ...simpleUser(ctx, account),
    name: account.name,
    company: null,
    blog: account.website ?? '',
    location: account.location,
    email: account.email,
    hireable: null,
    bio: account.description,
    twitter_username: null,
    public_repos: ctx.world.repositoriesOf(account).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: account.createdAt,
    updated_at: account.createdAt,
  }
}

export function licence(id: string | null) {
  if (!id) return null
  const known = LICENCES[id]!
  return {
    key: known.key,
    name: known.name,
    spdx_id: known.githubSpdxId,
    url: known.key === 'other' ? null : `https://api.github.com/licenses/${known.key}`,
    node_id: legacyNodeId('License', Object.keys(LICENCES).indexOf(id) + 1),
  }
}

/** The repository as listed (`GET /orgs/{org}/repos`): the "minimal repository" of the docs. */
export function minimalRepository(ctx: GitHubContext, repository: Repository) {
  const owner = ctx.world.ownerOf(repository)
  const fullName = ctx.world.fullName(repository)
  const api = `${ctx.api}/repos/${fullName}`
  const host = new URL(ctx.web).host
  return {
    id: repository.id,
    node_id: legacyNodeId('Repository', repository.id),
    name: repository.name,
    full_name: fullName,
    private: false,
    owner: simpleUser(ctx, owner),
    html_url: `${ctx.web}/${fullName}`,
    description: repository.description,
    fork: repository.fork,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: repository.createdAt,
    updated_at: repository.updatedAt,
    pushed_at: repository.pushedAt,
    git_url: `git://${host}/${fullName}.git`,
    ssh_url: `git@${host}:${fullName}.git`,
    clone_url: `${ctx.web}/${fullName}.git`,
    svn_url: `${ctx.web}/${fullName}`,
    homepage: repository.homepage,
    size: repository.sizeKb,
    // GitHub's historical quirk: "watchers" are the stargazers; subscribers are the watchers.
    stargazers_count: repository.stars,
    watchers_count: repository.stars,
    language: repository.language,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: repository.forks,
    mirror_url: null,
    archived: repository.archived,
    disabled: false,
    open_issues_count: repository.openIssues,
    license: licence(repository.license),
    allow_forking: true,
    is_template: repository.template,
    web_commit_signoff_required: false,
    topics: repository.topics,
    visibility: 'public',
    forks: repository.forks,
    open_issues: repository.openIssues,
    watchers: repository.stars,
    default_branch: repository.defaultBranch,
    ...(ctx.authenticated ? { permissions: { admin: false, maintain: false, push: false, triage: false, pull: true } } : {}),
  }
}

/** `GET /repos/{owner}/{repo}`: the full repository, with its parent and source when a fork. */
export function fullRepository(ctx: GitHubContext, repository: Repository): Record<string, unknown> {
  const owner = ctx.world.ownerOf(repository)
  const parent = repository.parentId === null ? undefined : ctx.world.repository(repository.parentId)
  let source = parent
  while (source && source.parentId !== null && ctx.world.repository(source.parentId)) source = ctx.world.repository(source.parentId)
  return {
    ...minimalRepository(ctx, repository),
    ...(owner.type === 'user' ? {} : { organization: simpleUser(ctx, owner) }),
    ...(parent && source ? { parent: minimalRepository(ctx, parent), source: minimalRepository(ctx, source) } : {}),
    network_count: repository.forks,
    subscribers_count: repository.watchers,
  }
}

function wrap60(base64: string): string {
  return (base64.match(/.{1,60}/g) ?? []).join('\n') + '\n'
}

/** An entry of `GET /repos/{owner}/{repo}/contents/{path}`: a file (with its content) or a folder listing item. */
export function contentEntry(ctx: GitHubContext, repository: Repository, entry: TreeEntry, withContent: boolean) {
  const fullName = ctx.world.fullName(repository)
  const text = entry.type === 'blob' ? (ctx.world.fileText(repository, entry.path) ?? '') : ''
  const sha = entry.type === 'blob' ? gitBlobSha(text) : gitBlobSha(`tree:${repository.id}:${repository.revision}:${entry.path}`)
  const self = `${ctx.api}/repos/${fullName}/contents/${entry.path}?ref=${repository.defaultBranch}`
  const git = `${ctx.api}/repos/${fullName}/git/${entry.type === 'blob' ? 'blobs' : 'trees'}/${sha}`
  const html = `${ctx.web}/${fullName}/${entry.type === 'blob' ? 'blob' : 'tree'}/${repository.defaultBranch}/${entry.path}`
  return {
    type: entry.type === 'blob' ? 'file' : 'dir',
    name: entry.name,
    path: entry.path,
    sha,
    size: Buffer.byteLength(text),
    url: self,
    html_url: html,
    git_url: git,
    download_url: entry.type === 'blob' ? `https://raw.githubusercontent.com/${fullName}/${repository.defaultBranch}/${entry.path}` : null,
    ...(withContent ? { content: wrap60(Buffer.from(text).toString('base64')), encoding: 'base64' } : {}),
    _links: { self, git, html },
  }
}

export function latestRelease(ctx: GitHubContext, repository: Repository) {
  const release = repository.release!
  const fullName = ctx.world.fullName(repository)
  const id = repository.id + 500_000_000
  const api = `${ctx.api}/repos/${fullName}/releases/${id}`
  return {
    url: api,
    assets_url: `${api}/assets`,
    upload_url: `${ctx.api.replace('://api.', '://uploads.')}/repos/${fullName}/releases/${id}/assets{?name,label}`,
    html_url: `${ctx.web}/${fullName}/releases/tag/${release.tag}`,
    id,
    author: simpleUser(ctx, ctx.world.ownerOf(repository)),
    node_id: legacyNodeId('Release', id),
    tag_name: release.tag,
    target_commitish: repository.defaultBranch,
    name: release.tag,
    draft: false,
    prerelease: false,
    created_at: release.publishedAt,
    published_at: release.publishedAt,
    assets: [],
    tarball_url: `${ctx.api}/repos/${fullName}/tarball/${release.tag}`,
    zipball_url: `${ctx.api}/repos/${fullName}/zipball/${release.tag}`,
    body: `Version ${release.tag}`,
  }
}

/** `{ "TypeScript": 1234, … }`, largest first. */
export function languages(repository: Repository): Record<string, number> {
  return Object.fromEntries(Object.entries(repository.languages).sort((a, b) => b[1] - a[1]))
}
