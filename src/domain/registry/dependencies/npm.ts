import { isObject, type ManifestReading, parseJson, Reading, text } from './model.ts'

/** npm names: lower case (old packages may have capitals), URL-safe, optionally `@scope/`; 214 at most. */
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9._~-][a-zA-Z0-9._~-]*$/

const sections = [
  ['dependencies', 'runtime'],
  ['peerDependencies', 'runtime'],
  ['optionalDependencies', 'runtime'],
  ['devDependencies', 'dev'],
] as const

/** package.json: dependencies, peer and optional ones (runtime) and devDependencies (dev). */
export function readPackageJson(source: string, file: string): ManifestReading {
  const reading = new Reading('npm', file)
  const json = parseJson(source, reading)
  if (json) addSections(reading, json, file)
  return reading.result()
}

function addSections(reading: Reading, declaring: Record<string, unknown>, where: string): void {
  for (const [section, scope] of sections) {
    const entries = declaring[section]
    if (entries === undefined) continue
    if (!isObject(entries)) {
      reading.problem(null, `"${section}" in ${where} is not an object of names and versions.`)
      continue
    }
    for (const [name, range] of Object.entries(entries)) addNpm(reading, name, text(range) ?? null, scope)
  }
}

function addNpm(reading: Reading, declared: string, range: string | null, scope: 'runtime' | 'dev'): void {
  // `"lodash-es": "npm:lodash@^4"` installs another package under a local name: the library is lodash.
  const alias = range ? /^npm:((?:@[^@/]+\/)?[^@]+)(?:@(.*))?$/.exec(range) : null
  const name = alias ? alias[1]! : declared
  const version = alias ? (alias[2] ?? null) : range
  if (name.length > 214 || !NPM_NAME.test(name)) {
    reading.problem(null, `"${name.slice(0, 100)}" is not an npm package name.`)
    return
  }
  reading.add(name, version, scope)
}

/**
 * package-lock.json. Versions 2 and 3 keep the root package's declared dependencies under
 * `packages[""]`: exactly the direct ones. Version 1 only has the installed tree, hoisted, direct and
 * transitive alike; the direct ones are taken as those no other locked package requires.
 */
export function readPackageLock(source: string, file: string): ManifestReading {
  const reading = new Reading('npm', file)
  const json = parseJson(source, reading)
  if (!json) return reading.result()
  const packages = json.packages
  if (isObject(packages) && isObject(packages[''])) {
    addSections(reading, packages[''], `${file} (packages[""])`)
    return reading.result()
  }
  const tree = json.dependencies
  if (!isObject(tree)) {
    reading.unreadable(null, 'Neither "packages" nor "dependencies": not a package-lock.json npm wrote.')
    return reading.result()
  }
  const required = new Set<string>()
  for (const entry of Object.values(tree)) {
    if (isObject(entry) && isObject(entry.requires)) for (const name of Object.keys(entry.requires)) required.add(name)
  }
  for (const [name, entry] of Object.entries(tree)) {
    if (!isObject(entry) || required.has(name) || reading.full) continue
    addNpm(reading, name, text(entry.version) ?? null, entry.dev === true ? 'dev' : 'runtime')
  }
  return reading.result()
}
