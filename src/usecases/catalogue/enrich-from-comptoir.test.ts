import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ComptoirClient } from '../../adapters/comptoir/comptoir-client.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { type ComptoirServer, startComptoirServer } from '../../testing/comptoir-server.ts'
import { enrichFromComptoir } from './enrich-from-comptoir.ts'

let context: TestContext
let server: ComptoirServer
let comptoir: ComptoirClient

const row = (slug: string) => context.database.db.selectFrom('software').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow()

beforeAll(async () => {
  context = await createTestContext()
  server = await startComptoirServer()
  comptoir = new ComptoirClient({ baseUrl: server.url, backoffMs: 5, retries: 1, timeoutMs: 300 })
  await context.stores.software.insert([
    { slug: 'libreoffice', name: 'LibreOffice', comptoir_du_libre_id: 33, description_fr: '', description_en: '', website: 'https://fr.libreoffice.org/' },
    { slug: 'vlc', name: 'VLC', sill_id: '156', comptoir_du_libre_id: 62, description_fr: '', description_en: '' },
    { slug: 'retire', name: 'Retiré', comptoir_du_libre_id: 4242, description_fr: '', description_en: '' },
  ])
})
afterAll(async () => {
  await server.close()
  await context.close()
})

describe('enrichFromComptoir', () => {
  it('keeps the Comptoir link, service providers and user count, fills empty links, and reports a software it no longer lists', async () => {
    // A 429 first: its Retry-After is waited for.
    server.script.push({ status: 429, headers: { 'retry-after': '1' }, body: '' })
    const report = await enrichFromComptoir(context.database.db, comptoir, new Date('2026-11-23T10:00:00Z'))
    expect(report).toMatchObject({ source: 'comptoir', considered: 3, updated: 2, kept: 1 })
    expect(report.failures).toEqual([{ software: 'retire', error: 'Comptoir du Libre does not list the software #4242.' }])
    expect(server.requests).toEqual(['/public/export/comptoir-du-libre_export_v1.json', '/public/export/comptoir-du-libre_export_v1.json'])

    const libreoffice = await row('libreoffice')
    expect(libreoffice).toMatchObject({
      comptoir_url: 'https://comptoir-du-libre.org/fr/softwares/33',
      comptoir_user_count: 3,
      service_providers: [
        { name: 'Arawa', url: 'https://comptoir-du-libre.org/fr/users/140', website: 'https://www.arawa.fr/' },
        { name: 'Libriciel SCOP', url: 'https://comptoir-du-libre.org/fr/users/175', website: 'https://www.libriciel.fr/' },
      ],
      // Set by a person (a row added in Socle): kept.
      website: 'https://fr.libreoffice.org/',
      repository_url: 'https://git.libreoffice.org/core',
      field_sources: { repository_url: 'comptoir' },
    })
    expect(await row('vlc')).toMatchObject({ website: 'https://www.videolan.org/vlc/', comptoir_user_count: 1, service_providers: [], field_sources: { website: 'comptoir', repository_url: 'comptoir' } })
  })

  it('keeps everything when the export cannot be read, and records why on each software', async () => {
    const before = await row('libreoffice')
    for (const trouble of [[{ status: 500 }, { status: 500 }], [{ body: '{"date_of_export":' }, { body: '{"date_of_export":' }], [{ body: '{"error":"maintenance"}' }]]) {
      server.script.push(...trouble)
      const report = await enrichFromComptoir(context.database.db, comptoir, new Date('2026-11-24T10:00:00Z'))
      expect(report.updated).toBe(0)
      expect(report.failures).toHaveLength(3)
      expect(report.failures[0]!.error).toMatch(/answered 500|invalid JSON|no "softwares" list/)
      const after = await row('libreoffice')
      expect({ ...after, enrichment: null }).toEqual({ ...before, enrichment: null })
      expect((after.enrichment as { comptoir: { error: string } }).comptoir.error).toBe(report.failures[0]!.error)
    }
  })
})
