import { isAuthorised, licenceFamily, type LicenceFamily } from '../licences/index.ts'

/**
 * The catalogue's filters, sorts and their URL form, shared by the page and the API so that one link
 * means the same search in both. Values of one facet are alternatives (OR), facets add up (AND). A
 * facet's counts are those of the other facets' filters, so that choosing a second value of a facet
 * never makes the first one's count lie.
 */
export const FACETS = ['status', 'category', 'licence', 'authorised', 'platform', 'os', 'market', 'referents', 'instance', 'year'] as const
export type FacetName = (typeof FACETS)[number]

export const LICENCE_FAMILIES = ['public-domain', 'permissive', 'weak-copyleft', 'copyleft', 'proprietary-or-unknown'] as const satisfies readonly LicenceFamily[]
export const PLATFORMS = ['web', 'desktop', 'mobile'] as const
export const OPERATING_SYSTEMS = ['windows', 'linux', 'macos', 'android', 'ios'] as const
export const STATUSES = ['recommended', 'observation', 'dereferenced'] as const
export const YES_NO = ['yes', 'no'] as const
export const SORTS = ['relevance', 'name', 'updated', 'users', 'release'] as const
export type CatalogueSort = (typeof SORTS)[number]

/** The values a facet takes: a closed list, or words and years read from the data. */
export const FACET_VALUES: Readonly<Record<FacetName, readonly string[] | 'text' | 'year'>> = {
  status: STATUSES,
  category: 'text',
  licence: LICENCE_FAMILIES,
  authorised: YES_NO,
  platform: PLATFORMS,
  os: OPERATING_SYSTEMS,
  market: YES_NO,
  referents: YES_NO,
  instance: YES_NO,
  year: 'year',
}

export const MAX_VALUE_LENGTH = 100
export const MAX_VALUES_PER_FACET = 20
export const FIRST_YEAR = 2000
export const LAST_YEAR = 2100

export type CatalogueFilters = Partial<Record<FacetName, string[]>>

export interface CatalogueQuery {
  q: string | undefined
  filters: CatalogueFilters
  /** Unset: relevance when there is text, name otherwise. */
  sort: CatalogueSort | undefined
  page: number
  /**
   * Only the software the signed-in agent's organisation uses (`usedBy=my-organisation`): each
   * agent's own organisation, so the page honours it for signed-in agents with one only.
   */
  usedByMyOrganisation?: boolean
}

export const USED_BY_PARAM = 'usedBy'
export const MY_ORGANISATION = 'my-organisation'

export interface QueryProblem {
  field: string
  message: string
}

/** Why a value is not one of the facet's, or undefined when it is. */
export function facetValueProblem(facet: FacetName, value: string): string | undefined {
  const allowed = FACET_VALUES[facet]
  if (allowed === 'text') return value.trim() && value.length <= MAX_VALUE_LENGTH ? undefined : `must be 1 to ${MAX_VALUE_LENGTH} characters`
  if (allowed === 'year') {
    const year = Number(value)
    return /^\d{4}$/.test(value) && year >= FIRST_YEAR && year <= LAST_YEAR ? undefined : `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`
  }
  return allowed.includes(value) ? undefined : `must be one of ${allowed.join(', ')}`
}

/** The sort in effect: the one asked for, else relevance for a text search and name otherwise. */
export function effectiveSort(query: Pick<CatalogueQuery, 'q' | 'sort'>): CatalogueSort {
  const sort = query.sort ?? (query.q ? 'relevance' : 'name')
  return sort === 'relevance' && !query.q ? 'name' : sort
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value])

/**
 * Reads a query string (as a parser gives it: a string, or an array for a repeated key) into a query,
 * listing what it had to leave out. Pages show the rest; the API refuses the request.
 */
