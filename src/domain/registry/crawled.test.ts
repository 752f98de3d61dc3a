import { describe, expect, it } from 'vitest'
import { canonicalTime, roleOfRootFile, wantedRootFiles } from './crawled.ts'

describe('root files', () => {
  it('recognises the roles whatever the spelling', () => {
    expect(roleOfRootFile('README.md')).toBe('readme')
    expect(roleOfRootFile('readme')).toBe('readme')
    expect(roleOfRootFile('LICENCE.txt')).toBe('licence')
    expect(roleOfRootFile('COPYING')).toBe('licence')
    expect(roleOfRootFile('CODE_OF_CONDUCT.md')).toBe('codeOfConduct')
    expect(roleOfRootFile('publiccode.yml')).toBe('publiccode')
    expect(roleOfRootFile('index.js')).toBeUndefined()
  })

  it('reads one file per role and the manifests', () => {
    expect(wantedRootFiles(['src', 'README.md', 'README.fr.md', 'LICENSE', 'package.json', 'main.go', 'go.mod'])).toEqual(['LICENSE', 'README.md', 'package.json', 'go.mod'])
  })
})

describe('canonicalTime', () => {
  it('writes every forge time the same way', () => {
    expect(canonicalTime('2025-03-06T21:46:11Z')).toBe('2025-03-06T21:46:11.000Z')
    expect(canonicalTime('2025-03-06T22:46:11.000+01:00')).toBe('2025-03-06T21:46:11.000Z')
    expect(canonicalTime(null)).toBeNull()
    expect(canonicalTime('not a date')).toBeNull()
  })
})
