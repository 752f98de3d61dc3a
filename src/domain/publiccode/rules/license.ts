// `legal.license` must be a valid SPDX expression. Like the reference (github/go-spdx), licence and
// exception ids are matched whatever their case, and deprecated ids are still accepted.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const parseExpression = require('spdx-expression-parse') as (expression: string) => unknown
const KNOWN_IDS: readonly string[] = [
  ...(require('spdx-license-ids/index.json') as string[]),
  ...(require('spdx-license-ids/deprecated.json') as string[]),
  ...(require('spdx-exceptions/index.json') as string[]),
  ...(require('spdx-exceptions/deprecated.json') as string[]),
]
const CANONICAL_CASE = new Map(KNOWN_IDS.map((id) => [id.toLowerCase(), id]))

export function isSpdxExpression(value: string): boolean {
  const normalised = value.replace(/[A-Za-z0-9.\-]+/g, (word) => CANONICAL_CASE.get(word.toLowerCase()) ?? word)
  try {
    parseExpression(normalised)
    return true
  } catch {
    return false
  }
}
