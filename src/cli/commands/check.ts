import type { Command } from 'commander'
import type { RuleResult } from '../../domain/compliance/index.ts'
import { CheckError, checkRepository, type CheckReport } from '../../usecases/opening/check-repository.ts'
import { CommandError, UsageError } from '../errors.ts'

/** Evidence lines printed per rule; --json has them all. */
const SHOWN_EVIDENCE = 10
const STATUS: Record<RuleResult['status'], string> = { pass: 'PASS', fail: 'FAIL', 'not-applicable': 'N/A ' }

function printHuman(report: CheckReport): void {
  const lines = [`${report.target}: ${report.scanned.files} files checked${report.scanned.truncated ? ' (the listing stopped there: the rest was not checked)' : ''}`, '']
  const idWidth = Math.max(...report.rules.map((rule) => rule.id.length))
  for (const rule of report.rules) {
    lines.push(`${STATUS[rule.status]}  ${rule.id.padEnd(idWidth)}  ${rule.level.padEnd(11)}  ${rule.message.en}`)
    for (const evidence of rule.evidence.slice(0, SHOWN_EVIDENCE)) {
      const where = evidence.line === undefined ? evidence.file : `${evidence.file}:${evidence.line}`
      lines.push(`      ${where}${evidence.excerpt ? `  ${evidence.excerpt}` : ''}`)
    }
    if (rule.evidence.length > SHOWN_EVIDENCE) lines.push(`      … and ${rule.evidence.length - SHOWN_EVIDENCE} more (see --json)`)
    if (rule.fix) lines.push(`      fix: ${rule.fix.en}`)
  }
  lines.push('', `Score: ${report.score}/100${report.compliant ? ', every required rule passes.' : '.'}`)
  process.stdout.write(`${lines.join('\n')}\n`)
}

/** `socle check`, added under `program` so that it inherits its error handling. */
export function addCheckCommand(program: Command): void {
  program
    .command('check')
    .description("check a repository against the State's contribution policy; exit 0 when every required rule passes")
    .argument('<target>', 'a local folder, or the https:// URL of a public git repository (cloned shallowly, then removed)')
    .option('--json', 'print the report as JSON')
    .action(async (target: string, options: { json?: boolean }) => {
      let report: CheckReport
      try {
        report = await checkRepository(target)
      } catch (error) {
        if (!(error instanceof CheckError)) throw error
        throw error.kind === 'refused' || error.kind === 'not-found' ? new UsageError(error.message) : new CommandError(error.message)
      }
      if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
      else printHuman(report)
      const failing = report.rules.filter((rule) => rule.level === 'required' && rule.status === 'fail')
      if (failing.length > 0) throw new CommandError(`${failing.length} required rule(s) fail: ${failing.map((rule) => rule.id).join(', ')}.`)
    })
}
