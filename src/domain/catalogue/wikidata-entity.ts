/**
 * What the catalogue reads of Wikidata's items, from the JSON of `wbgetentities` (an `entities` map
 * by id; each item's `labels` and `descriptions` by language, its `claims` by property: statements
 * with a `rank` and a `mainsnak` whose `datavalue.value` is a string, an item reference
 * `{ id: "Q…" }` or a time `{ time: "+2024-02-01T00:00:00Z" }`, and `qualifiers` of the same shape).
 * Pure: the adapter fetches, this reads.
 */
import { isObject } from '../registry/dependencies/model.ts'
import { webAddress } from '../../web/views/web-address.ts'

/** Properties read: logo image, official website, source code repository, licence, software version, developer, and a licence's SPDX id. */
export const PROPERTIES = { logo: 'P154', website: 'P856', repository: 'P1324', licence: 'P275', version: 'P348', developer: 'P178', spdx: 'P2479', publicationDate: 'P577' } as const

const QID = /^Q[1-9][0-9]{0,11}$/

/** `Q123`, `q123` or an item's address (`https://www.wikidata.org/wiki/Q123`) → `Q123`; null when it is none. */
export function parseQid(text: string): string | null {
  const candidate = text.trim().replace(/^https?:\/\/(www\.)?wikidata\.org\/(wiki|entity)\//i, '').toUpperCase()
  return QID.test(candidate) ? candidate : null
}

export type JsonObject = Record<string, unknown>

/** The `wbgetentities` answer read: the items found (redirected ids under the id asked for), and the ids that do not exist. */
export interface EntitiesAnswer {
  entities: Map<string, JsonObject>
  missing: string[]
}

export class WikidataAnswerError extends Error {
  constructor(
    message: string,
    /** The API's error code (`maxlag`, `no-such-entity`…), when it gave one. */
    readonly code: string | null = null,
    /** The id an error names (`no-such-entity` does). */
    readonly id: string | null = null,
  ) {
    super(message)
  }
}

/** The API's error object (`{ error: { code, info } }`, answered with HTTP 200), as an exception. */
export function apiError(json: unknown): WikidataAnswerError | null {
  if (!isObject(json) || !isObject(json.error)) return null
  const code = typeof json.error.code === 'string' ? json.error.code : null
  const info = typeof json.error.info === 'string' ? json.error.info : 'no details'
  const id = typeof json.error.id === 'string' ? json.error.id : null
  return new WikidataAnswerError(`Wikidata answered the error ${code ?? '(no code)'}: ${info}`, code, id)
}

export function readEntities(json: unknown): EntitiesAnswer {
  const error = apiError(json)
  if (error) throw error
  if (!isObject(json) || !isObject(json.entities)) throw new WikidataAnswerError('The answer of Wikidata has no "entities".')
  const entities = new Map<string, JsonObject>()
  const missing: string[] = []
  for (const [key, entity] of Object.entries(json.entities)) {
    if (!isObject(entity)) continue
    if ('missing' in entity) {
      missing.push(typeof entity.id === 'string' ? entity.id : key)
      continue
    }
    const id = typeof entity.id === 'string' ? entity.id : key
    entities.set(id, entity)
    // Asked for a merged item, Wikidata answers the item it was merged into, naming the redirect.
    if (isObject(entity.redirects) && typeof entity.redirects.from === 'string') entities.set(entity.redirects.from, entity)
  }
  return { entities, missing }
}

function text(map: unknown, language: string): string | null {
  if (!isObject(map)) return null
  const entry = map[language]
  return isObject(entry) && typeof entry.value === 'string' && entry.value.trim() ? entry.value.trim() : null
}

export function label(entity: JsonObject, language: 'fr' | 'en'): string | null {
  return text(entity.labels, language)
}

export function description(entity: JsonObject, language: 'fr' | 'en'): string | null {
  return text(entity.descriptions, language)
}

interface Statement {
  rank: string
  value: unknown
  qualifiers: JsonObject
}

/** A property's statements with a value, best rank first (preferred, then normal; deprecated ones dropped), in Wikidata's order within a rank. */
function statements(entity: JsonObject, property: string): Statement[] {
  const claims = isObject(entity.claims) ? entity.claims[property] : undefined
  if (!Array.isArray(claims)) return []
  const read: Statement[] = []
  for (const claim of claims) {
    if (!isObject(claim) || !isObject(claim.mainsnak) || claim.mainsnak.snaktype !== 'value' || !isObject(claim.mainsnak.datavalue)) continue
    const rank = typeof claim.rank === 'string' ? claim.rank : 'normal'
    if (rank === 'deprecated') continue
    read.push({ rank, value: claim.mainsnak.datavalue.value, qualifiers: isObject(claim.qualifiers) ? claim.qualifiers : {} })
  }
  return [...read.filter((s) => s.rank === 'preferred'), ...read.filter((s) => s.rank !== 'preferred')]
}

/** The statements of the best rank present only: several preferred statements, or else every normal one. */
function bestRanked(entity: JsonObject, property: string): Statement[] {
  const all = statements(entity, property)
  return all.filter((s) => s.rank === all[0]?.rank)
}

function stringValue(statement: Statement | undefined): string | null {
  return typeof statement?.value === 'string' && statement.value.trim() ? statement.value.trim() : null
}

function itemValue(statement: Statement): string | null {
  return isObject(statement.value) && typeof statement.value.id === 'string' ? statement.value.id : null
}

/** A time qualifier's day (`+2024-02-01T00:00:00Z` → `2024-02-01`; a month or year precision gives its first day). */
function qualifierDay(statement: Statement, property: string): string | null {
  const snaks = statement.qualifiers[property]
  if (!Array.isArray(snaks)) return null
  for (const snak of snaks) {
    const value = isObject(snak) && isObject(snak.datavalue) && isObject(snak.datavalue.value) ? snak.datavalue.value.time : undefined
    const match = typeof value === 'string' ? /^\+(\d{4})-(\d{2})-(\d{2})T/.exec(value) : null
    if (match) return `${match[1]}-${match[2] === '00' ? '01' : match[2]}-${match[3] === '00' ? '01' : match[3]}`
  }
  return null
}

/** A Commons file's address (P154 holds the file's name): Special:FilePath answers the file itself. */
export function commonsFileUrl(fileName: string): string {
  return `https://commons.wikimedia.org/wiki/Special:FilePath/${encodeURIComponent(fileName.trim().replaceAll(' ', '_'))}`
}

/** The latest version: among the best-ranked statements, the one published last (P577); without dates, the first. */
export function latestVersion(entity: JsonObject): { name: string; publishedOn: string | null } | null {
  const versions = bestRanked(entity, PROPERTIES.version)
    .map((s) => ({ name: stringValue(s), publishedOn: qualifierDay(s, PROPERTIES.publicationDate) }))
    .filter((v): v is { name: string; publishedOn: string | null } => v.name !== null)
  if (versions.length === 0) return null
  const dated = versions.filter((v) => v.publishedOn !== null).sort((a, b) => b.publishedOn!.localeCompare(a.publishedOn!))
  return dated[0] ?? versions[0]!
}

/** What a software item says, before its licence and developer items are read. */
export interface WikidataSoftwareItem {
  id: string
  labels: { fr: string | null; en: string | null }
  descriptions: { fr: string | null; en: string | null }
  logoUrl: string | null
  website: string | null
  repositoryUrl: string | null
  /** The best-ranked licence items: one is a licence, several a choice or a mix that only a person can write as an expression. */
  licenceItems: string[]
  latestVersion: { name: string; publishedOn: string | null } | null
  developerItems: string[]
}

export function softwareItem(id: string, entity: JsonObject): WikidataSoftwareItem {
  const logo = stringValue(bestRanked(entity, PROPERTIES.logo)[0])
  const firstAddress = (property: string) => bestRanked(entity, property).map((s) => webAddress(stringValue(s))).find((url) => url !== undefined) ?? null
  const items = (property: string) => [...new Set(bestRanked(entity, property).map(itemValue).filter((q): q is string => q !== null))]
  return {
    id,
    labels: { fr: label(entity, 'fr'), en: label(entity, 'en') },
    descriptions: { fr: description(entity, 'fr'), en: description(entity, 'en') },
    logoUrl: logo ? commonsFileUrl(logo) : null,
    website: firstAddress(PROPERTIES.website),
    repositoryUrl: firstAddress(PROPERTIES.repository),
    licenceItems: items(PROPERTIES.licence),
    latestVersion: latestVersion(entity),
    developerItems: items(PROPERTIES.developer),
  }
}

/** A licence item's SPDX id (P2479), best-ranked first. */
export function spdxId(entity: JsonObject): string | null {
  return stringValue(bestRanked(entity, PROPERTIES.spdx)[0])
}

/** A software as the catalogue stores it from Wikidata. */
export interface WikidataSoftware extends WikidataSoftwareItem {
  /** The SPDX id of its licence, when Wikidata states exactly one licence and that licence has one. */
  licence: string | null
  /** Its developers' names (French label, else English, else the item's id). */
  developers: string[]
}

/** The software item completed with what its licence and developer items say. */
export function resolveSoftware(item: WikidataSoftwareItem, related: ReadonlyMap<string, JsonObject>): WikidataSoftware {
  const licenceItem = item.licenceItems.length === 1 ? related.get(item.licenceItems[0]!) : undefined
  return {
    ...item,
    licence: licenceItem ? spdxId(licenceItem) : null,
    developers: item.developerItems.map((q) => {
      const entity = related.get(q)
      return (entity && (label(entity, 'fr') ?? label(entity, 'en'))) ?? q
    }),
  }
}

/** One answer of `wbsearchentities`, for the add-software form's suggestions. */
export interface WikidataSuggestion {
  id: string
  label: string
  description: string | null
  url: string
}

export function readSearch(json: unknown): WikidataSuggestion[] {
  const error = apiError(json)
  if (error) throw error
  if (!isObject(json) || !Array.isArray(json.search)) throw new WikidataAnswerError('The answer of Wikidata has no "search" list.')
  return json.search.flatMap((hit) => {
    if (!isObject(hit) || typeof hit.id !== 'string' || !QID.test(hit.id)) return []
    const name = typeof hit.label === 'string' && hit.label.trim() ? hit.label.trim() : isObject(hit.match) && typeof hit.match.text === 'string' ? hit.match.text : hit.id
    return [{ id: hit.id, label: name, description: typeof hit.description === 'string' && hit.description.trim() ? hit.description.trim() : null, url: `https://www.wikidata.org/wiki/${hit.id}` }]
  })
}
