import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SillFormatError } from '../../domain/catalogue/sill-legacy.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { loadDemoContent } from '../system/load-demo-content.ts'
import { importSill } from './import-sill.ts'

const SILL_2022 = new URL('../../../../shared/data/sill-2022/', import.meta.url)
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, SILL_2022), 'utf8'))
const json = readJson('sill.json') as Record<string, unknown>[]
const updates = readJson('sill-updates.json')

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(async () => {
  await context?.close()
})

const software = (sillId: string) =>
  context.database.db
    .selectFrom('software')
    .selectAll()
    .select([sql<string | null>`referenced_on::text`.as('referenced_on'), sql<string | null>`dereferenced_on::text`.as('dereferenced_on')])
    .where('sill_id', '=', sillId)
    .executeTakeFirstOrThrow()

/** Everything the import writes, to tell that a second import changed nothing. */
async function snapshot() {
  const db = context.database.db
  return {
    software: await db.selectFrom('software').selectAll().orderBy('id').execute(),
    similar: await db.selectFrom('software_similar').selectAll().orderBy('software_id').orderBy('similar_id').execute(),
    changes: await db.selectFrom('software_change').selectAll().orderBy('id').execute(),
  }
}

describe('importSill with the SILL of May 2022', () => {
  it('imports the 240 entries and the change log, and reports what it could not map', async () => {
    const result = await importSill(context.database.db, { json, updates })
    expect({ ...result, problems: result.problems.length }).toEqual({ format: 'sill-2022', imported: 240, updated: 0, unchanged: 0, changes: 98, problems: 16 })
    const byField = result.problems.reduce<Record<string, number>>((counts, p) => ({ ...counts, [p.field]: (counts[p.field] ?? 0) + 1 }), {})
    expect(byField).toEqual({ l: 6, p: 4, si: 3, 'updates.id': 3 })
    expect(await context.stores.software.total()).toBe(240)
    const links = await context.database.db.selectFrom('software_similar').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(links.n).toBe(68)
  })

  it('stores 7zip, LibreOffice, Firefox and PostgreSQL field by field', async () => {
    expect(await software('1')).toMatchObject({
      slug: '7zip',
      name: '7zip',
      description_fr: "Logiciel facilitant l'archivage des données",
      description_en: 'Open-source file archiver and extractor',
      function: 'Compression de fichier',
      licence: 'LGPL-2.0-only',
      licence_text: 'LGPL-2.0-only',
      website: 'https://www.7-zip.org/',
      documentation_url: null,
      repository_url: 'https://sourceforge.net/projects/sevenzip/files/7-Zip/',
      wikidata_id: null,
      categories: ['Compression décompression', 'Données et contenu'],
      keywords: ['Compression de fichier'],
      status: 'recommended',
      min_version: '19',
      max_version: null,
      sill_years: [2018, 2019, 2020, 2021, 2022],
      sill_group: 'MIMO',
      support_market: false,
      from_public_service: false,
      comptoir_du_libre_id: 72,
      framalibre_slug: '7-zip',
      parent_id: null,
      referenced_on: null,
      dereferenced_on: null,
      is_demo: false,
      version: 1,
    })
    expect(await software('78')).toMatchObject({ slug: 'libreoffice', licence: 'MPL-2.0', support_market: true, min_version: 'Dernière stable' })
    const firefox = await software('89')
    expect(firefox).toMatchObject({ slug: 'mozilla-firefox-esr', licence: 'MPL-2.0', support_market: true })
    expect(await software('118')).toMatchObject({ slug: 'postgresql', licence: 'PostgreSQL', sill_group: 'MIMPROD', usage_context: 'Base de production' })
    expect((await software('149')).parent_id).toBe(firefox.id)
    expect(await software('57')).toMatchObject({ slug: 'grammalecte-57', parent_id: firefox.id })
  })

  it('stores the dereferenced software with the day and reason', async () => {
    expect(await software('88')).toMatchObject({ status: 'dereferenced', dereferenced_on: '2020-02-18', dereferenced_reason: 'Fin de recommandation', licence: null, licence_text: 'N/A' })
    expect(await software('14')).toMatchObject({ status: 'dereferenced', dereferenced_on: null, last_recommended_version: '2.4.2' })
    expect(await software('182')).toMatchObject({ name: 'RStudio', referenced_on: '2020-02-13' })
  })

  it('stores the similar software and the change log, linked to the catalogue', async () => {
    const db = context.database.db
    const similar = await db
      .selectFrom('software_similar as l')
      .innerJoin('software as s', 's.id', 'l.software_id')
      .innerJoin('software as t', 't.id', 'l.similar_id')
      .select('t.sill_id')
      .where('s.sill_id', '=', '36')
      .orderBy('t.sill_id')
      .execute()
    expect(similar.map((row) => row.sill_id)).toEqual(['162', '173', '203', '211'])

    const changes = await db
      .selectFrom('software_change as c')
      .leftJoin('software as s', 's.id', 'c.software_id')
      .select(['s.sill_id', 'c.software_name', 'c.kind', 'c.version', 'c.source', sql<string>`c.occurred_on::text`.as('occurred_on')])
      .orderBy('c.occurred_on')
      .orderBy('c.software_name')
      .execute()
    expect(changes).toHaveLength(98)
    expect(changes[0]).toEqual({ sill_id: null, software_name: 'Geststock', kind: 'removed', version: null, source: 'sill', occurred_on: '2020-02-10' })
    expect(changes).toContainEqual({ sill_id: '36', software_name: 'Drupal', kind: 'updated', version: '8.8', source: 'sill', occurred_on: '2020-02-13' })
    expect(changes).toContainEqual({ sill_id: '131', software_name: 'Shinken', kind: 'removed', version: '2.4.3', source: 'sill', occurred_on: '2021-03-30' })
  })

  it('changes nothing when the same files are imported again', async () => {
    const before = await snapshot()
    const result = await importSill(context.database.db, { json, updates })
    expect({ ...result, problems: result.problems.length }).toEqual({ format: 'sill-2022', imported: 0, updated: 0, unchanged: 240, changes: 0, problems: 16 })
    expect(await snapshot()).toEqual(before)
  })

  it('updates what changed in the SILL, and only that', async () => {
    const edited = json.map((e) => (e.id === '1' ? { ...e, 'v-': '23.01', st: 'O' } : e.id === '36' ? { ...e, si: '162' } : e))
    const result = await importSill(context.database.db, { json: edited, updates })
    expect(result).toMatchObject({ imported: 0, updated: 2, unchanged: 238, changes: 0 })
    expect(await software('1')).toMatchObject({ min_version: '23.01', status: 'observation', version: 2 })
    expect((await software('36')).version).toBe(1)
    const drupalLinks = await context.database.db
      .selectFrom('software_similar')
      .innerJoin('software', 'software.id', 'software_similar.software_id')
      .where('software.sill_id', '=', '36')
      .select('similar_id')
      .execute()
    expect(drupalLinks).toHaveLength(1)
  })

  it('records its fields as the SILL’s, and keeps a field a person edited in Socle', async () => {
    expect((await software('1')).field_sources).toMatchObject({ description_fr: 'sill', description_en: 'sill', website: 'sill', licence: 'sill', logo_url: 'sill' })
    const db = context.database.db
    await db.updateTable('software').set({ website: 'https://7-zip.example/', field_sources: JSON.stringify({ website: 'manual' }) }).where('sill_id', '=', '1').execute()
    const edited = json.map((e) => (e.id === '1' ? { ...e, website: 'https://www.7-zip.org/new', 'fr-desc': 'Archiveur de fichiers' } : e))
    const result = await importSill(db, { json: edited, updates })
    expect(result.problems).toContainEqual({ id: '1', name: '7zip', field: 'website', reason: 'edited by hand in Socle: kept' })
    expect(await software('1')).toMatchObject({ website: 'https://7-zip.example/', description_fr: 'Archiveur de fichiers', field_sources: { website: 'manual', description_fr: 'sill' } })
  })

  it('writes nothing from a file that is not the SILL', async () => {
    const before = await snapshot()
    await expect(importSill(context.database.db, { json: { software: json } })).rejects.toThrow(SillFormatError)
    await expect(importSill(context.database.db, { json, updates: 'none' })).rejects.toThrow(SillFormatError)
    expect(await snapshot()).toEqual(before)
  })
})

