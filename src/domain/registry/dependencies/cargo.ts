import { isObject, type ManifestReading, parseToml, Reading, text } from './model.ts'

const CRATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/**
 * Cargo.toml: `[dependencies]` and `[build-dependencies]` (runtime: building needs them),
 * `[dev-dependencies]` (dev), the same under `[target.'cfg(…)'.…]`, and a workspace's
 * `[workspace.dependencies]`. A renamed dependency (`package = "…"`) is the crate it names; a
 * dependency with only a `path` is a folder of the project, not a library.
 */
export function readCargoToml(source: string, file: string): ManifestReading {
  const reading = new Reading('cargo', file)
  const toml = parseToml(source, reading)
  if (!toml) return reading.result()
  const tables: [unknown, 'runtime' | 'dev', string][] = []
  const declaring: [Record<string, unknown>, string][] = [[toml, '']]
  if (isObject(toml.target)) {
    for (const [target, table] of Object.entries(toml.target)) if (isObject(table)) declaring.push([table, `target.${target}.`])
  }
  for (const [table, prefix] of declaring) {
    tables.push([table.dependencies, 'runtime', `${prefix}dependencies`], [table['build-dependencies'], 'runtime', `${prefix}build-dependencies`], [table['dev-dependencies'], 'dev', `${prefix}dev-dependencies`])
  }
  if (isObject(toml.workspace)) tables.push([toml.workspace.dependencies, 'runtime', 'workspace.dependencies'])
  for (const [table, scope, where] of tables) {
    if (table === undefined) continue
    if (!isObject(table)) {
      reading.problem(null, `[${where}] is not a table.`)
      continue
    }
    for (const [declared, specification] of Object.entries(table)) {
      if (isObject(specification) && specification.path !== undefined && specification.version === undefined && specification.workspace === undefined) continue
      const name = isObject(specification) ? (text(specification.package) ?? declared) : declared
      if (!CRATE_NAME.test(name)) {
        reading.problem(null, `"${name.slice(0, 80)}" in [${where}] is not a crate name.`)
        continue
      }
      reading.add(name, isObject(specification) ? (text(specification.version) ?? null) : (text(specification) ?? null), scope)
    }
  }
  return reading.result()
}
