import type { LibraryAccount } from '../../domain/registry/library-accounts.ts'

/** A library as its registry describes its latest version. */
export interface PublishedPackage {
  ecosystem: LibraryAccount['ecosystem']
  name: string
  version: string | null
  description: string | null
  homepage: string | null
  repositoryUrl: string | null
  /** When the latest version was published (ISO 8601, UTC). */
  publishedAt: string | null
}

export interface PackageRegistry {
  /** Every package of the account; throws a RegistryError when the registry cannot tell (a partial list would read as deletions). */
  listPackages(account: LibraryAccount): Promise<PublishedPackage[]>
}

export interface RegistryOptions {
  /** The registry's address, a trailing slash ignored (tests point it at a local server). */
  baseUrl?: string
  timeoutMs?: number
  /** Largest body read from one answer. */
  maxBytes?: number
  /** Requests in flight at once, at most (4 at most: registries are shared). */
  concurrency?: number
  userAgent?: string
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null = null,
  ) {
    super(message)
  }
}

export interface RegistrySettings {
  baseUrl: string
  timeoutMs: number
  maxBytes: number
  concurrency: number
  userAgent: string
}

/** The options with their defaults; a PyPI project's JSON lists every file of every release, hence the generous cap. */
export function registrySettings(options: RegistryOptions, defaultBaseUrl: string): RegistrySettings {
  return {
    baseUrl: (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, ''),
    timeoutMs: options.timeoutMs ?? 20_000,
    maxBytes: options.maxBytes ?? 16 * 1024 * 1024,
    concurrency: Math.min(4, Math.max(1, options.concurrency ?? 4)),
    userAgent: options.userAgent ?? 'Socle (libraries of public bodies)',
  }
}

/**
 * One GET to a registry, with a timeout over the whole exchange and a cap on the body (read as a
 * stream, so a huge answer is cut, not buffered). Errors say which URL and what went wrong.
 */
export async function getText(url: string, options: { timeoutMs: number; maxBytes: number; userAgent: string; accept: string }): Promise<{ status: number; text: string }> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  try {
    const response = await fetch(url, { redirect: 'follow', signal, headers: { accept: options.accept, 'user-agent': options.userAgent } })
    if (!response.ok && response.status !== 404) {
      await response.body?.cancel()
      throw new RegistryError(`${url} answered ${response.status}${response.status >= 500 ? ' (the registry is failing; try again later)' : ''}.`, url, response.status)
    }
    const declared = Number(response.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel()
      throw new RegistryError(`${url} is ${declared} bytes, over the limit of ${options.maxBytes}.`, url, response.status)
    }
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = response.body?.getReader()
    for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
      size += read.value.length
      if (size > options.maxBytes) {
        await reader!.cancel()
        throw new RegistryError(`${url} is over the limit of ${options.maxBytes} bytes.`, url, response.status)
      }
      chunks.push(read.value)
    }
    return { status: response.status, text: Buffer.concat(chunks).toString('utf8') }
  } catch (error) {
    if (error instanceof RegistryError) throw error
    if (signal.aborted) throw new RegistryError(`${url} did not answer within ${options.timeoutMs} ms.`, url)
    throw new RegistryError(`${url} could not be read: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}.`, url)
  }
}

export async function getJson(url: string, options: { timeoutMs: number; maxBytes: number; userAgent: string }): Promise<{ status: number; json: unknown }> {
  const { status, text } = await getText(url, { ...options, accept: 'application/json' })
  if (status === 404) return { status, json: null }
  try {
    return { status, json: JSON.parse(text) }
  } catch {
    throw new RegistryError(`${url} answered invalid JSON (${text.length} characters: ${JSON.stringify(text.slice(0, 60))}).`, url, status)
  }
}

/** A string field of a registry's JSON, trimmed; null when absent, empty or of another type. */
export function field(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

/** An http(s) address, as registries hold free text where URLs should be (`git+https://…`, `UNKNOWN`). */
export function webAddress(value: unknown): string | null {
  const text = field(value)?.replace(/^git\+/, '').replace(/\.git$/, '')
  if (!text) return null
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null
  } catch {
    return null
  }
}
