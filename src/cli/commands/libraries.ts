import fs from 'node:fs/promises'
import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { openContext } from '../../context.ts'
import { CommandError } from '../errors.ts'

/** `socle libraries …`: the libraries public bodies publish on package registries. */
export function addLibrariesCommand(program: Command): void {
  const command = program.command('libraries').description('the libraries public bodies publish on package registries (npm, PyPI)')
  command
    .command('import')
    .description('read the packages of each registry account listed in FILE (npm scopes and users, PyPI users), one address a line')
    .argument('<file>', 'list of registry account addresses')
    .action(async (path: string) => {
      const list = await fs.readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new CommandError(`Cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`)
      })
      const config = loadConfig()
      const context = await openContext({ ...config, demo: false }, 'command')
      try {
        const [{ packageRegistries }, { importLibraries }] = await Promise.all([import('../../adapters/package-registries/index.ts'), import('../../usecases/registry/import-libraries.ts')])
        const registries = packageRegistries({ npm: { baseUrl: config.packageRegistries.npm }, pypi: { baseUrl: config.packageRegistries.pypi } })
        const result = await importLibraries(context.database.db, registries, list)
        for (const p of result.problems) process.stderr.write(`${path}:${p.line}: ${p.text}: ${p.reason}\n`)
        for (const f of result.failures) process.stderr.write(`${f.account}: ${f.error} (its libraries are kept as they were)\n`)
        process.stdout.write(`${result.accounts} account(s), ${result.libraries} librar${result.libraries === 1 ? 'y' : 'ies'}; ${result.failures.length} account(s) failed, ${result.problems.length} line(s) not read.\n`)
        if (result.failures.length > 0) process.exitCode = 1
      } finally {
        await context.close()
      }
    })
}
