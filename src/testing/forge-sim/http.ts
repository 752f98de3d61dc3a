// The HTTP plumbing the forge servers share: routing on path patterns, ETag and 304, faults, stats.
// Plain node:http, because faults need the raw socket (reset, truncated body, no answer at all).
import { createHash } from 'node:crypto'
import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type FaultKind, Faults, type Stats } from './faults.ts'

export interface SimRequest {
  method: string
  /** Path after the prefix, undecoded. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** Route parameters, decoded (`%2F` in a GitLab id becomes `/`). */
  params: Record<string, string>
  body: Buffer
  /** Requests being answered by this server, this one included. */
  concurrent: number
}

export interface SimResponse {
  status: number
  headers?: Record<string, string | number>
  /** A JSON body… */
  json?: unknown
  /** …or a raw one. */
  raw?: string | Buffer
  contentType?: string
}

export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>

export interface Route {
  method: 'GET' | 'POST'
  /** `/repos/:owner/:repo/contents/*path`: `:x` is one segment, `*x` the rest (possibly empty). */
  pattern: string
  handler: Handler
}

/** What differs from forge to forge around the handlers. */
export interface ForgeHooks {
  /** Before the handler: authentication and rate limits. A response stops the request there. */
  admit?(request: SimRequest, endpoint: string): SimResponse | null
  /** After the handler: charge the request and add the rate-limit headers. A 304 is flagged. */
  finish?(request: SimRequest, endpoint: string, response: SimResponse, notModified: boolean): void
  /** The forge's answer to an injected rate-limit fault. */
  rateLimited(request: SimRequest, kind: 'rateLimit' | 'secondaryRateLimit'): SimResponse
  notFound(request: SimRequest): SimResponse
  /** Whether the endpoint's 200s carry a (weak) ETag and answer If-None-Match with 304. */
  etag(endpoint: string): boolean
}

export interface SimServerOptions {
  routes: Route[]
  hooks: ForgeHooks
  /** Path prefix of the API, e.g. `/api/v4`. */
  prefix?: string
  faults?: Faults
  stats: Stats
  port?: number
}

/** What every forge server hands back. */
export interface ForgeServer {
  /** API base URL. */
  url: string
  /** Requests seen, by endpoint and status; 304s and injected faults. */
  stats: Stats
  /** The fault switches of this server. */
  faults: Faults
  stop(): Promise<void>
}

export interface SimServer {
  /** Origin and prefix: the API base URL. */
  url: string
  origin: string
  stop(): Promise<void>
}

/** Query parameter marking a request that follows an injected redirect (never faulted again). */
const REDIRECTED = 'sim-redirected'

interface CompiledRoute extends Route {
  endpoint: string
  segments: string[]
}

function compile(route: Route): CompiledRoute {
  const endpoint = `${route.method} ${route.pattern.replace(/[:*](\w+)/g, '{$1}')}`
  return { ...route, endpoint, segments: route.pattern.split('/').slice(1) }
}

function match(route: CompiledRoute, method: string, path: string): Record<string, string> | null {
  if (route.method !== method) return null
  const parts = path.split('/').slice(1)
  const params: Record<string, string> = {}
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!
    if (segment.startsWith('*')) {
      params[segment.slice(1)] = parts.slice(i).map(decodeURIComponent).join('/')
      return params
    }
    const part = parts[i]
    if (part === undefined) return null
    if (segment.startsWith(':')) {
      if (part === '') return null
      params[segment.slice(1)] = decodeURIComponent(part)
    } else if (segment !== part) return null
  }
  return parts.length === route.segments.length ? params : null
}

function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('hex')}"`
}

