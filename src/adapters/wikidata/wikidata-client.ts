import {
  apiError,
  type JsonObject,
  readEntities,
  readSearch,
  resolveSoftware,
  softwareItem,
  type WikidataSoftware,
  type WikidataSoftwareItem,
  type WikidataSuggestion,
} from '../../domain/catalogue/wikidata-entity.ts'
import { version } from '../../version.ts'
import { ForgeHttp } from '../forges/forge-http.ts'

/** wbgetentities takes 50 ids a request at most (for clients without the bot right). */
export const BATCH_SIZE = 50

export interface WikidataClientOptions {
  /** Wikidata's address (`https://www.wikidata.org`); tests point it at a local server. */
  baseUrl?: string
  /** Requests started per second, at most: Wikimedia asks API clients to go slowly and one at a time. */
  requestsPerSecond?: number
  timeoutMs?: number
  /** Attempts after a server error, a timeout or invalid JSON. */
  retries?: number
  backoffMs?: number
  /** Longest Retry-After (429, or a maxlag answer) waited for before the request fails. */
  maxWaitMs?: number
  /** The `maxlag` sent: when replication lags more than this, Wikidata asks us to come back later. */
  maxlagSeconds?: number
  /** Where Wikimedia can reach whoever runs this Socle (its User-Agent policy asks for one). */
  contact?: string
}

export class WikidataError extends Error {}

/** What one pass over a list of ids brought back. */
export interface WikidataFetch {
  software: Map<string, WikidataSoftware>
  /** Ids Wikidata has no item for. */
  missing: string[]
  /** Batches that failed, their ids and why: their software keep what they had. */
  failures: { ids: string[]; error: string }[]
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))
}

/**
 * Wikidata's action API: items by id (`wbgetentities`, fifty a request, the licence and developer
 * items they name read in the same way) and the search of items by words (`wbsearchentities`).
 * Requests go one at a time, no faster than the configured rate, with `maxlag`; a 429's or a maxlag
 * answer's Retry-After is waited for; server errors, timeouts and invalid JSON are retried, then
 * reported. Never contacted by the tests: they point `baseUrl` at a local server.
 */
export class WikidataClient {
  readonly #baseUrl: string
  readonly #http: ForgeHttp
  readonly #interval: number
  readonly #maxlag: number
  readonly #maxWaitMs: number
  readonly #retries: number
  #nextSlot = 0

