import { describe, expect, it } from 'vitest'
import { type CustomAttribute, readAttributeDefinition, readAttributeValues, shownAttributes } from './custom-attributes.ts'

const attributes: CustomAttribute[] = [
  { key: 'rgaa', label_fr: 'Accessible (RGAA)', label_en: 'Accessible', kind: 'boolean', position: 0 },
  { key: 'guide', label_fr: 'Guide', label_en: 'Guide', kind: 'url', position: 1 },
  { key: 'note', label_fr: 'Note', label_en: 'Note', kind: 'text', position: 2 },
]

describe('custom attributes', () => {
  it('reads a definition, or names its faulty fields', () => {
    expect(readAttributeDefinition({ key: 'rgaa', label_fr: ' RGAA ', label_en: 'RGAA', kind: 'boolean', position: '' })).toEqual({
      attribute: { key: 'rgaa', label_fr: 'RGAA', label_en: 'RGAA', kind: 'boolean', position: 0 },
    })
    expect(readAttributeDefinition({ key: 'Bad Key', label_fr: '', label_en: 'x', kind: 'date', position: '1.5' })).toEqual({
      errors: { key: 'invalid', label_fr: 'required', kind: 'invalid', position: 'invalid' },
    })
  })
  it('reads values by kind from a form and drops undefined keys', () => {
    expect(readAttributeValues(attributes, { attr_rgaa: 'on', attr_guide: 'https://guide.example/', attr_note: '  ', attr_other: 'x' })).toEqual({
      values: { rgaa: true, guide: 'https://guide.example/' },
    })
    expect(readAttributeValues(attributes, { attr_guide: 'javascript:alert(1)' })).toEqual({ errors: { guide: 'invalid' } })
  })
  it('shows stored values of defined attributes with the right type only', () => {
    expect(shownAttributes(attributes, { rgaa: false, guide: 42, note: 'ok', gone: 'x' }).map((a) => [a.attribute.key, a.value])).toEqual([
      ['rgaa', false],
      ['note', 'ok'],
    ])
    expect(shownAttributes(attributes, null)).toEqual([])
  })
})
