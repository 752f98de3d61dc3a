import { type CrawledRepository, FILE_CAP_BYTES, wantedRootFiles } from '../../domain/registry/crawled.ts'
import { mapConcurrent } from '../../domain/shared/concurrency.ts'
import type { RepositoryDetails, RepositoryFacts } from './forge-adapter.ts'

/**
 * HTTP to forge APIs, with what crawling thousands of accounts needs: bounded concurrency per host,
 * several tokens per forge (the one with the most budget left is used), rate limits obeyed from the
 * headers by waiting rather than failing, retries with backoff on server errors, timeouts, resets and
 * truncated or invalid JSON, and a count of requests for the benchmarks.
 */
export interface ForgeHttpOptions {
  tokens?: string[]
  /** How tokens are sent: GitHub and Gitea take `Authorization: token …`, GitLab also `PRIVATE-TOKEN`. */
  authHeader?: (token: string) => Record<string, string>
  concurrency?: number
  timeoutMs?: number
  retries?: number
  /** Longest wait for a rate limit to reset before the request fails. */
  maxWaitMs?: number
  /** Backoff base; tests set it low. */
  backoffMs?: number
  userAgent?: string
}

export class ForgeHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
  ) {
    super(message)
  }
}

export interface RequestOptions {
  method?: string
  body?: unknown
  /** For a conditional request: the ETag of the last answer. */
  etag?: string | null
  headers?: Record<string, string>
}

export interface NotModified {
  status: 304
  notModified: true
  headers: Headers
}

export interface ForgeResponse<T> {
  status: number
  headers: Headers
  body: T
  /** The URL answered, after redirects (a renamed repository answers at its new address). */
  url: string
}

interface TokenState {
  token: string | undefined
  remaining: number
  resetAt: number
}

export class ForgeHttp {
  readonly stats = { requests: 0, notModified: 0, retries: 0, rateLimitWaits: 0 }
  readonly #options: Required<Omit<ForgeHttpOptions, 'tokens'>>
  readonly #tokens: TokenState[]
  #active = 0
  readonly #waiting: (() => void)[] = []

