// GitHub's GraphQL API (v4), for the part a crawler of public repositories uses: owners, their
// repository connections, repository fields, files through `object(expression:)`, `rateLimit` and
// `node`. The schema below is a faithful subset of GitHub's (same names, types and nullability);
// graphql-js executes it. Cost and node limits follow GitHub's documented rules, and errors have
// GitHub's shape (`type`, `path`, `locations`, `message`).
import {
  buildSchema, type DocumentNode, type FieldNode, type FragmentDefinitionNode, getArgumentValues, getNamedType, getVariableValues,
  type GraphQLCompositeType, GraphQLError, type GraphQLField, isCompositeType, Kind, parse, type SelectionSetNode, validate, execute,
} from 'graphql'
import { remaining, type Budget } from './budgets.ts'
import { legacyNodeId, parseLegacyNodeId } from './github-json.ts'
import { LICENCES } from './licences.ts'
import { hash32 } from './random.ts'
import { type Account, gitBlobSha, type Repository, type World } from './world.ts'

const SDL = /* GraphQL */ `
scalar DateTime
scalar URI
scalar GitObjectID
scalar GitSSHRemote

interface Node { id: ID! }

enum OrderDirection { ASC DESC }
enum RepositoryOrderField { CREATED_AT UPDATED_AT PUSHED_AT NAME STARGAZERS }
input RepositoryOrder { field: RepositoryOrderField! direction: OrderDirection! }
enum RepositoryPrivacy { PUBLIC PRIVATE }
enum RepositoryAffiliation { OWNER COLLABORATOR ORGANIZATION_MEMBER }
enum RepositoryVisibility { PRIVATE PUBLIC INTERNAL }
enum LanguageOrderField { SIZE }
input LanguageOrder { field: LanguageOrderField! direction: OrderDirection! }
enum IssueState { OPEN CLOSED }

type PageInfo { endCursor: String hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String }

interface RepositoryOwner {
  id: ID!
  login: String!
  avatarUrl(size: Int): URI!
  resourcePath: URI!
  url: URI!
  repositories(first: Int, after: String, last: Int, before: String, orderBy: RepositoryOrder, privacy: RepositoryPrivacy,
    isFork: Boolean, isArchived: Boolean, ownerAffiliations: [RepositoryAffiliation] = [OWNER], affiliations: [RepositoryAffiliation]): RepositoryConnection!
  repository(name: String!, followRenames: Boolean = true): Repository
}

type Organization implements Node & RepositoryOwner {
  id: ID!
  databaseId: Int
  login: String!
  name: String
  description: String
  websiteUrl: URI
  email: String
  location: String
  twitterUsername: String
  isVerified: Boolean!
  createdAt: DateTime!
  updatedAt: DateTime!
  avatarUrl(size: Int): URI!
  resourcePath: URI!
  url: URI!
  repositories(first: Int, after: String, last: Int, before: String, orderBy: RepositoryOrder, privacy: RepositoryPrivacy,
    isFork: Boolean, isArchived: Boolean, ownerAffiliations: [RepositoryAffiliation] = [OWNER], affiliations: [RepositoryAffiliation]): RepositoryConnection!
  repository(name: String!, followRenames: Boolean = true): Repository
}

type User implements Node & RepositoryOwner {
  id: ID!
  databaseId: Int
  login: String!
  name: String
  bio: String
  company: String
  websiteUrl: URI
  email: String!
  location: String
  twitterUsername: String
  createdAt: DateTime!
  updatedAt: DateTime!
  avatarUrl(size: Int): URI!
  resourcePath: URI!
  url: URI!
  repositories(first: Int, after: String, last: Int, before: String, orderBy: RepositoryOrder, privacy: RepositoryPrivacy,
    isFork: Boolean, isArchived: Boolean, ownerAffiliations: [RepositoryAffiliation] = [OWNER], affiliations: [RepositoryAffiliation]): RepositoryConnection!
  repository(name: String!, followRenames: Boolean = true): Repository
}

type RepositoryConnection { edges: [RepositoryEdge] nodes: [Repository] pageInfo: PageInfo! totalCount: Int! totalDiskUsage: Int! }
type RepositoryEdge { cursor: String! node: Repository }

type Repository implements Node {
  id: ID!
  databaseId: Int
  name: String!
  nameWithOwner: String!
  owner: RepositoryOwner!
  url: URI!
  resourcePath: URI!
  sshUrl: GitSSHRemote!
  description: String
  homepageUrl: URI
  isArchived: Boolean!
  archivedAt: DateTime
  isFork: Boolean!
  isTemplate: Boolean!
  isPrivate: Boolean!
  isDisabled: Boolean!
  isEmpty: Boolean!
  isMirror: Boolean!
  isLocked: Boolean!
  visibility: RepositoryVisibility!
  parent: Repository
  stargazerCount: Int!
  stargazers(first: Int, after: String, last: Int, before: String): StargazerConnection!
  forkCount: Int!
  watchers(first: Int, after: String, last: Int, before: String): UserConnection!
  issues(states: [IssueState!], first: Int, after: String, last: Int, before: String): IssueConnection!
  diskUsage: Int
  createdAt: DateTime!
  updatedAt: DateTime!
  pushedAt: DateTime
  primaryLanguage: Language
  languages(first: Int, after: String, last: Int, before: String, orderBy: LanguageOrder): LanguageConnection
  licenseInfo: License
  defaultBranchRef: Ref
  repositoryTopics(first: Int, after: String, last: Int, before: String): RepositoryTopicConnection!
  latestRelease: Release
  object(expression: String, oid: GitObjectID): GitObject
}

type StargazerConnection { totalCount: Int! }
type UserConnection { totalCount: Int! }
type IssueConnection { totalCount: Int! }

type Language implements Node { id: ID! name: String! color: String }
type LanguageConnection { edges: [LanguageEdge] nodes: [Language] pageInfo: PageInfo! totalCount: Int! totalSize: Int! }
type LanguageEdge { cursor: String! node: Language! size: Int! }

type License implements Node { id: ID! key: String! name: String! spdxId: String url: URI nickname: String }

type Ref implements Node { id: ID! name: String! prefix: String! target: GitObject }

interface GitObject { id: ID! oid: GitObjectID! abbreviatedOid: String! }
type Commit implements Node & GitObject { id: ID! oid: GitObjectID! abbreviatedOid: String! committedDate: DateTime! message: String! messageHeadline: String! }
type Blob implements Node & GitObject { id: ID! oid: GitObjectID! abbreviatedOid: String! text: String byteSize: Int! isBinary: Boolean isTruncated: Boolean! }
type Tree implements Node & GitObject { id: ID! oid: GitObjectID! abbreviatedOid: String! entries: [TreeEntry!] }
type TreeEntry { name: String! path: String type: String! mode: Int! oid: GitObjectID! object: GitObject }

type RepositoryTopicConnection { edges: [RepositoryTopicEdge] nodes: [RepositoryTopic] pageInfo: PageInfo! totalCount: Int! }
type RepositoryTopicEdge { cursor: String! node: RepositoryTopic }
type RepositoryTopic implements Node { id: ID! topic: Topic! url: URI! }
type Topic implements Node { id: ID! name: String! }

type Release implements Node { id: ID! name: String tagName: String! createdAt: DateTime! publishedAt: DateTime url: URI! isDraft: Boolean! isPrerelease: Boolean! isLatest: Boolean! }

type RateLimit { cost: Int! limit: Int! nodeCount: Int! remaining: Int! resetAt: DateTime! used: Int! }

type Query {
  repositoryOwner(login: String!): RepositoryOwner
  organization(login: String!): Organization
  user(login: String!): User
  repository(owner: String!, name: String!, followRenames: Boolean = true): Repository
  rateLimit(dryRun: Boolean = false): RateLimit
  node(id: ID!): Node
  nodes(ids: [ID!]!): [Node]!
}
`