export function readCatalogueQuery(params: Record<string, unknown>): { query: CatalogueQuery; problems: QueryProblem[] } {
  const problems: QueryProblem[] = []
  const single = (name: string): string | undefined => {
    const values = asList(params[name])
    if (values.length === 0) return undefined
    if (values.length > 1 || typeof values[0] !== 'string') {
      problems.push({ field: name, message: 'must be given once' })
      return undefined
    }
    return values[0]
  }

  const text = single('q')?.trim()
  if (text && text.length > 200) problems.push({ field: 'q', message: 'must be at most 200 characters' })
  const q = text && text.length <= 200 ? text : undefined

  const filters: CatalogueFilters = {}
  for (const facet of FACETS) {
    const values: string[] = []
    for (const value of asList(params[facet])) {
      const problem = typeof value === 'string' ? facetValueProblem(facet, value) : 'must be text'
      if (problem) problems.push({ field: facet, message: `${JSON.stringify(typeof value === 'string' ? value.slice(0, MAX_VALUE_LENGTH) : value)} ${problem}` })
      else if (!values.includes(value as string)) values.push(value as string)
    }
    if (values.length > MAX_VALUES_PER_FACET) problems.push({ field: facet, message: `at most ${MAX_VALUES_PER_FACET} values` })
    if (values.length > 0) filters[facet] = values.slice(0, MAX_VALUES_PER_FACET)
  }

  const sortText = single('sort')
  const sort = SORTS.find((s) => s === sortText)
  if (sortText !== undefined && !sort) problems.push({ field: 'sort', message: `must be one of ${SORTS.join(', ')}` })

  const pageText = single('page')
  const page = pageText === undefined ? 1 : Number(pageText)
  const pageOk = /^\d+$/.test(pageText ?? '1') && page >= 1 && page <= 10_000
  if (!pageOk) problems.push({ field: 'page', message: 'must be a whole number from 1 to 10000' })

  const usedBy = single(USED_BY_PARAM)
  if (usedBy !== undefined && usedBy !== MY_ORGANISATION) problems.push({ field: USED_BY_PARAM, message: `must be ${MY_ORGANISATION}` })

  return { query: { q, filters, sort, page: pageOk ? page : 1, ...(usedBy === MY_ORGANISATION ? { usedByMyOrganisation: true } : {}) }, problems }
}

/**
 * The query as URL parameters, in one canonical order (text, facets in FACETS order with their values
 * sorted, the organisation's filter, sort, page), so that one search has one address.
 */
export function catalogueParams(query: CatalogueQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  for (const facet of FACETS) for (const value of [...(query.filters[facet] ?? [])].sort()) params.append(facet, value)
  if (query.usedByMyOrganisation) params.set(USED_BY_PARAM, MY_ORGANISATION)
  if (query.sort) params.set('sort', query.sort)
  if (query.page > 1) params.set('page', String(query.page))
  return params
}

/** The same search with one facet value added or removed, back on the first page. */
export function toggleFilter(query: CatalogueQuery, facet: FacetName, value: string): CatalogueQuery {
  const current = query.filters[facet] ?? []
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
  const filters = { ...query.filters, [facet]: next }
  if (next.length === 0) delete filters[facet]
  return { ...query, filters, page: 1 }
}

/** Every chosen value, in display order: what the "remove filter" tags list. */
export function activeFilters(query: CatalogueQuery): { facet: FacetName; value: string }[] {
  return FACETS.flatMap((facet) => (query.filters[facet] ?? []).map((value) => ({ facet, value })))
}

export interface FacetCount {
  value: string
  count: number
}

export type FacetCounts = Record<FacetName, FacetCount[]>

/**
 * Counts in display order: closed lists in their own order, years from the latest, words by count
 * then name. A chosen value stays listed even at zero, so that it can be unchecked.
 */
export function orderFacetCounts(facet: FacetName, counts: FacetCount[], chosen: readonly string[] = []): FacetCount[] {
  const byValue = new Map(counts.map((c) => [c.value, c.count]))
  for (const value of chosen) if (!byValue.has(value)) byValue.set(value, 0)
  const allowed = FACET_VALUES[facet]
  const all = [...byValue].map(([value, count]) => ({ value, count }))
  if (allowed === 'year') return all.sort((a, b) => Number(b.value) - Number(a.value))
  if (allowed === 'text') return all.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fr'))
  return allowed.flatMap((value) => all.filter((c) => c.value === value))
}

/**
 * The licence facets of a licence expression: its family, and whether the law authorises it for the
 * software of public bodies. No licence is of unknown family and not authorised.
 */
export function licenceFacets(licence: string | null): { family: LicenceFamily; authorised: boolean } {
  return licence === null ? { family: 'proprietary-or-unknown', authorised: false } : { family: licenceFamily(licence), authorised: isAuthorised(licence).authorised }
}
