import { fail } from './errors.ts'

/**
 * The `socle` command. The long-running processes take no option: they start without loading the
 * other commands' modules, so that the web app's and the database's start overlap and the first page
 * comes sooner. Everything else goes through the full command line (./program.ts).
 */
const roles = { start: 'all', serve: 'web', worker: 'worker' } as const
const command = process.argv[2] as keyof typeof roles | undefined

try {
  if (command && command in roles && process.argv.length === 3) {
    const [{ loadConfig }, { runProcess }] = await Promise.all([import('../config.ts'), import('./commands/serve.ts')])
    await runProcess(loadConfig(), roles[command])
  } else {
    await import('./program.ts')
  }
} catch (error) {
  fail(error, process.argv.includes('--debug'))
}
