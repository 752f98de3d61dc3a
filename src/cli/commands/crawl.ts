import type { Command } from 'commander'
import { Option } from 'commander'
import { loadConfig } from '../../config.ts'
import { openContext } from '../../context.ts'
import { parseAccountUrl } from '../../domain/sources/account-url.ts'
import { defaultApiUrl, defaultForges, type ForgeKind, forgeKinds } from '../../domain/sources/forge-kinds.ts'
import { QUEUES } from '../../jobs.ts'
import type { CrawlSummary } from '../../usecases/registry/crawl-source.ts'
import { deriveRegistryFacts } from '../../usecases/registry/derive-registry-facts.ts'
import { crawlSources } from '../../usecases/registry/crawl-sources.ts'
import { CommandError, UsageError } from '../errors.ts'
import { Forges } from '../../adapters/forges/forges.ts'

function progress(done: number, total: number, summary: CrawlSummary): void {
  if (!process.stderr.isTTY) return
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${summary.source.slice(0, 50).padEnd(50)}`)
  if (done === total) process.stderr.write('\n')
}

/** `socle crawl …`: crawl sources now, or schedule the crawls for the workers. */
export function addCrawlCommand(program: Command): void {
  program
    .command('crawl')
    .description('crawl forge accounts now (all sources, one source, or any account URL), or schedule crawls')
    .argument('[account-url]', 'an account to crawl, registered or not (e.g. https://github.com/etalab)')
    .addOption(new Option('--kind <kind>', 'forge kind, when the URL does not tell').choices([...forgeKinds]))
    .option('--api-url <url>', 'API base URL of the forge (e.g. https://gitlab.example.org/api/v4)')
    .option('--token <token>', 'API token for this crawl (prefer SOCLE_FORGE_TOKENS)')
    .option('--full', 're-read every repository, not only those pushed since the last crawl')
    .option('--schedule [cron]', 'enqueue a crawl of every source now and on this cron schedule (UTC) for the workers', '0 3 * * *')
    .action(async (accountUrl: string | undefined, options: { kind?: ForgeKind; apiUrl?: string; token?: string; full?: boolean; schedule?: string | boolean }) => {
      const config = loadConfig()
      const scheduling = process.argv.includes('--schedule')
      const context = await openContext({ ...config, demo: false }, scheduling ? 'web' : 'command')
      try {
        if (scheduling) {
          const cron = typeof options.schedule === 'string' ? options.schedule : '0 3 * * *'
          await context.queue!.schedule(QUEUES.crawlAll, cron, { full: Boolean(options.full) })
          await context.queue!.enqueue(QUEUES.crawlAll, { full: Boolean(options.full) })
          // Scores depend on the date and on what crawls bring in: derived again every hour, writing only what changed.
          await context.queue!.schedule(QUEUES.deriveRegistry, '30 * * * *', {})
          process.stdout.write(`Crawl of every source queued now and scheduled at "${cron}" (UTC), the registry's scores every hour; workers run them.\n`)
          return
        }
        let sources = await context.stores.sources.list()
        let forges = context.forges
        if (accountUrl) {
          const host = (() => {
            try {
              return new URL(accountUrl).hostname.toLowerCase()
            } catch {
              throw new UsageError(`"${accountUrl}" is not a URL.`)
            }
          })()
          const override = options.kind || options.apiUrl ? [{ host, kind: options.kind ?? 'github', apiUrl: options.apiUrl ?? defaultApiUrl(options.kind ?? 'github', host) }] : []
          const parsed = parseAccountUrl(accountUrl, [...override, ...defaultForges])
          if (!parsed.ok) throw new UsageError(`${parsed.url}: ${parsed.reason}.`)
          await context.stores.sources.upsert([{ account: parsed.account, organisationId: null }])
          sources = [(await context.stores.sources.byUrl(parsed.account.url))!]
          if (options.token) forges = new Forges({ ...config.forgeTokens, [host]: [options.token] })
        }
        if (sources.length === 0) throw new CommandError('No source to crawl: import some with `socle sources import FILE`, or give an account URL.')
        const started = Date.now()
        const result = await crawlSources(context.database.db, forges, sources, { full: Boolean(options.full), onProgress: progress })
        const failed = result.summaries.filter((s) => !s.ok)
        for (const s of failed) process.stderr.write(`${s.source}: ${s.error}\n`)
        const listed = result.summaries.reduce((n, s) => n + s.listed, 0)
        const read = result.summaries.reduce((n, s) => n + s.filesRead, 0)
        process.stdout.write(
          `${result.summaries.length} account(s) crawled in ${((Date.now() - started) / 1000).toFixed(1)} s: ${listed} repositories listed, ${read} read, ${result.requests} requests; ${failed.length} failed.\n`,
        )
        const derived = await deriveRegistryFacts(context.database.db)
        process.stdout.write(`Registry facts derived: ${derived.filesDerived} repositories read again, ${derived.updated} updated.\n`)
        if (failed.length > 0) throw new CommandError(`${failed.length} account(s) could not be crawled; their last good data is kept.`)
      } finally {
        await context.close()
      }
    })
}
