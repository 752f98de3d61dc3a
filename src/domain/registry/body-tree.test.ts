import { describe, expect, it } from 'vitest'
import { bodyTree, pruneTree, walkTree } from './body-tree.ts'

const body = (id: string, parent_id: string | null, name = id) => ({ id, parent_id, name })

describe('bodyTree', () => {
  it('nests bodies under their parents, sorted by name, with counts rolled up', () => {
    const tree = bodyTree([body('s', 'd'), body('m', null, 'Ministère'), body('d', 'm'), body('a', 'm'), body('v', null, 'Ville')], new Map([['m', 1], ['d', 2], ['s', 4], ['v', 8]]))
    expect([...walkTree(tree)].map(({ node, depth }) => [node.body.id, depth, node.ownCount, node.totalCount])).toEqual([
      ['m', 0, 1, 7],
      ['a', 1, 0, 0],
      ['d', 1, 2, 6],
      ['s', 2, 4, 4],
      ['v', 0, 8, 8],
    ])
  })

  it('keeps bodies with an unknown parent or in a cycle as roots', () => {
    const tree = bodyTree([body('x', 'gone'), body('a', 'b'), body('b', 'a')], new Map())
    expect([...walkTree(tree)].map(({ node }) => node.body.id).sort()).toEqual(['a', 'b', 'x'])
  })

  it('prunes the trees to the bodies kept and their ancestors', () => {
    const tree = bodyTree([body('m', null), body('d', 'm'), body('s', 'd'), body('x', 'm'), body('v', null)], new Map([['s', 3]]))
    const pruned = pruneTree(tree, (b) => b.id === 's')
    expect([...walkTree(pruned)].map(({ node }) => [node.body.id, node.totalCount])).toEqual([['m', 3], ['d', 3], ['s', 3]])
  })
})
