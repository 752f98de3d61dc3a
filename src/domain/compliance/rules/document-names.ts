/** Plain text or light markup: the policy advises against binary formats such as PDF. */
const TEXT_EXTENSION = String.raw`(?:\.(?:md|markdown|txt|rst|adoc|asciidoc|org))?`

/** File names made of one of `stems` (a regular expression) and, optionally, the extension of a text. */
export function documentName(stems: string): RegExp {
  return new RegExp(`^(?:${stems})${TEXT_EXTENSION}$`, 'i')
}

export const CONTRIBUTING_NAME = documentName('contributing|contribuer|contribution|contributions')
