import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WikidataClient } from '../../adapters/wikidata/wikidata-client.ts'
import { startWikidataServer, type WikidataServer } from '../../testing/wikidata-server.ts'
import { wikidataCandidates } from './add-software.ts'

describe('Wikidata’s candidates for a software being added', () => {
  let server: WikidataServer
  beforeAll(async () => {
    server = await startWikidataServer()
  })
  afterAll(() => server.close())

  it('offers the items whose label matches, each filling the name, description and Wikidata id', async () => {
    const candidates = await wikidataCandidates(new WikidataClient({ baseUrl: server.url, requestsPerSecond: 100 }), 'fr')({ name: 'libreoffice' })
    expect(candidates[0]).toMatchObject({
      source: 'wikidata',
      label: 'LibreOffice (Q10135)',
      detail: 'suite bureautique libre',
      url: `${server.url}/wiki/Q10135`,
      prefill: { name: 'LibreOffice', description_fr: 'suite bureautique libre', wikidata_id: 'Q10135' },
    })
  })

  it('offers nothing, quickly, when Wikidata does not answer: the form works on without it', async () => {
    const unreachable = new WikidataClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, retries: 0, maxWaitMs: 0 })
    expect(await wikidataCandidates(unreachable, 'en')({ name: 'LibreOffice' })).toEqual([])
  })
})