/** GitHub's limits: 100 records per connection, 500,000 nodes per query. */
const MAX_FIRST = 100
const MAX_NODES = 500_000
const BLOB_TEXT_LIMIT = 512 * 1024

const COLORS: Record<string, string> = {
  JavaScript: '#f1e05a', TypeScript: '#3178c6', Python: '#3572A5', Java: '#b07219', PHP: '#4F5D95', Go: '#00ADD8', Ruby: '#701516',
  Rust: '#dea584', HTML: '#e34c26', CSS: '#663399', Shell: '#89e051', Vue: '#41b883', C: '#555555', 'C++': '#f34b7d', Kotlin: '#A97BFF',
}

class GitHubError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message)
  }
}

interface Context {
  world: World
  host: string
  web: string
  budget: Budget
  cost: number
  nodeCount: number
}

interface ConnectionArgs {
  first?: number | null
  after?: string | null
  last?: number | null
  before?: string | null
}

const encodeCursor = (key: unknown): string => Buffer.from(`cursor:v2:${JSON.stringify(key)}`).toString('base64')
function decodeCursor(cursor: string): unknown {
  const text = Buffer.from(cursor, 'base64').toString('utf8')
  if (!text.startsWith('cursor:v2:')) throw new GitHubError('INVALID_CURSOR_ARGUMENTS', `\`${cursor}\` does not appear to be a valid cursor.`)
  return JSON.parse(text.slice('cursor:v2:'.length))
}

