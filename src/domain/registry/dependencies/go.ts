import { lines, type ManifestReading, Reading } from './model.ts'

const GO_REQUIREMENT = /^("[^"]+"|`[^`]+`|\S+)\s+(\S+)$/

/**
 * go.mod: `require` lines and blocks; `// indirect` ones are kept (the module needs them to build),
 * as runtime; `replace`, `exclude` and `retract` change versions, not what is required.
 */
export function readGoMod(source: string, file: string): ManifestReading {
  const reading = new Reading('go', file)
  let inRequireBlock = false
  let inOtherBlock = false
  lines(source).forEach((raw, index) => {
    if (reading.full) return
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (!line) return
    if (inRequireBlock || inOtherBlock) {
      if (line === ')') {
        inRequireBlock = inOtherBlock = false
        return
      }
      if (inRequireBlock) addRequirement(reading, line, index + 1)
      return
    }
    const directive = /^(require|replace|exclude|retract|tool|godebug|ignore)\s*(.*)$/.exec(line)
    if (!directive) return
    if (directive[2] === '(') {
      if (directive[1] === 'require') inRequireBlock = true
      else inOtherBlock = true
    } else if (directive[1] === 'require') addRequirement(reading, directive[2]!, index + 1)
  })
  return reading.result()
}

function addRequirement(reading: Reading, requirement: string, line: number): void {
  const match = GO_REQUIREMENT.exec(requirement)
  const path = match?.[1]!.replace(/^["`]|["`]$/g, '')
  if (!match || !path || !/^[A-Za-z0-9][A-Za-z0-9._~/+-]*$/.test(path) || !/^v\d/.test(match[2]!)) {
    reading.problem(line, `Not a module requirement: "${requirement.slice(0, 80)}".`)
    return
  }
  reading.add(path, match[2]!, 'runtime')
}
