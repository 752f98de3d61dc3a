import { gnuId, isLeaf, parseExpression, type LicenceExpression, type LicenceLeaf } from './expression.ts'
import { normaliseLicence } from './normalise.ts'

export type LicenceFamily = 'public-domain' | 'permissive' | 'weak-copyleft' | 'copyleft' | 'proprietary-or-unknown'

/** From the fewest obligations to the most; unknown is last, as nothing may be assumed of it. */
const ORDER: readonly LicenceFamily[] = ['public-domain', 'permissive', 'weak-copyleft', 'copyleft', 'proprietary-or-unknown']

/**
 * The family of the licences one meets in public-sector and free-software catalogues. An id absent
 * from this table is 'proprietary-or-unknown' rather than guessed. GNU ids are listed by family (GPL,
 * LGPL, AGPL, GFDL) whatever their version and suffix.
 */
const FAMILIES: ReadonlyMap<string, LicenceFamily> = new Map([
  ...of('public-domain', ['CC0-1.0', 'Unlicense', 'PDDL-1.0', 'WTFPL', '0BSD', 'MIT-0']),
  ...of('permissive', [
    'MIT', 'X11', 'ISC', 'BSD-1-Clause', 'BSD-2-Clause', 'BSD-3-Clause', 'BSD-4-Clause', 'BSD-3-Clause-Clear',
    'Apache-1.1', 'Apache-2.0', 'Artistic-2.0', 'BSL-1.0', 'Zlib', 'PostgreSQL', 'Python-2.0', 'PSF-2.0',
    'OLDAP-2.8', 'NCSA', 'UPL-1.0', 'BlueOak-1.0.0', 'AFL-3.0', 'ECL-2.0', 'CECILL-B', 'etalab-2.0', 'CC-BY-4.0',
    'CC-BY-3.0', 'ODC-By-1.0', 'OFL-1.1', 'Unicode-3.0', 'W3C', 'HPND', 'curl', 'libpng-2.0', 'FSFAP', 'ZPL-2.1',
  ]),
  ...of('weak-copyleft', [
    'LGPL', 'MPL-1.1', 'MPL-2.0', 'EPL-1.0', 'EPL-2.0', 'CECILL-C', 'CDDL-1.0', 'CDDL-1.1', 'CPL-1.0', 'IPL-1.0',
    'MS-RL', 'CPAL-1.0', 'APSL-2.0', 'ErlPL-1.1',
  ]),
  ...of('copyleft', [
    'GPL', 'AGPL', 'GFDL', 'CECILL-1.0', 'CECILL-1.1', 'CECILL-2.0', 'CECILL-2.1', 'EUPL-1.0', 'EUPL-1.1',
    'EUPL-1.2', 'OSL-3.0', 'CC-BY-SA-3.0', 'CC-BY-SA-4.0', 'ODbL-1.0', 'Sleepycat', 'RPSL-1.0', 'QPL-1.0',
  ]),
])

function of(family: LicenceFamily, ids: readonly string[]): [string, LicenceFamily][] {
  return ids.map((id) => [id, family])
}

/**
 * Exceptions that let other code link with GPL code without becoming GPL themselves, which makes
 * the result a weak copyleft (GPL-2.0-only WITH Classpath-exception-2.0 is how OpenJDK is licensed).
 */
const LINKING_EXCEPTIONS = new Set([
  'Classpath-exception-2.0',
  'GCC-exception-2.0',
  'GCC-exception-3.1',
  'GPL-3.0-linking-exception',
  'LGPL-3.0-linking-exception',
  'Universal-FOSS-exception-1.0',
  'WxWindows-exception-3.1',
])

/**
 * The family of a licence expression, for facets. `A OR B` takes the branch with the fewest
 * obligations (the user may choose it), `A AND B` the one with the most (both apply). Unknown or
 * proprietary parts make an AND unknown; in an OR they count only when no branch is known.
 */
export function licenceFamily(expression: string | null): LicenceFamily {
  const normalised = expression === null ? null : normaliseLicence(expression).expression
  const parsed = normalised ? parseExpression(normalised) : null
  return parsed ? familyOf(parsed) : 'proprietary-or-unknown'
}

function familyOf(node: LicenceExpression): LicenceFamily {
  if (isLeaf(node)) return leafFamily(node)
  const left = ORDER.indexOf(familyOf(node.left))
  const right = ORDER.indexOf(familyOf(node.right))
  return ORDER[node.conjunction === 'or' ? Math.min(left, right) : Math.max(left, right)] as LicenceFamily
}

function leafFamily(leaf: LicenceLeaf): LicenceFamily {
  const family = FAMILIES.get(gnuId(leaf.license)?.family ?? leaf.license) ?? 'proprietary-or-unknown'
  return family === 'copyleft' && leaf.exception && LINKING_EXCEPTIONS.has(leaf.exception) ? 'weak-copyleft' : family
}
