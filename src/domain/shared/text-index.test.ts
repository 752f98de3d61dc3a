import { describe, expect, it } from 'vitest'
import { parseTsquery, parseTsvector, TextIndex } from './text-index.ts'

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
    expect(parseTsvector("'''x''':1 'a\\\\b' 'c':3B")).toEqual(new Map([["'x'", ['D']], ['a\\b', []], ['c', ['B']]]))
  })
})

describe('TextIndex', () => {
  const index = new TextIndex(["'libreoffic':1A 'suit':3C 'bureautiqu':4C", "'tableur':1A,4C 'suit':2B", "'cart':1A 'suit'"])

  it('matches as @@ does, AND and OR evaluated', () => {
    expect([...index.matching(parseTsquery("'suit'")!)]).toEqual([1, 1, 1])
    expect([...index.matching(parseTsquery("'suit' & 'tableur' | 'cart'")!)]).toEqual([0, 1, 1])
    expect([...index.matching(parseTsquery("'inconnu'")!)]).toEqual([0, 0, 0])
  })

  it('ranks as ts_rank, in single precision', () => {
    const ranks = index.ranks(parseTsquery("'suit' | 'tableur'")!)
    // One C position: 0.2 / (π²/6), over the query's two lexemes.
    expect(ranks[0]).toBe(Math.fround(Math.fround(Math.fround(0.2) / 1.64493406685) / 2))
    // A lexeme without positions counts as one D position.
    expect(ranks[2]).toBeCloseTo(0.1 / 1.64493406685 / 2, 6)
    expect(ranks[1]).toBeGreaterThan(ranks[0]!)
  })
})
