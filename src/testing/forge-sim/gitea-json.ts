// Gitea/Forgejo v1 representations (structs.User, Organization, Repository, ContentsResponse,
// Release) of the world's accounts and repositories.
import { LICENCES } from './licences.ts'
import { type Account, gitBlobSha, type Repository, type TreeEntry, type World } from './world.ts'

export interface GiteaContext {
  world: World
  /** API base URL (…/api/v1). */
  api: string
  /** Web origin of the instance. */
  web: string
}

/** Gitea's zero time, which it prints for "never" (archived_at of a live repository…). */
const EPOCH = '1970-01-01T00:00:00Z'

export function user(ctx: GiteaContext, account: Account) {
  return {
    id: account.id,
    login: account.login,
    login_name: '',
    source_id: 0,
    full_name: account.name,
    email: account.email ?? '',
    avatar_url: account.avatarUrl,
    html_url: `${ctx.web}/${account.login}`,
    language: '',
    is_admin: false,
    last_login: '0001-01-01T00:00:00Z',
    created: account.createdAt,
    restricted: false,
    active: false,
    prohibit_login: false,
    location: account.location ?? '',
    website: account.website ?? '',
    description: account.description ?? '',
    visibility: 'public',
    followers_count: 0,
    following_count: 0,
    starred_repos_count: 0,
    username: account.login,
  }
}

export function organization(account: Account) {
  return {
    id: account.id,
    name: account.login,
    full_name: account.name,
    email: account.email ?? '',
    avatar_url: account.avatarUrl,
    description: account.description ?? '',
    website: account.website ?? '',
    location: account.location ?? '',
    visibility: 'public',
    repo_admin_change_team_access: false,
    username: account.login,
  }
}

export function repository(ctx: GiteaContext, repo: Repository, withParent = true): Record<string, unknown> {
  const owner = ctx.world.ownerOf(repo)
  const fullName = ctx.world.fullName(repo)
  const parent = withParent && repo.parentId !== null ? ctx.world.repository(repo.parentId) : undefined
  const spdx = repo.license ? LICENCES[repo.license]?.spdxId : null
  return {
    id: repo.id,
    owner: user(ctx, owner),
    name: repo.name,
    full_name: fullName,
    description: repo.description ?? '',
    empty: repo.files.length === 0,
    private: false,
    fork: repo.fork,
    template: repo.template,
    // The parent is only shown one level up, without its own parent.
    ...(parent ? { parent: repository(ctx, parent, false) } : { parent: null }),
    mirror: false,
    size: repo.sizeKb,
    language: repo.language ?? '',
    languages_url: `${ctx.api}/repos/${fullName}/languages`,
    html_url: `${ctx.web}/${fullName}`,
    url: `${ctx.api}/repos/${fullName}`,
    link: '',
    ssh_url: `git@${new URL(ctx.web).host}:${fullName}.git`,
    clone_url: `${ctx.web}/${fullName}.git`,
    original_url: '',
    website: repo.homepage ?? '',
    stars_count: repo.stars,
    forks_count: repo.forks,
    watchers_count: repo.watchers,
    open_issues_count: repo.openIssues,
    open_pr_counter: 0,
    release_counter: repo.release ? 1 : 0,
    default_branch: repo.defaultBranch,
    archived: repo.archived,
    created_at: repo.createdAt,
    updated_at: repo.updatedAt,
    archived_at: repo.archived ? repo.updatedAt : EPOCH,
    permissions: { admin: false, push: false, pull: true },
    has_issues: true,
    internal_tracker: { enable_time_tracker: true, allow_only_contributors_to_track_time: true, enable_issue_dependencies: true },
    has_wiki: true,
    has_pull_requests: true,
    has_projects: true,
    projects_mode: 'all',
    has_releases: true,
    has_packages: true,
    has_actions: false,
    ignore_whitespace_conflicts: false,
    allow_merge_commits: true,
    allow_rebase: true,
    allow_rebase_explicit: true,
    allow_squash_merge: true,
    allow_fast_forward_only_merge: true,
    allow_rebase_update: true,
    default_delete_branch_after_merge: false,
    default_merge_style: 'merge',
    default_allow_maintainer_edit: false,
    avatar_url: '',
    internal: false,
    mirror_interval: '',
    object_format_name: 'sha1',
    mirror_updated: '0001-01-01T00:00:00Z',
    repo_transfer: null,
    topics: repo.topics,
    licenses: spdx ? [spdx] : [],
  }
}

/** `GET /repos/{owner}/{repo}/contents/{filepath}`: a file with its content, or a folder item without. */
export function contents(ctx: GiteaContext, repo: Repository, entry: TreeEntry, withContent: boolean) {
  const fullName = ctx.world.fullName(repo)
  const head = ctx.world.headCommit(repo)
  const text = entry.type === 'blob' ? (ctx.world.fileText(repo, entry.path) ?? '') : ''
  const sha = entry.type === 'blob' ? gitBlobSha(text) : gitBlobSha(`tree:${repo.id}:${repo.revision}:${entry.path}`)
  const self = `${ctx.api}/repos/${fullName}/contents/${entry.path}?ref=${repo.defaultBranch}`
  const git = `${ctx.api}/repos/${fullName}/git/${entry.type === 'blob' ? 'blobs' : 'trees'}/${sha}`
  const html = `${ctx.web}/${fullName}/src/branch/${repo.defaultBranch}/${entry.path}`
  return {
    name: entry.name,
    path: entry.path,
    sha,
    last_commit_sha: head.oid,
    last_committer_date: head.date,
    last_author_date: head.date,
    type: entry.type === 'blob' ? 'file' : 'dir',
    size: Buffer.byteLength(text),
    encoding: withContent ? 'base64' : null,
    content: withContent ? Buffer.from(text).toString('base64') : null,
    target: null,
    url: self,
    html_url: html,
    git_url: git,
    download_url: entry.type === 'blob' ? `${ctx.web}/${fullName}/raw/branch/${repo.defaultBranch}/${entry.path}` : null,
    submodule_git_url: null,
    _links: { self, git, html },
  }
}

export function release(ctx: GiteaContext, repo: Repository) {
  const release = repo.release!
  const fullName = ctx.world.fullName(repo)
  const id = repo.id + 500_000_000
  return {
    id,
    tag_name: release.tag,
    target_commitish: repo.defaultBranch,
    name: release.tag,
    body: `Version ${release.tag}`,
    url: `${ctx.api}/repos/${fullName}/releases/${id}`,
    html_url: `${ctx.web}/${fullName}/releases/tag/${release.tag}`,
    tarball_url: `${ctx.web}/${fullName}/archive/${release.tag}.tar.gz`,
    zipball_url: `${ctx.web}/${fullName}/archive/${release.tag}.zip`,
    upload_url: `${ctx.api}/repos/${fullName}/releases/${id}/assets`,
    draft: false,
    prerelease: false,
    created_at: release.publishedAt,
    published_at: release.publishedAt,
    author: user(ctx, ctx.world.ownerOf(repo)),
    assets: [],
  }
}
