import { isObject, lines, type ManifestReading, parseToml, Reading, text } from './model.ts'

/** PEP 503: names compare lower case with runs of `-`, `_` and `.` as one `-`. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
}

const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/

/**
 * One PEP 508 requirement: `name[extras] (specifiers) ; marker` or `name @ url`. Answers the name
 * and the specifiers (null when none, or when the requirement is a URL).
 */
export function parseRequirement(requirement: string): { name: string; version: string | null } | undefined {
  const withoutMarker = requirement.split(';')[0]!.trim()
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(withoutMarker)
  if (!match || !PYPI_NAME.test(match[1]!)) return undefined
  const rest = match[3]!.trim()
  if (rest.startsWith('@')) return { name: normalizePypiName(match[1]!), version: null }
  const specifiers = rest.replace(/^\((.*)\)$/, '$1').replace(/\s+/g, '')
  if (specifiers && !/^(?:(?:===|==|~=|!=|<=|>=|<|>)[A-Za-z0-9.*+_-]+,?)+$/.test(specifiers)) return undefined
  return { name: normalizePypiName(match[1]!), version: specifiers.replace(/,$/, '') || null }
}

/** The `#egg=name` of a URL or VCS requirement, the only place its name is written. */
function eggName(line: string): string | undefined {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)
  return egg ? normalizePypiName(egg[1]!) : undefined
}

/**
 * requirements.txt (pip's format): comments, `\` continuations, options lines (`-r`, `-c`,
 * `--index-url`…, skipped), editable and URL requirements (named by `#egg=`, else skipped),
 * per-requirement options (`--hash=…`), environment markers and extras.
 */
