// Conformance with the reference validator (italia/publiccode-parser-go) on its own test cases,
// run with network checks off. Error keys are compared as sets: with the network on, the reference
// repeats some keys (e.g. `url` is also "not reachable"), which no offline check can reproduce.
import { describe, expect, it } from 'vitest'
import { conformanceCases, filesBeside, readCase } from './conformance-fixtures.ts'
import { collectUrls, validatePublicCode, type ValidationResult } from './index.ts'

const cases = conformanceCases()

/**
 * Cases whose verdict only a network check can give: the reference run them with the network on,
 * and this validator leaves URLs to a separate network checker (see collectUrls).
 */
const NETWORK_ONLY: Record<string, { key: string; why: string }> = {
  'invalid/logo_missing_url.yml': { key: 'logo', why: 'the logo URL is well formed; only fetching it shows it is missing (HTTP 404)' },
}

const results = new Map<string, ValidationResult>(
  Object.keys(cases).map((file) => [file, validatePublicCode(readCase(file), { files: filesBeside(file) })]),
)

const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((key) => b.includes(key)) && b.every((key) => a.includes(key))
const sameMultiset = (a: readonly string[], b: readonly string[]) => [...a].sort().join('\n') === [...b].sort().join('\n')

describe('publiccode.yml conformance with the reference validator (network checks off)', () => {
  it('has the fixtures', () => {
    expect(Object.keys(cases).length).toBeGreaterThan(100)
  })

  for (const [file, expected] of Object.entries(cases)) {
    const result = () => results.get(file) as ValidationResult

    if (file in NETWORK_ONLY) {
      it(`${file}: needs the network (${NETWORK_ONLY[file]?.why})`, () => {
        expect(result().valid).toBe(true)
        const document = result().document
        expect(document).not.toBeNull()
        if (document) expect(collectUrls(document).map((url) => url.key)).toContain(NETWORK_ONLY[file]?.key)
      })
      continue
    }

    it(`${file}: ${expected.verdict}`, () => {
      expect(result().valid ? 'valid' : 'invalid', JSON.stringify(result().errors)).toBe(expected.verdict)
      if (expected.warnings !== null) {
        expect(result().warnings.map((warning) => warning.key).sort()).toEqual([...expected.warnings].sort())
      }
    })
  }

  it('agrees on the verdicts and on the sets of error keys', () => {
    const files = Object.keys(cases)
    const agreeing = files.filter((file) => (results.get(file)?.valid ? 'valid' : 'invalid') === cases[file]?.verdict)
    const withKeys = files.filter((file) => cases[file]?.errors !== null)
    const keysOf = (file: string) => results.get(file)?.errors.map((error) => error.key) ?? []
    const sameKeys = withKeys.filter((file) => sameSet(keysOf(file), cases[file]?.errors ?? []))
    const sameCounts = withKeys.filter((file) => sameMultiset(keysOf(file), cases[file]?.errors ?? []))
    const verdictRatio = agreeing.length / files.length
    const keyRatio = sameKeys.length / withKeys.length
    console.log(
      `publiccode conformance: verdicts ${agreeing.length}/${files.length} (${(verdictRatio * 100).toFixed(1)}%), ` +
        `error keys as sets ${sameKeys.length}/${withKeys.length} (${(keyRatio * 100).toFixed(1)}%), ` +
        `as multisets ${sameCounts.length}/${withKeys.length} (${((sameCounts.length / withKeys.length) * 100).toFixed(1)}%)`,
    )
    const disagreeing = files.filter((file) => !agreeing.includes(file))
    expect(disagreeing).toEqual(Object.keys(NETWORK_ONLY))
    expect(keyRatio).toBeGreaterThanOrEqual(0.95)
    expect(withKeys.filter((file) => !sameKeys.includes(file) && !(file in NETWORK_ONLY))).toEqual([])
  })
})
