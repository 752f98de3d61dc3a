import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normaliseLicence } from './normalise.ts'

const SILL = new URL('../../../../shared/data/sill-2022/sill.json', import.meta.url)

/**
 * Every distinct licence string (`l`) of the SILL 2022 and what it must normalise to. Null where
 * no sound mapping exists: "N/A" says nothing, "CPA" names no licence, and CeCILL 2.2 was never
 * published. Comma lists are read as AND (see normaliseLicence).
 */
const EXPECTED: Readonly<Record<string, string | null>> = {
  'AGPL-3': 'AGPL-3.0-only',
  'AGPL-3.0': 'AGPL-3.0-only',
  'AGPL-3.0-only': 'AGPL-3.0-only',
  'AGPL-3.0-or-later': 'AGPL-3.0-or-later',
  'Apache-2.0': 'Apache-2.0',
  'Artistic-2.0': 'Artistic-2.0',
  'BSD-2-Clause': 'BSD-2-Clause',
  'BSD-3-Clause': 'BSD-3-Clause',
  'BSD-3.0': 'BSD-3-Clause',
  'CC-BY-SA-4.0': 'CC-BY-SA-4.0',
  'CECILL-2.1': 'CECILL-2.1',
  'CECILL-B': 'CECILL-B',
  'CPA': null,
  'CPL-1.0': 'CPL-1.0',
  'EPL-1.0': 'EPL-1.0',
  'EPL-2.0': 'EPL-2.0',
  'EUPL-1.1': 'EUPL-1.1',
  'GPL V2.0': 'GPL-2.0-only',
  'GPL-2.0': 'GPL-2.0-only',
  'GPL-2.0+': 'GPL-2.0-or-later',
  'GPL-2.0, LGPL-2, MPL-1.1': 'GPL-2.0-only AND LGPL-2.0-only AND MPL-1.1',
  'GPL-2.0, LGPL-2.0': 'GPL-2.0-only AND LGPL-2.0-only',
  'GPL-2.0, LGPL-3.0': 'GPL-2.0-only AND LGPL-3.0-only',
  'GPL-2.0-only': 'GPL-2.0-only',
  'GPL-2.0-only / LGPL-2.0-only': 'GPL-2.0-only OR LGPL-2.0-only',
  'GPL-2.0-or-later': 'GPL-2.0-or-later',
  'GPL-3': 'GPL-3.0-only',
  'GPL-3.0': 'GPL-3.0-only',
  'GPL-3.0+': 'GPL-3.0-or-later',
  'GPL-3.0-only': 'GPL-3.0-only',
  'GPL-3.0-or-later': 'GPL-3.0-or-later',
  'IPL-1.0, EPL-2.0': 'IPL-1.0 AND EPL-2.0',
  'LGPL-2.0': 'LGPL-2.0-only',
  'LGPL-2.0-only': 'LGPL-2.0-only',
  'LGPL-2.1': 'LGPL-2.1-only',
  'LGPL-2.1, LGPL-2.0,  LGPL-3.0': 'LGPL-2.1-only AND LGPL-2.0-only AND LGPL-3.0-only',
  'LGPL-2.1-only': 'LGPL-2.1-only',
  'LGPL-3.0': 'LGPL-3.0-only',
  'LGPL-3.0, GPL-3.0, MPL-2.0': 'LGPL-3.0-only AND GPL-3.0-only AND MPL-2.0',
  'LGPL-3.0-only': 'LGPL-3.0-only',
  'LGPL-v2.1': 'LGPL-2.1-only',
  'MIT': 'MIT',
  'MIT, LGPL-3, AGPL-3': 'MIT AND LGPL-3.0-only AND AGPL-3.0-only',
  'MPL 2.0 et EPL 1.0': 'MPL-2.0 AND EPL-1.0',
  'MPL-2.0': 'MPL-2.0',
  'MPL-2.0, GPL-2.0, LGPL-2.0, CeCILL-2.1': 'MPL-2.0 AND GPL-2.0-only AND LGPL-2.0-only AND CECILL-2.1',
  'MPL-2.0, GPL-2.0, LGPL-2.0, CeCILL-2.2': null,
  'MPL-2.0, GPL-3.0, LGPL-3.0, CECILL-2.1': 'MPL-2.0 AND GPL-3.0-only AND LGPL-3.0-only AND CECILL-2.1',
  'N/A': null,
  'OLDAP-2.8': 'OLDAP-2.8',
  'PostgreSQL': 'PostgreSQL',
  'X11': 'X11',
  'Zimbra-1.3': 'Zimbra-1.3',
}

describe('normaliseLicence on the licences of the SILL 2022', () => {
  const entries = JSON.parse(readFileSync(SILL, 'utf8')) as { l: string }[]
  const strings = [...new Set(entries.map((entry) => entry.l))].sort()

  it('has an expected value for every distinct licence string', () => {
    expect(strings).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(strings)('normalises %j', (text) => {
    expect(normaliseLicence(text).expression).toBe(EXPECTED[text])
  })

  it('maps most catalogue entries', () => {
    const mapped = entries.filter((entry) => normaliseLicence(entry.l).expression !== null).length
    const distinct = strings.filter((text) => normaliseLicence(text).expression !== null).length
    console.log(
      `SILL 2022 licences mapped: ${mapped}/${entries.length} entries (${((100 * mapped) / entries.length).toFixed(1)}%), ` +
        `${distinct}/${strings.length} distinct strings`,
    )
    expect(mapped / entries.length).toBeGreaterThan(0.95)
  })
})
