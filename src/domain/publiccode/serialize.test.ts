// serializePublicCode: what it writes re-validates and reads back as the same document.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { serializePublicCode, validatePublicCode, type PublicCode } from './index.ts'

const root = new URL('../../../../shared/conformance/publiccode/', import.meta.url)
const cases: Record<string, { verdict: string }> = JSON.parse(readFileSync(new URL('cases.json', root), 'utf8'))
const validFiles = Object.keys(cases).filter((file) => cases[file]?.verdict === 'valid')

function roundTrip(document: PublicCode): PublicCode | null {
  const again = validatePublicCode(serializePublicCode(document))
  expect(again.errors).toEqual([])
  return again.document
}

describe('serializePublicCode', () => {
  it.each(validFiles)('round-trips %s', (file) => {
    const { document } = validatePublicCode(readFileSync(new URL(file, root), 'utf8'))
    expect(document).not.toBeNull()
    if (document) expect(roundTrip(document)).toEqual(document)
  })

  it('writes the version first and keys in the standard order', () => {
    const { document } = validatePublicCode(readFileSync(new URL('valid/valid.yml', root), 'utf8'))
    const text = document ? serializePublicCode(document) : ''
    expect(text.startsWith('publiccodeYmlVersion: "0"\nname: Medusa\n')).toBe(true)
    expect(text.indexOf('description:')).toBeLessThan(text.indexOf('legal:'))
  })

  it('quotes strings another reader could take for something else', () => {
    const { document } = validatePublicCode(readFileSync(new URL('valid/valid.yml', root), 'utf8'))
    if (!document) throw new Error('valid.yml should be valid')
    const tricky: PublicCode = {
      ...document,
      softwareVersion: '1.10',
      applicationSuite: 'yes',
      releaseDate: '2017-04-15',
      usedBy: ['0123', '0b101', '1_000', 'true', 'null', '~', '- item', 'a: b', '#tag'],
      description: { no: { ...(document.description['en'] as PublicCode['description'][string]), longDescription: `  indented\n${'x'.repeat(200)}\n\n` } },
    }
    const text = serializePublicCode(tricky)
    expect(text).toContain('softwareVersion: "1.10"')
    expect(text).toContain('applicationSuite: "yes"')
    expect(text).toContain('releaseDate: "2017-04-15"')
    expect(roundTrip(tricky)).toEqual(tricky)
  })
})
