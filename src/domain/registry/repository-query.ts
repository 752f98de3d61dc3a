import { complianceBands, type ComplianceBand } from './derived.ts'

/**
 * The repository search, as a user asks it: words, facet filters, a sort. The web page and the API read
 * it from the same query string: the page leniently (an unreadable value is dropped), the API strictly
 * (any unreadable value is a 400 naming it). User words are never parsed as search syntax here: the
 * database adapter hands them to websearch_to_tsquery, which cannot fail.
 */
export const repositorySorts = ['relevance', 'reuse', 'stars', 'forks', 'pushed', 'created', 'name'] as const
export type RepositorySort = (typeof repositorySorts)[number]

export const forgeKinds = ['github', 'gitlab', 'gitea', 'git'] as const
export const publiccodeStates = ['valid', 'invalid', 'absent'] as const
export type PubliccodeState = (typeof publiccodeStates)[number]
export const activityWindows = ['30', '365'] as const
export type ActivityWindow = (typeof activityWindows)[number]
export const yesNo = ['yes', 'no'] as const
export type YesNo = (typeof yesNo)[number]

export interface RepositoryFilters {
  q?: string
  organisation?: string[]
  ministry?: string[]
  kind?: string[]
  forge?: string[]
  language?: string[]
  licence?: string[]
  authorised?: YesNo
  publiccode?: PubliccodeState[]
  compliance?: ComplianceBand[]
  archived?: YesNo
  fork?: YesNo
  template?: YesNo
  activity?: ActivityWindow
}

export interface RepositoryQuery extends RepositoryFilters {
  sort: RepositorySort
}

/** Facets, in the order a page shows them; each is a filter of the same name. */
export const repositoryFacets = ['ministry', 'organisation', 'kind', 'forge', 'language', 'licence', 'authorised', 'publiccode', 'compliance', 'activity', 'archived', 'fork', 'template'] as const
export type RepositoryFacet = (typeof repositoryFacets)[number]

export interface QueryProblem {
  field: string
  message: string
}

const MAX_VALUES = 20
const MAX_TEXT = 200

type Raw = Record<string, unknown>

const listFacets = ['organisation', 'ministry', 'kind', 'language', 'licence'] as const
const enumListFacets = { forge: forgeKinds, publiccode: publiccodeStates, compliance: complianceBands } as const
const enumFacets = { authorised: yesNo, archived: yesNo, fork: yesNo, template: yesNo, activity: activityWindows } as const

/** The query a query string asks for, and what was wrong with it. Unknown parameters are ignored. */
export function parseRepositoryQuery(raw: Raw): { query: RepositoryQuery; problems: QueryProblem[] } {
  const problems: QueryProblem[] = []
  const filters: RepositoryFilters = {}
  const q = single(raw, 'q', problems)
  if (q !== undefined && q.trim()) {
    if (q.length > MAX_TEXT) problems.push({ field: 'q', message: `at most ${MAX_TEXT} characters` })
    filters.q = q.trim().slice(0, MAX_TEXT)
  }
  for (const facet of listFacets) {
    const values = list(raw, facet, problems).filter((value) => value.length <= MAX_TEXT)
    if (values.length > 0) filters[facet] = values
  }
  for (const [facet, allowed] of Object.entries(enumListFacets) as [keyof typeof enumListFacets, readonly string[]][]) {
    const values = list(raw, facet, problems)
    const known = values.filter((value) => allowed.includes(value))
    if (known.length < values.length) problems.push({ field: facet, message: `one of ${allowed.join(', ')}` })
    if (known.length > 0) (filters as Record<string, string[]>)[facet] = known
  }
  for (const [facet, allowed] of Object.entries(enumFacets) as [keyof typeof enumFacets, readonly string[]][]) {
    const value = single(raw, facet, problems)
    if (value === undefined || value === '') continue
    if (allowed.includes(value)) (filters as Record<string, string>)[facet] = value
    else problems.push({ field: facet, message: `one of ${allowed.join(', ')}` })
  }
  const sortText = single(raw, 'sort', problems)
  let sort: RepositorySort = filters.q ? 'relevance' : 'reuse'
  if (sortText) {
    if ((repositorySorts as readonly string[]).includes(sortText) && (sortText !== 'relevance' || filters.q)) sort = sortText as RepositorySort
    else problems.push({ field: 'sort', message: `one of ${repositorySorts.join(', ')} (relevance needs q)` })
  }
  return { query: { ...filters, sort }, problems }
}

/** The query string of a query: the stable, shareable address of a search (defaults left out). */
export function repositoryQueryParams(query: RepositoryQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  for (const facet of repositoryFacets) {
    const value = query[facet]
    if (Array.isArray(value)) for (const item of value) params.append(facet, item)
    else if (value) params.set(facet, value)
  }
  if (query.sort !== (query.q ? 'relevance' : 'reuse')) params.set('sort', query.sort)
  return params
}

/** The same query with one facet value added or removed: the links of a facet list. */
export function toggleFilter(query: RepositoryQuery, facet: RepositoryFacet, value: string): RepositoryQuery {
  const current = query[facet]
  if (Array.isArray(current) || (listFacets as readonly string[]).includes(facet) || Object.hasOwn(enumListFacets, facet)) {
    const values = (current as string[] | undefined) ?? []
    const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value]
    return { ...query, [facet]: next.length > 0 ? next : undefined }
  }
  return { ...query, [facet]: current === value ? undefined : value }
}

function single(raw: Raw, field: string, problems: QueryProblem[]): string | undefined {
  const value = raw[field]
  if (value === undefined) return undefined
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') {
    problems.push({ field, message: 'given more than once' })
    return value[0]
  }
  problems.push({ field, message: 'not a text' })
  return undefined
}

function list(raw: Raw, field: string, problems: QueryProblem[]): string[] {
  const value = raw[field]
  if (value === undefined) return []
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '')
  if (values.length > MAX_VALUES) problems.push({ field, message: `at most ${MAX_VALUES} values` })
  return [...new Set(values)].slice(0, MAX_VALUES)
}
