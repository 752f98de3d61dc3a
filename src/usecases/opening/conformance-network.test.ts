import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { safeFetch } from '../../adapters/http/safe-fetch.ts'
import { conformanceCases, filesBeside, readCase } from '../../domain/publiccode/conformance-fixtures.ts'
import { validatePublicCode } from '../../domain/publiccode/index.ts'
import { checkPublicCodeUrls } from './check-publiccode-urls.ts'

const cases = conformanceCases()

/**
 * The web as the reference validator saw it when it ran these cases with network checks on: every
 * URL answered, images with an image, except the one the fixture names as missing. A local server
 * replays it; each URL reaches it as `/<host>/<path>`, through the real SSRF-guarded fetcher.
 */
const MISSING = new Set(['https://google.com/no_such_file.png'])
const IMAGE = readCase('valid/assets/img/logo.png')

let server: http.Server
let base: string
beforeAll(async () => {
  server = http.createServer((request, response) => {
    const original = `https:/${request.url}`
    if (MISSING.has(original)) return response.writeHead(404).end('Not Found')
    if (/\.(png|jpe?g|gif|svg|webp)$/i.test(original)) return response.writeHead(200, { 'content-type': 'image/png' }).end(request.method === 'HEAD' ? undefined : IMAGE)
    response.writeHead(200, { 'content-type': 'text/html' }).end(request.method === 'HEAD' ? undefined : '<!doctype html><title>ok</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const replay = (url: string, options: Parameters<typeof safeFetch>[1]) => {
  const target = new URL(url)
  return safeFetch(`${base}/${target.host}${target.pathname}${target.search}`, { ...options, allowedAddresses: ['127.0.0.1'] })
}

it('agrees with every verdict of the reference once its network checks are replayed', async () => {
  let agree = 0
  const disagreements: string[] = []
  for (const [file, expected] of Object.entries(cases)) {
    const result = validatePublicCode(readCase(file), { files: filesBeside(file) })
    let valid = result.valid
    if (valid && expected.network && result.document) valid = (await checkPublicCodeUrls(result.document, { fetch: replay })).errors.length === 0
    if ((valid ? 'valid' : 'invalid') === expected.verdict) agree++
    else disagreements.push(file)
  }
  console.info(`publiccode conformance with replayed network checks: verdicts ${agree}/${Object.keys(cases).length}`)
  expect(disagreements).toEqual([])
})
