import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FetchRefused, safeFetch } from './safe-fetch.ts'

let server: http.Server
let base: string
beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/redirect-private') return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end()
    if (request.url === '/redirect-ok') return response.writeHead(301, { location: '/hello' }).end()
    if (request.url === '/big') {
      response.writeHead(200)
      response.write(Buffer.alloc(2048))
      return response.end(Buffer.alloc(2048))
    }
    if (request.url === '/hang') return
    response.writeHead(200, { 'content-type': 'text/plain' }).end('hello')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const allowed = { allowedAddresses: ['127.0.0.1'] }

describe('safeFetch', () => {
  it('refuses loopback unless allowed', async () => {
    await expect(safeFetch(`${base}/hello`)).rejects.toBeInstanceOf(FetchRefused)
    await expect(safeFetch('http://localhost:1/')).rejects.toThrow(/not a public address/)
    const response = await safeFetch(`${base}/hello`, allowed)
    expect(response.body.toString()).toBe('hello')
  })

  it('checks every redirect', async () => {
    expect((await safeFetch(`${base}/redirect-ok`, allowed)).body.toString()).toBe('hello')
    await expect(safeFetch(`${base}/redirect-private`, allowed)).rejects.toThrow(/169\.254\.169\.254 is not a public address/)
  })

  it('refuses other schemes and credentials', async () => {
    await expect(safeFetch('file:///etc/passwd')).rejects.toThrow(/Only http and https/)
    await expect(safeFetch('http://user:pw@example.org/')).rejects.toThrow(/credentials/)
  })

  it('caps the size and the time', async () => {
    await expect(safeFetch(`${base}/big`, { ...allowed, maxBytes: 1000 })).rejects.toThrow(/over the limit/)
    await expect(safeFetch(`${base}/hang`, { ...allowed, timeoutMs: 300 })).rejects.toThrow(/Timed out/)
  })
})
