import { TextIndex, type TsQuery } from '../shared/text-index.ts'
import { complianceBandRanges, complianceBands } from './derived.ts'
import { activityWindows, type RepositoryFacet, repositoryFacets, type RepositoryFilters } from './repository-query.ts'

/**
 * The registry's listed repositories as each web process keeps them: facet values as small codes,
 * the sort keys a search by relevance needs, and the words the database stored (tsvectors), so that
 * the facets of any list and the matches of common words are counted, tiered, ranked and paged here,
 * exactly as the database's statements would (RepositoryStore holds both and tests that they agree).
 */

/** A listed repository as the database hands it over (repository_listing, migrations 0016 and 0018). */
export interface ListedRepositoryRow {
  id: string
  organisationId: string | null
  sourceId: string | null
  forge: string
  language: string | null
  licence: string | null
  authorised: boolean | null
  publiccode: boolean | null
  compliance: number | null
  /** Milliseconds since the epoch. */
  pushedAt: number | null
  archived: boolean
  fork: boolean
  template: boolean
  reuse: number
  namePlain: string
  /** The tsvectors, as text, of all the listed words, of the name's, of the topics'. */
  words: string
  nameWords: string
  topicWords: string
}

export interface ListedBody {
  id: string
  slug: string
  name: string
  kind: string
  parentId: string | null
}

/** Which repositories a list covers, besides the user's filters: a body's page, an account's page. */
export type RepositoryScope = { organisationIds: readonly string[] } | { sourceId: string }

export interface FacetValue {
  value: string
  label: string | null
  count: number
}

export type RepositoryFacets = Record<RepositoryFacet, FacetValue[]>

/** Values listed at most per facet, the most frequent first. */
export const FACET_VALUES = 30

/** The tiers of a match, best first (see RegistryListing.byRelevance). */
export const matchTiers = { exactName: 5, name: 4, topics: 3, description: 2, closeName: 1, readme: 0 } as const

/** Matches of a search by relevance whose rank is computed, at most (see byRelevance). */
export const RANKED_MATCHES = 200

const DAY = 86_400_000

/** Strings as small integer codes, in order of first sight. */
class Codes {
  readonly values: string[] = []
  private readonly codes = new Map<string, number>()

  code(value: string | null): number {
    if (value === null) return -1
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.codes.set(value, code)
      this.values.push(value)
    }
    return code
  }

  /** A flag per code: whether its value is one of these. */
  flags(values: readonly string[]): Uint8Array {
    const flags = new Uint8Array(this.values.length)
    for (const value of values) {
      const code = this.codes.get(value)
      if (code !== undefined) flags[code] = 1
    }
    return flags
  }
}

/** The words of a search, as the database read them: its tsquery, and a flag per repository it matches. */
export interface TextMatch {
  tree: TsQuery
  matched: Uint8Array
  count: number
  /**
   * The matches a search found beyond the listed text, when that finds little (see widen): each
   * one's tier (a name close to the words, or the README) and its rank among the ranked matches.
   */
  widened?: ReadonlyMap<number, { tier: number; rank: number }>
}

/** A match found beyond the listed text, as the database read it (see RegistryListing.widen). */
export interface WidenedMatch {
  id: string
  tier: typeof matchTiers.closeName | typeof matchTiers.readme
  /** Its key among the ranked matches: a close name's similarity, 0 for a README. */
  rank: number
}

/** One facet's values, by code, and their labels. */
interface FacetValues {
  values: readonly string[]
  labels?: readonly string[]
}

/** A typed array of a value per item (`from` with a mapping function is several times slower). */
function column<A extends Int32Array | Uint8Array | Float64Array>(array: A, items: ArrayLike<unknown>, value: (i: number) => number): A {
  for (let i = 0; i < items.length; i++) array[i] = value(i)
  return array
}

const yesNo = ['yes', 'no'] as const
const publiccodeStates = ['absent', 'valid', 'invalid'] as const

