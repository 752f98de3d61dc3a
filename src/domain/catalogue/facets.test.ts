import { describe, expect, it } from 'vitest'
import { activeFilters, catalogueParams, effectiveSort, licenceFacets, orderFacetCounts, readCatalogueQuery, toggleFilter } from './facets.ts'

describe('readCatalogueQuery', () => {
  it('reads text, facets (repeated keys), sort and page', () => {
    const { query, problems } = readCatalogueQuery({ q: ' tableur ', category: ['office', 'web'], licence: 'copyleft', year: '2022', sort: 'users', page: '3' })
    expect(problems).toEqual([])
    expect(query).toEqual({ q: 'tableur', filters: { category: ['office', 'web'], licence: ['copyleft'], year: ['2022'] }, sort: 'users', page: 3 })
  })

  it('leaves out what it cannot read and says where', () => {
    const { query, problems } = readCatalogueQuery({ status: ['recommended', 'nope'], year: '22', sort: 'best', page: '0', platform: { a: 1 }, q: ['a', 'b'] })
    expect(query).toEqual({ q: undefined, filters: { status: ['recommended'] }, sort: undefined, page: 1 })
    expect(problems.map((p) => p.field)).toEqual(['q', 'status', 'platform', 'year', 'sort', 'page'])
    expect(problems[1]!.message).toBe('"nope" must be one of recommended, observation, dereferenced')
  })

  it('refuses too long text and too many values, keeping a usable query', () => {
    const { query, problems } = readCatalogueQuery({ q: 'x'.repeat(201), category: Array.from({ length: 25 }, (_, i) => `c${i}`) })
    expect(query.q).toBeUndefined()
    expect(query.filters.category).toHaveLength(20)
    expect(problems.map((p) => p.field)).toEqual(['q', 'category'])
  })

  it('ignores repeated values and parameters it does not know', () => {
    expect(readCatalogueQuery({ os: ['linux', 'linux'], utm_source: 'x' })).toEqual({ query: { q: undefined, filters: { os: ['linux'] }, sort: undefined, page: 1 }, problems: [] })
  })
})

describe('catalogue addresses', () => {
  it('writes one canonical address per search', () => {
    const a = readCatalogueQuery({ year: ['2022', '2021'], category: 'web', q: 'cms', page: '2' }).query
    const b = readCatalogueQuery({ page: '2', q: 'cms', category: 'web', year: ['2021', '2022'] }).query
    expect(catalogueParams(a).toString()).toBe('q=cms&category=web&year=2021&year=2022&page=2')
    expect(catalogueParams(b).toString()).toBe(catalogueParams(a).toString())
  })

  it('toggles a filter back to the first page, and lists the active ones', () => {
    const query = readCatalogueQuery({ category: 'web', page: '4' }).query
    const added = toggleFilter(query, 'status', 'observation')
    expect(catalogueParams(added).toString()).toBe('status=observation&category=web')
    expect(activeFilters(added)).toEqual([{ facet: 'status', value: 'observation' }, { facet: 'category', value: 'web' }])
    expect(catalogueParams(toggleFilter(added, 'category', 'web')).toString()).toBe('status=observation')
  })
})

describe('facets', () => {
  it('sorts by relevance only with text', () => {
    expect(effectiveSort({ q: undefined, sort: undefined })).toBe('name')
    expect(effectiveSort({ q: 'x', sort: undefined })).toBe('relevance')
    expect(effectiveSort({ q: undefined, sort: 'relevance' })).toBe('name')
    expect(effectiveSort({ q: 'x', sort: 'release' })).toBe('release')
  })

  it('orders counts and keeps chosen values at zero', () => {
    expect(orderFacetCounts('status', [{ value: 'dereferenced', count: 1 }, { value: 'recommended', count: 9 }])).toEqual([
      { value: 'recommended', count: 9 },
      { value: 'dereferenced', count: 1 },
    ])
    expect(orderFacetCounts('year', [{ value: '2019', count: 1 }, { value: '2022', count: 3 }], ['2020']).map((c) => c.value)).toEqual(['2022', '2020', '2019'])
    expect(orderFacetCounts('category', [{ value: 'b', count: 1 }, { value: 'a', count: 1 }, { value: 'c', count: 5 }]).map((c) => c.value)).toEqual(['c', 'a', 'b'])
  })

  it('classes licences by family and authorisation', () => {
    expect(licenceFacets('AGPL-3.0-or-later')).toEqual({ family: 'copyleft', authorised: true })
    expect(licenceFacets('MIT')).toEqual({ family: 'permissive', authorised: true })
    expect(licenceFacets('GPL-2.0-or-later')).toEqual({ family: 'copyleft', authorised: false })
    expect(licenceFacets(null)).toEqual({ family: 'proprietary-or-unknown', authorised: false })
  })
})

describe('used by my organisation', () => {
  it('reads usedBy=my-organisation, refuses other values, and writes it in the canonical address', () => {
    const { query, problems } = readCatalogueQuery({ usedBy: 'my-organisation', status: 'recommended' })
    expect(problems).toEqual([])
    expect(query.usedByMyOrganisation).toBe(true)
    expect(catalogueParams(query).toString()).toBe('status=recommended&usedBy=my-organisation')
    expect(catalogueParams(toggleFilter(query, 'status', 'recommended')).toString()).toBe('usedBy=my-organisation')
    const other = readCatalogueQuery({ usedBy: 'someone-else' })
    expect(other.query.usedByMyOrganisation).toBeUndefined()
    expect(other.problems).toEqual([{ field: 'usedBy', message: 'must be my-organisation' }])
  })
})