export function readRequirementsTxt(source: string, file: string): ManifestReading {
  const reading = new Reading('pypi', file)
  const all = lines(source)
  for (let i = 0; i < all.length && !reading.full; i++) {
    const number = i + 1
    const parts = [all[i]!]
    while (parts.at(-1)!.endsWith('\\') && i + 1 < all.length) parts.push(all[++i]!)
    let line = parts.map((part) => part.replace(/\\$/, '')).join(' ')
    // A comment starts at `#` at the start of the line or after whitespace (`#egg=` in a URL is not one).
    line = line.replace(/(^|\s)#.*$/, '').trim()
    if (!line) continue
    if (line.startsWith('-')) {
      const editable = /^(?:-e|--editable)[\s=]+(\S+)/.exec(line)
      const name = editable ? eggName(editable[1]!) : undefined
      if (name) reading.add(name, null, 'runtime')
      continue
    }
    if (/^[a-z+]+:\/\//i.test(line) || line.startsWith('.') || line.startsWith('/')) {
      const name = eggName(line)
      if (name) reading.add(name, null, 'runtime')
      continue
    }
    const requirement = parseRequirement(line.replace(/\s--?[a-z-]+(?:[=\s]\S+)?/gi, ''))
    if (requirement) reading.add(requirement.name, requirement.version, 'runtime')
    else reading.problem(number, `Not a requirement: "${line.slice(0, 80)}".`)
  }
  return reading.result()
}

function addRequirementList(reading: Reading, list: unknown, where: string, scope: 'runtime' | 'dev'): void {
  if (list === undefined) return
  if (!Array.isArray(list)) {
    reading.problem(null, `${where} is not a list of requirements.`)
    return
  }
  for (const item of list) {
    // PEP 735 groups may include other groups: `{ include-group = "test" }`, read where it is declared.
    if (isObject(item)) continue
    const requirement = typeof item === 'string' ? parseRequirement(item) : undefined
    if (requirement) reading.add(requirement.name, requirement.version, scope)
    else reading.problem(null, `Not a requirement in ${where}: ${JSON.stringify(item)?.slice(0, 80)}.`)
  }
}

/**
 * Poetry and Pipenv tables of `name = "constraint"` or `name = { version = "…", … }`; `python`
 * is the interpreter, and `path` dependencies are the project's own folders, not libraries.
 */
function addConstraintTable(reading: Reading, table: unknown, where: string, scope: 'runtime' | 'dev'): void {
  if (table === undefined) return
  if (!isObject(table)) {
    reading.problem(null, `[${where}] is not a table.`)
    return
  }
  for (const [declared, constraint] of Object.entries(table)) {
    if (declared.toLowerCase() === 'python') continue
    if (!PYPI_NAME.test(declared)) {
      reading.problem(null, `"${declared.slice(0, 80)}" in [${where}] is not a package name.`)
      continue
    }
    // Several constraints by Python version: `[{ version = "<2", python = "<3.9" }, …]`.
    const first = Array.isArray(constraint) ? constraint[0] : constraint
    if (isObject(first) && first.path !== undefined && first.version === undefined) continue
    const version = isObject(first) ? text(first.version) : text(first)
    reading.add(normalizePypiName(declared), version === '*' ? null : (version ?? null), scope)
  }
}

/**
 * pyproject.toml: PEP 621 `[project]` dependencies (runtime) and optional-dependencies (dev), PEP 735
 * `[dependency-groups]` (dev), Poetry's `[tool.poetry.dependencies]` (runtime), its groups and
 * legacy dev-dependencies (dev), uv's dev-dependencies (dev).
 */
export function readPyproject(source: string, file: string): ManifestReading {
  const reading = new Reading('pypi', file)
  const toml = parseToml(source, reading)
  if (!toml) return reading.result()
  const project = isObject(toml.project) ? toml.project : {}
  addRequirementList(reading, project.dependencies, '[project] dependencies', 'runtime')
  for (const [extra, list] of Object.entries(isObject(project['optional-dependencies']) ? project['optional-dependencies'] : {})) {
    addRequirementList(reading, list, `[project.optional-dependencies] ${extra}`, 'dev')
  }
  for (const [group, list] of Object.entries(isObject(toml['dependency-groups']) ? toml['dependency-groups'] : {})) {
    addRequirementList(reading, list, `[dependency-groups] ${group}`, 'dev')
  }
  const tool = isObject(toml.tool) ? toml.tool : {}
  const poetry = isObject(tool.poetry) ? tool.poetry : {}
  addConstraintTable(reading, poetry.dependencies, 'tool.poetry.dependencies', 'runtime')
  addConstraintTable(reading, poetry['dev-dependencies'], 'tool.poetry.dev-dependencies', 'dev')
  for (const [group, declaration] of Object.entries(isObject(poetry.group) ? poetry.group : {})) {
    if (isObject(declaration)) addConstraintTable(reading, declaration.dependencies, `tool.poetry.group.${group}.dependencies`, 'dev')
  }
  const uv = isObject(tool.uv) ? tool.uv : {}
  addRequirementList(reading, uv['dev-dependencies'], '[tool.uv] dev-dependencies', 'dev')
  return reading.result()
}

/** Pipfile (TOML): `[packages]` (runtime) and `[dev-packages]` (dev). */
export function readPipfile(source: string, file: string): ManifestReading {
  const reading = new Reading('pypi', file)
  const toml = parseToml(source, reading)
  if (!toml) return reading.result()
  addConstraintTable(reading, toml.packages, 'packages', 'runtime')
  addConstraintTable(reading, toml['dev-packages'], 'dev-packages', 'dev')
  return reading.result()
}

/**
 * poetry.lock: every installed package, direct or not, and nothing says which were asked for; the
 * direct ones are taken as those no other locked package depends on. Scope from `category`
 * (Poetry 1) or `groups` (Poetry 2): dev when `main` is not among them.
 */
export function readPoetryLock(source: string, file: string): ManifestReading {
  const reading = new Reading('pypi', file)
  const toml = parseToml(source, reading)
  if (!toml) return reading.result()
  if (!Array.isArray(toml.package)) {
    reading.unreadable(null, 'No [[package]] entries: not a poetry.lock.')
    return reading.result()
  }
  const locked = toml.package.filter(isObject)
  const required = new Set<string>()
  for (const entry of locked) {
    if (isObject(entry.dependencies)) for (const name of Object.keys(entry.dependencies)) required.add(normalizePypiName(name))
  }
  for (const entry of locked) {
    const name = text(entry.name)
    if (!name || !PYPI_NAME.test(name) || required.has(normalizePypiName(name)) || reading.full) continue
    const groups = Array.isArray(entry.groups) ? entry.groups : [entry.category ?? 'main']
    reading.add(normalizePypiName(name), text(entry.version) ?? null, groups.includes('main') ? 'runtime' : 'dev')
  }
  return reading.result()
}
