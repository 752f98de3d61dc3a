import { type ComptoirExport, readComptoirExport } from '../../domain/catalogue/comptoir.ts'
import { version } from '../../version.ts'
import { ForgeHttp } from '../forges/forge-http.ts'

export const EXPORT_PATH = '/public/export/comptoir-du-libre_export_v1.json'

export interface ComptoirClientOptions {
  /** Comptoir du Libre's address (`https://comptoir-du-libre.org`); tests point it at a local server. */
  baseUrl?: string
  timeoutMs?: number
  retries?: number
  backoffMs?: number
  /** Longest Retry-After waited for before the request fails. */
  maxWaitMs?: number
}

export class ComptoirError extends Error {}

/**
 * Comptoir du Libre's open data: one export of every software it lists, with its users and service
 * providers. One request a run; a 429's Retry-After is waited for, server errors, timeouts and
 * invalid JSON are retried, then reported.
 */
export class ComptoirClient {
  readonly #baseUrl: string
  readonly #http: ForgeHttp

  constructor(options: ComptoirClientOptions = {}) {
    this.#baseUrl = (options.baseUrl ?? 'https://comptoir-du-libre.org').replace(/\/+$/, '')
    this.#http = new ForgeHttp({
      concurrency: 1,
      timeoutMs: options.timeoutMs ?? 60_000,
      retries: options.retries ?? 3,
      backoffMs: options.backoffMs ?? 2000,
      maxWaitMs: options.maxWaitMs ?? 5 * 60_000,
      userAgent: `Socle/${version} (free software catalogue enrichment)`,
    })
  }

  async export(): Promise<ComptoirExport> {
    const url = `${this.#baseUrl}${EXPORT_PATH}`
    let body: unknown
    try {
      body = (await this.#http.jsonBody<unknown>(url)).body
    } catch (error) {
      throw new ComptoirError(`Comptoir du Libre's export could not be read: ${error instanceof Error ? error.message : String(error)}.`)
    }
    try {
      return readComptoirExport(body)
    } catch (error) {
      throw new ComptoirError(`${url}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
