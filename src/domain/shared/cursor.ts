/** An opaque page cursor: a JSON value in base64url, read back as it was given. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** The value of a cursor, or undefined when the text is not one (the caller checks its shape). */
export function readCursor(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
