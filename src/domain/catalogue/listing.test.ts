import { describe, expect, it } from 'vitest'
import { buildListing, type ListingQuery, type ListingRow, searchListing } from './listing.ts'

const row = (id: string, fields: Partial<ListingRow> = {}): ListingRow => ({
  id,
  status: 'recommended',
  categories: [],
  licence: 'MIT',
  platforms: [],
  os: [],
  market: false,
  referents: false,
  instance: false,
  years: [],
  updatedAt: 0,
  popularity: 0,
  latestRelease: '',
  ...fields,
})

// In name order, as the database gives them.
const listing = buildListing([
  row('agenda', { categories: ['office', 'collaboration'], licence: 'AGPL-3.0-or-later', platforms: ['web'], years: [2022], popularity: 2, latestRelease: '2025-01-10', updatedAt: 3 }),
  row('ancien', { status: 'dereferenced', categories: ['office'], licence: null, years: [2019, 2020], updatedAt: 1 }),
  row('cartes', { categories: ['gis'], licence: 'GPL-2.0-or-later', platforms: ['desktop', 'web'], os: ['linux'], years: [2020], referents: true, popularity: 2, updatedAt: 5 }),
  row('serveur', { categories: ['web'], licence: 'Apache-2.0', platforms: ['web'], instance: true, latestRelease: '2023-02-01', updatedAt: 4 }),
  row('tableur', { categories: ['office'], licence: 'MPL-2.0', platforms: ['desktop'], os: ['linux', 'windows'], market: true, years: [2021, 2022], popularity: 1, latestRelease: '2024-05-01', updatedAt: 2 }),
])

const search = (query: Partial<ListingQuery>) => searchListing(listing, { filters: {}, sort: 'name', page: 1, pageSize: 20, withFacets: true, ...query })

describe('searchListing', () => {
  it('keeps what every chosen facet keeps: values of a facet are alternatives, facets add up', () => {
    expect(search({ filters: { category: ['office', 'gis'], platform: ['web'] } }).ids).toEqual(['agenda', 'cartes'])
    expect(search({ filters: { licence: ['copyleft'] } }).ids).toEqual(['agenda', 'cartes'])
    expect(search({ filters: { licence: ['proprietary-or-unknown'] } }).ids).toEqual(['ancien'])
    expect(search({ filters: { authorised: ['no'] } }).ids).toEqual(['ancien', 'cartes'])
    expect(search({ filters: { authorised: ['yes', 'no'] } }).total).toBe(5)
    expect(search({ filters: { year: ['2020'], referents: ['yes'] } }).ids).toEqual(['cartes'])
  })

  it('counts each facet under the other facets’ choices, and lists a chosen value even at zero', () => {
    const { facets, total } = search({ filters: { category: ['office'], status: ['recommended'], platform: ['mobile'] } })
    expect(total).toBe(0)
    // Among recommended software on mobile: none, whatever the category.
    expect(facets!.category).toEqual([{ value: 'office', count: 0 }])
    // Among recommended office software: by platform, mobile kept at zero.
    expect(facets!.platform).toEqual([{ value: 'web', count: 1 }, { value: 'desktop', count: 1 }, { value: 'mobile', count: 0 }])
    const office = search({ filters: { category: ['office'] } }).facets!
    expect(office.status).toEqual([{ value: 'recommended', count: 2 }, { value: 'dereferenced', count: 1 }])
    expect(office.category).toEqual([{ value: 'office', count: 3 }, { value: 'collaboration', count: 1 }, { value: 'gis', count: 1 }, { value: 'web', count: 1 }])
    expect(office.year.map((c) => c.value)).toEqual(['2022', '2021', '2020', '2019'])
  })

  it('keeps nothing for a value the catalogue does not hold', () => {
    expect(search({ filters: { category: ['nowhere'] } })).toMatchObject({ ids: [], total: 0 })
  })

  it('sorts by relevance, users, release (unknown last) and update, ties in name order, and pages', () => {
    const ranks = new Map([['tableur', 0.5], ['cartes', 0.9], ['agenda', 0.5]].map(([id, rank]) => [listing.places.get(id as string)!, rank as number]))
    expect(search({ ranks, sort: 'relevance' }).ids).toEqual(['cartes', 'agenda', 'tableur'])
    expect(search({ sort: 'users' }).ids).toEqual(['agenda', 'cartes', 'tableur', 'ancien', 'serveur'])
    expect(search({ sort: 'release' }).ids).toEqual(['agenda', 'tableur', 'serveur', 'ancien', 'cartes'])
    expect(search({ sort: 'updated' }).ids).toEqual(['cartes', 'serveur', 'agenda', 'tableur', 'ancien'])
    expect(search({ sort: 'users', page: 2, pageSize: 2 })).toMatchObject({ ids: ['tableur', 'ancien'], total: 5 })
  })

  it('counts the software an organisation uses, and keeps them alone when asked', () => {
    const used = new Set(['agenda', 'cartes'])
    expect(search({ used, filters: { platform: ['web'] } })).toMatchObject({ total: 3, usedCount: 2 })
    expect(search({ used, onlyUsed: true, filters: { category: ['office'] } })).toMatchObject({ ids: ['agenda'], usedCount: 1 })
  })
})
