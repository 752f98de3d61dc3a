import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readSill, SillFormatError, type SillCatalogue, type SillEntry } from './sill-legacy.ts'

const SILL_2022 = new URL('../../../../shared/data/sill-2022/', import.meta.url)
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, SILL_2022), 'utf8'))

const sill = readSill(readJson('sill.json'), readJson('sill-updates.json'))
const entry = (sillId: string): SillEntry => {
  const found = sill.entries.find((e) => e.sillId === sillId)
  if (!found) throw new Error(`no entry ${sillId}`)
  return found
}
const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {})

/** A legacy entry with every key, as the 2022 file writes an entry without Wikidata data. */
const legacy = (fields: Record<string, unknown>): Record<string, unknown> => ({
  id: '1', i: 'Logiciel', 'fr-desc': null, 'en-desc': null, f: '', c: '', se: '', l: 'MIT', st: 'R', 'v-': '', 'v+': '', y: '2022',
  su: '', co: '', g: 'MIMO', p: '', u: '', a: '', si: '', la: '', website: null, sources: null, doc: null, logo: null, frama: null,
  ...fields,
})

describe('readSill on the SILL of May 2022', () => {
  it('reads every entry and the whole change log', () => {
    expect(sill.format).toBe('sill-2022')
    expect(sill.entries).toHaveLength(240)
    expect(sill.changes).toHaveLength(98)
    expect(new Set(sill.entries.map((e) => e.slug)).size).toBe(240)
    // FR ("fin de recommandation") is on its way out; one R entry left the SILL after 2019.
    expect(countBy(sill.entries, (e) => e.status)).toEqual({ recommended: 179, observation: 48, dereferenced: 13 })
  })

  it('maps the licences of nearly every entry, and reports the others', () => {
    const mapped = sill.entries.filter((e) => e.licence !== null).length
    console.log(`SILL 2022 licences mapped to SPDX: ${mapped}/240 (${((100 * mapped) / 240).toFixed(1)}%)`)
    expect(mapped).toBe(234)
    expect(sill.entries.every((e) => e.licenceText !== null)).toBe(true)
    expect(sill.problems.filter((p) => p.field === 'l').map((p) => p.name)).toEqual(['CentOS', 'Debian', 'EOLE (Ubuntu)', 'MongoDB', 'ProjectLibre', 'Topaze'])
  })

  it('reports what it could not map, or mapped loosely, by kind', () => {
    expect(countBy(sill.problems, (p) => p.field)).toEqual({ l: 6, p: 4, si: 3, 'updates.id': 3 })
    expect(sill.problems).toContainEqual({ id: '233', name: 'Onyxia', field: 'si', reason: 'similar software "AWS" is not in the catalogue' })
    expect(sill.problems).toContainEqual({
      id: '149',
      name: 'uBlock Origin',
      field: 'p',
      reason: 'parent "Firefox" matched by part of the name of "Mozilla Firefox ESR" (SILL id 89): check it',
    })
  })

  it('maps 7zip (id 1) field by field', () => {
    expect(entry('1')).toEqual({
      sillId: '1',
      slug: '7zip',
      name: '7zip',
      descriptionFr: "Logiciel facilitant l'archivage des données",
      descriptionEn: 'Open-source file archiver and extractor',
      function: 'Compression de fichier',
      licence: 'LGPL-2.0-only',
      licenceText: 'LGPL-2.0-only',
      website: 'https://www.7-zip.org/',
      documentationUrl: null,
      repositoryUrl: 'https://sourceforge.net/projects/sevenzip/files/7-Zip/',
      logoUrl: 'https://upload.wikimedia.org/wikipedia/commons/thumb/f/f2/7ziplogo.svg/1200px-7ziplogo.svg.png',
      wikidataId: null,
      categories: ['Compression décompression', 'Données et contenu'],
      keywords: ['Compression de fichier'],
      status: 'recommended',
      referencedOn: null,
      dereferencedOn: null,
      dereferencedReason: null,
      lastRecommendedVersion: null,
      minVersion: '19',
      maxVersion: null,
      latestVersion: null,
      sillYears: [2018, 2019, 2020, 2021, 2022],
      sillGroup: 'MIMO',
      supportMarket: false,
      fromPublicService: false,
      comptoirDuLibreId: 72,
      framalibreSlug: '7-zip',
      catalogueNumeriqueUrl: null,
      usageContext: null,
      parentSillId: null,
      similarSillIds: [],
    })
  })

  it('maps LibreOffice, Firefox and PostgreSQL, covered by the support market', () => {
    expect(entry('78')).toMatchObject({ slug: 'libreoffice', licence: 'MPL-2.0', supportMarket: true, minVersion: 'Dernière stable', framalibreSlug: null, comptoirDuLibreId: 33 })
    expect(entry('89')).toMatchObject({ slug: 'mozilla-firefox-esr', name: 'Mozilla Firefox ESR', licence: 'MPL-2.0', supportMarket: true, usageContext: 'Navigateur' })
    expect(entry('118')).toMatchObject({ slug: 'postgresql', licence: 'PostgreSQL', sillGroup: 'MIMPROD', minVersion: '10', categories: ['Bases de données relationnelles', 'Données et contenu'] })
  })

  it('links parents by id or name, and similar software by id, whatever the separator', () => {
    expect(entry('149').parentSillId).toBe('89')
    expect(entry('56')).toMatchObject({ slug: 'grammalecte', parentSillId: '78' })
    expect(entry('57')).toMatchObject({ slug: 'grammalecte-57', parentSillId: '89' })
    expect(entry('4').parentSillId).toBe('101') // "OCS Inventory", not "OCS Inventory ng"
    expect(entry('36').similarSillIds).toEqual(['162', '173', '203', '211'])
    expect(entry('208').similarSillIds).toEqual(['209', '216']) // "209, 216"
    expect(entry('233')).toMatchObject({ similarSillIds: [], fromPublicService: true })
  })

  it('maps the end of recommendation and the software left out of the latest SILL to dereferenced', () => {
    expect(entry('14')).toMatchObject({ name: 'Audacity', status: 'dereferenced', dereferencedReason: 'Fin de recommandation', maxVersion: '2.4.2', lastRecommendedVersion: '2.4.2' })
    // The change log dates the removal; "N/A" says nothing of a version or a licence.
    expect(entry('88')).toMatchObject({ name: 'MongoDB', status: 'dereferenced', dereferencedOn: '2020-02-18', minVersion: null, licence: null, licenceText: 'N/A' })
    expect(entry('190')).toMatchObject({ status: 'dereferenced', dereferencedReason: 'Absent du SILL 2022', lastRecommendedVersion: '1.7', sillYears: [2018, 2019] })
    expect(entry('131')).toMatchObject({ name: 'Shinken', sillYears: [2019, 2020], dereferencedOn: '2021-03-30' })
  })

  it('unifies the spellings of a category', () => {
    const sections = new Set(sill.entries.map((e) => e.categories[1]))
    expect(sections).toContain('Conception & Développement')
    expect(sections).not.toContain('Conception et développement')
    expect(sections).not.toContain('Conception & développement')
  })

  it('parses the change log with its dates and links it to the entries', () => {
    expect(sill.changes[0]).toEqual({ sillId: null, softwareName: 'Geststock', kind: 'removed', version: null, comment: "Suppression de Geststock, qui n'a plus de référent.", occurredOn: '2020-02-10' })
    expect(sill.changes).toContainEqual({ sillId: '36', softwareName: 'Drupal', kind: 'updated', version: '8.8', comment: 'Mise à jour de Drupal en version 8.8.', occurredOn: '2020-02-13' })
    expect(countBy(sill.changes, (c) => c.kind)).toEqual({ added: 52, updated: 39, removed: 7 })
    // A renamed software keeps its id; an id that names another software loses to the exact name.
    expect(sill.changes.find((c) => c.softwareName === 'Fitness')?.sillId).toBe('44')
    expect(sill.changes.find((c) => c.softwareName === 'Shinken')?.sillId).toBe('131')
    expect(entry('182')).toMatchObject({ name: 'RStudio', referencedOn: '2020-02-13' })
  })
})

