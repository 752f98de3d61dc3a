import { type Config, describeConfig } from '../../config.ts'
import { openContext, type Role } from '../../context.ts'
import { CommandError } from '../errors.ts'

/**
 * Runs a long-lived process: `all` (web and jobs, the embedded mode), `web` or `worker`. SIGTERM and
 * SIGINT stop it gracefully: no new requests, running requests and jobs finish, the database is
 * closed cleanly (for PGlite, its files are flushed), then the process exits.
 */
export async function runProcess(config: Config, role: Exclude<Role, 'command'>): Promise<void> {
  if (role === 'worker' && !config.databaseUrl) {
    throw new CommandError('socle worker needs DATABASE_URL: the embedded database serves one process, where `socle start` runs web and jobs together.')
  }
  const started = Date.now()
  // Signals are handled from the first instant: a stop asked for while the process is still
  // starting (a busy machine, a quick deploy) waits for the start to finish, then closes it cleanly.
  // The web app's modules load while the database opens (on a first start, PGlite's initdb takes
  // seconds): both are needed before the first page, neither waits for the other.
  const opening = (async () => {
    const [context, web] = await Promise.all([openContext(config, role), role === 'worker' ? undefined : import('../../web/app.tsx')])
    try {
      return { context, app: web ? await web.buildApp(context) : undefined }
    } catch (error) {
      await context.close()
      throw error
    }
  })()
  let stopping: Promise<void> | undefined
  const stop = (signal: string) => {
    stopping ??= (async () => {
      let exitCode = 0
      try {
        const { context, app } = await opening
        app?.log.info({ signal }, 'stopping')
        await app?.close()
        await context.close()
      } catch (error) {
        // A start or a close that failed: the process says so and exits 1.
        process.stderr.write(`socle: stopping failed: ${(error as Error).message}\n`)
        exitCode = 1
      } finally {
        process.exit(exitCode)
      }
    })()
    return stopping
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
  const { context, app } = await opening
  if (stopping) return
  if (app) {
    try {
      await app.listen({ port: config.port, host: config.host })
    } catch (error) {
      await context.close()
      throw new CommandError(`Cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`)
    }
    app.log.info({ config: describeConfig(config) }, 'configuration')
    app.log.info({ database: context.database.kind, role, startupMs: Date.now() - started }, `Socle is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`)
    // The registry's search keeps its listing in memory: read now, in the background, rather than at the first search.
    context.stores.repositories.keepListing().catch((error: Error) => app.log.warn({ error: error.message }, 'the registry listing could not be read'))
  } else {
    process.stderr.write(`Socle worker ${process.pid} is running on ${context.database.kind}.\n`)
  }
}