  constructor(options: WikidataClientOptions = {}) {
    this.#baseUrl = (options.baseUrl ?? 'https://www.wikidata.org').replace(/\/+$/, '')
    this.#interval = 1000 / Math.max(0.01, options.requestsPerSecond ?? 2)
    this.#maxlag = options.maxlagSeconds ?? 5
    this.#maxWaitMs = options.maxWaitMs ?? 5 * 60_000
    this.#retries = options.retries ?? 3
    this.#http = new ForgeHttp({
      concurrency: 1,
      timeoutMs: options.timeoutMs ?? 30_000,
      retries: this.#retries,
      backoffMs: options.backoffMs ?? 1000,
      maxWaitMs: this.#maxWaitMs,
      userAgent: `Socle/${version} (free software catalogue enrichment${options.contact ? `; ${options.contact}` : ''})`,
    })
  }

  /** The address of an item's page. */
  itemUrl(id: string): string {
    return `${this.#baseUrl}/wiki/${encodeURIComponent(id)}`
  }

  /** Items that match words, in the locale's language first: the add-software form's suggestions. */
  async searchSoftware(text: string, locale: 'fr' | 'en', limit = 10): Promise<WikidataSuggestion[]> {
    const search = text.trim().slice(0, 200)
    if (!search) return []
    const json = await this.#api({ action: 'wbsearchentities', search, language: locale, uselang: locale, type: 'item', limit: String(Math.min(50, Math.max(1, limit))) })
    return readSearch(json).map((suggestion) => ({ ...suggestion, url: this.itemUrl(suggestion.id) }))
  }

  /** The software items of these ids, with their licence's SPDX id and their developers' names. */
  async fetchSoftware(ids: readonly string[]): Promise<WikidataFetch> {
    const result: WikidataFetch = { software: new Map(), missing: [], failures: [] }
    for (const batch of chunks([...new Set(ids)], BATCH_SIZE)) {
      try {
        const { entities, missing } = await this.#entities(batch, 'labels|descriptions|claims')
        result.missing.push(...missing)
        const items = batch.flatMap((id): WikidataSoftwareItem[] => {
          const entity = entities.get(id)
          return entity ? [softwareItem(id, entity)] : []
        })
        // The licences' SPDX ids are claims of the licence items; the developers' names are labels.
        const licences = [...new Set(items.flatMap((item) => (item.licenceItems.length === 1 ? item.licenceItems : [])))]
        const developers = [...new Set(items.flatMap((item) => item.developerItems))]
        const related = new Map<string, JsonObject>([...(await this.#allEntities(licences, 'claims')), ...(await this.#allEntities(developers, 'labels'))])
        for (const item of items) result.software.set(item.id, resolveSoftware(item, related))
      } catch (error) {
        result.failures.push({ ids: batch, error: error instanceof Error ? error.message : String(error) })
      }
    }
    return result
  }

  async #allEntities(ids: string[], props: string): Promise<Map<string, JsonObject>> {
    const all = new Map<string, JsonObject>()
    for (const batch of chunks(ids, BATCH_SIZE)) for (const [id, entity] of (await this.#entities(batch, props)).entities) all.set(id, entity)
    return all
  }

  /**
   * One `wbgetentities` request. An id Wikidata cannot resolve at all makes it answer `no-such-entity`
   * for the whole request: that id is set aside as missing and the others asked again.
   */
  async #entities(ids: string[], props: string): Promise<{ entities: Map<string, JsonObject>; missing: string[] }> {
    const missing: string[] = []
    let asked = ids
    while (asked.length > 0) {
      const json = await this.#api({ action: 'wbgetentities', ids: asked.join('|'), props, languages: 'fr|en' })
      const error = apiError(json)
      if (error?.code === 'no-such-entity' && error.id && asked.includes(error.id)) {
        missing.push(error.id)
        asked = asked.filter((id) => id !== error.id)
        continue
      }
      const answer = readEntities(json)
      return { entities: answer.entities, missing: [...missing, ...answer.missing] }
    }
    return { entities: new Map(), missing }
  }

  /** One API request at the configured pace; a maxlag answer is waited out (its Retry-After) and asked again. */
  async #api(parameters: Record<string, string>): Promise<unknown> {
    const url = `${this.#baseUrl}/w/api.php?${new URLSearchParams({ ...parameters, format: 'json', maxlag: String(this.#maxlag) })}`
    for (let attempt = 0; ; attempt++) {
      await this.#slot()
      let response
      try {
        response = await this.#http.jsonBody<unknown>(url)
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new WikidataError(`Wikidata could not be read (${parameters.action}): ${reason.replace(url, 'its API')}.`.replace('..', '.'))
      }
      const error = apiError(response.body)
      if (error?.code !== 'maxlag') return response.body
      const wait = Math.max(1, Number(response.headers.get('retry-after')) || 5) * 1000
      if (attempt >= this.#retries || wait > this.#maxWaitMs) throw new WikidataError(`Wikidata is lagging (maxlag ${this.#maxlag} s) and asked to come back later; tried ${attempt + 1} times.`)
      await sleep(wait)
    }
  }

  /** Waits for this request's turn: request starts are spaced by the configured interval. */
  async #slot(): Promise<void> {
    const now = Date.now()
    const at = Math.max(now, this.#nextSlot)
    this.#nextSlot = at + this.#interval
    if (at > now) await sleep(at - now)
  }
}
