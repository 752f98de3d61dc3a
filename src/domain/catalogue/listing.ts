import {
  type CatalogueFilters,
  type CatalogueSort,
  FACETS,
  type FacetCount,
  type FacetCounts,
  type FacetName,
  licenceFacets,
  orderFacetCounts,
} from './facets.ts'

/**
 * The catalogue's search over its published software, in memory: filters, facet counts, sorts and
 * pages. The catalogue is small (the SILL lists some hundreds of software; Socle is measured at 5,000),
 * so its facet attributes fit in a few megabytes and a pass over them all takes about a millisecond,
 * where the database took tens of milliseconds to count ten facets. The text matching stays the
 * database's (stemming, accents, typos): it gives the matched software and their rank.
 *
 * Facet values are coded as small integers per facet, so that testing a filter is reading a mask and
 * counting a value is incrementing an array cell.
 */
export interface Listing {
  /** In name order. */
  software: readonly ListedSoftware[]
  /** Per facet (in FACETS order): each code's value. */
  values: readonly (readonly string[])[]
  /** Per facet: each value's code. */
  codes: readonly ReadonlyMap<string, number>[]
  /** Each software's place in `software`, by id. */
  places: ReadonlyMap<string, number>
}

export interface ListedSoftware {
  id: string
  /** Per facet (in FACETS order): the codes of the software's values (several for lists, one otherwise). */
  facets: readonly (readonly number[])[]
  /** Sort keys. */
  updatedAt: number
  popularity: number
  /** 'YYYY-MM-DD', or '' when unknown (sorted last). */
  latestRelease: string
  /** The software's place in the listing (name order); breaks every other sort's ties. */
  nameOrder: number
}

