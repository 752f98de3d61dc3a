// GitLab v4 representations (Entities::Project, BasicProjectDetails, Group, UserBasic, Release) of the
// world's accounts and repositories, as a non-member sees public ones.
import { createHash } from 'node:crypto'
import { LICENCES } from './licences.ts'
import { type Account, gitBlobSha, type Repository, type World } from './world.ts'

export interface GitLabContext {
  world: World
  /** API base URL (…/api/v4). */
  api: string
  /** Web origin of the instance (https://gitlab.com). */
  web: string
}

/** GitLab writes times with milliseconds. */
const gitlabTime = (iso: string): string => iso.replace(/Z$/, '.000Z')

const lastActivity = (repository: Repository): string => (repository.pushedAt > repository.updatedAt ? repository.pushedAt : repository.updatedAt)

export function userBasic(ctx: GitLabContext, account: Account) {
  return {
    id: account.id,
    username: account.login,
    name: account.name,
    state: 'active',
    locked: false,
    avatar_url: account.avatarUrl,
    web_url: `${ctx.web}/${account.login}`,
  }
}

/** `GET /users/:id`, public profile. */
export function userProfile(ctx: GitLabContext, account: Account) {
  return {
    ...userBasic(ctx, account),
    created_at: gitlabTime(account.createdAt),
    bio: account.description ?? '',
    location: account.location ?? '',
    public_email: account.email,
    skype: '',
    linkedin: '',
    twitter: '',
    discord: '',
    website_url: account.website ?? '',
    organization: '',
    job_title: '',
    pronouns: null,
    bot: false,
    work_information: null,
    followers: 0,
    following: 0,
    is_followed: false,
    local_time: null,
  }
}

function fullName(ctx: GitLabContext, account: Account): string {
  const parent = account.parentId === null ? undefined : ctx.world.account(account.parentId)
  return parent ? `${fullName(ctx, parent)} / ${account.name}` : account.name
}

function namespace(ctx: GitLabContext, account: Account) {
  return {
    id: account.id,
    name: account.name,
    path: account.login,
    kind: account.type === 'user' ? 'user' : 'group',
    full_path: account.fullPath,
    parent_id: account.parentId,
    avatar_url: account.avatarUrl,
    web_url: account.type === 'user' ? `${ctx.web}/${account.login}` : `${ctx.web}/groups/${account.fullPath}`,
  }
}

/** The `simple=true` shape, also used for `forked_from_project`. */
export function basicProject(ctx: GitLabContext, repository: Repository) {
  const owner = ctx.world.ownerOf(repository)
  const path = ctx.world.fullName(repository)
  const web = `${ctx.web}/${path}`
  const readme = repository.files.find((f) => /^readme(\.|$)/i.test(f))
  return {
    id: repository.id,
    description: repository.description,
    name: repository.name,
    name_with_namespace: `${fullName(ctx, owner)} / ${repository.name}`,
    path: repository.name,
    path_with_namespace: path,
    created_at: gitlabTime(repository.createdAt),
    default_branch: repository.files.length > 0 ? repository.defaultBranch : null,
    tag_list: repository.topics,
    topics: repository.topics,
    ssh_url_to_repo: `git@${new URL(ctx.web).host}:${path}.git`,
    http_url_to_repo: `${web}.git`,
    web_url: web,
    readme_url: readme ? `${web}/-/blob/${repository.defaultBranch}/${readme}` : null,
    forks_count: repository.forks,
    avatar_url: null,
    star_count: repository.stars,
    last_activity_at: gitlabTime(lastActivity(repository)),
    namespace: namespace(ctx, owner),
  }
}

export function licence(id: string | null) {
  if (!id) return null
  const known = LICENCES[id]!
  return {
    key: known.key,
    name: known.name,
    nickname: known.nickname,
    html_url: known.key === 'other' ? null : `https://choosealicense.com/licenses/${known.key}/`,
    source_url: null,
  }
}

