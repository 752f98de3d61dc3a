import { describe, expect, it } from 'vitest'
import { CatalogueText, similarity, trigramsOf } from './catalogue-text.ts'

describe('trigrams', () => {
  it('are pg_trgm’s: padded words, similarity as shared over all', () => {
    expect([...trigramsOf('word')].sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor'])
    // pg_trgm's documentation: similarity('word', 'two words') = 0.363636.
    expect(similarity(trigramsOf('word'), trigramsOf('two words'))).toBeCloseTo(0.363636, 5)
    expect(similarity(trigramsOf(''), trigramsOf('word'))).toBe(0)
  })
})

describe('CatalogueText', () => {
  const index = new CatalogueText([
    { vector: "'libreoffic':1A 'suit':3C 'bureautiqu':4C", plainName: 'libreoffice' },
    { vector: "'tableur':1A,4C 'suit':2B", plainName: 'tableur' },
    { vector: "'cart':1A", plainName: 'cartes' },
  ])

  it('matches by lexeme or by a close name, and ranks as ts_rank plus similarity', () => {
    const ranks = index.search("'suit'", 'suite')!
    expect([...ranks.keys()].sort()).toEqual([0, 1])
    // One C position: 0.2 / (π²/6); one B position: 0.4 / (π²/6).
    expect(ranks.get(0)).toBeCloseTo(0.2 / 1.64493406685, 6)
    expect(ranks.get(1)).toBeCloseTo(0.4 / 1.64493406685, 6)
    // A typo of a name: no lexeme, the name's similarity alone.
    expect([...index.search("'libreofic'", 'libreofice')!.keys()]).toEqual([0])
    expect(index.search("'suit' & 'tableur'", 'suite tableur')).toBeUndefined()
    expect([...index.search("'suit' & 'tableur' | 'cart'", 'x')!.keys()].sort()).toEqual([1, 2])
  })
})
