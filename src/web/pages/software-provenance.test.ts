import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { buildApp } from '../app.tsx'

let context: TestContext
let app: FastifyInstance

const HOSTILE = '<script>alert("x")</script>'

beforeAll(async () => {
  context = await createTestContext()
  await context.stores.software.insert([
    {
      slug: 'libreoffice',
      name: 'LibreOffice',
      sill_id: '78',
      wikidata_id: 'Q10135',
      comptoir_du_libre_id: 33,
      comptoir_url: 'https://comptoir-du-libre.org/fr/softwares/33',
      comptoir_user_count: 3,
      description_fr: 'Suite bureautique soutenue par la communauté du logiciel libre',
      description_en: 'free and open-source office suite',
      website: 'https://fr.libreoffice.org/',
      licence: 'MPL-2.0',
      repository_url: 'https://git.libreoffice.org/core',
      latest_version: '24.8.2',
      developers: ['The Document Foundation'],
      service_providers: JSON.stringify([
        { name: 'Arawa', url: 'https://comptoir-du-libre.org/fr/users/140', website: 'https://www.arawa.fr/' },
        { name: HOSTILE, url: null, website: null },
      ]),
      field_sources: JSON.stringify({ website: 'manual', licence: 'wikidata', repository_url: 'comptoir', latest_version: 'wikidata', description_en: 'wikidata' }),
    },
  ])
  app = await buildApp(context, { logger: false })
})
afterAll(async () => {
  await app.close()
  await context.close()
})

describe('software page: where each field came from', () => {
  it('says the source of each field, linked to the Wikidata item or the Comptoir page, and lists developers and service providers', async () => {
    const response = await app.inject({ url: '/fr/catalogue/libreoffice' })
    expect(response.statusCode).toBe(200)
    const html = response.body
    const wikidata = '(source : <a href="https://www.wikidata.org/wiki/Q10135" rel="noopener noreferrer" target="_blank">Wikidata</a>)'
    // Licence, latest version and developers from Wikidata; the repository from Comptoir; the website a person set; the French description the SILL's.
    expect(html.split(wikidata).length - 1).toBe(3)
    expect(html).toContain('(source : <a href="https://comptoir-du-libre.org/fr/softwares/33" rel="noopener noreferrer" target="_blank">Comptoir du Libre</a>)')
    expect(html).toContain('(source : saisie par une personne)')
    expect(html).toContain('(source : SILL)')
    expect(html).toContain('The Document Foundation')
    expect(html).toContain('<a href="https://www.arawa.fr/" rel="noopener noreferrer" target="_blank">Arawa</a>')
    expect(html).toContain('Selon le Comptoir du Libre (utilisateurs qui l’y déclarent : 3).')
    expect(html).not.toContain(HOSTILE)
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script>')

    const english = (await app.inject({ url: '/en/catalogue/libreoffice' })).body
    expect(english).toContain('free and open-source office suite<span class="fr-text--xs fr-ml-1w">(source: <a href="https://www.wikidata.org/wiki/Q10135"')
    expect(english).toContain('(source: entered by a person)')
  })
})
