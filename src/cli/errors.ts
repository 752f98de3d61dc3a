import { CommanderError } from 'commander'

/** A failure of the work a command was asked to do: exit code 1, its message on stderr. */
export class CommandError extends Error {}

/** The command was used wrongly: exit code 2. */
export class UsageError extends Error {}

/** Ends the process for an error: one sentence on stderr (the stack with --debug), exit 2 for usage, 1 otherwise. */
export function fail(error: unknown, debug: boolean): never {
  if (error instanceof CommanderError) {
    // Help and version print and exit 0; every other commander error is a usage error.
    process.exit(error.exitCode === 0 ? 0 : 2)
  }
  const usage = error instanceof UsageError
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`socle: ${message}\n`)
  if (usage) process.stderr.write("Run 'socle --help' for usage.\n")
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
  process.exit(usage ? 2 : 1)
}
