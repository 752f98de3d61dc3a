import { FILE_CAP_BYTES } from '../crawled.ts'
import { readCargoToml } from './cargo.ts'
import { readGoMod } from './go.ts'
import { readGradle, readPom } from './jvm.ts'
import type { Dependency, Ecosystem, ManifestProblem, ManifestReader } from './model.ts'
import { readPackageJson, readPackageLock } from './npm.ts'
import { readComposerJson } from './php.ts'
import { readPipfile, readPoetryLock, readPyproject, readRequirementsTxt } from './python.ts'
import { readGemfile } from './ruby.ts'

export { type Dependency, type Ecosystem, ecosystems, MAX_DEPENDENCIES_PER_MANIFEST, type ManifestProblem } from './model.ts'
export { normalizePypiName } from './python.ts'

interface ManifestFormat {
  ecosystem: Ecosystem
  read: ManifestReader
  /** A lockfile lists what was installed: read only when no manifest of its ecosystem could be. */
  lockfile?: true
}

/** Far more than the crawl keeps of a file: the cost of reading stays bounded whoever calls. */
const MAX_MANIFEST_CHARS = 4 * FILE_CAP_BYTES

/** By file name, in order of preference: the first manifest naming a library gives its version. */
const formats: Record<string, ManifestFormat> = {
  'package.json': { ecosystem: 'npm', read: readPackageJson },
  'package-lock.json': { ecosystem: 'npm', read: readPackageLock, lockfile: true },
  'pyproject.toml': { ecosystem: 'pypi', read: readPyproject },
  Pipfile: { ecosystem: 'pypi', read: readPipfile },
  'requirements.txt': { ecosystem: 'pypi', read: readRequirementsTxt },
  'poetry.lock': { ecosystem: 'pypi', read: readPoetryLock, lockfile: true },
  'pom.xml': { ecosystem: 'maven', read: readPom },
  'build.gradle': { ecosystem: 'maven', read: readGradle },
  'build.gradle.kts': { ecosystem: 'maven', read: readGradle },
  'composer.json': { ecosystem: 'packagist', read: readComposerJson },
  Gemfile: { ecosystem: 'rubygems', read: readGemfile },
  'go.mod': { ecosystem: 'go', read: readGoMod },
  'Cargo.toml': { ecosystem: 'cargo', read: readCargoToml },
}

/**
 * The libraries a repository declares, from the text of its root manifests by file name (unknown
 * names are ignored). Each library once per ecosystem: runtime when any manifest needs it at run
 * time, the version of the first manifest (in the order above) that gives one. A lockfile counts
 * only when no manifest of its ecosystem was readable, and then only for its direct dependencies.
 * Never throws: what cannot be read is a problem, with its file and line when known.
 */
export function extractDependencies(manifests: Readonly<Record<string, string>>): { dependencies: Dependency[]; problems: ManifestProblem[] } {
  const problems: ManifestProblem[] = []
  const read: Dependency[][] = []
  const readableEcosystems = new Set<Ecosystem>()
  const present = Object.entries(formats).filter(([file]) => typeof manifests[file] === 'string')
  for (const lockfiles of [false, true]) {
    for (const [file, format] of present) {
      if (Boolean(format.lockfile) !== lockfiles || (lockfiles && readableEcosystems.has(format.ecosystem))) continue
      const source = manifests[file]!
      if (source.length > MAX_MANIFEST_CHARS) {
        problems.push({ file, line: null, message: `Larger than ${MAX_MANIFEST_CHARS} characters: not read.` })
        continue
      }
      const reading = format.read(source, file)
      problems.push(...reading.problems)
      // A manifest that parsed at all (even with a bad entry, or none) speaks for its ecosystem.
      if (reading.readable) readableEcosystems.add(format.ecosystem)
      read.push(reading.dependencies)
    }
  }
  return { dependencies: merge(read.flat()), problems }
}

function merge(dependencies: Dependency[]): Dependency[] {
  const byKey = new Map<string, Dependency>()
  for (const dependency of dependencies) {
    const key = `${dependency.ecosystem}\u0000${dependency.name}`
    const kept = byKey.get(key)
    if (!kept) byKey.set(key, { ...dependency })
    else {
      kept.version ??= dependency.version
      if (dependency.scope === 'runtime') kept.scope = 'runtime'
    }
  }
  return [...byKey.values()]
}
