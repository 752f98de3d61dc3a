// Codes of the Italian public administrations (iPA, https://www.indicepa.gov.it), matched without
// regard to case as the IndicePA guidelines say.
import { IPA_CODES } from '../data/ipa-codes.ts'

const codes = new Set(IPA_CODES.split('\n').map((code) => code.toLowerCase()))

export function isItalianPaCode(value: string): boolean {
  return codes.has(value.toLowerCase())
}