/**
 * A page of `items` (already in order). Cursors hold the sort key of their item, so that a walk
 * stays correct when items before the cursor are added or removed, as with GitHub's cursors.
 */
function connection<T>(items: T[], args: ConnectionArgs, keyOf: (item: T) => unknown[], compare: (a: unknown[], b: unknown[]) => number) {
  let start = 0
  let end = items.length
  if (args.after) {
    const after = decodeCursor(args.after) as unknown[]
    const index = items.findIndex((item) => compare(keyOf(item), after) > 0)
    start = index === -1 ? items.length : index
  }
  if (args.before) {
    const before = decodeCursor(args.before) as unknown[]
    const index = items.findIndex((item) => compare(keyOf(item), before) >= 0)
    end = index === -1 ? items.length : index
  }
  let page = items.slice(start, end)
  const hasNextPage = args.first != null ? page.length > args.first || end < items.length : end < items.length
  const hasPreviousPage = args.last != null ? page.length > args.last || start > 0 : start > 0
  if (args.first != null) page = page.slice(0, args.first)
  if (args.last != null) page = page.slice(Math.max(0, page.length - args.last))
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }))
  return {
    edges,
    nodes: page,
    totalCount: items.length,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  }
}

const byPosition = (a: unknown[], b: unknown[]): number => (a[0] as number) - (b[0] as number)

class OwnerNode {
  readonly __typename: 'Organization' | 'User'
  constructor(
    private readonly ctx: Context,
    private readonly account: Account,
  ) {
    this.__typename = account.type === 'user' ? 'User' : 'Organization'
  }
  get id() { return legacyNodeId(this.__typename, this.account.id) }
  get databaseId() { return this.account.id }
  get login() { return this.account.login }
  get name() { return this.account.name }
  get description() { return this.account.description }
  get bio() { return this.account.description }
  get company() { return null }
  get websiteUrl() { return this.account.website }
  // A user's email is non-null: GitHub gives '' when it is not public.
  get email() { return this.__typename === 'User' ? (this.account.email ?? '') : this.account.email }
  get location() { return this.account.location }
  get twitterUsername() { return null }
  get isVerified() { return false }
  get createdAt() { return this.account.createdAt }
  get updatedAt() { return this.account.createdAt }
  get resourcePath() { return `/${this.account.login}` }
  get url() { return `${this.ctx.web}/${this.account.login}` }
  avatarUrl(args: { size?: number | null }) { return args.size ? `${this.account.avatarUrl}&s=${args.size}` : this.account.avatarUrl }

