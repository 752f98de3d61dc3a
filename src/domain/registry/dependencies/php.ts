import { isObject, type ManifestReading, parseJson, Reading, text } from './model.ts'

/** Composer's own pattern nests quantifiers (exponential on a hostile name): this linear one accepts the same names, and a few odd ones more. */
const PACKAGIST_NAME = /^[a-z0-9][a-z0-9_.-]*\/[a-z0-9][a-z0-9_.-]*$/

/** Platform requirements: the PHP interpreter, its extensions and libraries, Composer itself. */
function isPlatformPackage(name: string): boolean {
  return name === 'php' || name.startsWith('php-') || name.startsWith('ext-') || name.startsWith('lib-') || name === 'hhvm' || name.startsWith('composer')
}

/** composer.json: `require` (runtime) and `require-dev` (dev), names lower case, platform packages skipped. */
export function readComposerJson(source: string, file: string): ManifestReading {
  const reading = new Reading('packagist', file)
  const json = parseJson(source, reading)
  if (!json) return reading.result()
  for (const [section, scope] of [['require', 'runtime'], ['require-dev', 'dev']] as const) {
    const entries = json[section]
    if (entries === undefined) continue
    if (!isObject(entries)) {
      // Composer writes an empty section as `[]` (a PHP empty array): nothing required.
      if (!(Array.isArray(entries) && entries.length === 0)) reading.problem(null, `"${section}" is not an object of names and constraints.`)
      continue
    }
    for (const [declared, constraint] of Object.entries(entries)) {
      const name = declared.toLowerCase()
      if (isPlatformPackage(name)) continue
      if (!PACKAGIST_NAME.test(name)) reading.problem(null, `"${declared.slice(0, 100)}" is not a vendor/package name.`)
      else reading.add(name, text(constraint) ?? null, scope)
    }
  }
  return reading.result()
}
