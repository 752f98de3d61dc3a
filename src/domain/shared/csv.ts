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
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Nested objects become dotted columns: `{organisation: {slug}}` → `organisation.slug`. */
export function flattenRecord(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) Object.assign(flat, flattenRecord(inner as Record<string, unknown>, name))
    else flat[name] = inner
  }
  return flat
}
