import { describe, expect, it } from 'vitest'
import { compliantRepository, halfDoneRepository, licenceText, neglectedRepository, PUBLICCODE } from './fixtures.ts'
import { RULES, runRules, score, type ComplianceReport, type RuleResult } from './index.ts'
import { memorySnapshot } from './memory-snapshot.ts'

const check = (files: Record<string, string | Uint8Array>) => runRules(memorySnapshot(files))
const rule = (report: ComplianceReport, id: string): RuleResult => {
  const found = report.rules.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no rule ${id}`)
  return found
}

describe('the rules', () => {
  it('weigh 100 points, 70 of them required', () => {
    expect(RULES.reduce((sum, r) => sum + r.weight, 0)).toBe(100)
    expect(RULES.filter((r) => r.level === 'required').reduce((sum, r) => sum + r.weight, 0)).toBe(70)
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length)
  })

  it('score the applicable rules only', () => {
    expect(score([{ status: 'pass', weight: 10 }, { status: 'fail', weight: 10 }, { status: 'not-applicable', weight: 80 }])).toBe(50)
    expect(score([{ status: 'not-applicable', weight: 10 }])).toBe(100)
  })
})

describe('a repository that follows the policy', () => {
  it('passes every rule and scores 100', async () => {
    const report = await check(compliantRepository())
    expect(report.rules.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.message.en}`)).toEqual([])
    expect(report.score).toBe(100)
    expect(report.compliant).toBe(true)
    expect(report.rules.every((r) => r.fix === null)).toBe(true)
    expect(report.scanned).toEqual({ files: Object.keys(compliantRepository()).length, truncated: false })
  })
})

describe('repositories that break the policy', () => {
  it('fail every rule between them, each failure with a fix in English and French', async () => {
    const reports = await Promise.all([check(neglectedRepository()), check(halfDoneRepository())])
    for (const { id } of RULES) {
      const failures = reports.map((report) => rule(report, id)).filter((result) => result.status === 'fail')
      expect(failures.length, id).toBeGreaterThan(0)
      for (const failure of failures) {
        expect(failure.fix?.en.length, id).toBeGreaterThan(20)
        expect(failure.fix?.fr.length, id).toBeGreaterThan(20)
        expect(failure.message.fr, id).not.toBe(failure.message.en)
      }
    }
    const [neglected] = reports
    expect(neglected!.score).toBe(0)
    expect(neglected!.compliant).toBe(false)
  })

  it('are compliant once every required rule passes, whatever the recommendations', async () => {
    const files = compliantRepository()
    delete files['CODE_OF_CONDUCT.md']
    const report = await check(files)
    expect(report.compliant).toBe(true)
    expect(report.score).toBe(96)
  })
})

describe('licences', () => {
  it('reads the LICENSES folder of REUSE when the root has no licence file, each licence on its own', async () => {
    const report = await check({ 'LICENSES/EUPL-1.2.txt': licenceText('EUPL-1.2'), 'LICENSES/CC0-1.0.txt': licenceText('CC0-1.0') })
    const authorised = rule(report, 'licence-authorised')
    expect(authorised.status).toBe('fail')
    expect(authorised.evidence).toEqual([{ file: 'LICENSES/CC0-1.0.txt', excerpt: 'CC0-1.0' }])
    expect(rule(report, 'licence-file').status).toBe('pass')
  })

  it('accepts the licences of information for documents and data', async () => {
    const report = await check({ 'LICENSE.md': licenceText('EUPL-1.2'), 'LICENCE-docs.txt': licenceText('etalab-2.0') })
    expect(rule(report, 'licence-authorised').status).toBe('pass')
  })

  it('says when a licence file holds no recognisable licence', async () => {
    const report = await check({ LICENSE: 'Copyright the ministry. All rights reserved.\n' })
    expect(rule(report, 'licence-file').status).toBe('pass')
    const authorised = rule(report, 'licence-authorised')
    expect(authorised.status).toBe('fail')
    expect(authorised.message.en).toContain('not recognised')
  })

  it('compares the licences of publiccode.yml and of the licence files, not how they combine', async () => {
    const dual = { 'LICENSE-MIT': licenceText('MIT'), 'LICENSE-APACHE': licenceText('Apache-2.0') }
    expect(rule(await check({ ...dual, 'publiccode.yml': PUBLICCODE('MIT OR Apache-2.0') }), 'publiccode-licence').status).toBe('pass')
    // A bare GNU text is detected -only; the declaration may say -or-later: one licence.
    const gpl = { COPYING: licenceText('GPL-3.0-only'), 'publiccode.yml': PUBLICCODE('GPL-3.0-or-later') }
    expect(rule(await check(gpl), 'publiccode-licence').status).toBe('pass')
    const other = rule(await check({ LICENSE: licenceText('MIT'), 'publiccode.yml': PUBLICCODE('EUPL-1.2') }), 'publiccode-licence')
    expect(other.status).toBe('fail')
    expect(other.evidence[0]).toEqual({ file: 'publiccode.yml', line: 15, excerpt: 'EUPL-1.2' })
  })
})

