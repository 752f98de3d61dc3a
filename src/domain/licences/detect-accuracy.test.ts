import { existsSync, lstatSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DETECTION_THRESHOLD, detectLicence } from './detect.ts'
import { leaves, parseExpression } from './expression.ts'
import { declaredLicenceFiles } from './licence-corpus.ts'
import { normaliseLicence } from './normalise.ts'

const NODE_MODULES = fileURLToPath(new URL('../../../node_modules', import.meta.url))
const DEBIAN = '/usr/share/common-licenses'

/** Debian's common licences by file name (symlinks such as GPL → GPL-3 duplicate these and are skipped). */
const DEBIAN_LICENCES: Readonly<Record<string, string>> = {
  'Apache-2.0': 'Apache-2.0',
  Artistic: 'Artistic-1.0-Perl',
  BSD: 'BSD-3-Clause',
  'CC0-1.0': 'CC0-1.0',
  'GFDL-1.2': 'GFDL-1.2-only',
  'GFDL-1.3': 'GFDL-1.3-only',
  'GPL-1': 'GPL-1.0-only',
  'GPL-2': 'GPL-2.0-only',
  'GPL-3': 'GPL-3.0-only',
  'LGPL-2': 'LGPL-2.0-only',
  'LGPL-2.1': 'LGPL-2.1-only',
  'LGPL-3': 'LGPL-3.0-only',
  'MPL-1.1': 'MPL-1.1',
  'MPL-2.0': 'MPL-2.0',
}

/**
 * Licence identity: a GNU text does not say `-only` or `-or-later` (detectLicence reports a bare text
 * `-only`), so both count as the same licence here.
 */
function identity(expression: string): string {
  const parsed = parseExpression(normaliseLicence(expression).expression ?? '')
  return parsed ? leaves(parsed).map((leaf) => leaf.license.replace(/-(?:only|or-later)$/, '')).join(' ') : expression
}

interface Case {
  file: string
  expected: string
}

function measure(cases: readonly Case[]): { correct: number; unknown: Case[]; wrong: (Case & { found: string; confidence: number })[] } {
  let correct = 0
  const unknown: Case[] = []
  const wrong: (Case & { found: string; confidence: number })[] = []
  for (const testCase of cases) {
    const { expression, confidence } = detectLicence(readFileSync(testCase.file, 'utf8'), basename(testCase.file))
    if (expression === null) unknown.push(testCase)
    else if (identity(expression) === identity(testCase.expected)) correct++
    else wrong.push({ ...testCase, found: expression, confidence })
  }
  return { correct, unknown, wrong }
}

describe('licence detection accuracy on real licence files', () => {
  const packages: Case[] = declaredLicenceFiles(NODE_MODULES).map(({ path, declared }) => ({ file: path, expected: declared }))
  const debian: Case[] = existsSync(DEBIAN)
    ? Object.entries(DEBIAN_LICENCES)
        .map(([name, expected]) => ({ file: `${DEBIAN}/${name}`, expected }))
        .filter(({ file }) => existsSync(file) && !lstatSync(file).isSymbolicLink())
    : []

  it('finds the corpus', () => {
    expect(packages.length).toBeGreaterThan(200)
  })

  const corpora = [
    { label: 'node_modules packages', cases: packages },
    { label: 'Debian common licences', cases: debian },
  ]
  for (const { label, cases } of corpora) {
    it.skipIf(cases.length === 0)(`detects the licences of ${label}: 98% right, never confidently wrong`, () => {
      const { correct, unknown, wrong } = measure(cases)
      const rate = correct / cases.length
      console.log(
        `licence detection, ${label}: ${correct}/${cases.length} correct (${(rate * 100).toFixed(1)}%), ` +
          `${unknown.length} unknown, ${wrong.length} wrong`,
      )
      for (const { file, expected, found, confidence } of wrong) {
        console.log(`  wrong: ${file}: ${found} (${confidence}), declared ${expected}`)
      }
      for (const { file, expected } of unknown) console.log(`  unknown: ${file}, declared ${expected}`)
      expect(rate).toBeGreaterThanOrEqual(0.98)
      // A wrong answer at or above the threshold is a confident wrong answer: there must be none.
      expect(wrong.filter(({ confidence }) => confidence >= DETECTION_THRESHOLD)).toEqual([])
    })
  }
})
