import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { item, maxlagReply, startWikidataServer, type WikidataServer } from '../../testing/wikidata-server.ts'
import { WikidataClient, type WikidataClientOptions } from './wikidata-client.ts'

let server: WikidataServer

beforeEach(async () => {
  server = await startWikidataServer()
})
afterEach(async () => {
  await server.close()
})

function client(options: WikidataClientOptions = {}): WikidataClient {
  return new WikidataClient({ baseUrl: server.url, requestsPerSecond: 1000, backoffMs: 5, retries: 1, ...options })
}

const entityRequests = () => server.requests.filter((r) => r.includes('action=wbgetentities')).map((r) => new URL(r, 'http://x').searchParams)

describe('WikidataClient.fetchSoftware', () => {
  it('reads labels, descriptions, logo, website, repository, licence (SPDX), latest version and developers', async () => {
    const fetched = await client().fetchSoftware(['Q10135', 'Q171477', 'Q698'])
    expect(fetched.missing).toEqual([])
    expect(fetched.failures).toEqual([])
    expect(fetched.software.get('Q10135')).toEqual({
      id: 'Q10135',
      labels: { fr: 'LibreOffice', en: 'LibreOffice' },
      descriptions: { fr: 'suite bureautique libre', en: 'free and open-source office suite' },
      logoUrl: 'https://commons.wikimedia.org/wiki/Special:FilePath/LibreOffice_7.5_Logo_Flat.svg',
      website: 'https://www.libreoffice.org/',
      repositoryUrl: 'https://git.libreoffice.org/core',
      licenceItems: ['Q25428413'],
      licence: 'MPL-2.0',
      // The preferred statement, although others are normal and one deprecated.
      latestVersion: { name: '24.8.2', publishedOn: '2024-10-03' },
      developerItems: ['Q1201283'],
      developers: ['The Document Foundation'],
    })
    const vlc = fetched.software.get('Q171477')!
    // No preferred statement: the latest publication date wins.
    expect(vlc.latestVersion).toEqual({ name: '3.0.21', publishedOn: '2024-06-10' })
    expect(vlc.licence).toBe('GPL-2.0-or-later')
    expect(vlc.developers).toEqual(['VideoLAN', 'Q7397000'])
    // Two licences: left for a person to write.
    expect(fetched.software.get('Q698')!.licence).toBeNull()
    // One request for the software, then one for their licences' claims and one for their developers' labels.
    const requests = entityRequests()
    expect(requests.map((p) => [p.get('ids'), p.get('props')])).toEqual([
      ['Q10135|Q171477|Q698', 'labels|descriptions|claims'],
      ['Q25428413|Q27016752', 'claims'],
      ['Q1201283|Q1046479|Q7397000', 'labels'],
    ])
    expect(requests.every((p) => p.get('maxlag') === '5' && p.get('format') === 'json' && p.get('languages') === 'fr|en')).toBe(true)
  })

  it('asks fifty ids a request', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `Q${900_000 + i}`)
    for (const id of ids) server.items.set(id, item(id, { labels: { en: id } }))
    const fetched = await client().fetchSoftware(ids)
    expect(fetched.software.size).toBe(120)
    expect(entityRequests().map((p) => p.get('ids')!.split('|').length)).toEqual([50, 50, 20])
  })

  it('reports ids Wikidata does not have, and the ids it cannot resolve at all', async () => {
    const fetched = await client().fetchSoftware(['Q10135', 'Q999999999', 'Qx'])
    expect(fetched.missing.sort()).toEqual(['Q999999999', 'Qx'])
    expect([...fetched.software.keys()]).toEqual(['Q10135'])
  })

  it('waits for a 429’s Retry-After and for a maxlag answer, then reads', async () => {
    server.script.push({ status: 429, headers: { 'retry-after': '1' }, body: '{"error":{"code":"too-many-requests"}}' }, maxlagReply(1))
    const fetched = await client().fetchSoftware(['Q10135'])
    expect(fetched.failures).toEqual([])
    expect(fetched.software.get('Q10135')!.licence).toBe('MPL-2.0')
    expect(entityRequests()[0]!.get('ids')).toBe('Q10135')
    expect(entityRequests().filter((p) => p.get('ids') === 'Q10135')).toHaveLength(3)
  })

  it('reports a server error, a timeout or invalid JSON as the batch’s failure', async () => {
    server.script.push({ status: 500, body: 'upstream connect error' }, { status: 502, body: '' })
    expect((await client().fetchSoftware(['Q10135'])).failures).toEqual([{ ids: ['Q10135'], error: expect.stringContaining('answered 502') }])

    server.script.push({ hang: true })
    expect((await client({ timeoutMs: 200, retries: 0 }).fetchSoftware(['Q10135'])).failures).toEqual([{ ids: ['Q10135'], error: expect.stringContaining('timed out') }])

    server.script.push({ body: '<!DOCTYPE html><title>Wikimedia Error</title>' }, { body: '{"entities":' })
    const invalid = await client().fetchSoftware(['Q10135'])
    expect(invalid.failures).toEqual([{ ids: ['Q10135'], error: expect.stringContaining('invalid JSON') }])
    expect(invalid.software.size).toBe(0)
  })

  it('gives up on a lag longer than it waits', async () => {
    server.script.push(maxlagReply(600))
    const fetched = await client({ maxWaitMs: 1000 }).fetchSoftware(['Q10135'])
    expect(fetched.failures[0]!.error).toMatch(/lagging/)
  })
})

describe('WikidataClient.searchSoftware', () => {
  it('answers the items whose label matches, in the locale’s language, with their page', async () => {
    const found = await client().searchSoftware('libre', 'fr')
    expect(found).toEqual([{ id: 'Q10135', label: 'LibreOffice', description: 'suite bureautique libre', url: `${server.url}/wiki/Q10135` }])
    const asked = new URL(server.requests.at(-1)!, 'http://x').searchParams
    expect(Object.fromEntries(asked)).toMatchObject({ action: 'wbsearchentities', search: 'libre', language: 'fr', uselang: 'fr', type: 'item' })
    expect(await client().searchSoftware('   ', 'en')).toEqual([])
  })
})
