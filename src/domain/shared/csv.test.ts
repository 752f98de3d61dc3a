import { describe, expect, it } from 'vitest'
import { cellAt, csvRow } from './csv.ts'

describe('csvRow', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines'])).toBe('a,"b,c","say ""hi""","two\nlines"\r\n')
  })
  it('writes empty cells for null and joins lists', () => {
    expect(csvRow([null, undefined, ['x', 'y'], 3, false])).toBe(',,x|y,3,false\r\n')
  })
  it('keeps npm scopes, which start with @ but call nothing', () => {
    expect(csvRow(['@gouvfr/dsfr', '@etalab'])).toBe('@gouvfr/dsfr,@etalab\r\n')
  })
  it('defuses formulas', () => {
    expect(csvRow(['=HYPERLINK("http://evil")', '+1', '@SUM(A1)', -5])).toBe(`"'=HYPERLINK(""http://evil"")",'+1,'@SUM(A1),-5\r\n`)
  })
})

describe('cellAt', () => {
  it('reads dotted columns, keeps arrays and writes maps as JSON', () => {
    const record = { a: 1, d: { fr: 'x', en: 'y' }, t: ['p'], o: null, languages: { Go: 10, C: 2 } }
    expect(['a', 'd.fr', 'd.en', 't', 'o', 'o.slug', 'languages'].map((column) => cellAt(record, column))).toEqual([1, 'x', 'y', ['p'], null, undefined, '{"Go":10,"C":2}'])
  })
})
