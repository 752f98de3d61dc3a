import type { BodySummary } from '../../adapters/db/stores/body-store.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { type BodyNode, bodyTree, pruneTree, walkTree } from '../../domain/registry/body-tree.ts'

export interface BodyFilter {
  q?: string | undefined
  kind?: string | undefined
}

export interface ListedBody {
  body: BodySummary
  parent: BodySummary | undefined
  ownCount: number
  /** With every sub-body's repositories. */
  totalCount: number
}

export interface BodyListing {
  /** The bodies that match, by name. */
  rows: ListedBody[]
  /** The tree cut down to the bodies that match and their ancestors. */
  tree: BodyNode<BodySummary>[]
}

/**
 * Lists the public bodies that match a search and a kind, as a list and as a tree (ministry >
 * directorate > service), each with its repositories and its sub-bodies'.
 */
export async function listBodies(stores: Pick<Stores, 'bodies'>, filter: BodyFilter): Promise<BodyListing> {
  const q = filter.q?.trim()
  const [{ bodies, counts }, matching] = await Promise.all([stores.bodies.summaries(), q ? stores.bodies.matching(q) : Promise.resolve(undefined)])
  const keep = (body: BodySummary) => (!matching || matching.has(body.id)) && (!filter.kind || body.kind === filter.kind)
  const whole = bodyTree(bodies, counts)
  const byId = new Map(bodies.map((body) => [body.id, body]))
  const rows = [...walkTree(whole)]
    .filter(({ node }) => keep(node.body))
    .map(({ node }) => ({ body: node.body, parent: node.body.parent_id ? byId.get(node.body.parent_id) : undefined, ownCount: node.ownCount, totalCount: node.totalCount }))
    .sort((a, b) => compareBodies(a.body, b.body))
  return { rows, tree: pruneTree(whole, keep) }
}

/** The order of the list, and of the API's cursor: name, then slug (unique). */
export function compareBodies(a: Pick<BodySummary, 'name' | 'slug'>, b: Pick<BodySummary, 'name' | 'slug'>): number {
  return a.name.localeCompare(b.name, 'fr') || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}
