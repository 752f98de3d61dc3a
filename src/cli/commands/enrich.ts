import { type Command, Option } from 'commander'
import { loadConfig } from '../../config.ts'
import { openContext } from '../../context.ts'
import { type EnrichmentSource, enrichmentSources } from '../../domain/catalogue/provenance.ts'
import { QUEUES } from '../../jobs.ts'

const DEFAULT_SCHEDULE = '0 4 * * *'

/** `socle enrich …`: enriches the catalogue from Wikidata, Comptoir du Libre and the registry now, or schedules it for the workers. */
export function addEnrichCommand(program: Command): void {
  program
    .command('enrich')
    .description('fill the catalogue from Wikidata, Comptoir du Libre and the registry (values a person set are kept), now or on a schedule')
    .addOption(new Option('--source <source>', 'only this source').choices([...enrichmentSources]))
    .option('--schedule [cron]', `enqueue the enrichment now and on this cron schedule (UTC) for the workers`, DEFAULT_SCHEDULE)
    .action(async (options: { source?: EnrichmentSource; schedule?: string | boolean }) => {
      const config = loadConfig()
      const scheduling = process.argv.includes('--schedule')
      const context = await openContext({ ...config, demo: false }, scheduling ? 'web' : 'command')
      try {
        const data = options.source ? { source: options.source } : {}
        if (scheduling) {
          const cron = typeof options.schedule === 'string' ? options.schedule : DEFAULT_SCHEDULE
          await context.queue!.schedule(QUEUES.enrichCatalogue, cron, data)
          await context.queue!.enqueue(QUEUES.enrichCatalogue, data)
          process.stdout.write(`Enrichment from ${options.source ?? enrichmentSources.join(', ')} queued now and scheduled at "${cron}" (UTC); workers run it.\n`)
          return
        }
        const { enrichCatalogue } = await import('../../usecases/catalogue/enrich-catalogue.ts')
        let failed = 0
        for (const source of options.source ? [options.source] : enrichmentSources) {
          const report = await enrichCatalogue(context.database.db, config, source)
          for (const f of report.failures) process.stderr.write(`${source}: ${f.software}: ${f.error} (its data is kept)\n`)
          failed += report.failures.length
          process.stdout.write(`${source}: ${report.considered} software looked up, ${report.updated} updated, ${report.kept} value(s) kept as a person set them, ${report.failures.length} failed.\n`)
        }
        if (failed > 0) process.exitCode = 1
      } finally {
        await context.close()
      }
    })
}
