import { describe, expect, it } from 'vitest'
import { licenceFamily } from './family.ts'

describe('licenceFamily', () => {
  it.each([
    ['CC0-1.0', 'public-domain'],
    ['Unlicense', 'public-domain'],
    ['MIT', 'permissive'],
    ['Apache-2.0', 'permissive'],
    ['CECILL-B', 'permissive'],
    ['etalab-2.0', 'permissive'],
    ['MPL-2.0', 'weak-copyleft'],
    ['LGPL-2.1-or-later', 'weak-copyleft'],
    ['CECILL-C', 'weak-copyleft'],
    ['EPL-2.0', 'weak-copyleft'],
    ['GPL-3.0-only', 'copyleft'],
    ['AGPL-3.0-or-later', 'copyleft'],
    ['CECILL-2.1', 'copyleft'],
    ['EUPL-1.2', 'copyleft'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'weak-copyleft'],
    ['GPL-2.0-only WITH Font-exception-2.0', 'copyleft'],
    ['LicenseRef-proprietary', 'proprietary-or-unknown'],
    ['Zimbra-1.3', 'proprietary-or-unknown'],
  ])('%s is %s', (expression, family) => {
    expect(licenceFamily(expression)).toBe(family)
  })

  it('takes the free-est branch of an OR and the strictest part of an AND', () => {
    expect(licenceFamily('GPL-3.0-only OR MIT')).toBe('permissive')
    expect(licenceFamily('GPL-3.0-only AND MIT')).toBe('copyleft')
    expect(licenceFamily('(MPL-2.0 OR GPL-2.0-only) AND BSD-3-Clause')).toBe('weak-copyleft')
  })

  it('lets an unknown part decide an AND only', () => {
    expect(licenceFamily('GPL-3.0-only OR LicenseRef-commercial')).toBe('copyleft')
    expect(licenceFamily('MIT AND LicenseRef-commercial')).toBe('proprietary-or-unknown')
  })

  it('normalises free text and knows nothing of what it cannot read', () => {
    expect(licenceFamily('MPL 2.0 et EPL 1.0')).toBe('weak-copyleft')
    expect(licenceFamily('GPL')).toBe('proprietary-or-unknown')
    expect(licenceFamily(null)).toBe('proprietary-or-unknown')
  })
})
