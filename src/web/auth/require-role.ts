import type { FastifyRequest } from 'fastify'
import type { Agent } from '../../adapters/db/schema.ts'
import { type AgentRole, hasRole } from '../../domain/agents/agents.ts'
import { ApiError } from '../api/api-error.ts'

const STATUS = { unauthenticated: 401, forbidden: 403, csrf: 403 } as const

/** A request refused for who sent it: the API answers its error shape, pages a page saying what to do. */
export class AuthError extends ApiError {
  constructor(
    readonly kind: keyof typeof STATUS,
    message: string,
  ) {
    super(STATUS[kind], kind === 'unauthenticated' ? 'unauthorized' : kind === 'csrf' ? 'csrf_failed' : 'forbidden', message)
  }
}

/**
 * The signed-in agent if their role is at least `role` (an admin moderates too); null for the
 * administrator token, which has every role. Throws 401 for visitors, 403 for a role too low.
 */
export function requireRole(request: FastifyRequest, role: AgentRole): Agent | null {
  const session = request.session
  if (!session) throw new AuthError('unauthenticated', 'Sign in first.')
  if (session.agent && !hasRole(session.agent.role as AgentRole, role)) throw new AuthError('forbidden', `This needs the ${role} role.`)
  return session.agent
}

/** The signed-in agent, for what only an agent does (declarations): the administrator token is not one. */
export function requireAgent(request: FastifyRequest): Agent {
  if (!request.session) throw new AuthError('unauthenticated', 'Sign in first.')
  if (!request.agent) throw new AuthError('forbidden', 'Sign in as an agent: the administrator token is not one.')
  return request.agent
}