  constructor(options: ForgeHttpOptions = {}) {
    this.#options = {
      authHeader: (token) => ({ authorization: `token ${token}` }),
      concurrency: 4,
      timeoutMs: 20_000,
      retries: 5,
      maxWaitMs: 15 * 60_000,
      backoffMs: 500,
      userAgent: 'Socle crawler',
      ...options,
    }
    const tokens = options.tokens?.length ? options.tokens : [undefined]
    this.#tokens = tokens.map((token) => ({ token, remaining: Number.POSITIVE_INFINITY, resetAt: 0 }))
  }

  /** A JSON request; `notModified` answers a 304 to a conditional request. */
  json<T>(url: string, init: RequestOptions = {}): Promise<ForgeResponse<T> | NotModified> {
    return this.#queued(url, init, (text) => JSON.parse(text) as T)
  }

  /** A JSON request without a condition: a 304 cannot answer it, and would be an error. */
  async jsonBody<T>(url: string, init: Omit<RequestOptions, 'etag'> = {}): Promise<ForgeResponse<T>> {
    const response = await this.json<T>(url, init)
    if (isNotModified(response)) throw new ForgeHttpError(`${url} answered 304 to an unconditional request`, 304, url)
    return response
  }

  async #queued<T>(url: string, init: RequestOptions, parse: (text: string) => T): Promise<ForgeResponse<T> | NotModified> {
    await this.#acquire()
    try {
      return await this.#withRetries(url, init, parse)
    } finally {
      this.#release()
    }
  }

  async #withRetries<T>(url: string, init: RequestOptions, parse: (text: string) => T): Promise<ForgeResponse<T> | NotModified> {
    let lastError: unknown
    for (let attempt = 0; attempt <= this.#options.retries; attempt++) {
      if (attempt > 0) {
        this.stats.retries++
        await sleep(this.#options.backoffMs * 2 ** (attempt - 1) * (0.5 + Math.random() / 2))
      }
      const state = await this.#pickToken()
      // A timer cleared once the answer is read: AbortSignal.timeout would keep one alive for the whole
      // timeout after every request, thousands of them in a crawl.
      const abort = new AbortController()
      const timer = setTimeout(() => abort.abort(new DOMException(`${url} timed out`, 'TimeoutError')), this.#options.timeoutMs)
      try {
        let response: Response
        try {
          this.stats.requests++
          response = await fetch(url, {
            method: init.method ?? 'GET',
            redirect: 'follow',
            signal: abort.signal,
            headers: {
              accept: 'application/json',
              'user-agent': this.#options.userAgent,
              ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
              ...(init.etag ? { 'if-none-match': init.etag } : {}),
              ...(state.token ? this.#options.authHeader(state.token) : {}),
              ...init.headers,
            },
            ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
          })
        } catch (error) {
          lastError = error // timeout, reset, refused: retried
          continue
        }
        this.#readBudget(state, response.headers)
        if (response.status === 304) {
          this.stats.notModified++
          return { status: 304, notModified: true, headers: response.headers }
        }
        const wait = this.#rateLimitWait(state, response)
        if (wait !== undefined) {
          await response.body?.cancel()
          if (wait > this.#options.maxWaitMs) throw new ForgeHttpError(`Rate limited by ${new URL(url).host} for ${Math.round(wait / 1000)} s, longer than the crawl waits.`, response.status, url)
          this.stats.rateLimitWaits++
          // Another token may have budget left: only wait when none has.
          if (!this.#tokens.some((t) => t !== state && t.remaining > 0)) await sleep(wait)
          attempt--
          continue
        }
        if (response.status >= 500) {
          await response.body?.cancel()
          lastError = new ForgeHttpError(`${url} answered ${response.status}`, response.status, url)
          continue
        }
        let text: string
        try {
          text = await response.text()
        } catch (error) {
          lastError = error // the connection broke mid-body
          continue
        }
        if (response.status >= 400) throw new ForgeHttpError(`${url} answered ${response.status}: ${text.slice(0, 200)}`, response.status, url)
        try {
          return { status: response.status, headers: response.headers, body: parse(text), url: response.url || url }
        } catch {
          lastError = new ForgeHttpError(`${url} answered invalid JSON (${text.length} bytes)`, response.status, url)
        }
      } finally {
        clearTimeout(timer)
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError))
  }

  /** Remaining budget and reset time from GitHub's, GitLab's or Gitea's headers. */
  #readBudget(state: TokenState, headers: Headers): void {
    const remaining = headers.get('x-ratelimit-remaining') ?? headers.get('ratelimit-remaining')
    const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset')
    if (remaining !== null && Number.isFinite(Number(remaining))) state.remaining = Number(remaining)
    if (reset !== null && Number.isFinite(Number(reset))) state.resetAt = Number(reset) * 1000
  }

  /** How long to wait when the answer is a rate limit (primary or secondary), else undefined. */
  #rateLimitWait(state: TokenState, response: Response): number | undefined {
    if (response.status !== 403 && response.status !== 429) return undefined
    const retryAfter = response.headers.get('retry-after')
    if (retryAfter !== null) return Math.max(0, Number(retryAfter) * 1000 || 0)
    if (state.remaining === 0 && state.resetAt) return Math.max(0, state.resetAt - Date.now()) + 250
    return response.status === 429 ? 60_000 : undefined
  }

  async #pickToken(): Promise<TokenState> {
    const now = Date.now()
    for (const t of this.#tokens) if (t.resetAt && t.resetAt <= now) t.remaining = Number.POSITIVE_INFINITY
    const best = [...this.#tokens].sort((a, b) => b.remaining - a.remaining)[0]!
    if (best.remaining > 0) return best
    const soonest = [...this.#tokens].sort((a, b) => a.resetAt - b.resetAt)[0]!
    const wait = soonest.resetAt - now + 250
    if (wait > this.#options.maxWaitMs) throw new ForgeHttpError(`Every token is rate limited for ${Math.round(wait / 1000)} s.`, 429, '')
    this.stats.rateLimitWaits++
    await sleep(wait)
    soonest.remaining = Number.POSITIVE_INFINITY
    return soonest
  }

  async #acquire(): Promise<void> {
    if (this.#active < this.#options.concurrency) {
      this.#active++
      return
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve))
  }

  #release(): void {
    const next = this.#waiting.shift()
    if (next) next()
    else this.#active--
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function isNotModified<T>(response: ForgeResponse<T> | NotModified): response is NotModified {
  return 'notModified' in response
}

/** The answer, or `fallback` when the forge refuses it (403) or does not have it (404). */
export async function orWhenRefused<T>(request: Promise<T>, fallback: T): Promise<T> {
  try {
    return await request
  } catch (error) {
    if (error instanceof ForgeHttpError && (error.status === 403 || error.status === 404)) return fallback
    throw error
  }
}

/**
 * A file's text through a JSON contents endpoint (GitLab's `repository/files/:path`, Gitea's
 * `contents/:path`): base64 content with its declared size, so a body cut short is seen and read again
 * rather than stored. Capped; undefined when the file is not there or is not text.
 */
export async function readContentFile(http: ForgeHttp, url: string, attempts = 3): Promise<string | undefined> {
  for (let attempt = 1; ; attempt++) {
    let response: ForgeResponse<{ content?: string; encoding?: string; size?: number }> | NotModified
    try {
      response = await http.json(url)
    } catch (error) {
      if (error instanceof ForgeHttpError && error.status === 404) return undefined
      throw error
    }
    if (isNotModified(response) || typeof response.body.content !== 'string') return undefined
    const bytes = Buffer.from(response.body.content, response.body.encoding === 'base64' ? 'base64' : 'utf8')
    if (response.body.size === undefined || bytes.length === response.body.size) return bytes.toString('utf8').slice(0, FILE_CAP_BYTES)
    if (attempt >= attempts) throw new ForgeHttpError(`${url} answered ${bytes.length} bytes of a ${response.body.size}-byte file`, response.status, url)
  }
}

/**
 * The wanted root files of repositories on a REST forge (GitLab, Gitea), and the facts its listing
 * lacks: list each root, then read the files and the facts, several repositories side by side (the
 * HTTP client caps the requests in flight).
 */
export async function readRootFiles(
  http: ForgeHttp,
  repositories: CrawledRepository[],
  api: {
    rootNames(repository: CrawledRepository, ref: string): Promise<string[]>
    fileUrl(repository: CrawledRepository, name: string, ref: string): string
    /** The facts of a repository with commits, knowing the names at its root. */
    facts(repository: CrawledRepository, rootNames: string[]): Promise<RepositoryFacts>
    /** The facts of an empty repository, known without a request. */
    emptyFacts: RepositoryFacts
  },
): Promise<Map<string, RepositoryDetails>> {
  const read = await mapConcurrent(repositories, 8, async (repository): Promise<[string, RepositoryDetails]> => {
    if (!repository.defaultBranch) return [repository.forgeId, { files: {}, facts: api.emptyFacts }] // an empty repository has no tree
    const ref = encodeURIComponent(repository.defaultBranch)
    const rootNames = await api.rootNames(repository, ref)
    const names = wantedRootFiles(rootNames)
    const [texts, facts] = await Promise.all([mapConcurrent(names, 4, (name) => readContentFile(http, api.fileUrl(repository, name, ref))), api.facts(repository, rootNames)])
    const files: Record<string, string> = {}
    names.forEach((name, i) => {
      if (texts[i] !== undefined) files[name] = texts[i]
    })
    return [repository.forgeId, { files, facts }]
  })
  return new Map(read)
}
