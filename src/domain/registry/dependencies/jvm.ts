import { isObject, lines, type ManifestReading, parseXml, Reading, text } from './model.ts'

const COORDINATE_PART = /^[A-Za-z0-9_.-]+$/

function isCoordinate(groupId: string, artifactId: string): boolean {
  return COORDINATE_PART.test(groupId) && COORDINATE_PART.test(artifactId)
}

/** `${name}` references replaced from `values`; null when one stays unknown (defined in a parent POM, say). */
function resolveProperties(value: string | undefined, values: ReadonlyMap<string, string>): string | null {
  if (value === undefined) return null
  let resolved = value.trim()
  // Properties may refer to properties: a few rounds, never a loop.
  for (let round = 0; round < 5 && resolved.includes('${'); round++) {
    resolved = resolved.replace(/\$\{([^}]{1,200})\}/g, (whole, name: string) => values.get(name) ?? whole)
  }
  return resolved && !resolved.includes('${') ? resolved : null
}

function dependencyList(dependencies: unknown): Record<string, unknown>[] {
  if (!isObject(dependencies) || !Array.isArray(dependencies.dependency)) return []
  return dependencies.dependency.filter(isObject)
}

/**
 * pom.xml: the project's `<dependencies>` (scope `test` → dev); versions from `${properties}` of the
 * same file, `${project.version}`, or `<dependencyManagement>` when the dependency leaves it out. The
 * parent POM is not read: what only it defines stays unknown (version null).
 */
export function readPom(source: string, file: string): ManifestReading {
  const reading = new Reading('maven', file)
  const xml = parseXml(source, reading)
  if (!xml) return reading.result()
  const project = xml.project
  if (!isObject(project)) {
    reading.unreadable(null, 'No <project> element: not a Maven POM.')
    return reading.result()
  }
  const properties = new Map<string, string>()
  if (isObject(project.properties)) {
    for (const [name, value] of Object.entries(project.properties)) {
      const string = text(value)
      if (string !== undefined) properties.set(name, string.trim())
    }
  }
  const parent = isObject(project.parent) ? project.parent : {}
  const projectVersion = text(project.version) ?? text(parent.version)
  if (projectVersion) properties.set('project.version', projectVersion.trim()).set('version', projectVersion.trim())
  if (text(parent.version)) properties.set('project.parent.version', text(parent.version)!.trim())
  const groupId = text(project.groupId) ?? text(parent.groupId)
  if (groupId) properties.set('project.groupId', groupId.trim())

  const managed = new Map<string, string>()
  const management = isObject(project.dependencyManagement) ? project.dependencyManagement : {}
  for (const dependency of dependencyList(management.dependencies)) {
    const key = `${resolveProperties(text(dependency.groupId), properties)}:${resolveProperties(text(dependency.artifactId), properties)}`
    const version = resolveProperties(text(dependency.version), properties)
    if (version) managed.set(key, version)
  }

  for (const dependency of dependencyList(project.dependencies)) {
    const group = resolveProperties(text(dependency.groupId), properties)
    const artifact = resolveProperties(text(dependency.artifactId), properties)
    if (!group || !artifact || !isCoordinate(group, artifact)) {
      reading.problem(null, `A <dependency> without a usable groupId and artifactId (${group ?? '?'}:${artifact ?? '?'}).`)
      continue
    }
    const name = `${group}:${artifact}`
    const version = resolveProperties(text(dependency.version), properties) ?? managed.get(name) ?? null
    reading.add(name, version, text(dependency.scope)?.trim() === 'test' ? 'dev' : 'runtime')
  }
  return reading.result()
}

const GRADLE_CONFIGURATION =
  /^(implementation|api|compile|compileOnly|compileOnlyApi|runtimeOnly|runtime|annotationProcessor|kapt|ksp|testImplementation|testApi|testCompile|testCompileOnly|testRuntimeOnly|testRuntime|testAnnotationProcessor|testFixturesImplementation|testFixturesApi|androidTestImplementation|integrationTestImplementation|debugImplementation|releaseImplementation)\b\s*\(?\s*(.*)$/

function gradleScope(configuration: string): 'runtime' | 'dev' {
  return /^(test|androidTest|integrationTest)/.test(configuration) ? 'dev' : 'runtime'
}

/** The code of a Gradle script line without its comment (`//` outside strings), `/* … *\/` handled by the caller. */
function withoutLineComment(line: string): string {
  let quote: string | null = null
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!
    if (quote) {
      if (char === '\\') i++
      else if (char === quote) quote = null
    } else if (char === '"' || char === "'") quote = char
    else if (char === '/' && line[i + 1] === '/') return line.slice(0, i)
  }
  return line
}

