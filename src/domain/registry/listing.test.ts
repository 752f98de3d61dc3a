import { describe, expect, it } from 'vitest'
import { parseTsquery } from '../shared/text-index.ts'
import { type ListedBody, type ListedRepositoryRow, matchTiers, RegistryListing } from './listing.ts'
import type { RepositoryFilters } from './repository-query.ts'

const now = new Date('2026-06-15T12:00:00Z')
const daysAgo = (days: number) => now.getTime() - days * 86_400_000

const bodies: ListedBody[] = [
  { id: 'b1', slug: 'ministere', name: 'Ministère', kind: 'ministry', parentId: null },
  { id: 'b2', slug: 'direction', name: 'Direction', kind: 'agency', parentId: 'b1' },
  { id: 'b3', slug: 'lyon', name: 'Ville de Lyon', kind: 'local-authority', parentId: null },
]

let next = 0
function row(namePlain: string, extra: Partial<ListedRepositoryRow> = {}): ListedRepositoryRow {
  next++
  return {
    id: `00000000-0000-0000-0000-${String(next).padStart(12, '0')}`, organisationId: 'b2', sourceId: 's1', forge: 'github', language: 'Python', licence: 'MIT',
    authorised: true, publiccode: null, compliance: 60, pushedAt: daysAgo(10), archived: false, fork: false, template: false, reuse: 50, namePlain,
    words: `'${namePlain}':1A`, nameWords: `'${namePlain}':1`, topicWords: '', ...extra,
  }
}

const listing = new RegistryListing(
  [
    row('api', { reuse: 10 }),
    row('carte', { words: "'cart':1A 'api':3C", reuse: 90, language: 'Go', organisationId: 'b3', forge: 'gitlab' }),
    row('annuaire', { words: "'annuair':1A 'api':2B", topicWords: "'api':1", reuse: 40, archived: true, pushedAt: daysAgo(200), compliance: 90 }),
    row('vieux', { words: "'vieux':1A 'api':4D", reuse: 40, language: null, licence: null, authorised: null, pushedAt: null, compliance: null, organisationId: null }),
  ],
  bodies,
)
const filters = (extra: RepositoryFilters = {}) => extra
const counts = (facets: ReturnType<RegistryListing['facets']>, facet: keyof typeof facets) => Object.fromEntries(facets[facet].map((value) => [value.value, value.count]))

describe('RegistryListing', () => {
  it('counts every facet under the other facets’ filters', () => {
    const all = listing.facets(filters(), now, undefined)
    expect(counts(all, 'language')).toEqual({ Python: 2, Go: 1 })
    expect(all.ministry).toEqual([{ value: 'ministere', label: 'Ministère', count: 2 }, { value: 'lyon', label: 'Ville de Lyon', count: 1 }])
    expect(counts(all, 'activity')).toEqual({ '30': 2, '365': 1 })
    expect(counts(all, 'compliance')).toEqual({ medium: 2, high: 1 })
    expect(counts(all, 'authorised')).toEqual({ yes: 3, no: 1 })
    // Choosing a language keeps the other languages' counts, and narrows the other facets.
    const python = listing.facets(filters({ language: ['Python'] }), now, undefined)
    expect(counts(python, 'language')).toEqual({ Python: 2, Go: 1 })
    expect(counts(python, 'forge')).toEqual({ github: 2 })
    // A ministry is its body and every body under it.
    expect(counts(listing.facets(filters({ ministry: ['ministere'] }), now, undefined), 'organisation')).toEqual({ direction: 2 })
    expect(counts(listing.facets(filters(), now, { organisationIds: ['b3'] }), 'forge')).toEqual({ gitlab: 1 })
  })

  it('orders a search by relevance: the exact name, then names, topics and text, each ranked, ties by reuse score', () => {
    const match = listing.match(parseTsquery("'api'")!)
    expect(match.count).toBe(4)
    const { ids, total } = listing.byRelevance(match, 'api', filters(), now, undefined, { offset: 0, limit: 10 })
    expect(total).toBe(4)
    // api (exact name, rank + 1), then carte (C, reuse 90) and annuaire (B) by rank, vieux (D) last.
    expect(ids).toEqual(['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000003', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000004'])
    expect(listing.byRelevance(match, 'api', filters({ archived: 'no', language: ['Python'] }), now, undefined, { offset: 0, limit: 10 }).ids).toEqual(['00000000-0000-0000-0000-000000000001'])
  })

  it('adds what a search found beyond the listed text, in its tier', () => {
    const match = listing.widen(listing.match(parseTsquery("'introuvable'")!), [
      { id: '00000000-0000-0000-0000-000000000004', tier: matchTiers.readme, rank: 0 },
      { id: '00000000-0000-0000-0000-000000000002', tier: matchTiers.closeName, rank: 0.4 },
      { id: 'not-listed', tier: matchTiers.readme, rank: 0 },
    ])
    expect(match.count).toBe(2)
    expect(listing.byRelevance(match, 'introuvable', filters(), now, undefined, { offset: 0, limit: 10 }).ids).toEqual([
      '00000000-0000-0000-0000-000000000002',
      '00000000-0000-0000-0000-000000000004',
    ])
    expect(counts(listing.facets(filters(), now, undefined, match), 'forge')).toEqual({ gitlab: 1, github: 1 })
  })
})