describe('readSill rules', () => {
  const one = (fields: Record<string, unknown>): SillCatalogue => readSill([legacy(fields)])

  it('reads years, flags, versions and links', () => {
    expect(one({ y: '2019 ; 2020 ;' }).entries[0]!.sillYears).toEqual([2019, 2020])
    expect(one({ y: '2019 ; vingt' }).problems).toEqual([{ id: '1', name: 'Logiciel', field: 'y', reason: '"vingt" is not a year' }])
    expect(one({ su: 'Oui', a: 'oui' }).entries[0]).toMatchObject({ supportMarket: true, fromPublicService: true })
    expect(one({ su: 'Peut-être' }).entries[0]!.supportMarket).toBeNull()
    expect(one({ 'v-': 'N/A', 'v+': '-' }).entries[0]).toMatchObject({ minVersion: null, maxVersion: null })
    expect(one({ sources: 'git://git.kernel.org/pub/scm/virt/kvm/kvm.git' }).entries[0]!.repositoryUrl).toBe('git://git.kernel.org/pub/scm/virt/kvm/kvm.git')
    const hostile = one({ website: 'javascript:alert(1)', logo: 'not a url' })
    expect(hostile.entries[0]).toMatchObject({ website: null, logoUrl: null })
    expect(hostile.problems.map((p) => p.field)).toEqual(['website', 'logo'])
  })

  it('keeps hostile text as text', () => {
    const read = one({ i: '<script>alert("x")</script>', 'fr-desc': '<img src=x onerror=alert(1)>', u: "'; drop table software; --" })
    expect(read.entries[0]).toMatchObject({ name: '<script>alert("x")</script>', slug: 'script-alert-x-script', descriptionFr: '<img src=x onerror=alert(1)>', usageContext: "'; drop table software; --" })
  })

  it('reads an unknown status as observation, and reports it', () => {
    const read = one({ st: 'Z' })
    expect(read.entries[0]!.status).toBe('observation')
    expect(read.problems).toEqual([{ id: '1', name: 'Logiciel', field: 'st', reason: 'unknown status "Z": read as observation' }])
  })

  it('refuses what is not the SILL as a whole', () => {
    expect(() => readSill({ softwares: [] })).toThrow(SillFormatError)
    expect(() => readSill('sill')).toThrow('The SILL must be a JSON array of software entries, not a string.')
    expect(() => readSill([1, 2])).toThrow('The SILL entries must be JSON objects.')
    expect(() => readSill([{ title: 'x' }])).toThrow(/Unknown SILL format/)
    expect(() => readSill([legacy({})], { updates: [] })).toThrow('The SILL change log must be a JSON array, not an object.')
    expect(readSill([])).toMatchObject({ format: null, entries: [], problems: [] })
  })

  it('leaves out the entries without id or name, and repeated ids, with a problem each', () => {
    const read = readSill([legacy({}), legacy({ id: undefined, i: 'Sans id' }), legacy({ id: '2', i: '  ' }), legacy({ id: '1', i: 'Encore' }), 'texte', legacy({ id: '3', y: 2022 })])
    expect(read.entries.map((e) => e.sillId)).toEqual(['1', '3'])
    expect(read.entries[1]!.sillYears).toEqual([])
    expect(read.problems).toEqual([
      { id: null, name: 'Sans id', field: 'id', reason: 'required: a number or a string of digits' },
      { id: '2', name: '  ', field: 'i', reason: 'required: the name' },
      { id: null, name: null, field: 'entry', reason: 'not an object but a string' },
      { id: '3', name: 'Logiciel', field: 'y', reason: 'Invalid input: expected string, received number' },
      { id: '1', name: 'Encore', field: 'id', reason: 'SILL id 1 is already used by an earlier entry: entry left out' },
    ])
  })

  it('reports dangling links and self-references', () => {
    const read = readSill([legacy({ si: '1 ; 9', p: 'Inconnu' }), legacy({ id: '2', i: 'Autre', p: '2' })])
    expect(read.entries.map((e) => [e.parentSillId, e.similarSillIds])).toEqual([[null, []], [null, []]])
    expect(read.problems.map((p) => p.reason)).toEqual([
      'parent "Inconnu" is not in the catalogue',
      'a software is not similar to itself',
      'similar software "9" is not in the catalogue',
      'a software cannot be its own parent',
    ])
  })

  it('reports change-log lines it cannot read', () => {
    const read = readSill([legacy({})], [
      { type: 'Ajout', logiciel: 'Logiciel', id: '1', version: '', commentaire: '', date: '<2021-02-30 mar.>' },
      { type: 'Renommage', logiciel: 'Logiciel', id: '1', version: '', commentaire: '', date: '<2021-02-03 mer.>' },
      { type: 'Ajout', id: '1', date: '2021-02-03' },
      { type: 'Ajout', logiciel: 'Logiciel', id: 1, version: '1.0', commentaire: 'Ajout', date: '2021-02-03' },
      { type: 'Ajout', logiciel: 'Logiciel', id: 1, version: '1.0', commentaire: 'Ajout', date: '2021-02-03' },
    ])
    expect(read.changes).toEqual([{ sillId: '1', softwareName: 'Logiciel', kind: 'added', version: '1.0', comment: 'Ajout', occurredOn: '2021-02-03' }])
    expect(read.entries[0]!.referencedOn).toBe('2021-02-03')
    expect(read.problems.map((p) => [p.field, p.reason])).toEqual([
      ['updates.date', '"<2021-02-30 mar.>" is not a date: line left out'],
      ['updates.type', 'unknown kind of change "Renommage": line left out'],
      ['updates.logiciel', 'required: the software name'],
    ])
  })
})