describe('publiccode.yml', () => {
  it('reports the errors with their lines', async () => {
    const result = rule(await check({ 'publiccode.yml': PUBLICCODE('EUPL-1.2').replace('developmentStatus: stable', 'developmentStatus: finished') }), 'publiccode')
    expect(result.status).toBe('fail')
    expect(result.evidence).toEqual([{ file: 'publiccode.yml', line: 6, excerpt: expect.stringContaining('developmentStatus') }])
  })

  it('checks the files it points to in the repository', async () => {
    const withLogo = PUBLICCODE('EUPL-1.2').replace('platforms:', 'logo: img/logo.svg\nplatforms:')
    expect(rule(await check({ 'publiccode.yml': withLogo }), 'publiccode').status).toBe('fail')
    expect(rule(await check({ 'publiccode.yml': withLogo, 'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' }), 'publiccode').status).toBe('pass')
  })
})

describe('SPDX headers', () => {
  const header = '// SPDX-License-Identifier: MIT\n'
  const sources = (withHeader: number, without: number) =>
    Object.fromEntries([
      ...Array.from({ length: withHeader }, (_, i) => [`src/a${i}.ts`, `${header}export {}\n`]),
      ...Array.from({ length: without }, (_, i) => [`src/b${i}.ts`, 'export {}\n']),
    ])

  it("pass from 80 % of the source files", async () => {
    expect(rule(await check(sources(4, 1)), 'spdx-headers').status).toBe('pass')
    const failing = rule(await check(sources(3, 2)), 'spdx-headers')
    expect(failing.status).toBe('fail')
    expect(failing.evidence).toEqual([{ file: 'src/b0.ts' }, { file: 'src/b1.ts' }])
  })

  it('count REUSE .license files, and leave out third-party and generated code', async () => {
    const files = { 'src/a.ts': 'export {}\n', 'src/a.ts.license': 'SPDX-License-Identifier: MIT\n', 'node_modules/x/index.js': 'x\n', 'web/app.min.js': 'x\n' }
    const result = rule(await check(files), 'spdx-headers')
    expect(result.status).toBe('pass')
    expect(result.message.en).toContain('1/1')
  })
})

describe('community files', () => {
  it('are found in .github and docs too, but not when empty', async () => {
    const report = await check({ '.github/CONTRIBUTING.md': '# Contributing\n\nSign off your commits (DCO).\n', 'docs/SECURITY.md': 'Write to us.\n', 'CODE_OF_CONDUCT.md': '' })
    expect(rule(report, 'contributing').evidence).toEqual([{ file: '.github/CONTRIBUTING.md' }])
    expect(rule(report, 'security-contact').status).toBe('pass')
    expect(rule(report, 'code-of-conduct').status).toBe('fail')
    expect(rule(report, 'dco').evidence).toEqual([{ file: '.github/CONTRIBUTING.md', line: 3 }])
  })

  it('take a DCO file at the root for a sign-off', async () => {
    expect(rule(await check({ 'CONTRIBUTING.md': '# How to help\n', 'DCO-fr.txt': 'Certificat du développeur…\n' }), 'dco').status).toBe('pass')
  })
})
