// The reference's MIME type rule (from jshttp/media-typer): `type/subtype`, no parameters.
const MIME_TYPE = /^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})\/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$/

export function isMimeType(value: string): boolean {
  return MIME_TYPE.test(value)
}
