import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Stores } from '../adapters/db/stores/index.ts'
import type { AgentRole } from '../domain/agents/agents.ts'
import { openSession } from '../usecases/agents/open-session.ts'
import { SESSION_COOKIE } from '../web/auth/session.ts'

/** A browser over `app.inject`: keeps its cookies across requests, posts forms as a browser does. */
export class PageClient {
  readonly cookies = new Map<string, string>()

  constructor(
    private readonly app: FastifyInstance,
    /** The client's address, as the server sees it. */
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    for (const [name, value] of Object.entries(form ?? {})) for (const one of Array.isArray(value) ? value : [value]) body.append(name, one)
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      cookies: Object.fromEntries(this.cookies),
      ...(form ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() } : {}),
    })
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.maxAge === 0) this.cookies.delete(cookie.name)
      else this.cookies.set(cookie.name, cookie.value)
    }
    return response
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request('GET', url)
  }

  /** The CSRF token of a form page, read as a browser would have it. */
  async csrfToken(pageUrl: string): Promise<string> {
    const page = await this.get(pageUrl)
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
    if (!token) throw new Error(`No CSRF token on ${pageUrl} (${page.statusCode})`)
    return token
  }

  /** Posts a form with the CSRF token of the page it is on (repeated fields as arrays). */
  async submit(pageUrl: string, action: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    return this.request('POST', action, { _csrf: await this.csrfToken(pageUrl), ...fields })
  }
}

/**
 * A client signed in as the agent of this address (created if need be, with this role), as if they
 * had come back from an identity provider. Answers the client and the agent's id.
 */
export async function signedInClient(app: FastifyInstance, stores: Pick<Stores, 'agents'>, email: string, options: { role?: AgentRole; name?: string; isPublic?: boolean } = {}): Promise<{ client: PageClient; agentId: string }> {
  const { agent } = await stores.agents.findOrCreate(email, options.name ?? email.slice(0, email.indexOf('@')))
  if (options.role) await stores.agents.setRole(email, options.role)
  if (options.isPublic !== undefined) await stores.agents.updateProfile(agent.id, { name: agent.name, organisation: agent.organisation, about: agent.about, is_public: options.isPublic })
  const session = await openSession(stores, agent.id, 'test')
  const client = new PageClient(app)
  client.cookies.set(SESSION_COOKIE, session.token)
  return { client, agentId: agent.id }
}
