import { lines, type ManifestReading, Reading } from './model.ts'

const GEM_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const DEV_GROUPS = new Set(['development', 'test', 'testing', 'dev', 'ci', 'lint', 'linting', 'rubocop', 'docs', 'doc'])

/** Groups named in `group :development, :test do` or `group: [:development, :test]`. */
function groupNames(text: string): string[] {
  return [...text.matchAll(/:([a-z_]+)|["']([a-z_]+)["']/g)].map((match) => match[1] ?? match[2]!)
}

function isDevOnly(groups: string[]): boolean {
  return groups.length > 0 && groups.every((group) => DEV_GROUPS.has(group))
}

/**
 * Gemfile (Ruby code, read line by line): `gem 'name', 'constraint', …` with its constraints joined,
 * dev when inside `group :development/:test do … end` or given `group:`/`groups:` of those only.
 * `do … end` blocks and `if … end` are tracked to know where a group ends.
 */
export function readGemfile(source: string, file: string): ManifestReading {
  const reading = new Reading('rubygems', file)
  // One entry per open block: whether it is a development group.
  const blocks: boolean[] = []
  lines(source).forEach((raw, index) => {
    if (reading.full) return
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (!line) return
    if (/^end\b/.test(line)) {
      blocks.pop()
      return
    }
    const group = /^groups?\b(.*)\bdo\b/.exec(line)
    if (group) {
      blocks.push(isDevOnly(groupNames(group[1]!)) || blocks.includes(true))
      return
    }
    const gem = /^gem\b[\s(]*["']([^"']+)["'](.*)$/.exec(line)
    if (gem) {
      const name = gem[1]!
      const options = gem[2]!
      if (!GEM_NAME.test(name)) reading.problem(index + 1, `"${name.slice(0, 80)}" is not a gem name.`)
      else {
        // Constraints are the quoted strings before the first `key:` option.
        const positional = options.split(/\b[a-z_]+:\s|:[a-z_]+\s*=>/)[0]!
        const constraints = [...positional.matchAll(/["']([^"']*)["']/g)].map((match) => match[1]!.trim()).filter(Boolean)
        const inlineGroups = /\bgroups?:\s*(\[[^\]]*\]|:[a-z_]+|["'][a-z_]+["'])/.exec(options)
        const dev = blocks.includes(true) || (inlineGroups !== null && isDevOnly(groupNames(inlineGroups[1]!)))
        reading.add(name, constraints.length ? constraints.join(', ') : null, dev ? 'dev' : 'runtime')
      }
      if (/\bdo\s*(\|[^|]*\|)?$/.test(line)) blocks.push(false)
      return
    }
    // Any other block (`platforms :jruby do`, `source "…" do`, `if ENV[…]`) until its `end`.
    if (/\bdo\s*(\|[^|]*\|)?$/.test(line) || /^(if|unless|case|begin|while|until)\b/.test(line)) blocks.push(false)
  })
  return reading.result()
}
