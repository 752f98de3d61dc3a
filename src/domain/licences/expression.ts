import { createRequire } from 'node:module'
import parseSpdx from 'spdx-expression-parse'

/** One licence of an SPDX expression: `GPL-2.0-only WITH Classpath-exception-2.0`, `Apache-1.0+`. */
export interface LicenceLeaf {
  license: string
  plus?: true
  exception?: string
}

/** Two sub-expressions joined by AND or OR. */
export interface Conjunction {
  left: LicenceExpression
  conjunction: 'and' | 'or'
  right: LicenceExpression
}

export type LicenceExpression = LicenceLeaf | Conjunction

const require = createRequire(import.meta.url)
const CURRENT_IDS: readonly string[] = require('spdx-license-ids/index.json')
const DEPRECATED_IDS: readonly string[] = require('spdx-license-ids/deprecated.json')

/** SPDX licence ids in use (deprecated ones excluded). */
export const SPDX_IDS: ReadonlySet<string> = new Set(CURRENT_IDS)

const CANONICAL_CASE = new Map<string, string>(
  [...CURRENT_IDS, ...DEPRECATED_IDS].map((id) => [id.toLowerCase(), id]),
)

/** The SPDX spelling of a licence id written in any case, or null. */
export function canonicalCase(id: string): string | null {
  return CANONICAL_CASE.get(id.toLowerCase()) ?? null
}

export function isLeaf(node: LicenceExpression): node is LicenceLeaf {
  return 'license' in node
}

/** Strict SPDX parse: null for anything that is not a valid expression. */
export function parseExpression(text: string): LicenceExpression | null {
  try {
    return parseSpdx(text)
  } catch {
    return null
  }
}

/** SPDX text of an expression, with parentheses wherever AND and OR meet, for readers unsure of precedence. */
export function renderExpression(node: LicenceExpression): string {
  if (isLeaf(node)) {
    return node.license + (node.plus ? '+' : '') + (node.exception ? ` WITH ${node.exception}` : '')
  }
  const side = (child: LicenceExpression): string =>
    !isLeaf(child) && child.conjunction !== node.conjunction ? `(${renderExpression(child)})` : renderExpression(child)
  return `${side(node.left)} ${node.conjunction.toUpperCase()} ${side(node.right)}`
}

/** Joins expressions with one operator; null for an empty list. */
export function joinExpressions(
  nodes: readonly LicenceExpression[],
  conjunction: 'and' | 'or',
): LicenceExpression | null {
  const [first, ...rest] = nodes
  if (!first) return null
  return rest.reduce<LicenceExpression>((left, right) => ({ left, conjunction, right }), first)
}

export function leaves(node: LicenceExpression): LicenceLeaf[] {
  return isLeaf(node) ? [node] : [...leaves(node.left), ...leaves(node.right)]
}

/** The GNU licences whose SPDX ids carry `-only` / `-or-later`. */
const GNU_ID = /^(GPL|LGPL|AGPL|GFDL)-(\d\.\d)(?:-(only|or-later))?$/

export interface GnuId {
  family: 'GPL' | 'LGPL' | 'AGPL' | 'GFDL'
  version: string
  /** null for the deprecated bare id (`GPL-2.0`), which SPDX defines as `-only`. */
  suffix: 'only' | 'or-later' | null
}

export function gnuId(id: string): GnuId | null {
  const match = GNU_ID.exec(id)
  if (!match) return null
  return {
    family: match[1] as GnuId['family'],
    version: match[2] as string,
    suffix: (match[3] as GnuId['suffix'] | undefined) ?? null,
  }
}

/** The `-or-later` id of the same GNU licence and version, or null for another licence. */
export function gnuOrLater(id: string): string | null {
  const gnu = gnuId(id)
  return gnu ? `${gnu.family}-${gnu.version}-or-later` : null
}

/**
 * Replacements of deprecated SPDX ids, as given in the SPDX licence list's deprecation notes: a bare
 * GNU id means `-only` and `+` means `-or-later`; the `-with-…-exception` ids became `WITH`
 * expressions. Net-SNMP has no one-to-one replacement and is kept as written.
 */
const DEPRECATED_REPLACEMENTS: Readonly<Record<string, LicenceLeaf>> = {
  'BSD-2-Clause-FreeBSD': { license: 'BSD-2-Clause' },
  'BSD-2-Clause-NetBSD': { license: 'BSD-2-Clause' },
  'GPL-2.0-with-GCC-exception': { license: 'GPL-2.0-only', exception: 'GCC-exception-2.0' },
  'GPL-2.0-with-autoconf-exception': { license: 'GPL-2.0-only', exception: 'Autoconf-exception-2.0' },
  'GPL-2.0-with-bison-exception': { license: 'GPL-2.0-only', exception: 'Bison-exception-2.2' },
  'GPL-2.0-with-classpath-exception': { license: 'GPL-2.0-only', exception: 'Classpath-exception-2.0' },
  'GPL-2.0-with-font-exception': { license: 'GPL-2.0-only', exception: 'Font-exception-2.0' },
  'GPL-3.0-with-GCC-exception': { license: 'GPL-3.0-only', exception: 'GCC-exception-3.1' },
  'GPL-3.0-with-autoconf-exception': { license: 'GPL-3.0-only', exception: 'Autoconf-exception-3.0' },
  Nunit: { license: 'zlib-acknowledgement' },
  'StandardML-NJ': { license: 'SMLNJ' },
  'bzip2-1.0.5': { license: 'bzip2-1.0.6' },
  'eCos-2.0': { license: 'GPL-2.0-or-later', exception: 'eCos-exception-2.0' },
  wxWindows: { license: 'LGPL-2.0-or-later', exception: 'WxWindows-exception-3.1' },
}

/** A leaf in today's SPDX form: deprecated ids replaced, `+` on a GNU id written `-or-later`. */
function canonicalLeaf(leaf: LicenceLeaf): LicenceLeaf {
  const replaced = DEPRECATED_REPLACEMENTS[leaf.license]
  const base: LicenceLeaf = replaced
    ? { ...replaced, ...(leaf.plus ? { plus: true } : {}) }
    : { license: leaf.license, ...(leaf.plus ? { plus: true } : {}) }
  const exception = leaf.exception ?? base.exception
  const gnu = gnuId(base.license)
  const license = gnu
    ? `${gnu.family}-${gnu.version}-${base.plus || gnu.suffix === 'or-later' ? 'or-later' : 'only'}`
    : base.license
  return {
    license,
    ...(base.plus && !gnu ? { plus: true as const } : {}),
    ...(exception ? { exception } : {}),
  }
}

export function mapLeaves(
  node: LicenceExpression,
  map: (leaf: LicenceLeaf) => LicenceExpression,
): LicenceExpression {
  if (isLeaf(node)) return map(node)
  return { left: mapLeaves(node.left, map), conjunction: node.conjunction, right: mapLeaves(node.right, map) }
}

/** Canonical SPDX text of an expression (deprecated ids and GNU `+` rewritten). */
export function canonicalExpression(node: LicenceExpression): string {
  return renderExpression(mapLeaves(node, canonicalLeaf))
}
