import type { AccountRecord, BodyRecord, BodySummary } from '../../adapters/db/stores/body-store.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import type { RepositoryResults } from '../../adapters/db/stores/repository-store.ts'
import type { RepositoryProfile } from '../../adapters/db/stores/statistics-store.ts'
import { type BodyNode, bodyTree, findNode, walkTree } from '../../domain/registry/body-tree.ts'
import type { PageRequest } from '../../domain/shared/page.ts'

export interface BodyReading {
  body: BodyRecord
  /** The body in the tree: its sub-bodies and the counts with theirs. */
  node: BodyNode<BodySummary>
  /** The accounts the body publishes from itself. */
  accounts: AccountRecord[]
  /** The body's repositories and its sub-bodies'. */
  profile: RepositoryProfile
  /** Most recently pushed first. */
  repositories: RepositoryResults
}

/** Reads what a public body publishes, with its sub-bodies; undefined when no body has this slug. */
export async function readBody(stores: Pick<Stores, 'bodies' | 'statistics' | 'repositories'>, slug: string, page: PageRequest, now = new Date()): Promise<BodyReading | undefined> {
  const body = await stores.bodies.bySlug(slug)
  if (!body) return undefined
  const node = await bodyNode(stores, body.id)
  // The body was just read: only a deletion in between leaves it out of the tree.
  if (!node) return undefined
  const organisationIds = subtreeIds(node)
  const [accounts, profile, repositories] = await Promise.all([
    stores.bodies.accounts([body.id]),
    stores.statistics.profile({ organisationIds }, now),
    stores.repositories.search({ sort: 'pushed' }, page, { now, scope: { organisationIds } }),
  ])
  return { body, node, accounts, profile, repositories }
}

/** A body in the tree of bodies, with its sub-bodies and the counts with theirs. */
export async function bodyNode(stores: Pick<Stores, 'bodies'>, id: string): Promise<BodyNode<BodySummary> | undefined> {
  const { bodies, counts } = await stores.bodies.subtree(id)
  return findNode(bodyTree(bodies, counts), id)
}

/** The ids of a body and of all its sub-bodies. */
export function subtreeIds(node: BodyNode<BodySummary>): string[] {
  return [...walkTree([node])].map(({ node: n }) => n.body.id)
}
