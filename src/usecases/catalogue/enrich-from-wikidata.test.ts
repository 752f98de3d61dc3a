import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewSoftware } from '../../adapters/db/schema.ts'
import { WikidataClient } from '../../adapters/wikidata/wikidata-client.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { startWikidataServer, type WikidataServer } from '../../testing/wikidata-server.ts'
import { enrichFromWikidata } from './enrich-from-wikidata.ts'

let context: TestContext
let server: WikidataServer
let wikidata: WikidataClient

const rows: NewSoftware[] = [
  // Imported from the SILL: its description is the SILL's prose; the website an agent corrected.
  { slug: 'libreoffice', name: 'LibreOffice', sill_id: '78', wikidata_id: 'Q10135', description_fr: 'Suite bureautique soutenue par la communauté du logiciel libre', description_en: '', website: 'https://fr.libreoffice.org/', field_sources: JSON.stringify({ website: 'manual' }) },
  // Added in Socle by a person: their licence is theirs.
  { slug: 'vlc', name: 'VLC', wikidata_id: 'Q171477', description_fr: '', description_en: '', licence: 'GPL-2.0-only' },
  { slug: 'firefox', name: 'Firefox', wikidata_id: 'Q698', description_fr: '', description_en: '', website: 'https://www.mozilla.org/fr/firefox/', field_sources: JSON.stringify({ website: 'wikidata' }) },
  { slug: 'disparu', name: 'Disparu', wikidata_id: 'Q999999999', description_fr: '', description_en: '', website: 'https://disparu.example/' },
  { slug: 'mal-saisi', name: 'Mal saisi', wikidata_id: 'libreoffice', description_fr: '', description_en: '' },
  { slug: 'sans-wikidata', name: 'Sans Wikidata', description_fr: '', description_en: '' },
]

const row = (slug: string) => context.database.db.selectFrom('software').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow()

beforeAll(async () => {
  context = await createTestContext()
  server = await startWikidataServer()
  wikidata = new WikidataClient({ baseUrl: server.url, requestsPerSecond: 1000, backoffMs: 5, retries: 1, timeoutMs: 300 })
  await context.stores.software.insert(rows)
})
afterAll(async () => {
  await server.close()
  await context.close()
})

describe('enrichFromWikidata', () => {
  it('fills empty fields, never overwrites what a person set, records where each value came from, and reports what failed', async () => {
    const before = await row('libreoffice')
    const report = await enrichFromWikidata(context.database.db, wikidata, new Date('2026-11-23T10:00:00Z'))
    expect(report).toMatchObject({ source: 'wikidata', considered: 5, updated: 3 })
    expect(report.failures).toEqual([
      { software: 'mal-saisi', error: '"libreoffice" is not a Wikidata item id (Q followed by digits).' },
      { software: 'disparu', error: 'Wikidata has no item Q999999999.' },
    ])

    const libreoffice = await row('libreoffice')
    expect(libreoffice).toMatchObject({
      description_fr: 'Suite bureautique soutenue par la communauté du logiciel libre',
      description_en: 'free and open-source office suite',
      website: 'https://fr.libreoffice.org/',
      logo_url: 'https://commons.wikimedia.org/wiki/Special:FilePath/LibreOffice_7.5_Logo_Flat.svg',
      repository_url: 'https://git.libreoffice.org/core',
      licence: 'MPL-2.0',
      latest_version: '24.8.2',
      developers: ['The Document Foundation'],
      version: before.version + 1,
    })
    expect(libreoffice.latest_release_on).not.toBeNull()
    expect(libreoffice.field_sources).toEqual({
      website: 'manual',
      description_en: 'wikidata',
      logo_url: 'wikidata',
      repository_url: 'wikidata',
      licence: 'wikidata',
      latest_version: 'wikidata',
      latest_release_on: 'wikidata',
    })
    expect(libreoffice.enrichment).toEqual({ wikidata: { checkedAt: '2026-11-23T10:00:00.000Z' } })
    expect(report.kept).toBeGreaterThanOrEqual(2) // LibreOffice's website and description_fr, VLC's licence

    const vlc = await row('vlc')
    expect(vlc.licence).toBe('GPL-2.0-only')
    expect(vlc.latest_version).toBe('3.0.21')
    expect((vlc.field_sources as Record<string, string>).licence).toBeUndefined()

    // A value an automatic source wrote is replaced by the newer one.
    expect((await row('firefox')).website).toBe('https://www.mozilla.org/firefox/')

    const disparu = await row('disparu')
    expect(disparu.website).toBe('https://disparu.example/')
    expect(disparu.enrichment).toEqual({ wikidata: { checkedAt: '2026-11-23T10:00:00.000Z', error: 'Wikidata has no item Q999999999.' } })

    const audit = await context.stores.audit.forSubject('software', libreoffice.id)
    expect(audit[0]).toMatchObject({ action: 'software.enriched', agent_id: null })
  })

  it('changes nothing, not even the version, when run again', async () => {
    const before = await row('libreoffice')
    const report = await enrichFromWikidata(context.database.db, wikidata, new Date('2026-11-24T10:00:00Z'))
    expect(report.updated).toBe(0)
    const after = await row('libreoffice')
    expect(after.version).toBe(before.version)
    expect(after.updated_at).toEqual(before.updated_at)
  })

  it('keeps the last good data when Wikidata fails (server error, timeout, invalid JSON) and says what failed', async () => {
    const before = await row('libreoffice')
    for (const trouble of [[{ status: 503 }, { status: 503 }], [{ hang: true }, { hang: true }], [{ body: '{"entities":' }, { body: '{"entities":' }]]) {
      server.script.push(...trouble)
      const report = await enrichFromWikidata(context.database.db, wikidata, new Date('2026-11-25T10:00:00Z'))
      expect(report.updated).toBe(0)
      const failure = report.failures.find((f) => f.software === 'libreoffice')
      expect(failure?.error).toMatch(/^Wikidata could not be read \(wbgetentities\): its API (answered 503|timed out|answered invalid JSON)/)
      const after = await row('libreoffice')
      expect({ ...after, enrichment: null }).toEqual({ ...before, enrichment: null })
      expect((after.enrichment as { wikidata: { error: string } }).wikidata.error).toBe(failure!.error)
    }
  })
})