  repositories(args: ConnectionArgs & { orderBy?: { field: string; direction: string } | null; privacy?: string | null; isFork?: boolean | null; isArchived?: boolean | null }) {
    let items = args.privacy === 'PRIVATE' ? [] : this.ctx.world.repositoriesOf(this.account)
    if (args.isFork != null) items = items.filter((r) => r.fork === args.isFork)
    if (args.isArchived != null) items = items.filter((r) => r.archived === args.isArchived)
    const field = args.orderBy?.field
    const keyOf = (r: Repository): unknown[] => {
      switch (field) {
        case 'CREATED_AT': return [r.createdAt, r.id]
        case 'UPDATED_AT': return [r.updatedAt, r.id]
        case 'PUSHED_AT': return [r.pushedAt, r.id]
        case 'NAME': return [r.name.toLowerCase(), r.id]
        case 'STARGAZERS': return [r.stars, r.id]
        default: return [r.id, r.id]
      }
    }
    const sign = args.orderBy?.direction === 'DESC' ? -1 : 1
    const compare = (a: unknown[], b: unknown[]): number => {
      const [ka, ia] = a as [string | number, number]
      const [kb, ib] = b as [string | number, number]
      return sign * (ka < kb ? -1 : ka > kb ? 1 : ia - ib)
    }
    items.sort((a, b) => compare(keyOf(a), keyOf(b)))
    const page = connection(items, args, keyOf, compare)
    return {
      ...page,
      nodes: page.nodes.map((r) => new RepositoryNode(this.ctx, r)),
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: new RepositoryNode(this.ctx, e.node) })),
      totalDiskUsage: items.reduce((sum, r) => sum + r.sizeKb, 0),
    }
  }

  repository(args: { name: string; followRenames: boolean }) {
    const found = findRepository(this.ctx, this.account.fullPath, args.name, args.followRenames)
    return found ? new RepositoryNode(this.ctx, found) : null
  }
}

function findRepository(ctx: Context, owner: string, name: string, followRenames: boolean): Repository | undefined {
  return ctx.world.findRepository(ctx.host, owner, name) ?? (followRenames ? ctx.world.movedRepository(ctx.host, owner, name) : undefined)
}

function findOwner(ctx: Context, login: string): Account | undefined {
  const account = ctx.world.findAccount(ctx.host, login)
  return account?.forge === 'github' ? account : undefined
}

