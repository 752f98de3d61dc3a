/**
 * The tree of public bodies (ministry > directorate > service) built from each body's parent, with
 * repository counts that include every sub-body's. Parents that are unknown or that would close a
 * cycle are ignored: such a body becomes a root rather than vanishing from the tree.
 */
export interface BodyNode<T> {
  body: T
  /** Repositories of the body itself. */
  ownCount: number
  /** Repositories of the body and of all its sub-bodies. */
  totalCount: number
  children: BodyNode<T>[]
}

export interface TreeBody {
  id: string
  parent_id: string | null
  name: string
}

export function bodyTree<T extends TreeBody>(bodies: readonly T[], counts: ReadonlyMap<string, number>): BodyNode<T>[] {
  const nodes = new Map(bodies.map((body) => [body.id, { body, ownCount: counts.get(body.id) ?? 0, totalCount: 0, children: [] as BodyNode<T>[] }]))
  const roots: BodyNode<T>[] = []
  for (const node of nodes.values()) {
    const parent = node.body.parent_id ? nodes.get(node.body.parent_id) : undefined
    if (parent && !isAncestor(node.body.id, parent.body, nodes)) parent.children.push(node)
    else roots.push(node)
  }
  const byName = (a: BodyNode<T>, b: BodyNode<T>) => a.body.name.localeCompare(b.body.name, 'fr')
  const total = (node: BodyNode<T>): number => {
    node.children.sort(byName)
    node.totalCount = node.ownCount + node.children.reduce((sum, child) => sum + total(child), 0)
    return node.totalCount
  }
  roots.sort(byName)
  for (const root of roots) total(root)
  return roots
}

/** Whether `id` is `body` or one of its ancestors: attaching `id` under `body` would close a cycle. */
function isAncestor<T extends TreeBody>(id: string, body: T, nodes: ReadonlyMap<string, { body: T }>): boolean {
  const seen = new Set<string>()
  for (let current: T | undefined = body; current && !seen.has(current.id); current = current.parent_id ? nodes.get(current.parent_id)?.body : undefined) {
    if (current.id === id) return true
    seen.add(current.id)
  }
  return false
}

/** Every node of the trees, depth first, with its depth (0 for a root). */
export function* walkTree<T>(nodes: readonly BodyNode<T>[], depth = 0): Generator<{ node: BodyNode<T>; depth: number }> {
  for (const node of nodes) {
    yield { node, depth }
    yield* walkTree(node.children, depth + 1)
  }
}

/** The node of a body, searched through the trees. */
export function findNode<T extends TreeBody>(nodes: readonly BodyNode<T>[], id: string): BodyNode<T> | undefined {
  for (const { node } of walkTree(nodes)) if (node.body.id === id) return node
  return undefined
}

/** The trees cut down to the bodies kept and their ancestors; counts stay those of the whole tree. */
export function pruneTree<T>(nodes: readonly BodyNode<T>[], keep: (body: T) => boolean): BodyNode<T>[] {
  return nodes.flatMap((node) => {
    const children = pruneTree(node.children, keep)
    return keep(node.body) || children.length > 0 ? [{ ...node, children }] : []
  })
}
