import { describe, expect, it } from 'vitest'
import { parseTsquery, parseTsvector, similarity, TextIndex, trigramsOf } from './text-index.ts'

describe('parseTsquery', () => {
  it('reads lexemes, AND binding tighter than OR, and parentheses', () => {
    expect(parseTsquery("'web'")).toEqual({ lexeme: 'web' })
    expect(parseTsquery("'a' & 'b' | 'c'")).toEqual({ op: '|', left: { op: '&', left: { lexeme: 'a' }, right: { lexeme: 'b' } }, right: { lexeme: 'c' } })
    expect(parseTsquery("'a' & ( 'b' | 'c' )")).toEqual({ op: '&', left: { lexeme: 'a' }, right: { op: '|', left: { lexeme: 'b' }, right: { lexeme: 'c' } } })
    expect(parseTsquery("'l''archivage'")).toEqual({ lexeme: "l'archivage" })
    expect(parseTsquery('')).toBeNull()
  })

  it('leaves phrases, exclusions, weights, prefixes and anything unreadable to the database', () => {
    for (const query of ["'a' <-> 'b'", "'a' <2> 'b'", "'a' & !'b'", "'a':A", "'a':*", "'a' &", "( 'a'"]) expect(parseTsquery(query), query).toBeUndefined()
  })
})

describe('parseTsvector', () => {
  it('reads lexemes and the weights of their positions (D when unmarked)', () => {
    expect(parseTsvector("'bureaut':5C,9 'l''eau':2A 'nu'")).toEqual(new Map([['bureaut', ['C', 'D']], ["l'eau", ['A']], ['nu', []]]))
  })
})

describe('trigrams', () => {
  it('are pg_trgm’s: padded words, similarity as shared over all', () => {
    expect([...trigramsOf('word')].sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor'])
    // pg_trgm's documentation: similarity('word', 'two words') = 0.363636.
    expect(similarity(trigramsOf('word'), trigramsOf('two words'))).toBeCloseTo(0.363636, 5)
    expect(similarity(trigramsOf(''), trigramsOf('word'))).toBe(0)
  })
})

describe('TextIndex', () => {
  const index = new TextIndex([
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