class RepositoryNode {
  readonly __typename = 'Repository'
  constructor(
    private readonly ctx: Context,
    private readonly repo: Repository,
  ) {}
  private get fullName() { return this.ctx.world.fullName(this.repo) }
  get id() { return legacyNodeId('Repository', this.repo.id) }
  get databaseId() { return this.repo.id }
  get name() { return this.repo.name }
  get nameWithOwner() { return this.fullName }
  get owner() { return new OwnerNode(this.ctx, this.ctx.world.ownerOf(this.repo)) }
  get url() { return `${this.ctx.web}/${this.fullName}` }
  get resourcePath() { return `/${this.fullName}` }
  get sshUrl() { return `git@${new URL(this.ctx.web).host}:${this.fullName}.git` }
  get description() { return this.repo.description }
  get homepageUrl() { return this.repo.homepage }
  get isArchived() { return this.repo.archived }
  get archivedAt() { return this.repo.archived ? this.repo.updatedAt : null }
  get isFork() { return this.repo.fork }
  get isTemplate() { return this.repo.template }
  get isPrivate() { return false }
  get isDisabled() { return false }
  get isEmpty() { return this.repo.files.length === 0 }
  get isMirror() { return false }
  get isLocked() { return false }
  get visibility() { return 'PUBLIC' }
  get parent() {
    const parent = this.repo.parentId === null ? undefined : this.ctx.world.repository(this.repo.parentId)
    return parent ? new RepositoryNode(this.ctx, parent) : null
  }
  get stargazerCount() { return this.repo.stars }
  stargazers() { return { totalCount: this.repo.stars } }
  get forkCount() { return this.repo.forks }
  watchers() { return { totalCount: this.repo.watchers } }
  issues(args: { states?: string[] | null }) { return { totalCount: !args.states || args.states.includes('OPEN') ? this.repo.openIssues : 0 } }
  get diskUsage() { return this.repo.sizeKb }
  get createdAt() { return this.repo.createdAt }
  get updatedAt() { return this.repo.updatedAt }
  get pushedAt() { return this.repo.pushedAt }
  get primaryLanguage() { return this.repo.language ? language(this.repo.language) : null }
  languages(args: ConnectionArgs & { orderBy?: { direction: string } | null }) {
    const entries = Object.entries(this.repo.languages).sort((a, b) => (args.orderBy?.direction === 'ASC' ? a[1] - b[1] : b[1] - a[1]))
    const indexed = entries.map((entry, index) => ({ entry, index }))
    const page = connection(indexed, args, (item) => [item.index], byPosition)
    return {
      ...page,
      nodes: page.nodes.map(({ entry }) => language(entry[0])),
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, size: edge.node.entry[1], node: language(edge.node.entry[0]) })),
      totalSize: entries.reduce((sum, [, size]) => sum + size, 0),
    }
  }
  get licenseInfo() {
    const licence = this.repo.license ? LICENCES[this.repo.license] : undefined
    if (!licence) return null
    return {
      id: legacyNodeId('License', Object.keys(LICENCES).indexOf(this.repo.license!) + 1),
      key: licence.key,
      name: licence.name,
      spdxId: licence.githubSpdxId,
      url: licence.key === 'other' ? null : `http://choosealicense.com/licenses/${licence.key}/`,
      nickname: licence.nickname,
    }
  }
  get defaultBranchRef() {
    if (this.repo.files.length === 0) return null
    return { id: Buffer.from(`REF:${this.repo.id}:${this.repo.defaultBranch}`).toString('base64'), name: this.repo.defaultBranch, prefix: 'refs/heads/', target: this.commit() }
  }
  repositoryTopics(args: ConnectionArgs) {
    const indexed = this.repo.topics.map((name, index) => ({ name, index }))
    const page = connection(indexed, args, (item) => [item.index], byPosition)
    const topic = ({ name, index }: { name: string; index: number }) => ({
      id: legacyNodeId('RepositoryTopic', `${this.repo.id}${index}`),
      topic: { id: legacyNodeId('Topic', hash32(name)), name },
      url: `${this.ctx.web}/topics/${name}`,
    })
    return { ...page, nodes: page.nodes.map(topic), edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: topic(edge.node) })) }
  }
  get latestRelease() {
    const release = this.repo.release
    if (!release) return null
    const id = this.repo.id + 500_000_000
    return {
      id: legacyNodeId('Release', id), name: release.tag, tagName: release.tag, createdAt: release.publishedAt, publishedAt: release.publishedAt,
      url: `${this.ctx.web}/${this.fullName}/releases/tag/${release.tag}`, isDraft: false, isPrerelease: false, isLatest: true,
    }
  }

  /** `HEAD`, `HEAD:path`, `main:path`, `<oid>:path` or `<tag>:path`; `rev:` is the root tree. */
  object(args: { expression?: string | null; oid?: string | null }) {
    const head = this.ctx.world.headCommit(this.repo)
    if (args.oid) return args.oid === head.oid ? this.commit() : null
    const expression = args.expression ?? ''
    const colon = expression.indexOf(':')
    const revision = colon === -1 ? expression : expression.slice(0, colon)
    if (![ 'HEAD', this.repo.defaultBranch, head.oid, this.repo.release?.tag ].includes(revision) || this.repo.files.length === 0) return null
    if (colon === -1) return this.commit()
    const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, '')
    const text = path ? this.ctx.world.fileText(this.repo, path) : null
    if (text !== null) {
      const oid = gitBlobSha(text)
      const byteSize = Buffer.byteLength(text)
      return { __typename: 'Blob', id: legacyNodeId('Blob', oid), oid, abbreviatedOid: oid.slice(0, 7), text: byteSize > BLOB_TEXT_LIMIT ? null : text, byteSize, isBinary: false, isTruncated: false }
    }
    const entries = this.ctx.world.tree(this.repo, path)
    if (!entries) return null
    const oid = gitBlobSha(`tree:${this.repo.id}:${this.repo.revision}:${path}`)
    return {
      __typename: 'Tree',
      id: legacyNodeId('Tree', oid),
      oid,
      abbreviatedOid: oid.slice(0, 7),
      entries: entries.map((entry) => ({
        name: entry.name,
        path: entry.path,
        type: entry.type,
        mode: entry.type === 'tree' ? 0o40000 : 0o100644,
        oid: entry.type === 'blob' ? gitBlobSha(this.ctx.world.fileText(this.repo, entry.path) ?? '') : gitBlobSha(`tree:${this.repo.id}:${this.repo.revision}:${entry.path}`),
        object: () => this.object({ expression: `HEAD:${entry.path}` }),
      })),
    }
  }

  private commit() {
    const head = this.ctx.world.headCommit(this.repo)
    return { __typename: 'Commit', id: legacyNodeId('Commit', head.oid), oid: head.oid, abbreviatedOid: head.oid.slice(0, 7), committedDate: head.date, message: head.message, messageHeadline: head.message }
  }
}

function language(name: string) {
  return { __typename: 'Language', id: legacyNodeId('Language', hash32(name) % 1000), name, color: COLORS[name] ?? null }
}

