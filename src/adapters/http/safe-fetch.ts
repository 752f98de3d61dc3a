import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { isPublicAddress } from './address-policy.ts'

/**
 * The one way Socle fetches a URL that a user gave it (publiccode.yml links, repositories to check,
 * catalogue imports): http(s) only, public addresses only — checked on the address actually connected
 * to, after DNS resolution, and again after every redirect — with a timeout and a size cap.
 */
export interface SafeFetchOptions {
  timeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
  method?: 'GET' | 'HEAD'
  headers?: Record<string, string>
  /** Addresses reachable although not public: for tests and local development only. */
  allowedAddresses?: readonly string[]
}

export interface SafeResponse {
  status: number
  url: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export class FetchRefused extends Error {}

export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeResponse> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000)
  let current = url
  for (let redirects = 0; ; redirects++) {
    const response = await fetchOnce(current, options, deadline)
    const location = response.headers.location
    if (response.status >= 300 && response.status < 400 && location) {
      if (redirects >= (options.maxRedirects ?? 5)) throw new FetchRefused(`Too many redirects from ${url}.`)
      current = new URL(location, current).toString()
      continue
    }
    return response
  }
}

function checkedLookup(allowed: readonly string[]): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4)
      const list = addresses as dns.LookupAddress[]
      const refused = list.find((a) => !isPublicAddress(a.address) && !allowed.includes(a.address))
      if (refused || list.length === 0) {
        return callback(new FetchRefused(`${hostname} resolves to ${refused?.address ?? 'nothing'}, which is not a public address.`), '', 4)
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
      callback(null, list[0]!.address, list[0]!.family)
    })
  }
}

function fetchOnce(url: string, options: SafeFetchOptions, deadline: number): Promise<SafeResponse> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return Promise.reject(new FetchRefused(`"${url}" is not a URL.`))
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return Promise.reject(new FetchRefused(`Only http and https URLs are fetched, not ${parsed.protocol}.`))
  if (parsed.username || parsed.password) return Promise.reject(new FetchRefused('URLs with credentials are not fetched.'))
  const allowed = options.allowedAddresses ?? []
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  // A literal address skips DNS: check it here.
  if (net.isIP(host) && !isPublicAddress(host) && !allowed.includes(host)) return Promise.reject(new FetchRefused(`${host} is not a public address.`))
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024
  const remaining = deadline - Date.now()
  if (remaining <= 0) return Promise.reject(new FetchRefused(`Timed out fetching ${url}.`))
  const client = parsed.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(
      parsed,
      {
        method: options.method ?? 'GET',
        headers: { 'user-agent': 'Socle (+https://github.com/)', accept: '*/*', ...options.headers },
        lookup: checkedLookup(allowed),
        timeout: remaining,
        signal: AbortSignal.timeout(remaining),
      },
      (response) => {
        const declared = Number(response.headers['content-length'])
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.destroy()
          return reject(new FetchRefused(`${url} is ${declared} bytes, over the limit of ${maxBytes}.`))
        }
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBytes) {
            response.destroy()
            reject(new FetchRefused(`${url} is over the limit of ${maxBytes} bytes.`))
            return
          }
          chunks.push(chunk)
        })
        response.on('end', () => resolve({ status: response.statusCode ?? 0, url, headers: response.headers, body: Buffer.concat(chunks) }))
        response.on('error', reject)
      },
    )
    request.on('timeout', () => request.destroy(new FetchRefused(`Timed out fetching ${url}.`)))
    request.on('error', (error) => reject(error.name === 'AbortError' ? new FetchRefused(`Timed out fetching ${url}.`) : error))
    request.end()
  })
}