/** A published software as the database gives it. */
export interface ListingRow {
  id: string
  status: string
  categories: readonly string[]
  licence: string | null
  platforms: readonly string[]
  os: readonly string[]
  market: boolean
  referents: boolean
  instance: boolean
  years: readonly number[]
  /** Milliseconds since the epoch. */
  updatedAt: number
  popularity: number
  latestRelease: string
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no')

/** The values a row takes for each facet, in FACETS order. */
function facetValues(row: ListingRow, licence: { family: string; authorised: boolean }): readonly (readonly string[])[] {
  const byFacet: Record<FacetName, readonly string[]> = {
    status: [row.status],
    category: row.categories,
    licence: [licence.family],
    authorised: [yesNo(licence.authorised)],
    platform: row.platforms,
    os: row.os,
    market: [yesNo(row.market)],
    referents: [yesNo(row.referents)],
    instance: [yesNo(row.instance)],
    year: row.years.map(String),
  }
  return FACETS.map((facet) => byFacet[facet])
}

/** The listing of rows given in name order. */
export function buildListing(rows: readonly ListingRow[]): Listing {
  const values = FACETS.map((): string[] => [])
  const codes = FACETS.map(() => new Map<string, number>())
  const code = (facet: number, value: string) => {
    let known = codes[facet]!.get(value)
    if (known === undefined) {
      known = values[facet]!.push(value) - 1
      codes[facet]!.set(value, known)
    }
    return known
  }
  // Licence facets are the domain's rules, computed once per distinct licence.
  const byLicence = new Map<string | null, ReturnType<typeof licenceFacets>>()
  const software = rows.map((row, nameOrder) => {
    let licence = byLicence.get(row.licence)
    if (!licence) byLicence.set(row.licence, (licence = licenceFacets(row.licence)))
    return {
      id: row.id,
      facets: facetValues(row, licence).map((list, facet) => (list.length > 1 ? [...new Set(list)] : list).map((value) => code(facet, value))),
      updatedAt: row.updatedAt,
      popularity: row.popularity,
      latestRelease: row.latestRelease,
      nameOrder,
    }
  })
  return { software, values, codes, places: new Map(software.map((each) => [each.id, each.nameOrder])) }
}

export interface ListingQuery {
  filters: CatalogueFilters
  /** The sort in effect (see effectiveSort). */
  sort: CatalogueSort
  page: number
  pageSize: number
  /** With text: the matched software, by place in the listing, and their relevance; the others are left out. */
  ranks?: ReadonlyMap<number, number> | undefined
  /** The software the agent's organisation uses: counted, and kept alone when `onlyUsed`. */
  used?: ReadonlySet<string> | undefined
  onlyUsed?: boolean | undefined
  withFacets: boolean
}

export interface ListingAnswer {
  /** The page's software, in order. */
  ids: string[]
  total: number
  facets?: FacetCounts
  /** With `used`: how many of the software the filters keep the organisation uses. */
  usedCount?: number
}

type Comparator = (a: ListedSoftware, b: ListedSoftware) => number

function comparator(sort: CatalogueSort, ranks: ReadonlyMap<number, number> | undefined): Comparator {
  const byName: Comparator = (a, b) => a.nameOrder - b.nameOrder
  switch (sort) {
    case 'name': return byName
    case 'relevance': return (a, b) => (ranks?.get(b.nameOrder) ?? 0) - (ranks?.get(a.nameOrder) ?? 0) || byName(a, b)
    case 'updated': return (a, b) => b.updatedAt - a.updatedAt || byName(a, b)
    case 'users': return (a, b) => b.popularity - a.popularity || byName(a, b)
    // Latest first, unknown last.
    case 'release': return (a, b) => (a.latestRelease === b.latestRelease ? byName(a, b) : a.latestRelease < b.latestRelease ? 1 : -1)
  }
}

const hasAny = (codes: readonly number[], mask: Uint8Array) => {
  for (const code of codes) if (mask[code]) return true
  return false
}

/**
 * One pass over the listing: each software is tested against every chosen facet. Kept by all of them,
 * it is in the result and counts for every facet; failing exactly one, it counts for that facet alone
 * (a facet's counts are those of the other facets' choices: choosing a value never hides the others).
 */
export function searchListing(listing: Listing, query: ListingQuery): ListingAnswer {
  const chosen = FACETS.flatMap((facet, f) => {
    const values = query.filters[facet]
    if (!values?.length) return []
    // A value the listing does not hold keeps nothing of its facet.
    const mask = new Uint8Array(listing.values[f]!.length)
    for (const value of values) {
      const code = listing.codes[f]!.get(value)
      if (code !== undefined) mask[code] = 1
    }
    return [{ f, mask }]
  })
  const counts = listing.values.map((values) => new Int32Array(values.length))
  const count = (software: ListedSoftware, f: number) => {
    const cells = counts[f]!
    for (const code of software.facets[f]!) cells[code]!++
  }
  const kept: ListedSoftware[] = []
  let usedCount = 0
  for (const software of listing.software) {
    if (query.ranks && !query.ranks.has(software.nameOrder)) continue
    const isUsed = query.used?.has(software.id) ?? false
    if (query.onlyUsed && !isUsed) continue
    let failed = -1
    let failures = 0
    for (const { f, mask } of chosen) {
      if (!hasAny(software.facets[f]!, mask)) {
        failed = f
        if (++failures > 1) break
      }
    }
    if (failures === 0) {
      kept.push(software)
      if (isUsed) usedCount++
      if (query.withFacets) for (let f = 0; f < FACETS.length; f++) count(software, f)
    } else if (failures === 1 && query.withFacets) count(software, failed)
  }
  // The listing is in name order: the default sort needs no sorting.
  if (query.sort !== 'name') kept.sort(comparator(query.sort, query.ranks))
  const start = (query.page - 1) * query.pageSize
  const answer: ListingAnswer = { ids: kept.slice(start, start + query.pageSize).map((software) => software.id), total: kept.length }
  if (query.used) answer.usedCount = usedCount
  if (query.withFacets) {
    answer.facets = Object.fromEntries(
      FACETS.map((facet, f) => {
        const values: FacetCount[] = []
        counts[f]!.forEach((n, code) => n > 0 && values.push({ value: listing.values[f]![code]!, count: n }))
        return [facet, orderFacetCounts(facet, values, query.filters[facet])]
      }),
    ) as FacetCounts
  }
  return answer
}
