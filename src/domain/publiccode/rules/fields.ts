// Checks that the schema's tags cannot express, done after them as in the reference
// (validateFieldsV0): deprecated keys (warnings), the Italian section's spellings, files of the
// repository, oEmbed videos. Keys are built the reference's way here: `description.<lang>.…` always
// uses a dot, and the Italian section is `IT` whatever its spelling.
import type { RepositoryFiles } from '../result.ts'
import type { Decoded, Path } from '../schema-types.ts'
import { logoProblem, missingFileProblem, pathOrUrlProblem, repositoryPath, screenshotProblem } from './assets.ts'
import { isLowercaseCountryCode } from './country.ts'
import { isItalianPaCode } from './italian-pa.ts'
import { isOembedUrl } from './oembed.ts'

export interface FieldIssue {
  severity: 'error' | 'warning'
  key: string
  /** Where to point in the document. */
  path: Path
  message: string
}

type Struct = { [key: string]: Decoded }

const DROP_IT = "This key is DEPRECATED and will be removed in the future. It's safe to drop it"

export function checkFields(document: Struct, files: RepositoryFiles | undefined): FieldIssue[] {
  const issues: FieldIssue[] = []
  const error = (key: string, path: Path, message: string) => issues.push({ severity: 'error', key, path, message })
  const warning = (key: string, path: Path, message: string) => issues.push({ severity: 'warning', key, path, message })

  /** A file the document points to: refused if absolute, checked if in the repository and readable. */
  const checkFile = (key: string, path: Path, value: string, problem: (path: string, files: RepositoryFiles) => string | null) => {
    const refused = pathOrUrlProblem(value)
    if (refused !== null) return error(key, path, refused)
    const inRepository = repositoryPath(value)
    const found = files === undefined || inRepository === null ? null : problem(inRepository, files)
    if (found !== null) error(key, path, found)
  }

  const logo = stringAt(document, 'logo')
  if (logo) checkFile('logo', ['logo'], logo, logoProblem)
  const monochromeLogo = stringAt(document, 'monochromeLogo')
  if (monochromeLogo) {
    warning('monochromeLogo', ['monochromeLogo'], "This key is DEPRECATED and will be removed in the future. Use 'logo' instead")
    checkFile('monochromeLogo', ['monochromeLogo'], monochromeLogo, logoProblem)
  }

  const audience = structAt(document, 'intendedAudience')
  for (const list of ['countries', 'unsupportedCountries'] as const) {
    for (const [index, code] of stringsAt(audience, list)) {
      if (isLowercaseCountryCode(code)) {
        const key = `intendedAudience.${list}[${index}]`
        warning(key, ['intendedAudience', list, index], `Lowercase country codes are DEPRECATED. Use uppercase instead ('${code.toUpperCase()}')`)
      }
    }
  }

  const legal = structAt(document, 'legal')
  const authorsFile = stringAt(legal, 'authorsFile')
  if (authorsFile !== undefined) {
    warning('legal.authorsFile', ['legal', 'authorsFile'], DROP_IT)
    checkFile('legal.authorsFile', ['legal', 'authorsFile'], authorsFile, (path, repository) => {
      const missing = missingFileProblem(path, repository)
      return missing === null ? null : `'${path}' does not exist: ${missing}`
    })
  }
  if (stringAt(legal, 'repoOwner') !== undefined) {
    warning('legal.repoOwner', ['legal', 'repoOwner'], "This key is DEPRECATED and will be removed in the future. Use 'organisation.name' instead")
  }
  for (const key of ['inputTypes', 'outputTypes'] as const) {
    if (document[key] !== undefined) warning(key, [key], DROP_IT)
  }

  for (const [language, description] of Object.entries(structAt(document, 'description'))) {
    const desc = isStruct(description) ? description : {}
    const prefix = `description.${language}`
    if (stringAt(desc, 'genericName')) warning(`${prefix}.genericName`, ['description', language, 'genericName'], DROP_IT)
    for (const [index, screenshot] of stringsAt(desc, 'screenshots')) {
      const path = ['description', language, 'screenshots', index]
      checkFile(`${prefix}.screenshots[${index}]`, path, screenshot, (file, repository) => {
        const problem = screenshotProblem(file, repository)
        return problem === null ? null : `'${screenshot}' is not an image: ${problem}`
      })
    }
    for (const [index, video] of stringsAt(desc, 'videos')) {
      if (!isOembedUrl(video)) {
        const message = `'${video}' is not a valid video URL supporting oEmbed: invalid oEmbed link: ${video}`
        error(`${prefix}.videos[${index}]`, ['description', language, 'videos', index], message)
      }
    }
  }

  checkItalianSection(document, error, warning)
  return issues
}

type Report = (key: string, path: Path, message: string) => void

function checkItalianSection(document: Struct, error: Report, warning: Report): void {
  const upper = document['IT']
  const lower = document['it']
  if (lower !== undefined) {
    warning('it', ['it'], "Lowercase country codes are DEPRECATED and will be removed in the future. Use 'IT' instead")
    if (upper !== undefined) error('it', ['it'], "'IT' key already present. Remove this key")
  }
  const name = upper !== undefined ? 'IT' : 'it'
  const section = isStruct(upper) ? upper : isStruct(lower) ? lower : undefined
  if (section === undefined) return
  if (section['conforme'] !== undefined) warning('IT.conforme', [name, 'conforme'], DROP_IT)
  const code = stringAt(structAt(section, 'riuso'), 'codiceIPA')
  if (code && isItalianPaCode(code)) {
    const message = `This key is DEPRECATED and will be removed in the future. Use 'organisation.uri' and set it to 'urn:x-italian-pa:${code}' instead`
    warning('IT.riuso.codiceIPA', [name, 'riuso', 'codiceIPA'], message)
  }
}

function isStruct(value: Decoded): value is Struct {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function structAt(parent: Struct, key: string): Struct {
  const value = parent[key]
  return isStruct(value) ? value : {}
}

function stringAt(parent: Struct, key: string): string | undefined {
  const value = parent[key]
  return typeof value === 'string' ? value : undefined
}

/** The strings of a list with their indexes (null items of pointer lists are skipped). */
function stringsAt(parent: Struct, key: string): [number, string][] {
  const value = parent[key]
  if (!Array.isArray(value)) return []
  return value.flatMap((item, index): [number, string][] => (typeof item === 'string' ? [[index, item]] : []))
}
