import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { type Context, openContext } from '../../context.ts'
import { isRole, roles } from '../../domain/agents/agents.ts'
import { GrantError, grantRole } from '../../usecases/agents/grant-role.ts'
import { CommandError, UsageError } from '../errors.ts'

/** How the command reaches the database: the configured one, or a test's. */
type OpenContext = () => Promise<Pick<Context, 'stores' | 'close'>>

/** `socle agents grant EMAIL ROLE`: names moderators and administrators (recorded in the audit log as the system). */
export function addAgentsCommand(program: Command, open: OpenContext = () => openContext({ ...loadConfig(), demo: false }, 'command')): void {
  const agents = program.command('agents').description('the agents who sign in')
  agents
    .command('grant')
    .description(`give an agent a role: ${roles.join(', ')} (they must have signed in once)`)
    .argument('<email>', 'the address the agent signs in with')
    .argument('<role>', roles.join('|'))
    .action(async (email: string, role: string) => {
      if (!isRole(role)) throw new UsageError(`Unknown role "${role}": choose one of ${roles.join(', ')}.`)
      const context = await open()
      try {
        const agent = await grantRole(context.stores, null, email, role)
        process.stdout.write(`${agent.email} is now ${role}.\n`)
      } catch (error) {
        throw error instanceof GrantError ? new CommandError(error.message) : error
      } finally {
        await context.close()
      }
    })
}
