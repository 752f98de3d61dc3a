import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** An answer a test puts in a local server's way, served before its normal answers. */
export interface ScriptedReply {
  status?: number
  headers?: Record<string, string>
  body?: string
  /** Never answer (a timeout). */
  hang?: boolean
}

export interface ScriptedServer {
  url: string
  /** What each request asked for (as `record` wrote it), in arrival order. */
  requests: string[]
  /** Served, in order, before the normal answers. */
  script: ScriptedReply[]
  close(): Promise<void>
}

/**
 * A local JSON service for tests (tests only): scripted trouble first, then `answer` for the one path
 * it serves, a 404 page elsewhere.
 */
export async function startScriptedServer(options: {
  path: string
  contentType: string
  record: (url: URL) => string
  answer: (url: URL) => unknown
}): Promise<ScriptedServer> {
  const state: ScriptedServer = {
    url: '',
    requests: [],
    script: [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    state.requests.push(options.record(url))
    const scripted = state.script.shift()
    if (scripted?.hang) return
    if (scripted) {
      response.writeHead(scripted.status ?? 200, { 'content-type': options.contentType, ...scripted.headers }).end(scripted.body ?? '')
      return
    }
    if (url.pathname !== options.path) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>')
      return
    }
    response.writeHead(200, { 'content-type': options.contentType }).end(JSON.stringify(options.answer(url)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}