export class RegistryListing {
  readonly size: number
  private readonly ids: string[]
  private readonly body: Int32Array
  private readonly source: Int32Array
  private readonly sources = new Codes()
  private readonly forges = new Codes()
  private readonly languages = new Codes()
  private readonly licences = new Codes()
  /** NaN when unknown. */
  private readonly compliance: Float64Array
  private readonly pushedAt: Float64Array
  private readonly reuse: Float64Array
  private readonly namePlain: string[]
  private readonly words: TextIndex
  private readonly nameWords: TextIndex
  private readonly topicWords: TextIndex
  private readonly bodies: ListedBody[]
  private readonly bodyKind: Int32Array
  private readonly kinds = new Codes()
  /** Each body's ministry: the top of its tree. */
  private readonly bodyRoot: Int32Array
  private readonly children: number[][]
  private readonly rowOf: Map<string, number>
  /** Each repository's place among all in the order of their ids. */
  private readonly idRank: Int32Array
  private readonly byIdRank: Int32Array
  /**
   * Each facet's value code of each repository (-1: none), but activity's, which moves with time:
   * yes/no facets are 0 for yes (true), 1 for no (false or unknown); publiccode an index of publiccodeStates.
   */
  private readonly codes: Record<Exclude<RepositoryFacet, 'activity'>, Int32Array>
  private readonly values: Record<RepositoryFacet, FacetValues>

  constructor(rows: readonly ListedRepositoryRow[], bodies: readonly ListedBody[]) {
    this.bodies = [...bodies]
    const place = new Map(bodies.map((body, i) => [body.id, i]))
    this.bodyKind = Int32Array.from(bodies, (body) => this.kinds.code(body.kind))
    this.children = bodies.map(() => [])
    bodies.forEach((body, i) => {
      const parent = body.parentId === null ? undefined : place.get(body.parentId)
      if (parent !== undefined) this.children[parent]!.push(i)
    })
    this.bodyRoot = new Int32Array(bodies.length).fill(-1)
    const descend = (i: number, root: number) => {
      if (this.bodyRoot[i] !== -1) return
      this.bodyRoot[i] = root
      for (const child of this.children[i]!) descend(child, root)
    }
    bodies.forEach((body, i) => body.parentId === null && descend(i, i))

    this.size = rows.length
    this.ids = rows.map((row) => row.id)
    this.rowOf = new Map(this.ids.map((id, row) => [id, row]))
    const of = <A extends Int32Array | Uint8Array | Float64Array>(array: new (size: number) => A, value: (row: ListedRepositoryRow) => number) => column(new array(rows.length), rows, (i) => value(rows[i]!))
    this.body = of(Int32Array, (row) => (row.organisationId === null ? -1 : (place.get(row.organisationId) ?? -1)))
    this.source = of(Int32Array, (row) => this.sources.code(row.sourceId))
    this.compliance = of(Float64Array, (row) => row.compliance ?? Number.NaN)
    this.pushedAt = of(Float64Array, (row) => row.pushedAt ?? Number.NaN)
    this.reuse = of(Float64Array, (row) => row.reuse)
    this.namePlain = rows.map((row) => row.namePlain)
    this.words = new TextIndex(rows.map((row) => row.words))
    this.nameWords = new TextIndex(rows.map((row) => row.nameWords))
    this.topicWords = new TextIndex(rows.map((row) => row.topicWords))
    // uuids compared as PostgreSQL does, byte by byte: as their lower-case text. Rows given in that
    // order (as the database can hand them) are not sorted again.
    this.byIdRank = column(new Int32Array(this.size), this.ids, (i) => i)
    if (this.ids.some((id, i) => i > 0 && this.ids[i - 1]! > id)) this.byIdRank.sort((a, b) => (this.ids[a]! < this.ids[b]! ? -1 : this.ids[a]! > this.ids[b]! ? 1 : 0))
    this.idRank = new Int32Array(this.size)
    this.byIdRank.forEach((row, rank) => (this.idRank[row] = rank))

    const ofBody = (code: (body: number) => number) => column(new Int32Array(this.size), this.body, (row) => (this.body[row]! < 0 ? -1 : code(this.body[row]!)))
    const bands = complianceBands.map((band) => complianceBandRanges[band][0])
    this.codes = {
      ministry: ofBody((body) => this.bodyRoot[body]!),
      organisation: ofBody((body) => body),
      kind: ofBody((body) => this.bodyKind[body]!),
      forge: of(Int32Array, (row) => this.forges.code(row.forge)),
      language: of(Int32Array, (row) => this.languages.code(row.language)),
      licence: of(Int32Array, (row) => this.licences.code(row.licence)),
      authorised: of(Int32Array, (row) => (row.authorised === true ? 0 : 1)),
      publiccode: of(Int32Array, (row) => (row.publiccode === null ? 0 : row.publiccode ? 1 : 2)),
      compliance: column(new Int32Array(this.size), this.compliance, (row) => band(this.compliance[row]!, bands)),
      archived: of(Int32Array, (row) => (row.archived ? 0 : 1)),
      fork: of(Int32Array, (row) => (row.fork ? 0 : 1)),
      template: of(Int32Array, (row) => (row.template ? 0 : 1)),
    }
    const bodyNames = { values: this.bodies.map((body) => body.slug), labels: this.bodies.map((body) => body.name) }
    this.values = {
      ministry: bodyNames,
      organisation: bodyNames,
      kind: { values: this.kinds.values },
      forge: { values: this.forges.values },
      language: { values: this.languages.values },
      licence: { values: this.licences.values },
      authorised: { values: yesNo },
      publiccode: { values: publiccodeStates },
      compliance: { values: complianceBands },
      activity: { values: activityWindows },
      archived: { values: yesNo },
      fork: { values: yesNo },
      template: { values: yesNo },
    }
  }

