import { gnuId, isLeaf, parseExpression, type LicenceExpression, type LicenceLeaf } from './expression.ts'
import { normaliseLicence } from './normalise.ts'

/**
 * The licences French administrations may use for the free reuse of their public information,
 * article D323-2-1 of the Code des relations entre le public et l'administration (CRPA), created by
 * décret n° 2017-638 du 27 avril 2017 and completed by décret n° 2021-1559 du 1er décembre 2021:
 *
 * - information in general: the Licence Ouverte and the Open Database License;
 * - information "in the form of software": the permissive licences Berkeley Software Distribution
 *   License, Apache, CeCILL-B and MIT; the licences "with an obligation of reciprocity" Mozilla Public
 *   License, GNU General Public License and CeCILL (2017), then European Union Public License and
 *   Eclipse Public License (2021).
 *
 * The article names licences, not versions: they apply "in their version in force" as published on
 * data.gouv.fr (page "Licences de réutilisation", maintained by Etalab), which gives the SPDX ids below
 * and reads "GNU General Public License" as the GNU GPL, LGPL and AGPL version 3. Another licence needs
 * a homologation under article D323-2-2.
 */
export type AuthorisedKind = 'permissive' | 'reciprocal'
/** `software` for source code; `information` for data and documents. */
export type AuthorisedScope = 'software' | 'information'

export interface AuthorisedLicence {
  id: string
  name: string
  kind: AuthorisedKind
  scope: AuthorisedScope
  /** The text that put the licence on the list. */
  source: string
}

const DECREE_2017 = 'CRPA art. D323-2-1, décret n° 2017-638 du 27 avril 2017'
const DECREE_2021 = 'CRPA art. D323-2-1, décret n° 2021-1559 du 1er décembre 2021'

export const AUTHORISED_LICENCES: readonly AuthorisedLicence[] = [
  { id: 'etalab-2.0', name: 'Licence Ouverte / Open Licence 2.0', kind: 'permissive', scope: 'information', source: DECREE_2017 },
  { id: 'ODbL-1.0', name: 'Open Database License 1.0', kind: 'reciprocal', scope: 'information', source: DECREE_2017 },
  { id: 'Apache-2.0', name: 'Apache License 2.0', kind: 'permissive', scope: 'software', source: DECREE_2017 },
  { id: 'BSD-2-Clause', name: 'BSD 2-Clause "Simplified" License', kind: 'permissive', scope: 'software', source: DECREE_2017 },
  { id: 'BSD-3-Clause', name: 'BSD 3-Clause "New" or "Revised" License', kind: 'permissive', scope: 'software', source: DECREE_2017 },
  { id: 'CECILL-B', name: 'CeCILL-B Free Software License Agreement', kind: 'permissive', scope: 'software', source: DECREE_2017 },
  { id: 'MIT', name: 'MIT License', kind: 'permissive', scope: 'software', source: DECREE_2017 },
  { id: 'CECILL-2.1', name: 'CeCILL Free Software License Agreement v2.1', kind: 'reciprocal', scope: 'software', source: DECREE_2017 },
  { id: 'CECILL-C', name: 'CeCILL-C Free Software License Agreement', kind: 'reciprocal', scope: 'software', source: DECREE_2017 },
  { id: 'GPL-3.0-or-later', name: 'GNU General Public License v3.0 or later', kind: 'reciprocal', scope: 'software', source: DECREE_2017 },
  { id: 'LGPL-3.0-or-later', name: 'GNU Lesser General Public License v3.0 or later', kind: 'reciprocal', scope: 'software', source: DECREE_2017 },
  { id: 'AGPL-3.0-or-later', name: 'GNU Affero General Public License v3.0 or later', kind: 'reciprocal', scope: 'software', source: DECREE_2017 },
  { id: 'MPL-2.0', name: 'Mozilla Public License 2.0', kind: 'reciprocal', scope: 'software', source: DECREE_2017 },
  { id: 'EPL-2.0', name: 'Eclipse Public License 2.0', kind: 'reciprocal', scope: 'software', source: DECREE_2021 },
  { id: 'EUPL-1.2', name: 'European Union Public License 1.2', kind: 'reciprocal', scope: 'software', source: DECREE_2021 },
]

export interface Authorisation {
  authorised: boolean
  reason: string
}

/**
 * Whether an administration may publish under this licence expression (free text is normalised
 * first, see normaliseLicence). Rules:
 * - `A OR B` is authorised when one branch is: the administration licenses under that branch too;
 * - `A AND B` needs every part: all of them apply;
 * - a GNU licence counts by its version: GPL-3.0-only and GPL-3.0-or-later are both the GNU GPL
 *   version 3 that the list names (`-only` only declines future versions), and so is `GPL-3.0+`;
 *   GPL-2.0-or-later is not, although it lets the user choose version 3: the licensor's choice is
 *   version 2. `+` on another id counts when the id itself is listed;
 * - `WITH` an exception counts as its licence: SPDX exceptions add permissions, so the work stays
 *   under the listed licence for every use the licence alone allows.
 */
export function isAuthorised(expression: string, scope: AuthorisedScope = 'software'): Authorisation {
  const normalised = normaliseLicence(expression).expression
  const parsed = normalised ? parseExpression(normalised) : null
  if (!parsed) return { authorised: false, reason: `"${expression}" is not a recognised licence expression` }
  return evaluate(parsed, scope)
}

function evaluate(node: LicenceExpression, scope: AuthorisedScope): Authorisation {
  if (isLeaf(node)) return evaluateLeaf(node, scope)
  const left = evaluate(node.left, scope)
  const right = evaluate(node.right, scope)
  if (node.conjunction === 'or') {
    const chosen = left.authorised ? left : right.authorised ? right : null
    return chosen
      ? { authorised: true, reason: `one alternative is authorised: ${chosen.reason}` }
      : { authorised: false, reason: `no alternative is authorised: ${left.reason}; ${right.reason}` }
  }
  const refused = [left, right].filter((part) => !part.authorised)
  return refused.length === 0
    ? { authorised: true, reason: `every part is authorised: ${left.reason}; ${right.reason}` }
    : { authorised: false, reason: `every part must be authorised: ${refused.map((part) => part.reason).join('; ')}` }
}

const LISTED = new Map(AUTHORISED_LICENCES.map((licence) => [listKey(licence.id), licence]))

/** GNU ids are listed by family and version, whatever their `-only` / `-or-later` suffix. */
function listKey(id: string): string {
  const gnu = gnuId(id)
  return gnu ? `${gnu.family}-${gnu.version}` : id
}

function evaluateLeaf(leaf: LicenceLeaf, scope: AuthorisedScope): Authorisation {
  const licence = LISTED.get(listKey(leaf.license))
  const exception = leaf.exception ? ` (the ${leaf.exception} exception only adds permissions)` : ''
  if (!licence) {
    return { authorised: false, reason: `${leaf.license} is not in the list of CRPA art. D323-2-1` }
  }
  if (licence.scope !== scope) {
    return { authorised: false, reason: `${leaf.license} is listed for ${licence.scope}, not ${scope}` }
  }
  return {
    authorised: true,
    reason: `${leaf.license}${leaf.plus ? '+' : ''} is a ${licence.kind} licence listed by ${licence.source}${exception}`,
  }
}
