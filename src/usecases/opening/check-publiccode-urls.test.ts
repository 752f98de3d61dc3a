import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PublicCode } from '../../domain/publiccode/index.ts'
import { checkPublicCodeUrls, imageFormat, publicCodeReportWithNetwork } from './check-publiccode-urls.ts'

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const SVG = '<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg"/>'
const HTML = '<!doctype html><html><body><svg></svg>Not found</body></html>'

let server: http.Server
let base: string
const requests: string[] = []
let inFlight = 0
let maxInFlight = 0

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    response.on('close', () => inFlight--)
    const send = (status: number, type: string, body: string | Buffer = '') => response.writeHead(status, { 'content-type': type }).end(request.method === 'HEAD' ? undefined : body)
    switch (request.url) {
      case '/page':
        return send(200, 'text/html', HTML)
      case '/no-head':
        return request.method === 'HEAD' ? send(405, 'text/plain') : send(200, 'text/html', HTML)
      case '/missing':
        return send(404, 'text/html', HTML)
      case '/logo.png':
        return send(200, 'image/png', PNG)
      case '/logo.svg':
        return send(200, 'text/plain; charset=utf-8', SVG)
      case '/html.png':
        return send(200, 'text/html', HTML)
      case '/lying.png':
        return send(200, 'image/png', HTML)
      case '/metadata':
        return response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
      default:
        if (request.url?.startsWith('/slow/')) return void setTimeout(() => send(200, 'text/html', HTML), 50)
        return send(404, 'text/plain')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

const allowed = { allowedAddresses: ['127.0.0.1'] }

function publiccode(overrides: Partial<PublicCode> = {}, documentation?: string): PublicCode {
  return {
    publiccodeYmlVersion: '0',
    name: 'Test',
    url: `${base}/page`,
    platforms: ['web'],
    developmentStatus: 'stable',
    softwareType: 'standalone/web',
    description: { en: { shortDescription: 'Short', longDescription: 'Long '.repeat(40), features: ['One'], ...(documentation ? { documentation } : {}) } },
    legal: { license: 'EUPL-1.2' },
    maintenance: { type: 'none' },
    localisation: { localisationReady: false, availableLanguages: ['en'] },
    ...overrides,
  }
}

describe('checkPublicCodeUrls', () => {
  it('accepts pages that answer and images that are images, trying GET when HEAD is refused', async () => {
    requests.length = 0
    const result = await checkPublicCodeUrls(publiccode({ landingURL: `${base}/no-head`, logo: `${base}/logo.svg`, roadmap: `${base}/logo.png` }), allowed)
    expect(result).toEqual({ errors: [], warnings: [] })
    expect(requests).toContain('HEAD /page')
    expect(requests).not.toContain('GET /page')
    expect(requests).toEqual(expect.arrayContaining(['HEAD /no-head', 'GET /no-head', 'GET /logo.svg']))
  })

  it('reports each URL that does not answer 2xx, and images that are not images, under their keys', async () => {
    const result = await checkPublicCodeUrls(
      publiccode({ landingURL: `${base}/missing`, logo: `${base}/html.png`, monochromeLogo: `${base}/lying.png` }, `${base}/missing`),
      allowed,
    )
    expect(result.errors).toEqual([
      { key: 'landingURL', message: `${base}/missing answered HTTP 404, 2xx expected`, line: null, column: null },
      { key: 'logo', message: `${base}/html.png is not an image: its content type is text/html`, line: null, column: null },
      { key: 'monochromeLogo', message: `${base}/lying.png is not an image: its content is not PNG, JPEG, GIF, WebP or SVG`, line: null, column: null },
      { key: 'description.en.documentation', message: `${base}/missing answered HTTP 404, 2xx expected`, line: null, column: null },
    ])
  })

  it('reports URLs leading to private addresses as errors of their key, without fetching them', async () => {
    const result = await checkPublicCodeUrls(publiccode({ roadmap: `${base}/metadata` }), allowed)
    expect(result.errors).toEqual([expect.objectContaining({ key: 'roadmap', message: expect.stringMatching(/was not fetched: 169\.254\.169\.254 is not a public address/) })])

    const strict = await checkPublicCodeUrls(publiccode({ landingURL: 'http://10.0.0.1/' }))
    expect(strict.errors.map((e) => e.key)).toEqual(['url', 'landingURL'])
    expect(strict.errors[0]?.message).toMatch(/not a public address/)
  })

  it('fetches at most 4 URLs at a time, each once, and only as many as allowed', async () => {
    maxInFlight = 0
    requests.length = 0
    const screenshots = Array.from({ length: 10 }, (_, i) => `${base}/slow/${i}`)
    const document = publiccode({ logo: `${base}/logo.png` })
    document.description['en']!.screenshots = [...screenshots, `${base}/logo.png`]
    const result = await checkPublicCodeUrls(document, { ...allowed, concurrency: 10 })
    // The slow answers are HTML: each screenshot is an error, and the logo reused as one is fetched once.
    expect(result.errors).toHaveLength(10)
    expect(requests.filter((r) => r === 'GET /logo.png')).toHaveLength(1)
    expect(maxInFlight).toBeLessThanOrEqual(4)
    expect(maxInFlight).toBeGreaterThan(1)

    const capped = await checkPublicCodeUrls(document, { ...allowed, maxUrls: 2 })
    expect(capped.errors).toHaveLength(0)
    expect(capped.warnings).toEqual([{ key: '', message: 'only the first 2 of 13 URLs were checked', line: null, column: null }])
  })

  it('times out on a server that does not answer', async () => {
    const hanging = http.createServer(() => {})
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`
      const result = await checkPublicCodeUrls(publiccode({ url }), { ...allowed, timeoutMs: 200 })
      expect(result.errors).toEqual([expect.objectContaining({ key: 'url', message: expect.stringContaining('Timed out') })])
    } finally {
      hanging.closeAllConnections()
      hanging.close()
    }
  })
})

describe('imageFormat', () => {
  it('recognises images by their first bytes', () => {
    expect(imageFormat(PNG)).toBe('png')
    expect(imageFormat(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('jpeg')
    expect(imageFormat(Buffer.from('GIF89a\x01\x00', 'latin1'))).toBe('gif')
    expect(imageFormat(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('webp')
    expect(imageFormat(Buffer.from(SVG))).toBe('svg')
    expect(imageFormat(Buffer.from(`\uFEFF  <svg:svg xmlns:svg="http://www.w3.org/2000/svg">`))).toBe('svg')
    // Only the first bytes are read: an SVGZ is recognised from the beginning of its stream.
    expect(imageFormat(gzipSync(`${SVG}${'<path d="M0 0"/>'.repeat(5000)}`).subarray(0, 300))).toBe('svg')
  })

  it('refuses HTML, even with an inline SVG, and other files', () => {
    expect(imageFormat(Buffer.from(HTML))).toBeNull()
    expect(imageFormat(Buffer.from('<html><svg></svg></html>'))).toBeNull()
    expect(imageFormat(Buffer.from('%PDF-1.7'))).toBeNull()
    expect(imageFormat(Buffer.alloc(0))).toBeNull()
    expect(imageFormat(gzipSync('<html></html>'))).toBeNull()
  })
})

describe('publicCodeReportWithNetwork', () => {
  it('adds the network errors to a valid file, and leaves an invalid one as the validator judged it', async () => {
    const yaml = (url: string) => `publiccodeYmlVersion: "0"
name: Test
url: "${url}"
platforms: [web]
developmentStatus: stable
softwareType: standalone/web
description:
  en:
    shortDescription: Short
    longDescription: "${'Long '.repeat(40)}"
    features: [One]
legal:
  license: EUPL-1.2
maintenance:
  type: none
localisation:
  localisationReady: false
  availableLanguages: [en]
`
    expect(await publicCodeReportWithNetwork('ok.yml', yaml(`${base}/page`), allowed)).toEqual({ file: 'ok.yml', valid: true, version: '0', errors: [], warnings: [] })
    const broken = await publicCodeReportWithNetwork('broken.yml', yaml(`${base}/missing`), allowed)
    expect(broken).toMatchObject({ valid: false, errors: [{ key: 'url', message: expect.stringContaining('HTTP 404') }] })
    const invalid = await publicCodeReportWithNetwork('invalid.yml', 'publiccodeYmlVersion: "0"\nname: Test\n', allowed)
    expect(invalid.valid).toBe(false)
    expect(invalid.errors.every((e) => !e.message.includes('HTTP'))).toBe(true)
  })
})