/**
 * build.gradle and build.gradle.kts: the common declarations, `implementation 'g:a:v'`,
 * `implementation("g:a:v")`, `implementation group: 'g', name: 'a', version: 'v'` (and Kotlin's
 * `group = "g"` form), `platform(…)`, `kotlin("x")`; test configurations → dev. `$name` versions are
 * resolved from string variables of the same script (`def`, `val`, `ext`); version catalogs
 * (`libs.x`), projects and files are not libraries named here and are skipped.
 */
export function readGradle(source: string, file: string): ManifestReading {
  const reading = new Reading('maven', file)
  const code: { number: number; line: string }[] = []
  let inBlockComment = false
  lines(source).forEach((raw, index) => {
    let line = raw
    if (inBlockComment) {
      const end = line.indexOf('*/')
      if (end < 0) return
      line = line.slice(end + 2)
      inBlockComment = false
    }
    line = line.replace(/\/\*.*?\*\//g, '')
    const start = line.indexOf('/*')
    if (start >= 0 && !/["']/.test(line.slice(0, start))) {
      line = line.slice(0, start)
      inBlockComment = true
    }
    code.push({ number: index + 1, line: withoutLineComment(line).trim() })
  })

  const variables = new Map<string, string>()
  for (const { line } of code) {
    const assignment = /^(?:(?:def|val|var)\s+|ext\.|extra\[)?["']?([A-Za-z_][A-Za-z0-9_.]*)["']?\]?\s*(?::\s*String\s*)?(?:=|by\s+extra\()\s*["']([^"'$]*)["']/.exec(line)
    if (assignment) variables.set(assignment[1]!.replace(/^ext\./, ''), assignment[2]!)
  }
  const substitute = (value: string): string | null => {
    const resolved = value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_.]*)\}?/g, (whole, name: string) => variables.get(name) ?? variables.get(name.replace(/^(?:project\.|rootProject\.|ext\.)/, '')) ?? whole)
    return resolved.includes('$') ? null : resolved
  }

  for (const { number, line } of code) {
    if (reading.full) break
    const declaration = GRADLE_CONFIGURATION.exec(line)
    if (!declaration) continue
    const scope = gradleScope(declaration[1]!)
    const rest = declaration[2]!
    if (/^(?:(?:enforcedP|p)latform\(\s*)?(?:project|files|fileTree|gradleApi|localGroovy|gradleTestKit)\s*\(/.test(rest)) continue
    const kotlinModule = /^kotlin\(\s*["']([A-Za-z0-9_.-]+)["']\s*(?:,\s*["']([^"']+)["'])?/.exec(rest)
    if (kotlinModule) {
      reading.add(`org.jetbrains.kotlin:kotlin-${kotlinModule[1]}`, kotlinModule[2] ?? null, scope)
      continue
    }
    const group = /\bgroup\s*[:=]\s*["']([^"']+)["']/.exec(rest)
    const artifact = /\bname\s*[:=]\s*["']([^"']+)["']/.exec(rest)
    if (group && artifact) {
      const version = /\bversion\s*[:=]\s*["']([^"']+)["']/.exec(rest)
      addGradle(reading, number, substitute(group[1]!), substitute(artifact[1]!), version ? substitute(version[1]!) : null, scope)
      continue
    }
    // One or several quoted `group:artifact[:version[:classifier]][@type]` strings.
    for (const quoted of rest.matchAll(/["']([^"'\s]+)["']/g)) {
      const parts = quoted[1]!.replace(/@[A-Za-z0-9]+$/, '').split(':')
      if (parts.length < 2 || parts.length > 4) continue
      const version = parts[2] === undefined || parts[2] === '' ? null : substitute(parts[2])
      addGradle(reading, number, substitute(parts[0]!), substitute(parts[1]!), version, scope)
    }
  }
  return reading.result()
}

function addGradle(reading: Reading, line: number, group: string | null, artifact: string | null, version: string | null, scope: 'runtime' | 'dev'): void {
  if (!group || !artifact || !isCoordinate(group, artifact)) {
    reading.problem(line, `A dependency whose group or name is not known here (${group ?? '?'}:${artifact ?? '?'}).`)
    return
  }
  reading.add(`${group}:${artifact}`, version, scope)
}
