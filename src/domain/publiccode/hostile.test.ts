// Inputs meant to hurt a YAML parser: each must end quickly with a clear error, never an exception.
import { beforeAll, describe, expect, it } from 'vitest'
import { validatePublicCode, type ValidationResult } from './index.ts'

/** Validates and checks the time taken, well under the one-second budget of a request. */
function timed(input: string | Uint8Array, options: Parameters<typeof validatePublicCode>[1] = {}): ValidationResult {
  const start = performance.now()
  const result = validatePublicCode(input, options)
  expect(performance.now() - start).toBeLessThan(500)
  expect(result.valid).toBe(false)
  expect(result.document).toBeNull()
  return result
}

const wholeFile = (result: ValidationResult) => {
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]?.key).toBe('')
  return result.errors[0]?.message ?? ''
}

describe('hostile input', () => {
  // The budget is for the validation itself: compile the YAML parser and the rules before timing.
  beforeAll(() => {
    const warmUp = `publiccodeYmlVersion: "0"\nname: &a x\nusedBy: [${Array(500).fill('*a').join(', ')}]\nplatforms:\n  - web\n`
    for (let i = 0; i < 5; i++) validatePublicCode(warmUp)
  })

  it('a billion laughs: aliases expanding exponentially', () => {
    const levels = ['lol: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for (let i = 1; i <= 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`)
    const bomb = `publiccodeYmlVersion: "0"\n${levels.join('\n')}\nusedBy: *l9\nplatforms: *l9\n`
    const result = timed(bomb)
    expect(result.errors.map((error) => error.key)).toContain('l8')
  })

  it('aliases by the thousands', () => {
    const text = `publiccodeYmlVersion: "0"\nname: &a x\nusedBy: [${Array(2000).fill('*a').join(', ')}]\n`
    timed(text)
  })

  it('a 50 MB input, refused before parsing, naming the limit', () => {
    expect(wholeFile(timed('#'.repeat(50 * 1024 * 1024)))).toBe('publiccode.yml is larger than the limit of 1 MiB')
    expect(wholeFile(timed(new Uint8Array(50 * 1024 * 1024)))).toContain('1 MiB')
    expect(wholeFile(timed('a: b\n'.repeat(100), { maxBytes: 100, fileName: 'x.yml' }))).toBe('x.yml is larger than the limit of 100 bytes')
  })

  it('binary data', () => {
    expect(wholeFile(timed(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))).toBe('Invalid UTF-8')
    expect(wholeFile(timed('publiccodeYmlVersion: "0"\nname: \u0000\u0001\u0002'))).toContain('U+0000')
  })

  it('text in another encoding than UTF-8', () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('publiccodeYmlVersion: "0"\nname: caf'), 0xe9, 0x0a])
    expect(wholeFile(timed(latin1))).toBe('Invalid UTF-8')
    expect(wholeFile(timed('name: \uD800x'))).toBe('Invalid UTF-8')
  })

  it('deep nesting: 100,000 opening brackets, dashes or indentations', () => {
    expect(wholeFile(timed('['.repeat(100_000)))).toContain('nested more than 200 levels')
    expect(wholeFile(timed(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))).toContain('nested')
    expect(wholeFile(timed(`${'- '.repeat(100_000)}x`))).toContain('nested')
    expect(wholeFile(timed(Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')))).toContain('nested')
  })

  it('a root that is not a mapping', () => {
    expect(wholeFile(timed('- publiccodeYmlVersion: "0"\n'))).toContain('must be a YAML mapping')
    expect(wholeFile(timed('just a string'))).toContain('must be a YAML mapping')
  })

  it('an empty file, or one with only comments', () => {
    expect(wholeFile(timed(''))).toBe('publiccode.yml is empty')
    expect(wholeFile(timed('  \n\n'))).toBe('publiccode.yml is empty')
    expect(wholeFile(timed('# nothing here\n'))).toBe('publiccode.yml holds no YAML value')
  })

  it('invalid YAML and duplicate keys', () => {
    expect(wholeFile(timed('publiccodeYmlVersion: "0"\nname: [unclosed\n'))).not.toBe('')
    const duplicate = timed('publiccodeYmlVersion: "0"\nname: a\nname: b\n')
    expect(wholeFile(duplicate)).toBe('Map keys must be unique')
    expect(duplicate.errors[0]).toMatchObject({ line: 3, column: 1 })
  })
})
