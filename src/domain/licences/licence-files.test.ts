import { describe, expect, it } from 'vitest'
import { isLicenceFileName } from './licence-files.ts'

describe('isLicenceFileName', () => {
  it.each(['LICENSE', 'LICENCE.txt', 'license.md', 'COPYING', 'COPYING.LESSER', 'LICENSE-MIT', 'UNLICENSE', 'docs/LICENCE'])(
    'accepts %s',
    (name) => expect(isLicenceFileName(name)).toBe(true),
  )

  it.each(['README.md', 'licenses', 'license-checker.js', 'LICENSES/MIT.txt', 'NOTICE'])('rejects %s', (name) =>
    expect(isLicenceFileName(name)).toBe(false),
  )
})
