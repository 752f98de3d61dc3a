import { Command, Option } from 'commander'
import { loadConfig } from '../config.ts'
import { openContext } from '../context.ts'
import { queueNames, type QueueName } from '../jobs.ts'
import { loadDemoContent } from '../usecases/system/load-demo-content.ts'
import { datasetKinds, type ExportFormat } from '../usecases/opendata/export-dataset.ts'
import { version } from '../version.ts'
import { addAgentsCommand } from './commands/agents.ts'
import { addCheckCommand } from './commands/check.ts'
import { addCrawlCommand } from './commands/crawl.ts'
import { addEnrichCommand } from './commands/enrich.ts'
import { exportToStdout } from './commands/export.ts'
import { addImportSillCommand } from './commands/import-sill.ts'
import { addLicenceCommand } from './commands/licence.ts'
import { addPubliccodeCommand } from './commands/publiccode.ts'
import { runProcess } from './commands/serve.ts'
import { addSourcesCommand } from './commands/sources.ts'
import { addLibrariesCommand } from './commands/libraries.ts'
import { fail, UsageError } from './errors.ts'

const program = new Command()
  .name('socle')
  .description('Socle: free software catalogue, public code registry, opening-code tools and community, on one codebase.')
  .version(version)
  .option('--debug', 'print stack traces of errors')
  .showHelpAfterError("(run 'socle --help' for usage)")
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) })

program
  .command('start')
  .description('serve the web app and API and run background jobs in one process (embedded database by default)')
  .action(async () => runProcess(loadConfig(), 'all'))

program
  .command('serve')
  .description('serve the web app and API only; jobs are run by `socle worker` processes')
  .action(async () => runProcess(loadConfig(), 'web'))

program
  .command('worker')
  .description('run background jobs (needs DATABASE_URL); start as many as you like')
  .action(async () => runProcess(loadConfig(), 'worker'))

program
  .command('migrate')
  .description('bring the database schema up to date (also done at every start)')
  .action(async () => {
    const context = await openContext({ ...loadConfig(), demo: false }, 'command')
    await context.close()
    process.stdout.write('The database is up to date.\n')
  })

const importCommand = program.command('import').description('import data into Socle')
importCommand
  .command('demo')
  .description('load the demo content (once per database)')
  .action(async () => {
    const context = await openContext({ ...loadConfig(), demo: false }, 'command')
    try {
      const result = await loadDemoContent(context.database.db)
      process.stdout.write(
        result.loaded
          ? `Loaded ${result.software} software, ${result.organisations} public bodies and ${result.repositories} repositories.\n`
          : 'The demo content was already loaded in this database.\n',
      )
    } finally {
      await context.close()
    }
  })
addImportSillCommand(importCommand)

program
  .command('export')
  .description(`stream a dataset to standard output: ${datasetKinds.join(', ')}`)
  .argument('<kind>', `one of ${datasetKinds.join(', ')}`)
  .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
  .action(async (kind: string, options: { format: ExportFormat }) => exportToStdout(kind, options.format))

addPubliccodeCommand(program)
addLicenceCommand(program)
addSourcesCommand(program)
addLibrariesCommand(program)
addCrawlCommand(program)
addEnrichCommand(program)
addCheckCommand(program)
addAgentsCommand(program)

const jobs = program.command('jobs').description('background jobs')
jobs
  .command('enqueue')
  .description('add jobs to a queue; a worker runs each once')
  .argument('<queue>', `one of ${queueNames.join(', ')}`)
  .option('--count <n>', 'how many jobs', '1')
  .action(async (queue: string, options: { count: string }) => {
    if (!(queueNames as readonly string[]).includes(queue)) throw new UsageError(`Unknown queue "${queue}": choose one of ${queueNames.join(', ')}.`)
    const count = Number(options.count)
    if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new UsageError('--count must be a whole number from 1 to 100000.')
    const context = await openContext({ ...loadConfig(), demo: false }, 'web')
    try {
      for (let i = 0; i < count; i++) process.stdout.write(`${await context.queue!.enqueue(queue as QueueName, {})}\n`)
    } finally {
      await context.close()
    }
  })

try {
  await program.parseAsync(process.argv)
} catch (error) {
  fail(error, process.argv.includes('--debug'))
}
