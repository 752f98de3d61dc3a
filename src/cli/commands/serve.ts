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
  // The web app's modules load while the database opens (on a first start, PGlite's initdb takes
  // seconds): both are needed before the first page, neither waits for the other.
  const [context, web] = await Promise.all([openContext(config, role), role === 'worker' ? undefined : import('../../web/app.tsx')])
  const app = web ? await web.buildApp(context) : undefined
  let stopping: Promise<void> | undefined
  const stop = (signal: string) => {
    stopping ??= (async () => {
      const log = app?.log
      log?.info({ signal }, 'stopping')
      try {
        await app?.close()
        await context.close()
      } finally {
        process.exit(0)
      }
    })()
    return stopping
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
  if (app) {
    try {
      await app.listen({ port: config.port, host: config.host })
    } catch (error) {
      await context.close()
      throw new CommandError(`Cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`)
    }
    app.log.info({ config: describeConfig(config) }, 'configuration')
    app.log.info({ database: context.database.kind, role, startupMs: Date.now() - started }, `Socle is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`)
  } else {
    process.stderr.write(`Socle worker ${process.pid} is running on ${context.database.kind}.\n`)
  }
}
