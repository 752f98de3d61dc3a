import fs from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import { detectLicence, isAuthorised, normaliseLicence } from '../../domain/licences/index.ts'
import { CommandError } from '../errors.ts'

/** Licence files are a few kilobytes; a larger file is read only as far as this. */
const MAX_LICENCE_BYTES = 512 * 1024

async function readStart(file: string): Promise<string> {
  const handle = await fs.open(file, 'r')
  try {
    const buffer = Buffer.alloc(Math.min((await handle.stat()).size, MAX_LICENCE_BYTES))
    await handle.read(buffer, 0, buffer.length, 0)
    return buffer.toString('utf8')
  } finally {
    await handle.close()
  }
}

/** `socle licence …`, added under `program` so that it inherits its error handling. */
export function addLicenceCommand(program: Command): void {
  const command = program.command('licence').alias('license').description('licence tools')
  command
    .command('detect')
    .description('detect the licence of files (LICENSE, COPYING, source files with SPDX headers)')
    .argument('<file...>', 'files to read')
    .option('--json', 'print a JSON array')
    .action(async (files: string[], options: { json?: boolean }) => {
      const results = []
      for (const file of files) {
        try {
          const detection = detectLicence(await readStart(file), path.basename(file))
          results.push({ file, expression: detection.expression, confidence: Number(detection.confidence.toFixed(3)), authorised: detection.expression ? isAuthorised(detection.expression).authorised : null })
        } catch (error) {
          results.push({ file, expression: null, confidence: 0, authorised: null, error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message })
        }
      }
      if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
      else for (const r of results) process.stdout.write(`${r.file}: ${r.expression ?? ('error' in r ? `error: ${r.error}` : 'no licence recognised')}${r.expression ? ` (confidence ${r.confidence.toFixed(2)}${r.authorised ? ', authorised' : ', not authorised'} for French administrations)` : ''}\n`)
      const failed = results.filter((r) => 'error' in r).length
      if (failed > 0) throw new CommandError(`${failed} file(s) could not be read.`)
    })
  command
    .command('normalize')
    .alias('normalise')
    .description('print the SPDX expression of a free-text licence, or say it is unknown')
    .argument('<text...>', 'the licence as written, e.g. "GPL V2.0" or "MPL 2.0 et EPL 1.0"')
    .option('--json', 'print JSON')
    .action((words: string[], options: { json?: boolean }) => {
      const text = words.join(' ')
      const result = normaliseLicence(text)
      const authorisation = result.expression ? isAuthorised(result.expression) : null
      if (options.json) process.stdout.write(`${JSON.stringify({ text, ...result, authorised: authorisation?.authorised ?? null, reason: authorisation?.reason ?? result.reason })}\n`)
      else if (result.expression) process.stdout.write(`${result.expression}\n`)
      if (!result.expression) throw new CommandError(`Unknown licence: "${text}" maps to no SPDX expression.`)
    })
}