describe('readSill on the Catalogi export', () => {
  // Made-up entries in the shape of Catalogi's `/v2/catalogi.json` (codegouvfr/catalogi, api/src/rpc/publicApi/schema.ts).
  const wikidata = (id: string) => ({ '@type': 'PropertyValue', value: id, subjectOf: { '@type': 'Website', name: 'Wikidata', url: 'https://www.wikidata.org/', additionalType: 'wikidata' }, additionalType: 'Software' })
  const catalogi = [
    {
      id: 1,
      name: '7zip',
      description: { fr: 'Compression de fichiers', en: 'File compression' },
      image: 'https://example.org/7zip.png',
      url: 'https://7-zip.org/',
      codeRepositoryUrl: 'https://github.com/ip7z/7zip',
      license: 'LGPL-2.0-only',
      latestVersion: { version: '25.01', releaseDate: '2025-08-03' },
      addedTime: '2018-01-01T00:00:00.000Z',
      updateTime: '2025-09-05T12:31:21.708Z',
      applicationCategories: ['Compression'],
      customAttributes: { versionMin: '19', doRespectRgaa: false, isFromFrenchPublicService: false, isPresentInSupportContract: true },
      keywords: ['compression', { id: 'Q1', 'numeric-id': 1, 'entity-type': 'item' }],
      externalId: 'Q215051',
      sourceSlug: 'wikidata',
      identifiers: [
        wikidata('Q215051'),
        { '@type': 'PropertyValue', value: '7-zip', subjectOf: { '@type': 'Website', name: 'Framalibre', url: 'https://framalibre.org/', additionalType: 'FramaLibre' }, additionalType: 'Software' },
        { '@type': 'PropertyValue', value: '72', subjectOf: { '@type': 'Website', name: 'Comptoir du libre', url: 'https://comptoir-du-libre.org/', additionalType: 'ComptoirDuLibre' }, additionalType: 'Software' },
      ],
      similarSoftwares: [
        { externalId: 'Q688317', sourceSlug: 'wikidata', name: 'WinZip', description: 'file compression software', isLibreSoftware: false, isInCatalogi: false },
        { externalId: 'Q2', sourceSlug: 'wikidata', name: { fr: 'PeaZip' }, description: '', isLibreSoftware: true, isInCatalogi: true, softwareId: 600 },
      ],
      userAndReferentCountByOrganization: { DINUM: { userCount: 1, referentCount: 0 } },
      authors: [],
      providers: [],
      operatingSystems: { windows: true },
      runtimePlatforms: ['desktop'],
      programmingLanguages: ['C++'],
    },
    {
      id: 600,
      name: { fr: 'PeaZip' },
      description: 'Archiveur',
      license: 'GNU',
      addedTime: '2024-05-02T10:00:00+02:00',
      dereferencing: { reason: 'Plus maintenu', time: '2025-09-04T23:50:48.708+02:00', lastRecommendedVersion: '9.0' },
      applicationCategories: [],
      keywords: [],
      similarSoftwares: [],
    },
  ]

  it('detects the format and maps what Socle has a place for', () => {
    const read = readSill(catalogi)
    expect(read.format).toBe('catalogi-v2')
    expect(read.absentFields).toContain('sillYears')
    expect(read.entries[0]).toMatchObject({
      sillId: '1',
      slug: '7zip',
      name: '7zip',
      descriptionFr: 'Compression de fichiers',
      descriptionEn: 'File compression',
      licence: 'LGPL-2.0-only',
      website: 'https://7-zip.org/',
      repositoryUrl: 'https://github.com/ip7z/7zip',
      logoUrl: 'https://example.org/7zip.png',
      wikidataId: 'Q215051',
      categories: ['Compression'],
      keywords: ['compression'],
      status: 'recommended',
      referencedOn: '2018-01-01',
      minVersion: '19',
      latestVersion: '25.01',
      supportMarket: true,
      fromPublicService: false,
      comptoirDuLibreId: 72,
      framalibreSlug: '7-zip',
      similarSillIds: ['600'],
    })
    expect(read.entries[1]).toMatchObject({
      name: 'PeaZip',
      descriptionFr: 'Archiveur',
      licence: null,
      licenceText: 'GNU',
      status: 'dereferenced',
      dereferencedOn: '2025-09-04',
      dereferencedReason: 'Plus maintenu',
      lastRecommendedVersion: '9.0',
      referencedOn: '2024-05-02',
    })
    expect(read.problems).toEqual([
      { id: '600', name: 'PeaZip', field: 'license', reason: 'licence "GNU" has no sound SPDX mapping: kept as written only' },
      { id: '1', name: '7zip', field: 'similarSoftwares', reason: 'similar software "WinZip (Q688317)" is not in the catalogue' },
    ])
  })
})
