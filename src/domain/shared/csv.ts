/**
 * CSV as RFC 4180 says (comma, CRLF, quotes doubled), with one addition for open data opened in
 * spreadsheets: a text cell starting with = + - @ or a control character gets a leading apostrophe,
 * so that it can never run as a formula (CSV injection).
 */
export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  let text = Array.isArray(value) ? value.join('|') : String(value)
  // Spreadsheets run a cell starting with = + - as a formula, and @ before a function call: defused. An npm
  // scope (`@gouvfr/dsfr`) is data, kept as it is.
  if (/^[=+\-\t\r]|^@\w*\(/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The cell of a dotted column (`organisation.slug`) in a nested record; a value that is still an object
 * there (a map such as bytes by language) is written as JSON.
 */
export function cellAt(record: Record<string, unknown>, column: string): unknown {
  let value: unknown = record
  for (const key of column.split('.')) value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined
  return value && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value
}
