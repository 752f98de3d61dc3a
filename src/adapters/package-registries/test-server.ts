import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Reply {
  status?: number
  type?: string
  body: string
  /** Wait before answering, so that requests overlap and concurrency shows. */
  delayMs?: number
}

export interface RegistryServer {
  url: string
  /** `path?query` of every request, in arrival order. */
  requests: string[]
  /** Most requests answered at the same time. */
  maxInFlight: number
  close(): Promise<void>
}

/** A local stand-in for a package registry (tests only): answers what `reply` says, or hangs when it answers null. */
export async function startRegistryServer(reply: (url: URL) => Reply | null): Promise<RegistryServer> {
  let inFlight = 0
  const state: RegistryServer = {
    url: '',
    requests: [],
    maxInFlight: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    state.requests.push(`${url.pathname}${url.search}`)
    const answer = reply(url)
    if (!answer) return // a registry that never answers
    inFlight++
    state.maxInFlight = Math.max(state.maxInFlight, inFlight)
    setTimeout(() => {
      inFlight--
      response.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/json' }).end(answer.body)
    }, answer.delayMs ?? 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}
