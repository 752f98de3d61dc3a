import { validatePublicCode, type Issue } from '../../domain/publiccode/index.ts'

/** The report of one validated publiccode.yml, as the CLI's --json and the API print it. */
export interface PublicCodeReport {
  file: string
  valid: boolean
  version: string | null
  errors: Issue[]
  warnings: Issue[]
}

/** Validates one publiccode.yml's text (network checks off). */
export function publicCodeReport(file: string, content: string | Uint8Array): PublicCodeReport {
  const result = validatePublicCode(content, { fileName: file })
  return { file, valid: result.valid, version: result.version, errors: result.errors, warnings: result.warnings }
}
