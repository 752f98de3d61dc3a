// The reference decodes YAML with goccy/go-yaml into Go strings: a number or a boolean given where a
// string is expected is accepted and printed the Go way (`1.0` becomes "1", `1e8` becomes "1e+08").
// These helpers reproduce that printing so that both validators see the same strings.

/**
 * The Go string a non-null scalar value (as parsed with the core schema and `intAsBigInt`) turns
 * into when decoded into a string field. `plainSource` is the text of a plain (unquoted) scalar:
 * goccy/go-yaml reads numbers from it by YAML 1.1-like rules (`0123` is octal, `0b101` binary,
 * `1_000` a thousand, `0128` a string) that differ from the core schema's.
 */
export function scalarToGoString(value: unknown, plainSource?: string): string {
  const number = plainSource === undefined ? null : goNumberText(plainSource)
  if (number !== null) return number
  switch (typeof value) {
    case 'number':
      return formatGoFloat(value)
    case 'bigint':
      return plainSource ?? value.toString()
    case 'boolean':
      return value ? 'true' : 'false'
    default:
      return String(value)
  }
}

/** Whether goccy/go-yaml reads this text, written as a plain scalar, as a number. */
export function readsAsGoNumber(text: string): boolean {
  return goNumberText(text) !== null
}

/** Go's printing of a plain scalar goccy reads as a number, or null when it reads a string. */
function goNumberText(text: string): string | null {
  const sign = text.startsWith('-') ? '-' : ''
  const body = /^[-+]/.test(text) ? text.slice(1) : text
  const digits = body.replaceAll('_', '')
  const integer = (prefix: string, part: string) => (sign === '-' ? -BigInt(prefix + part) : BigInt(prefix + part)).toString()
  if (/^0b[01_]+$/.test(body)) return integer('0b', digits.slice(2))
  if (/^0o[0-7_]+$/.test(body)) return integer('0o', digits.slice(2))
  if (/^0x[0-9a-fA-F_]+$/.test(body)) return integer('0x', digits.slice(2))
  if (/^0[0-9_]+$/.test(body)) return /^0[0-7_]+$/.test(body) ? integer('0o', digits.slice(1) || '0') : null
  if (/^[0-9][0-9_]*$/.test(body)) return integer('', digits)
  if (/^([0-9_]*\.[0-9_]*|[0-9_]+)([eE][-+]?[0-9]+)?$/.test(body) && /[0-9]/.test(body)) {
    return formatGoFloat(Number(sign + digits))
  }
  return null
}

/** `fmt.Sprint(float64)`: shortest representation, exponent form outside [1e-4, 1e6). */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '+Inf'
  if (value === -Infinity) return '-Inf'
  if (value === 0) return Object.is(value, -0) ? '-0' : '0'
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+'
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  // In this range JavaScript's shortest form is plain decimal notation, as Go's is.
  return String(value)
}

/** The source of a plain scalar node, for `scalarToGoString`. */
export function plainText(node: { type?: string | undefined; source?: string | undefined }): string | undefined {
  return node.type === 'PLAIN' ? node.source : undefined
}