function errorPage(status: number): SimResponse {
  if (status === 502) {
    return { status, contentType: 'text/html', raw: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n' }
  }
  return { status, json: { message: status === 503 ? 'Service Unavailable' : 'Internal Server Error' }, headers: status === 503 ? { 'retry-after': 1 } : {} }
}

export async function startSimServer(options: SimServerOptions): Promise<SimServer> {
  const routes = options.routes.map(compile)
  const prefix = options.prefix ?? ''
  const { hooks, stats } = options
  const faults = options.faults ?? new Faults()
  let concurrent = 0
  let origin = ''

  const count = (status: number): void => {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1
  }
  const countFault = (kind: FaultKind): void => {
    stats.faults[kind] = (stats.faults[kind] ?? 0) + 1
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      concurrent += 1
      let open = true
      res.on('close', () => {
        if (open) concurrent -= 1
        open = false
      })
      void answer(req, res, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!res.headersSent) send(res, { status: 500, json: { message: String(error) } })
        else res.destroy()
      })
    })
  })

  async function answer(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    stats.requests += 1
    const url = new URL(req.url ?? '/', origin)
    const method = req.method ?? 'GET'
    const redirected = url.searchParams.has(REDIRECTED)
    url.searchParams.delete(REDIRECTED)
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : null
    let route: CompiledRoute | undefined
    let params: Record<string, string> | null = null
    if (path !== null) {
      for (const candidate of routes) {
        params = match(candidate, method, path)
        if (params) {
          route = candidate
          break
        }
      }
    }
    const endpoint = route?.endpoint ?? `${method} (unknown)`
    stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + 1
    const request: SimRequest = { method, path: path ?? url.pathname, query: url.searchParams, headers: req.headers, params: params ?? {}, body, concurrent }

    const decision = redirected ? { fault: null, latencyMs: 0 } : faults.decide(method, url.pathname + url.search, endpoint)
    if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs))
    const fault = decision.fault
    if (fault) countFault(fault)
    switch (fault) {
      case 'timeout':
        return // the socket stays open until the client gives up or the server stops
      case 'reset':
        req.socket.destroy()
        return
      case 'status500':
      case 'status502':
      case 'status503': {
        const response = errorPage(Number(fault.slice(6)))
        count(response.status)
        send(res, response)
        return
      }
      case 'redirect': {
        const target = new URL(url)
        target.searchParams.set(REDIRECTED, '1')
        count(307)
        send(res, { status: 307, headers: { location: target.pathname + target.search }, raw: '' })
        return
      }
      case 'rateLimit':
      case 'secondaryRateLimit': {
        const response = hooks.rateLimited(request, fault)
        count(response.status)
        send(res, response)
        return
      }
    }

    let response: SimResponse
    let notModified = false
    if (!route) response = hooks.notFound(request)
    else response = hooks.admit?.(request, endpoint) ?? (await route.handler(request))
    if (response.status === 200 && method === 'GET' && hooks.etag(endpoint)) {
      const etag = weakEtag(serialise(response))
      response.headers = { ...response.headers, etag }
      const wanted = req.headers['if-none-match']
      if (wanted && wanted.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''))) {
        notModified = true
        response = { status: 304, headers: response.headers }
        stats.notModified += 1
      }
    }
    hooks.finish?.(request, endpoint, response, notModified)
    count(response.status)
    if (fault === 'truncated' || fault === 'invalidJson') sendBroken(res, response, fault)
    else send(res, response)
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin + prefix,
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

function serialise(response: SimResponse): string | Buffer {
  return response.raw ?? (response.json === undefined ? '' : JSON.stringify(response.json))
}

function contentType(response: SimResponse): string {
  return response.contentType ?? (response.raw === undefined ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8')
}

function send(res: http.ServerResponse, response: SimResponse): void {
  const body = response.status === 304 ? '' : serialise(response)
  const headers: Record<string, string | number> = { ...response.headers }
  if (response.status !== 304) {
    headers['content-type'] = contentType(response)
    headers['content-length'] = Buffer.byteLength(body)
  }
  res.writeHead(response.status, headers)
  res.end(body)
}

function sendBroken(res: http.ServerResponse, response: SimResponse, fault: 'truncated' | 'invalidJson'): void {
  const body = Buffer.from(serialise(response))
  const half = body.subarray(0, Math.floor(body.length / 2))
  // truncated: the length of the whole body is announced, the connection drops halfway;
  // invalidJson: a well-formed HTTP response whose JSON text stops halfway.
  res.writeHead(response.status === 304 ? 200 : response.status, {
    ...response.headers,
    'content-type': contentType(response),
    'content-length': fault === 'truncated' ? body.length : half.length,
  })
  if (fault === 'invalidJson') {
    res.end(half)
    return
  }
  res.write(half, () => res.destroy())
}
