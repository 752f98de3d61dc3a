import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validatePublicCode } from '../../domain/publiccode/index.ts'
import { buildDocument, compacted, generate, issueTarget, issueTargets, loadForm, readForm, withRow, type FormBody } from './publiccode-form.ts'

const root = new URL('../../../../shared/conformance/publiccode/', import.meta.url)
const cases: Record<string, { verdict: string }> = JSON.parse(readFileSync(new URL('cases.json', root), 'utf8'))
const validFiles = Object.keys(cases).filter((file) => cases[file]?.verdict === 'valid')
const read = (file: string) => readFileSync(new URL(file, root), 'utf8')

describe('the editor form', () => {
  it.each(validFiles)('gives back the document of %s when saved unchanged', (file) => {
    const text = read(file)
    const { document } = validatePublicCode(text)
    const { form, unreadable } = loadForm(text)
    expect(unreadable).toBeNull()
    const { result } = generate(form)
    expect(result.errors).toEqual([])
    // Older files are moved to the latest version of the standard; nothing else changes.
    expect(result.document).toEqual({ ...document, publiccodeYmlVersion: '0' })
  })

  it('keeps the keys it does not show, and removes those whose field is emptied', () => {
    const { form } = loadForm(read('valid/valid.yml'))
    form.text.landingURL = ''
    form.text.name = 'Méduse'
    form.descriptions.find((d) => d.language === 'en')!.documentation = ''
    form.categories = ['it-security']
    const document = buildDocument(form)
    expect(document.name).toBe('Méduse')
    expect(document).not.toHaveProperty('landingURL')
    expect(document.categories).toEqual(['it-security'])
    expect(document.description['en']).not.toHaveProperty('documentation')
    // Not in the form: kept as loaded.
    expect(document.dependsOn?.open?.[0]).toEqual({ name: 'MySQL', versionMin: '1.1', versionMax: '1.3', optional: true })
    expect(document.description['en']?.awards).toEqual(['1st Price Software of the year'])
    expect(document.IT?.piattaforme?.spid).toBe(true)
  })

  it('removes an object whose fields are all emptied, and leaves out languages left empty', () => {
    const { form } = loadForm(read('valid/valid_with_organisation.yml'))
    form.text['organisation.uri'] = ''
    form.text['organisation.name'] = ''
    const document = buildDocument(form)
    expect(document).not.toHaveProperty('organisation')
    expect(Object.keys(document.description)).toEqual(['en-GB'])
  })

  it('loads what it can of an invalid file, and nothing of an unreadable one', () => {
    const invalid = loadForm('publiccodeYmlVersion: "0"\nname: Medusa\nplatforms: [web, 42]\nlegal: {license: 1}\n')
    expect(invalid.unreadable).toBeNull()
    expect(invalid.form.text.name).toBe('Medusa')
    expect(invalid.form.platforms).toEqual(['web', '42'])
    expect(invalid.form.text['legal.license']).toBe('1')

    const unreadable = loadForm('name: [unclosed\n')
    expect(unreadable.unreadable).toMatchObject({ key: '' })
    expect(unreadable.form.original).toBe('')
    expect(unreadable.form.text.name).toBe('')
  })

  it('reads a post: repeated names, rows as shown, CRLF line breaks, unknown languages refused', () => {
    const body: FormBody = {
      name: ' Medusa ',
      platforms: ['web', 'linux'],
      platformsOther: 'plan9, haiku',
      categories: 'office',
      descriptionLanguages: 'fr,en,it,<script>',
      'description.it.features': 'Uno\r\nDue\r\n',
      'description.it.longDescription': '\r\nLunga\r\n',
      'maintenance.contacts[0].name': '',
      'maintenance.contacts[1].name': 'Ada',
      'maintenance.contacts[1].email': 'ada@example.org',
      'localisation.localisationReady': 'true',
      'localisation.availableLanguages': 'fr, en it',
    }
    const form = readForm(body)
    expect(form.text.name).toBe('Medusa')
    expect(form.platforms).toEqual(['web', 'linux', 'plan9', 'haiku'])
    expect(form.categories).toEqual(['office'])
    expect(form.descriptions.map((d) => d.language)).toEqual(['fr', 'en', 'it'])
    expect(form.descriptions[2]).toMatchObject({ features: ['Uno', 'Due'], longDescription: '\nLunga\n' })
    expect(form.rows.contacts).toEqual([
      { name: '', email: '', phone: '', affiliation: '' },
      { name: 'Ada', email: 'ada@example.org', phone: '', affiliation: '' },
    ])
    expect(form.localisationReady).toBe(true)
    expect(form.availableLanguages).toEqual(['fr', 'en', 'it'])

    // Saving drops empty rows, so that the validator's row numbers are the rows shown.
    expect(compacted(form).rows.contacts.map((row) => row.name)).toEqual(['Ada', undefined])
    expect(buildDocument(form).maintenance.contacts).toEqual([{ name: 'Ada', email: 'ada@example.org' }])
    expect(withRow(form, 'contractors').rows.contractors).toHaveLength(1)
  })

  it('puts each issue next to its field, or the nearest group that has it', () => {
    const targets = issueTargets(loadForm(read('valid/valid.yml')).form)
    expect(issueTarget('name', targets)).toBe('name')
    expect(issueTarget('maintenance.contacts[1].email', targets)).toBe('maintenance.contacts[1].email')
    expect(issueTarget('maintenance.contractors', targets)).toBe('maintenance.contractors')
    expect(issueTarget('description.en.features[0]', targets)).toBe('description.en.features')
    expect(issueTarget('description.en.videos[0]', targets)).toBe('description.en')
    expect(issueTarget('description[en-GB].features', issueTargets(loadForm(read('valid/valid_spdx_or.yml')).form))).toBe('description.en-GB.features')
    expect(issueTarget('categories[3]', targets)).toBe('categories')
    expect(issueTarget('localisation.availableLanguages[0]', targets)).toBe('localisation.availableLanguages')
    expect(issueTarget('dependsOn.open[0].name', targets)).toBeNull()
    expect(issueTarget('', targets)).toBeNull()
  })
})
