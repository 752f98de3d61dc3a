import { describe, expect, it } from 'vitest'
import { slugify } from './slug.ts'

describe('slugify', () => {
  it('drops accents and punctuation', () => {
    expect(slugify('Ministère de l’Éducation nationale')).toBe('ministere-de-l-education-nationale')
  })
  it('keeps digits and trims dashes', () => {
    expect(slugify('  7-Zip 23.01 ')).toBe('7-zip-23-01')
  })
})