  /** The repositories a search's words match in their listed text (name, description, topics), as `@@` does. */
  match(tree: TsQuery): TextMatch {
    const matched = this.words.matching(tree)
    let count = 0
    for (let row = 0; row < this.size; row++) count += matched[row]!
    return { tree, matched, count }
  }

  /** The same match with the matches the database found beyond the listed text (see WidenedMatch). */
  widen(match: TextMatch, found: readonly WidenedMatch[]): TextMatch {
    const matched = match.matched.slice()
    const widened = new Map<number, { tier: number; rank: number }>()
    for (const { id, tier, rank } of found) {
      const row = this.rowOf.get(id)
      if (row === undefined || matched[row] === 1) continue
      matched[row] = 1
      widened.set(row, { tier, rank })
    }
    return { tree: match.tree, matched, count: match.count + widened.size, widened }
  }

  /**
   * How many repositories each facet value would give among those matched (all without words) in the
   * scope: each facet counted under the other facets' filters, so that choosing a language does not
   * hide the other languages. Each facet's FACET_VALUES most frequent values.
   */
  facets(filters: RepositoryFilters, now: Date, scope: RepositoryScope | undefined, match?: TextMatch): RepositoryFacets {
    const tests = this.filterTests(filters, now)
    const selected = Object.keys(tests) as RepositoryFacet[]
    const checks = selected.map((facet) => tests[facet]!)
    const failing = selected.map((facet) => repositoryFacets.indexOf(facet))
    const activity = activityWindows.map((days) => now.getTime() - Number(days) * DAY)
    const activityCodes = new Int32Array(this.size)
    for (let row = 0; row < this.size; row++) activityCodes[row] = band(this.pushedAt[row]!, activity)
    const columns = repositoryFacets.map((facet) => (facet === 'activity' ? activityCodes : this.codes[facet]))
    const counts = repositoryFacets.map((facet) => new Int32Array(this.values[facet].values.length))
    const inScope = this.scopeTest(scope)
    for (let row = 0; row < this.size; row++) {
      if ((match && match.matched[row] === 0) || !inScope(row)) continue
      // A row failing one filter counts for that facet alone; failing two, for none.
      let failed = -1
      let fails = 0
      for (let j = 0; j < checks.length && fails < 2; j++) {
        if (!checks[j]!(row)) {
          fails++
          failed = failing[j]!
        }
      }
      if (fails > 1) continue
      if (fails === 1) {
        const code = columns[failed]![row]!
        if (code >= 0) counts[failed]![code]!++
        continue
      }
      for (let f = 0; f < columns.length; f++) {
        const code = columns[f]![row]!
        if (code >= 0) counts[f]![code]!++
      }
    }
    const values = {} as RepositoryFacets
    repositoryFacets.forEach((facet, f) => {
      const { values: names, labels } = this.values[facet]
      const found: FacetValue[] = []
      counts[f]!.forEach((count, code) => count > 0 && found.push({ value: names[code]!, label: labels?.[code] ?? null, count }))
      values[facet] = found.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES)
    })
    return values
  }

  /**
   * One window of the matches of a search by relevance, and their total. Every match gets a tier (its
   * name is the words; the words are in its name; in its topics; elsewhere in its text); the
   * RANKED_MATCHES best by tier — the most reusable first within a tier — are ranked by ts_rank (plus
   * one for the exact name) and come first in that order; the other matches follow, by tier and reuse
   * score. An exact name thus always leads, then names, then topics, then descriptions.
   * `plain` is the words unaccented and lower-cased, as names are kept. Ties go to the greater id.
   */
  byRelevance(match: TextMatch, plain: string, filters: RepositoryFilters, now: Date, scope: RepositoryScope | undefined, window: { offset: number; limit: number }): { ids: string[]; total: number } {
    const tests = Object.values(this.filterTests(filters, now))
    const inScope = this.scopeTest(scope)
    const kept = tests.length === 0 ? inScope : (row: number) => inScope(row) && tests.every((test) => test(row))
    const inName = this.nameWords.matching(match.tree)
    const inTopics = this.topicWords.matching(match.tree)
    // Each match's order by tier, reuse score and id, as one number: the tier (3 bits), the score
    // (a smallint, 16 bits) and the place by id (32 bits) fit the 53 bits of a double exactly.
    const keys = new Float64Array(match.count)
    let total = 0
    for (let row = 0; row < this.size; row++) {
      if (match.matched[row] === 0 || !kept(row)) continue
      const tier = match.widened?.get(row)?.tier ?? (this.namePlain[row] === plain ? matchTiers.exactName : inName[row] ? matchTiers.name : inTopics[row] ? matchTiers.topics : matchTiers.description)
      keys[total++] = (tier * 65_536 + this.reuse[row]! + 32_768) * 2 ** 32 + this.idRank[row]!
    }
    const sorted = keys.subarray(0, total).sort().reverse()
    const rowOf = (key: number) => this.byIdRank[key % 2 ** 32]!
    const rows = Array.from(sorted.subarray(0, Math.max(RANKED_MATCHES, window.offset + window.limit + 1)), rowOf)
    if (window.offset < RANKED_MATCHES) {
      const ranks = this.words.ranks(match.tree)
      const tierKey = new Map(rows.slice(0, RANKED_MATCHES).map((row, i) => [row, sorted[i]!]))
      // ts_rank is single precision; the exact name's one is added in double, as the SQL's sum is.
      const key = (row: number) => match.widened?.get(row)?.rank ?? ranks[row]! + (this.namePlain[row] === plain ? 1 : 0)
      const ranked = rows.slice(0, RANKED_MATCHES).sort((a, b) => key(b) - key(a) || tierKey.get(b)! - tierKey.get(a)!)
      rows.splice(0, ranked.length, ...ranked)
    }
    return { ids: rows.slice(window.offset, window.offset + window.limit + 1).map((row) => this.ids[row]!), total }
  }

  private scopeTest(scope: RepositoryScope | undefined): (row: number) => boolean {
    if (!scope) return () => true
    if ('sourceId' in scope) {
      const wanted = this.sources.flags([scope.sourceId])
      return (row) => this.source[row]! >= 0 && wanted[this.source[row]!] === 1
    }
    const wanted = this.bodyFlags(new Set(scope.organisationIds), (body) => body.id)
    return (row) => this.body[row]! >= 0 && wanted[this.body[row]!] === 1
  }

  private bodyFlags(wanted: ReadonlySet<string>, of: (body: ListedBody) => string): Uint8Array {
    return Uint8Array.from(this.bodies, (body) => (wanted.has(of(body)) ? 1 : 0))
  }

  /** The test of each facet the filters set, as RepositoryStore's SQL conditions are. */
  private filterTests(filters: RepositoryFilters, now: Date): Partial<Record<RepositoryFacet, (row: number) => boolean>> {
    const tests: Partial<Record<RepositoryFacet, (row: number) => boolean>> = {}
    const ofBody = (facet: RepositoryFacet, flags: Uint8Array) => {
      tests[facet] = (row) => this.body[row]! >= 0 && flags[this.body[row]!] === 1
    }
    const anyOf = (facet: 'forge' | 'language' | 'licence', codes: Codes, values: readonly string[] | undefined) => {
      if (!values || values.length === 0) return
      const flags = codes.flags(values)
      const column = this.codes[facet]
      tests[facet] = (row) => column[row]! >= 0 && flags[column[row]!] === 1
    }
    const yes = (facet: 'authorised' | 'archived' | 'fork' | 'template', value: 'yes' | 'no' | undefined) => {
      const column = this.codes[facet]
      if (value) tests[facet] = (row) => column[row] === (value === 'yes' ? 0 : 1)
    }
    if (filters.ministry && filters.ministry.length > 0) {
      // The bodies named and everything under them.
      const flags = this.bodyFlags(new Set(filters.ministry), (body) => body.slug)
      const under = [...flags.keys()].filter((i) => flags[i] === 1)
      for (let i = under.pop(); i !== undefined; i = under.pop()) {
        for (const child of this.children[i]!) {
          if (flags[child] === 1) continue
          flags[child] = 1
          under.push(child)
        }
      }
      ofBody('ministry', flags)
    }
    if (filters.organisation && filters.organisation.length > 0) ofBody('organisation', this.bodyFlags(new Set(filters.organisation), (body) => body.slug))
    if (filters.kind && filters.kind.length > 0) ofBody('kind', this.bodyFlags(new Set(filters.kind), (body) => body.kind))
    anyOf('forge', this.forges, filters.forge)
    anyOf('language', this.languages, filters.language)
    anyOf('licence', this.licences, filters.licence)
    yes('authorised', filters.authorised)
    if (filters.publiccode && filters.publiccode.length > 0) {
      const states = new Set(filters.publiccode)
      tests.publiccode = (row) => states.has(publiccodeStates[this.codes.publiccode[row]!]!)
    }
    if (filters.compliance && filters.compliance.length > 0) {
      const ranges = filters.compliance.map((band) => complianceBandRanges[band])
      tests.compliance = (row) => ranges.some(([low, high]) => this.compliance[row]! >= low && this.compliance[row]! <= high)
    }
    if (filters.activity) {
      const since = now.getTime() - Number(filters.activity) * DAY
      tests.activity = (row) => this.pushedAt[row]! >= since
    }
    yes('archived', filters.archived)
    yes('fork', filters.fork)
    yes('template', filters.template)
    return tests
  }
}

/** A value's band among bounds, highest first: the number of bounds it does not reach (-1: none, or unknown). */
function band(value: number, bounds: readonly number[]): number {
  if (Number.isNaN(value)) return -1
  let reached = 0
  for (const bound of bounds) if (value >= bound) reached++
  return reached === 0 ? -1 : bounds.length - reached
}
