import { describe, expect, it } from 'vitest'
import { canDecide, canView, readDereferencing, readReason, readSoftwareForm, softwareFormValues, wikidataId } from './moderation.ts'

const form = (fields: Record<string, unknown>) => softwareFormValues({ name: 'GIMP', ...fields })

describe('who sees a software', () => {
  const pending = { moderation: 'pending', submitted_by: 'a1' }
  it('shows accepted software to everyone', () => {
    expect(canView({ moderation: 'accepted', submitted_by: null }, null)).toBe(true)
  })
  it('shows software awaiting moderation to its author, moderators and the administrator token only', () => {
    expect(canView(pending, null)).toBe(false)
    expect(canView(pending, { id: 'a2', role: 'agent' })).toBe(false)
    expect(canView(pending, { id: 'a1', role: 'agent' })).toBe(true)
    expect(canView(pending, { id: 'a3', role: 'moderator' })).toBe(true)
    expect(canView(pending, { id: 'a3', role: 'admin' })).toBe(true)
    expect(canView(pending, 'administrator')).toBe(true)
  })
  it('decides once, and may still accept what was rejected', () => {
    expect(canDecide('pending', 'accepted')).toBe(true)
    expect(canDecide('pending', 'rejected')).toBe(true)
    expect(canDecide('accepted', 'rejected')).toBe(false)
    expect(canDecide('rejected', 'accepted')).toBe(true)
    expect(canDecide('rejected', 'rejected')).toBe(false)
  })
})

describe('the software form', () => {
  it('reads a sound form: SPDX written loosely stored canonical, words split, Q-id from an address', () => {
    const read = readSoftwareForm(
      form({
        name: '  GIMP ',
        licence: 'gpl-3.0-or-later',
        website: 'https://www.gimp.org',
        wikidata_id: 'https://www.wikidata.org/wiki/q8038',
        categories: 'Graphisme, Image,graphisme',
        keywords: 'dessin\nretouche',
        platforms: ['desktop'],
        os: ['linux', 'windows'],
      }),
    )
    expect(read).toEqual({
      fields: expect.objectContaining({
        name: 'GIMP',
        licence: 'GPL-3.0-or-later',
        website: 'https://www.gimp.org/',
        wikidata_id: 'Q8038',
        categories: ['Graphisme', 'Image', 'graphisme'],
        keywords: ['dessin', 'retouche'],
        platforms: ['desktop'],
        os: ['linux', 'windows'],
        repository_url: null,
      }),
    })
  })
  it('names each faulty field', () => {
    const read = readSoftwareForm(
      form({ name: ' ', licence: 'une licence maison', website: 'javascript:alert(1)', repository_url: 'ftp://x', wikidata_id: 'P31', platforms: ['toaster'], os: 'beos', description_fr: 'x'.repeat(5001) }),
    )
    expect(read).toEqual({
      errors: { name: 'required', licence: 'licence', website: 'url', repository_url: 'url', wikidata_id: 'wikidata', platforms: 'invalid', os: 'invalid', description_fr: 'tooLong' },
    })
  })
  it('refuses free text that rules would only guess as a licence', () => {
    expect(readSoftwareForm(form({ licence: 'MPL 2.0 et EPL 1.0' }))).toEqual({ errors: { licence: 'licence' } })
  })
  it('reads anything unreadable as empty', () => {
    expect(softwareFormValues({ name: { $ne: 1 }, platforms: 3 })).toMatchObject({ name: '', platforms: [] })
  })
})

describe('Wikidata ids', () => {
  it('accepts ids and entity addresses only', () => {
    expect(wikidataId('Q42')).toBe('Q42')
    expect(wikidataId(' q42 ')).toBe('Q42')
    expect(wikidataId('http://www.wikidata.org/entity/Q42')).toBe('Q42')
    expect(wikidataId('Q0')).toBeUndefined()
    expect(wikidataId('https://evil.example/wiki/Q42')).toBeUndefined()
  })
})

describe('decisions', () => {
  it('needs a reason', () => {
    expect(readReason('  ')).toEqual({ error: 'required' })
    expect(readReason(' doublon ')).toEqual({ reason: 'doublon' })
  })
  it('dereferences since today unless a day is given, and refuses an impossible day', () => {
    expect(readDereferencing({ reason: 'Plus maintenu', last_recommended_version: ' 2.1 ', on: '' }, '2026-11-23')).toEqual({
      dereferencing: { reason: 'Plus maintenu', last_recommended_version: '2.1', on: '2026-11-23' },
    })
    expect(readDereferencing({ reason: '', last_recommended_version: '', on: '2026-02-30' }, '2026-11-23')).toEqual({ errors: { reason: 'required', on: 'invalid' } })
  })
})
