// go-playground/validator's `email` rule: its regular expression, translated from Go's syntax
// (including its quoted-pair quirk, `\(?:`, which reads an optional parenthesis and a colon).
const LETTER = 'a-zA-Z'
const UNICODE = '\\u00A0-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFEF'
const ATOM = `[${LETTER}\\d!#$%&'*+\\-/=?^_\`{|}~${UNICODE}]`
const QUOTED_CONTENT =
  `(?:(?:[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]|\\x21|[\\x23-\\x5b]|[\\x5d-\\x7e]|[${UNICODE}])` +
  `|(?:\\(?:[\\x01-\\x09\\x0b\\x0c\\x0d-\\x7f]|[${UNICODE}]))`
const FOLDING = '(?:(?:(?:\\x20|\\x09)*(?:\\x0d\\x0a))?(?:\\x20|\\x09)+)'
const LOCAL = `(?:${ATOM}+(?:\\.${ATOM}+)*|(?:\\x22(?:${FOLDING}?${QUOTED_CONTENT})*${FOLDING}?\\x22))`
const ALNUM = `[${LETTER}\\d${UNICODE}]`
const INNER = `[${LETTER}\\d\\-._~${UNICODE}]`
const ALPHA = `[${LETTER}${UNICODE}]`
const LABEL = `(?:${ALNUM}|${ALNUM}${INNER}*${ALNUM})`
const TOP_LABEL = `(?:${ALPHA}|${ALPHA}${INNER}*${ALPHA})`
const EMAIL = new RegExp(`^${LOCAL}@(?:${LABEL}\\.)+${TOP_LABEL}\\.?$`)

export function isEmail(value: string): boolean {
  return EMAIL.test(value)
}
