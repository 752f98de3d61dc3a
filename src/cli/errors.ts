/** A failure of the work a command was asked to do: exit code 1, its message on stderr. */
export class CommandError extends Error {}

/** The command was used wrongly: exit code 2. */
export class UsageError extends Error {}
