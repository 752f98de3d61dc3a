import { fail } from './errors.ts'

/**
 * The `socle` command. The long-running processes take no option: they start without loading the
 * other commands' modules, so that the web app's and the database's start overlap and the first page
 * comes sooner. A plain export does the same, to stream in little memory. Everything else (and any
 * other form of those) goes through the full command line (./program.ts).
 */
const roles = { start: 'all', serve: 'web', worker: 'worker' } as const
const command = process.argv[2] as keyof typeof roles | undefined

const args = process.argv.slice(2)

try {
  if (command && command in roles && args.length === 1) {
    const [{ loadConfig }, { runProcess }] = await Promise.all([import('../config.ts'), import('./commands/serve.ts')])
    await runProcess(loadConfig(), roles[command])
  } else if (args[0] === 'export' && (args.length === 2 || (args.length === 4 && args[2] === '--format' && (args[3] === 'json' || args[3] === 'csv')))) {
    const { exportToStdout } = await import('./commands/export.ts')
    await exportToStdout(args[1]!, args[3] === 'csv' ? 'csv' : 'json')
  } else {
    await import('./program.ts')
  }
} catch (error) {
  fail(error, process.argv.includes('--debug'))
}
