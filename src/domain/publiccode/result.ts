import type { PublicCode } from './model.ts'

/**
 * One problem found in a publiccode.yml. `key` uses the reference validator's notation
 * (`description.en.features`, `maintenance.contacts[0].email`, `description[en-GB].features`),
 * and is `""` for problems with the whole file (not YAML, too large, bad encoding…).
 */
export interface Issue {
  key: string
  message: string
  /** 1-based, where known. */
  line: number | null
  column: number | null
}

export interface ValidationResult {
  valid: boolean
  /** Value of `publiccodeYmlVersion`, when the file has one. */
  version: string | null
  errors: Issue[]
  warnings: Issue[]
  /** The document, when it is valid. */
  document: PublicCode | null
}

/**
 * Read access to the repository the publiccode.yml belongs to, for the checks of the files it
 * refers to (logo, screenshots, authors file). Paths are POSIX paths relative to the folder of the
 * publiccode.yml; they may start with `../` when the file says so.
 */
export interface RepositoryFiles {
  /** The file's content, or null when there is no such file. */
  read(path: string): Uint8Array | null
}

export interface ValidateOptions {
  /** Name of the file in the messages about the whole file. Default: `publiccode.yml`. */
  fileName?: string
  /** Inputs larger than this are rejected before parsing. Default: 1 MiB. */
  maxBytes?: number
  /**
   * Files of the repository. Without it, the checks that need the files (existence, format and size
   * of the logo, screenshots and authors file) are skipped, as the reference does when told not to
   * perform external checks.
   */
  files?: RepositoryFiles
}
