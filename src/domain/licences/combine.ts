import type { LicenceDetection, LicenceMatch } from './detect.ts'
import {
  canonicalExpression,
  gnuId,
  gnuOrLater,
  joinExpressions,
  leaves,
  mapLeaves,
  parseExpression,
  type LicenceExpression,
} from './expression.ts'

/**
 * One detection for a work from the detections of its licence files (LICENSE, COPYING,
 * COPYING.LESSER…): every licence found applies, so they are joined with AND. Files in which no
 * licence was recognised are left out: they are not evidence of a licence. The confidence is the
 * lowest of the files that were used.
 *
 * A bare GNU text is detected `-only` (see detectLicence); when another file of the same work says
 * `-or-later` for the same licence and version, that notice decides.
 */
export function combineLicences(results: readonly LicenceDetection[]): LicenceDetection {
  const detected = results.flatMap(({ expression, confidence }) => {
    const node = expression === null ? null : parseExpression(expression)
    return node ? [{ node, confidence }] : []
  })
  const orLater = new Set(
    detected.flatMap(({ node }) => leaves(node).map((leaf) => leaf.license)).filter((id) => gnuId(id)?.suffix === 'or-later'),
  )
  const parts: (LicenceMatch & { node: LicenceExpression })[] = []
  for (const { node, confidence } of detected) {
    const upgraded = mapLeaves(node, (leaf) => {
      const later = gnuOrLater(leaf.license)
      return later && orLater.has(later) ? { ...leaf, license: later } : leaf
    })
    const id = canonicalExpression(upgraded)
    const known = parts.find((part) => part.id === id)
    if (known) known.confidence = Math.min(known.confidence, confidence)
    else parts.push({ id, confidence, node: upgraded })
  }
  const joined = joinExpressions(parts.map(({ node }) => node), 'and')
  return {
    expression: joined ? canonicalExpression(joined) : null,
    confidence: parts.length ? Math.min(...parts.map(({ confidence }) => confidence)) : 0,
    matches: parts.map(({ id, confidence }) => ({ id, confidence })),
  }
}
