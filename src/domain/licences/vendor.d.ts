// The SPDX helper packages ship no type declarations; these describe the parts Socle uses.

declare module 'spdx-expression-parse' {
  interface LicenseNode {
    license: string
    plus?: true
    exception?: string
  }
  interface ConjunctionNode {
    left: LicenseNode | ConjunctionNode
    conjunction: 'and' | 'or'
    right: LicenseNode | ConjunctionNode
  }
  /** Throws on anything that is not a valid SPDX license expression. */
  function parse(source: string): LicenseNode | ConjunctionNode
  export = parse
}

declare module 'spdx-correct' {
  /** Best-effort correction of a licence name to an SPDX id; null when nothing comes close. */
  function correct(name: string, options?: { upgrade?: boolean }): string | null
  export = correct
}
