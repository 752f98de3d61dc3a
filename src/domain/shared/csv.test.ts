import { describe, expect, it } from 'vitest'
import { csvRow, flattenRecord } from './csv.ts'

describe('csvRow', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines'])).toBe('a,"b,c","say ""hi""","two\nlines"\r\n')
  })
  it('writes empty cells for null and joins lists', () => {
    expect(csvRow([null, undefined, ['x', 'y'], 3, false])).toBe(',,x|y,3,false\r\n')
  })
  it('defuses formulas', () => {
    expect(csvRow(['=HYPERLINK("http://evil")', '+1', '@SUM(A1)', -5])).toBe(`"'=HYPERLINK(""http://evil"")",'+1,'@SUM(A1),-5\r\n`)
  })
})

describe('flattenRecord', () => {
  it('turns nested objects into dotted keys and keeps arrays', () => {
    expect(flattenRecord({ a: 1, d: { fr: 'x', en: 'y' }, t: ['p'], o: null })).toEqual({ a: 1, 'd.fr': 'x', 'd.en': 'y', t: ['p'], o: null })
  })
})
