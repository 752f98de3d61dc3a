import fs from 'node:fs/promises'
import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { openContext } from '../../context.ts'
import { importSources } from '../../usecases/registry/import-sources.ts'
import { CommandError } from '../errors.ts'

/** `socle sources …`: the forge accounts Socle crawls. */
export function addSourcesCommand(program: Command): void {
  const command = program.command('sources').description('the forge accounts of public bodies that Socle crawls')
  command
    .command('import')
    .description('import sources: Socle YAML (bodies and accounts) or lists of account URLs, one a line')
    .argument('<file...>', 'files to import')
    .action(async (paths: string[]) => {
      const files = []
      for (const path of paths) {
        try {
          files.push({ name: path, text: await fs.readFile(path, 'utf8') })
        } catch (error) {
          throw new CommandError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`)
        }
      }
      const context = await openContext({ ...loadConfig(), demo: false }, 'command')
      try {
        const result = await importSources(context.database.db, files)
        for (const p of result.problems) process.stderr.write(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.url ? `${p.url}: ` : ''}${p.reason}\n`)
        process.stdout.write(`${result.accounts} account(s) read, ${result.added} new, ${result.bodies} public bod${result.bodies === 1 ? 'y' : 'ies'}; ${result.problems.length} line(s) not imported.\n`)
      } finally {
        await context.close()
      }
    })
  command
    .command('list')
    .description('list the sources with their status')
    .action(async () => {
      const context = await openContext({ ...loadConfig(), demo: false }, 'command')
      try {
        for (const s of await context.stores.sources.list()) {
          process.stdout.write(`${s.url}\t${s.forge}\t${s.status}${s.last_error ? `\t${s.last_error}` : ''}\n`)
        }
      } finally {
        await context.close()
      }
    })
}