const rootValue = {
  repositoryOwner: (args: { login: string }, ctx: Context) => {
    // GitHub answers null, without an error, for a login that does not exist.
    const account = findOwner(ctx, args.login)
    return account ? new OwnerNode(ctx, account) : null
  },
  organization: (args: { login: string }, ctx: Context) => {
    const account = findOwner(ctx, args.login)
    if (!account || account.type === 'user') throw new GitHubError('NOT_FOUND', `Could not resolve to an Organization with the login of '${args.login}'.`)
    return new OwnerNode(ctx, account)
  },
  user: (args: { login: string }, ctx: Context) => {
    const account = findOwner(ctx, args.login)
    if (!account || account.type !== 'user') throw new GitHubError('NOT_FOUND', `Could not resolve to a User with the login of '${args.login}'.`)
    return new OwnerNode(ctx, account)
  },
  repository: (args: { owner: string; name: string; followRenames: boolean }, ctx: Context) => {
    const found = findRepository(ctx, args.owner, args.name, args.followRenames)
    if (!found) throw new GitHubError('NOT_FOUND', `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`)
    return new RepositoryNode(ctx, found)
  },
  rateLimit: (_args: { dryRun: boolean }, ctx: Context) => ({
    cost: ctx.cost,
    limit: ctx.budget.limit,
    nodeCount: ctx.nodeCount,
    remaining: remaining(ctx.budget),
    resetAt: new Date(ctx.budget.resetAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    used: ctx.budget.used,
  }),
  node: (args: { id: string }, ctx: Context) => {
    const node = resolveNode(ctx, args.id)
    if (!node) throw new GitHubError('NOT_FOUND', `Could not resolve to a node with the global id of '${args.id}'`)
    return node
  },
  nodes: (args: { ids: string[] }, ctx: Context) => args.ids.map((id) => resolveNode(ctx, id)),
}

function resolveNode(ctx: Context, id: string): OwnerNode | RepositoryNode | null {
  const parsed = parseLegacyNodeId(id)
  if (!parsed) return null
  if (parsed.type === 'Repository') {
    const repository = ctx.world.repository(Number(parsed.id))
    return repository && ctx.world.ownerOf(repository).host === ctx.host ? new RepositoryNode(ctx, repository) : null
  }
  const account = ctx.world.account(Number(parsed.id))
  if (!account || account.host !== ctx.host || account.forge !== 'github') return null
  const node = new OwnerNode(ctx, account)
  return node.__typename === parsed.type ? node : null
}

export interface QueryCost {
  /** Points charged: connection requests / 100, rounded, at least 1. */
  cost: number
  nodeCount: number
  dryRun: boolean
  errors: Array<{ type: string; path: string[]; locations: Array<{ line: number; column: number }>; message: string }>
}

/**
 * GitHub's cost rule: each connection costs one request per parent item that may reach it (the
 * product of the `first`/`last` of the connections above it); the sum over 100, rounded, is the
 * cost. Connections whose nodes or edges are read need `first` or `last`, at most 100.
 */
export function queryCost(document: DocumentNode, variables: Record<string, unknown>): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
  const result: QueryCost = { cost: 1, nodeCount: 0, dryRun: false, errors: [] }
  let requests = 0

  const walk = (selectionSet: SelectionSetNode, type: GraphQLCompositeType, multiplier: number, path: string[]): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type
        if (condition && isCompositeType(condition)) walk(selection.selectionSet, condition, multiplier, path)
        continue
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value)
        const condition = fragment && schema.getType(fragment.typeCondition.name.value)
        if (fragment && condition && isCompositeType(condition)) walk(fragment.selectionSet, condition, multiplier, path)
        continue
      }
      const field = fieldOf(type, selection)
      if (!field) continue
      const args = getArgumentValues(field, selection, variables)
      const name = selection.alias?.value ?? selection.name.value
      if (selection.name.value === 'rateLimit' && args.dryRun === true) result.dryRun = true
      const named = getNamedType(field.type)
      let childMultiplier = multiplier
      if (named.name.endsWith('Connection') && selection.selectionSet) {
        const size = (args.first ?? args.last) as number | undefined
        const readsItems = selection.selectionSet.selections.some((s) => s.kind === Kind.FIELD && (s.name.value === 'nodes' || s.name.value === 'edges'))
        const location = selection.loc ? [{ line: selection.loc.startToken.line, column: selection.loc.startToken.column }] : []
        if (size === undefined && readsItems) {
          result.errors.push({ type: 'MISSING_PAGINATION_BOUNDARIES', path: [...path, name], locations: location, message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${selection.name.value}\` connection.` })
        } else if (size !== undefined && size > MAX_FIRST) {
          result.errors.push({ type: 'EXCESSIVE_PAGINATION', path: [...path, name], locations: location, message: `Requesting ${size} records on the \`${selection.name.value}\` connection exceeds the \`${args.first !== undefined ? 'first' : 'last'}\` limit of ${MAX_FIRST} records.` })
        }
        requests += multiplier
        childMultiplier = multiplier * (size ?? 1)
        result.nodeCount += childMultiplier
      }
      if (selection.selectionSet && isCompositeType(named)) walk(selection.selectionSet, named, childMultiplier, [...path, name])
    }
  }

  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query') walk(definition.selectionSet, schema.getQueryType()!, 1, ['query'])
  }
  result.cost = Math.max(1, Math.round(requests / 100))
  if (result.nodeCount > MAX_NODES) {
    result.errors.push({ type: 'MAX_NODE_LIMIT_EXCEEDED', path: [], locations: [], message: `This query requests up to ${result.nodeCount} possible nodes which exceeds the maximum limit of ${MAX_NODES}.` })
  }
  return result
}