/** `GET /projects/:id` (Entities::Project); `license=true` and `statistics=true` add those keys. */
export function project(ctx: GitLabContext, repository: Repository, extras: { license?: boolean; statistics?: boolean } = {}) {
  const basic = basicProject(ctx, repository)
  const owner = ctx.world.ownerOf(repository)
  const api = `${ctx.api}/projects/${repository.id}`
  const parent = repository.parentId === null ? undefined : ctx.world.repository(repository.parentId)
  const licenceFile = repository.files.find((f) => /^licen[cs]e(\.|$)/i.test(f))
  return {
    ...basic,
    container_registry_image_prefix: `registry.${new URL(ctx.web).host}/${basic.path_with_namespace}`,
    _links: {
      self: api,
      issues: `${api}/issues`,
      merge_requests: `${api}/merge_requests`,
      repo_branches: `${api}/repository/branches`,
      labels: `${api}/labels`,
      events: `${api}/events`,
      members: `${api}/members`,
      cluster_agents: `${api}/cluster_agents`,
    },
    packages_enabled: true,
    empty_repo: repository.files.length === 0,
    archived: repository.archived,
    visibility: 'public',
    ...(owner.type === 'user' ? { owner: userBasic(ctx, owner) } : {}),
    resolve_outdated_diff_discussions: false,
    repository_object_format: 'sha1',
    issues_enabled: true,
    merge_requests_enabled: true,
    wiki_enabled: true,
    jobs_enabled: true,
    snippets_enabled: true,
    container_registry_enabled: true,
    service_desk_enabled: false,
    can_create_merge_request_in: false,
    issues_access_level: 'enabled',
    repository_access_level: 'enabled',
    merge_requests_access_level: 'enabled',
    forking_access_level: 'enabled',
    wiki_access_level: 'enabled',
    builds_access_level: 'enabled',
    snippets_access_level: 'enabled',
    pages_access_level: 'public',
    analytics_access_level: 'enabled',
    container_registry_access_level: 'enabled',
    releases_access_level: 'enabled',
    emails_disabled: false,
    emails_enabled: true,
    shared_runners_enabled: true,
    lfs_enabled: true,
    creator_id: owner.id,
    ...(parent ? { forked_from_project: basicProject(ctx, parent) } : {}),
    import_status: 'none',
    open_issues_count: repository.openIssues,
    description_html: repository.description ? `<p data-sourcepos="1:1-1:${repository.description.length}" dir="auto">${repository.description}</p>` : '',
    updated_at: gitlabTime(repository.updatedAt),
    ci_config_path: null,
    public_jobs: true,
    shared_with_groups: [],
    only_allow_merge_if_pipeline_succeeds: false,
    request_access_enabled: true,
    only_allow_merge_if_all_discussions_are_resolved: false,
    remove_source_branch_after_merge: true,
    printing_merge_request_link_enabled: true,
    merge_method: 'merge',
    squash_option: 'default_off',
    autoclose_referenced_issues: true,
    license_url: licenceFile ? `${basic.web_url}/-/blob/${repository.defaultBranch}/${licenceFile}` : null,
    ...(extras.license ? { license: licence(repository.license) } : {}),
    ...(extras.statistics ? { statistics: statistics(repository) } : {}),
  }
}

function statistics(repository: Repository) {
  const repositorySize = repository.sizeKb * 1024
  return {
    commit_count: 1 + repository.revision + (repository.id % 97),
    storage_size: repositorySize,
    repository_size: repositorySize,
    wiki_size: 0,
    lfs_objects_size: 0,
    job_artifacts_size: 0,
    pipeline_artifacts_size: 0,
    packages_size: 0,
    snippets_size: 0,
    uploads_size: 0,
    container_registry_size: 0,
  }
}