describe('importSill over existing content', () => {
  let demo: TestContext
  beforeAll(async () => {
    demo = await createTestContext()
    await loadDemoContent(demo.database.db)
  })
  afterAll(async () => {
    await demo?.close()
  })

  it('adopts the software already in the catalogue and keeps what the SILL does not say', async () => {
    const demoCount = await demo.stores.software.total()
    const result = await importSill(demo.database.db, { json, updates })
    expect(result.imported + result.updated + result.unchanged).toBe(240)
    expect(await demo.stores.software.total()).toBe(demoCount + result.imported)
    const libreoffice = await demo.database.db.selectFrom('software').selectAll().where('slug', '=', 'libreoffice').executeTakeFirstOrThrow()
    // The demo row becomes the SILL's: its Wikidata id, which the 2022 file lacks, stays.
    expect(libreoffice).toMatchObject({ sill_id: '78', is_demo: false, wikidata_id: 'Q10135', support_market: true, version: 2 })
  })

  it('takes Catalogi entries as the same software, by SILL id, without erasing what its format lacks', async () => {
    const catalogi = [
      {
        id: 1,
        name: '7zip',
        description: { fr: 'Compression de fichiers' },
        license: 'LGPL-2.0-only',
        addedTime: '2018-01-01T00:00:00.000Z',
        updateTime: '2025-09-05T12:31:21.708Z',
        applicationCategories: ['Compression'],
        customAttributes: { versionMin: '24' },
        keywords: ['zip'],
        externalId: 'Q215051',
        sourceSlug: 'wikidata',
        similarSoftwares: [],
      },
    ]
    const result = await importSill(demo.database.db, { json: catalogi })
    expect(result).toMatchObject({ format: 'catalogi-v2', imported: 0, updated: 1, problems: [] })
    const sevenZip = await demo.database.db.selectFrom('software').selectAll().where('sill_id', '=', '1').executeTakeFirstOrThrow()
    expect(sevenZip).toMatchObject({
      slug: '7zip',
      description_fr: 'Compression de fichiers',
      description_en: 'Open-source file archiver and extractor',
      wikidata_id: 'Q215051',
      min_version: '24',
      categories: ['Compression'],
      sill_years: [2018, 2019, 2020, 2021, 2022],
      sill_group: 'MIMO',
    })
  })
})
