import fs from 'node:fs/promises'
import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { publicCodeReportWithNetwork } from '../../usecases/opening/check-publiccode-urls.ts'
import { publicCodeReport, type PublicCodeReport } from '../../usecases/opening/publiccode-report.ts'
import { CommandError } from '../errors.ts'

/** Reads a file or, for `-`, standard input; at most `limit` bytes are needed to judge a file. */
async function readInput(file: string, limit: number): Promise<Uint8Array> {
  if (file !== '-') {
    const handle = await fs.open(file, 'r')
    try {
      const { size } = await handle.stat()
      // A larger file is rejected by the validator from its first bytes: never read it all.
      const buffer = Buffer.alloc(Math.min(size, limit))
      await handle.read(buffer, 0, buffer.length, 0)
      return size > limit ? Buffer.concat([buffer, Buffer.alloc(1)]) : buffer
    } finally {
      await handle.close()
    }
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer)
    size += (chunk as Buffer).length
    if (size > limit) break
  }
  return Buffer.concat(chunks)
}

function where(report: PublicCodeReport, issue: { line: number | null; column: number | null }): string {
  return [report.file, issue.line, issue.line ? issue.column : null].filter((part) => part !== null).join(':')
}

function printHuman(report: PublicCodeReport): void {
  const verdict = report.valid ? 'valid' : 'invalid'
  const version = report.version ? ` (version ${report.version})` : ''
  const counts = [report.errors.length && `${report.errors.length} error(s)`, report.warnings.length && `${report.warnings.length} warning(s)`].filter(Boolean)
  process.stdout.write(`${report.file}: ${verdict}${version}${counts.length ? `, ${counts.join(', ')}` : ''}\n`)
  for (const [severity, issues] of [['error', report.errors], ['warning', report.warnings]] as const) {
    for (const issue of issues) process.stdout.write(`  ${severity} ${where(report, issue)} ${issue.key ? `${issue.key}: ` : ''}${issue.message}\n`)
  }
}

/** `socle publiccode …`, added under `program` so that it inherits its error handling. */
export function addPubliccodeCommand(program: Command): void {
  const command = program.command('publiccode').description('publiccode.yml tools')
  command
    .command('validate')
    .description('validate publiccode.yml files (- reads standard input); exit 0 when all are valid')
    .argument('<file...>', 'files to validate')
    .option('--json', 'print a JSON array of reports')
    .option('--network', 'also fetch the URLs of valid files: each must answer 2xx, images must be images')
    .action(async (files: string[], options: { json?: boolean; network?: boolean }) => {
      const reports: PublicCodeReport[] = []
      for (const file of files) {
        const name = file === '-' ? '<stdin>' : file
        let content: Uint8Array
        try {
          content = await readInput(file, 1024 * 1024)
        } catch (error) {
          const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
          reports.push({ file: name, valid: false, version: null, errors: [{ key: '', message: `cannot read the file: ${reason}`, line: null, column: null }], warnings: [] })
          continue
        }
        reports.push(options.network ? await publicCodeReportWithNetwork(name, content, { allowedAddresses: loadConfig().fetchAllowedAddresses }) : publicCodeReport(name, content))
      }
      if (options.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`)
      else reports.forEach(printHuman)
      const invalid = reports.filter((r) => !r.valid).length
      if (invalid > 0) throw new CommandError(`${invalid} of ${reports.length} file(s) invalid.`)
    })
}
