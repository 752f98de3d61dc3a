// The network half of publiccode.yml validation, which the validator leaves out: every URL the file
// gives must answer, and every image URL must serve an image. Fetches go through safeFetch, so a
// file cannot make Socle reach a private address: such a URL is reported as an error of its key.
import { gunzipSync, constants as zlib } from 'node:zlib'
import { FetchRefused, safeFetch, type SafeFetchOptions, type SafeResponse } from '../../adapters/http/safe-fetch.ts'
import { mapConcurrent } from '../../domain/shared/concurrency.ts'
import { collectUrls, validatePublicCode, type CheckableUrl, type Issue, type PublicCode } from '../../domain/publiccode/index.ts'
import type { PublicCodeReport } from './publiccode-report.ts'

export interface UrlCheckOptions {
  /** Non-public addresses that may be fetched: for tests and local development only. */
  allowedAddresses?: readonly string[]
  /** Per request, redirects included (a URL may take a HEAD and a GET). Default: 10 s. */
  timeoutMs?: number
  /** Largest answer read, for servers that ignore the range asked for. Default: 10 MiB. */
  maxBytes?: number
  /** URLs fetched at a time, at most 4: a file must not turn Socle into a load generator. */
  concurrency?: number
  /** URLs checked per file; beyond, a warning says the rest was not checked. Default: 50. */
  maxUrls?: number
  /** The fetcher: safeFetch, unless a test replays recorded answers through another. */
  fetch?: (url: string, options: SafeFetchOptions) => Promise<SafeResponse>
}

export interface UrlCheckResult {
  errors: Issue[]
  warnings: Issue[]
}

const MAX_CONCURRENCY = 4
/** Enough bytes to recognise any of the image formats below, an SVG's prologue included. */
const SNIFF_BYTES = 4096

/** Checks the URLs of a valid publiccode.yml; never throws for a URL that fails. */
export async function checkPublicCodeUrls(document: PublicCode, options: UrlCheckOptions = {}): Promise<UrlCheckResult> {
  const maxUrls = options.maxUrls ?? 50
  const all = collectUrls(document)
  const targets = all.slice(0, maxUrls)
  const fetchOptions: SafeFetchOptions = {
    allowedAddresses: options.allowedAddresses,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBytes: options.maxBytes ?? 10 * 1024 * 1024,
  }
  // The same URL under several keys (a logo reused as a screenshot) is fetched once.
  const checks = new Map<string, Promise<string | null>>()
  const problemOf = (target: CheckableUrl) => {
    const id = `${target.kind} ${target.url}`
    if (!checks.has(id)) checks.set(id, checkOne(target, fetchOptions, options.fetch ?? safeFetch))
    return checks.get(id)!
  }
  const concurrency = Math.max(1, Math.min(options.concurrency ?? MAX_CONCURRENCY, MAX_CONCURRENCY))
  const problems = await mapConcurrent(targets, concurrency, problemOf)
  const errors = targets.flatMap((target, index) => {
    const message = problems[index]
    return message ? [issue(target.key, message)] : []
  })
  const warnings = all.length > targets.length ? [issue('', `only the first ${targets.length} of ${all.length} URLs were checked`)] : []
  return { errors, warnings }
}

/** `publicCodeReport` with the network checks added, which run once the file is otherwise valid. */
export async function publicCodeReportWithNetwork(file: string, content: string | Uint8Array, options: UrlCheckOptions = {}): Promise<PublicCodeReport> {
  const result = validatePublicCode(content, { fileName: file })
  const network = result.document ? await checkPublicCodeUrls(result.document, options) : { errors: [], warnings: [] }
  const errors = [...result.errors, ...network.errors]
  return { file, valid: errors.length === 0, version: result.version, errors, warnings: [...result.warnings, ...network.warnings] }
}

const issue = (key: string, message: string): Issue => ({ key, message, line: null, column: null })
const isSuccess = (status: number) => status >= 200 && status < 300

/** What is wrong with one URL, or null. */
async function checkOne(target: CheckableUrl, fetchOptions: SafeFetchOptions, fetch: NonNullable<UrlCheckOptions['fetch']>): Promise<string | null> {
  try {
    // HEAD is enough to know a page answers; servers that refuse HEAD get a GET.
    if (target.kind === 'url' && isSuccess((await fetch(target.url, { ...fetchOptions, method: 'HEAD' })).status)) return null
    const response = await fetch(target.url, { ...fetchOptions, method: 'GET', headers: { range: `bytes=0-${SNIFF_BYTES - 1}` } })
    if (!isSuccess(response.status)) return `${target.url} answered HTTP ${response.status}, 2xx expected`
    return target.kind === 'image' ? imageProblem(target.url, response) : null
  } catch (error) {
    if (error instanceof FetchRefused) return `${target.url} was not fetched: ${error.message}`
    const code = (error as NodeJS.ErrnoException).code
    return `${target.url} is not reachable: ${code ?? (error as Error).message}`
  }
}

// Some hosts serve images with a generic type (raw.githubusercontent.com serves SVG as text/plain,
// so that browsers do not run its scripts): the bytes decide for them.
const GENERIC_TYPES = ['application/octet-stream', 'binary/octet-stream', 'text/plain']

function imageProblem(url: string, response: SafeResponse): string | null {
  const type = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (!type.startsWith('image/') && !GENERIC_TYPES.includes(type)) return `${url} is not an image: its content type is ${type || 'missing'}`
  const format = imageFormat(response.body.subarray(0, SNIFF_BYTES))
  if (format === null) return `${url} is not an image: its content is not PNG, JPEG, GIF, WebP or SVG`
  return null
}

/** The format the first bytes of a file announce, by their magic numbers. */
export function imageFormat(bytes: Buffer): 'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  const ascii = bytes.subarray(0, 12).toString('latin1')
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'gif'
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp'
  return isSvg(bytes) ? 'svg' : null
}

/** An SVG (or SVGZ) document: its first element, after the XML prologue, is `<svg`. */
function isSvg(bytes: Buffer): boolean {
  let text: string
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // Only the beginning was read: decompress what there is.
      text = gunzipSync(bytes, { finishFlush: zlib.Z_SYNC_FLUSH }).toString('utf8')
    } catch {
      return false
    }
  } else {
    text = bytes.toString('utf8')
  }
  // An HTML page may hold an inline <svg>: what counts is what the document starts with.
  const prologue = /^(?:\uFEFF)?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)*/i
  return /^<(?:\w+:)?svg[\s>/]/i.test(text.replace(prologue, ''))
}
