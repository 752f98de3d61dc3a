// Fault injection and request counting, shared by the forge servers. A request's fate depends only on
// the seed, its method and URL and how many times that URL was asked before: the same crawl meets the
// same faults on every run, whatever the interleaving of concurrent requests.
import { hash32 } from './random.ts'

export const FAULT_KINDS = [
  'status500', 'status502', 'status503',
  /** The server never answers (the client must time out). */
  'timeout',
  /** The connection is destroyed before any response. */
  'reset',
  /** Headers announce the whole body, half of it is sent, then the connection closes. */
  'truncated',
  /** A complete 200 response whose JSON is cut in the middle. */
  'invalidJson',
  /** The token's primary budget is exhausted until its reset (the forge answers as it does then). */
  'rateLimit',
  /** GitHub's secondary (abuse) limit; 429 with Retry-After on the other forges. */
  'secondaryRateLimit',
  /** A 307 to the same URL, as load balancers and renamed resources do. */
  'redirect',
] as const
export type FaultKind = (typeof FAULT_KINDS)[number]

export interface FaultOptions {
  seed?: string | number
  /** Added before every answer: a fixed delay or a `[min, max]` range. */
  latencyMs?: number | readonly [number, number]
  /** Share of requests that meet a fault, 0…1. */
  errorRate?: number
  /**
   * Weights of the kinds of fault; the kinds not listed are not drawn. Default: every kind but
   * `timeout` (slow tests) and `rateLimit` (it empties a token for its whole window) at weight 1.
   */
  kinds?: Partial<Record<FaultKind, number>>
  /** Only requests whose endpoint (e.g. `GET /repos/{owner}/{repo}`) passes are faulted. */
  only?: (endpoint: string) => boolean
  /** `retry-after` of a secondary rate limit: 60 s as the real forges say; tests shorten it. */
  retryAfterSeconds?: number
}

export interface Decision {
  fault: FaultKind | null
  latencyMs: number
}

const DEFAULT_WEIGHTS: Record<FaultKind, number> = {
  status500: 1, status502: 1, status503: 1, timeout: 0, reset: 1, truncated: 1, invalidJson: 1, rateLimit: 0, secondaryRateLimit: 1, redirect: 1,
}

export class Faults {
  private options: FaultOptions
  private readonly attempts = new Map<string, number>()
  private readonly queued: Array<{ kind: FaultKind; only?: (endpoint: string) => boolean }> = []

  constructor(options: FaultOptions = {}) {
    this.options = options
  }

  /** The `retry-after` a secondary rate limit answers. */
  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 60
  }

  /** Replaces every switch. */
  set(options: FaultOptions): void {
    this.options = options
  }

  /** Changes some switches, keeping the others. */
  update(options: Partial<FaultOptions>): void {
    this.options = { ...this.options, ...options }
  }

  /** No latency, no faults, nothing queued. */
  clear(): void {
    this.options = { seed: this.options.seed }
    this.queued.length = 0
  }

  /** The next request (whose endpoint passes `only`) meets `kind`, whatever the error rate. */
  once(kind: FaultKind, only?: (endpoint: string) => boolean): void {
    this.queued.push({ kind, only })
  }

  decide(method: string, url: string, endpoint: string): Decision {
    const attempt = (this.attempts.get(`${method} ${url}`) ?? 0) + 1
    this.attempts.set(`${method} ${url}`, attempt)
    const roll = (salt: string): number => hash32(this.options.seed ?? 0, salt, method, url, attempt) / 4294967296
    const latency = this.options.latencyMs ?? 0
    const latencyMs = typeof latency === 'number' ? latency : latency[0] + roll('latency') * (latency[1] - latency[0])
    const queued = this.queued.findIndex((q) => !q.only || q.only(endpoint))
    if (queued !== -1) return { fault: this.queued.splice(queued, 1)[0]!.kind, latencyMs }
    const { errorRate = 0, only } = this.options
    if (errorRate <= 0 || (only && !only(endpoint)) || roll('error') >= errorRate) return { fault: null, latencyMs }
    const weights = this.options.kinds ?? DEFAULT_WEIGHTS
    const total = FAULT_KINDS.reduce((sum, kind) => sum + (weights[kind] ?? 0), 0)
    let pick = roll('kind') * total
    for (const kind of FAULT_KINDS) {
      pick -= weights[kind] ?? 0
      if (pick < 0) return { fault: kind, latencyMs }
    }
    return { fault: null, latencyMs }
  }
}

/** What a server saw: requests per endpoint and per status, 304s, and faults injected. */
export interface Stats {
  requests: number
  byEndpoint: Record<string, number>
  byStatus: Record<number, number>
  notModified: number
  faults: Partial<Record<FaultKind, number>>
}

export function createStats(): Stats {
  return { requests: 0, byEndpoint: {}, byStatus: {}, notModified: 0, faults: {} }
}