/** Entities::Group; GET /groups/:id adds `projects` (GroupDetail). */
export function group(ctx: GitLabContext, account: Account) {
  return {
    id: account.id,
    web_url: `${ctx.web}/groups/${account.fullPath}`,
    name: account.name,
    path: account.login,
    description: account.description ?? '',
    visibility: 'public',
    share_with_group_lock: false,
    require_two_factor_authentication: false,
    two_factor_grace_period: 48,
    project_creation_level: 'developer',
    auto_devops_enabled: null,
    subgroup_creation_level: 'maintainer',
    emails_disabled: false,
    emails_enabled: true,
    mentions_disabled: null,
    lfs_enabled: true,
    default_branch: null,
    default_branch_protection: 2,
    avatar_url: account.avatarUrl,
    request_access_enabled: true,
    full_name: fullName(ctx, account),
    full_path: account.fullPath,
    created_at: gitlabTime(account.createdAt),
    parent_id: account.parentId,
    organization_id: 1,
    shared_runners_setting: 'enabled',
    ldap_cn: null,
    ldap_access: null,
    wiki_access_level: 'enabled',
  }
}

/** `GET /projects/:id/languages`: percentages with two decimals, largest first. */
export function languagePercentages(repository: Repository): Record<string, number> {
  const total = Object.values(repository.languages).reduce((a, b) => a + b, 0)
  return Object.fromEntries(
    Object.entries(repository.languages)
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => [name, Math.round((bytes / total) * 10_000) / 100]),
  )
}

export function release(ctx: GitLabContext, repository: Repository) {
  const release = repository.release!
  const owner = ctx.world.ownerOf(repository)
  const head = ctx.world.headCommit(repository)
  const web = `${ctx.web}/${ctx.world.fullName(repository)}`
  const archive = (format: string) => ({ format, url: `${web}/-/archive/${release.tag}/${repository.name}-${release.tag}.${format}` })
  const author = owner.type === 'user' ? userBasic(ctx, owner) : { id: 1, username: 'release-bot', name: 'Release bot', state: 'active', locked: false, avatar_url: null, web_url: `${ctx.web}/release-bot` }
  return {
    name: release.tag,
    tag_name: release.tag,
    description: `Version ${release.tag}`,
    created_at: gitlabTime(release.publishedAt),
    released_at: gitlabTime(release.publishedAt),
    upcoming_release: false,
    author,
    commit: {
      id: head.oid,
      short_id: head.oid.slice(0, 8),
      created_at: gitlabTime(release.publishedAt),
      parent_ids: [],
      title: head.message,
      message: head.message,
      author_name: author.name,
      author_email: 'release-bot@example.invalid',
      authored_date: gitlabTime(release.publishedAt),
      committer_name: author.name,
      committer_email: 'release-bot@example.invalid',
      committed_date: gitlabTime(release.publishedAt),
      trailers: {},
      extended_trailers: {},
      web_url: `${web}/-/commit/${head.oid}`,
    },
    commit_path: `/${ctx.world.fullName(repository)}/-/commit/${head.oid}`,
    tag_path: `/${ctx.world.fullName(repository)}/-/tags/${release.tag}`,
    assets: { count: 4, sources: ['zip', 'tar.gz', 'tar.bz2', 'tar'].map(archive), links: [] },
    evidences: [],
    _links: {
      closed_issues_url: `${web}/-/issues?release_tag=${release.tag}&scope=all&state=closed`,
      closed_merge_requests_url: `${web}/-/merge_requests?release_tag=${release.tag}&scope=all&state=closed`,
      merged_merge_requests_url: `${web}/-/merge_requests?release_tag=${release.tag}&scope=all&state=merged`,
      opened_issues_url: `${web}/-/issues?release_tag=${release.tag}&scope=all&state=opened`,
      opened_merge_requests_url: `${web}/-/merge_requests?release_tag=${release.tag}&scope=all&state=opened`,
      self: `${web}/-/releases/${release.tag}`,
    },
  }
}

/** `GET /projects/:id/repository/files/:file_path` (JSON, base64 content). */
export function fileJson(ctx: GitLabContext, repository: Repository, path: string, text: string, ref: string) {
  const head = ctx.world.headCommit(repository)
  return {
    file_name: path.slice(path.lastIndexOf('/') + 1),
    file_path: path,
    size: Buffer.byteLength(text),
    encoding: 'base64',
    content_sha256: sha256(text),
    ref,
    blob_id: gitBlobSha(text),
    commit_id: head.oid,
    last_commit_id: head.oid,
    execute_filemode: false,
    content: Buffer.from(text).toString('base64'),
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
