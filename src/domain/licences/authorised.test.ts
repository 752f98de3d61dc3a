import { describe, expect, it } from 'vitest'
import { AUTHORISED_LICENCES, isAuthorised } from './authorised.ts'
import { SPDX_IDS } from './expression.ts'

describe('AUTHORISED_LICENCES', () => {
  it('lists SPDX ids, each once, with its legal source', () => {
    const ids = AUTHORISED_LICENCES.map((licence) => licence.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const licence of AUTHORISED_LICENCES) {
      expect(SPDX_IDS.has(licence.id)).toBe(true)
      expect(licence.source).toMatch(/^CRPA art\. D323-2-1, décret n° 20(17-638|21-1559)/)
    }
  })

  it('splits the software licences into permissive and reciprocal', () => {
    const software = (kind: string): string[] =>
      AUTHORISED_LICENCES.filter((licence) => licence.scope === 'software' && licence.kind === kind).map(({ id }) => id)
    expect(software('permissive')).toEqual(['Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'CECILL-B', 'MIT'])
    expect(software('reciprocal')).toEqual([
      'CECILL-2.1',
      'CECILL-C',
      'GPL-3.0-or-later',
      'LGPL-3.0-or-later',
      'AGPL-3.0-or-later',
      'MPL-2.0',
      'EPL-2.0',
      'EUPL-1.2',
    ])
  })
})

describe('isAuthorised', () => {
  it.each([
    'MIT',
    'Apache-2.0',
    'BSD-2-Clause',
    'BSD-3-Clause',
    'CECILL-B',
    'CECILL-2.1',
    'CECILL-C',
    'MPL-2.0',
    'EPL-2.0',
    'EUPL-1.2',
    'GPL-3.0-or-later',
    'LGPL-3.0-or-later',
    'AGPL-3.0-or-later',
    // The same GNU version 3, whatever the suffix.
    'GPL-3.0-only',
    'AGPL-3.0-only',
    'GPL-3.0+',
    'LGPL-3.0',
    // Free text is normalised first.
    'CeCILL v2.1',
    'GNU GPL v3',
    // OR: one authorised branch is enough.
    'GPL-2.0-only OR MIT',
    // AND: every part.
    'MIT AND Apache-2.0',
    '(GPL-2.0-only OR MPL-2.0) AND BSD-3-Clause',
    // Exceptions add permissions.
    'GPL-3.0-or-later WITH Classpath-exception-2.0',
    // "+" on a listed id.
    'EUPL-1.2+',
  ])('authorises %s for software', (expression) => {
    const result = isAuthorised(expression)
    expect(result.authorised).toBe(true)
    expect(result.reason).toMatch(/D323-2-1/)
  })

  it.each([
    'GPL-2.0-only',
    // The licensor chose version 2, even if the user may take version 3.
    'GPL-2.0-or-later',
    'LGPL-2.1-or-later',
    'EUPL-1.1',
    'EPL-1.0',
    'CECILL-2.0',
    'ISC',
    'Unlicense',
    'MIT AND GPL-2.0-only',
    'GPL-2.0-only OR LGPL-2.1-only',
    'LicenseRef-proprietary',
    // Licences for data and documents, not for software.
    'etalab-2.0',
    'ODbL-1.0',
  ])('does not authorise %s for software', (expression) => {
    expect(isAuthorised(expression).authorised).toBe(false)
  })

  it('says why a part is refused', () => {
    expect(isAuthorised('MIT AND GPL-2.0-only').reason).toMatch(/GPL-2\.0-only is not in the list/)
    expect(isAuthorised('etalab-2.0').reason).toMatch(/listed for information, not software/)
  })

  it('checks data and documents against the information licences', () => {
    expect(isAuthorised('Licence Ouverte 2.0', 'information').authorised).toBe(true)
    expect(isAuthorised('ODbL-1.0', 'information').authorised).toBe(true)
    expect(isAuthorised('CC-BY-4.0', 'information').authorised).toBe(false)
  })

  it('refuses what is not a licence expression', () => {
    expect(isAuthorised('GPL')).toEqual({ authorised: false, reason: '"GPL" is not a recognised licence expression' })
    expect(isAuthorised('').authorised).toBe(false)
  })
})