function fieldOf(type: GraphQLCompositeType, node: FieldNode): GraphQLField<unknown, unknown> | undefined {
  if (node.name.value === '__typename' || !('getFields' in type)) return undefined
  return type.getFields()[node.name.value]
}

const schema = buildSchema(SDL)

export interface GraphQLRequest {
  query?: unknown
  variables?: unknown
  operationName?: unknown
}

export interface GraphQLOutcome {
  body: unknown
  /** Points charged to the budget (0 when the query did not run). */
  charged: number
  /** The budget was too low for the query. */
  limited: boolean
}

/** Runs one GraphQL request for the host's accounts, charging `budget` with its cost. */
export async function runGraphQL(world: World, host: string, web: string, budget: Budget, request: GraphQLRequest, viewerId: number): Promise<GraphQLOutcome> {
  const fail = (errors: unknown[]): GraphQLOutcome => ({ body: { errors }, charged: 0, limited: false })
  if (typeof request.query !== 'string') return fail([{ message: 'A query attribute must be specified and must be a string.' }])
  let document: DocumentNode
  try {
    document = parse(request.query)
  } catch (error) {
    const e = error as GraphQLError
    return fail([{ message: e.message, locations: e.locations ?? [] }])
  }
  const invalid = validate(schema, document)
  if (invalid.length > 0) return fail(invalid.map((e) => ({ message: e.message, locations: e.locations ?? [] })))
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!request.operationName || d.name?.value === request.operationName))
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return fail([{ message: 'No operation named ' + String(request.operationName) }])
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], (request.variables ?? {}) as Record<string, unknown>)
  if (variables.errors) return fail(variables.errors.map((e) => ({ message: e.message, locations: e.locations ?? [] })))
  const cost = queryCost({ ...document, definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation) }, variables.coerced)
  if (cost.errors.length > 0) return fail(cost.errors)
  if (remaining(budget) < cost.cost) {
    return { body: { errors: [{ type: 'RATE_LIMITED', message: `API rate limit exceeded for user ID ${viewerId}.` }] }, charged: 0, limited: true }
  }
  const charged = cost.dryRun ? 0 : cost.cost
  budget.used += charged
  const context: Context = { world, host, web, budget, cost: cost.cost, nodeCount: cost.nodeCount }
  const result = await execute({ schema, document, rootValue, contextValue: context, variableValues: variables.coerced, operationName: request.operationName as string | undefined })
  const body: Record<string, unknown> = { data: result.data ?? null }
  if (result.errors?.length) {
    body.errors = result.errors.map((error) => {
      const type = error.originalError instanceof GitHubError ? { type: error.originalError.type } : {}
      return { ...type, path: error.path, locations: error.locations, message: error.message }
    })
  }
  return { body, charged, limited: false }
}
