import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { ApiError } from './api-error.ts'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One API route: its zod schemas validate the input and document the route in OpenAPI, so the
 * document always lists every route with the shapes the code really accepts.
 */
export interface ApiRoute<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: Method
  /** Fastify path under /api/v1, e.g. `/software/:slug`. */
  path: string
  summary: string
  tag: string
  params?: z.ZodType<P>
  query?: z.ZodType<Q>
  body?: z.ZodType<B>
  response: z.ZodType<R>
  /** Status of a successful answer (200 by default). */
  status?: number
  /** `admin`: needs the bearer token of SOCLE_ADMIN_TOKEN. */
  auth?: 'admin'
  /** Media types of a streamed answer (exports: the handler returns a Streamed), documented instead of JSON. */
  produces?: string[]
  /** Media types of a raw text body (the body schema then checks a string), instead of JSON. */
  consumes?: string[]
  handler(input: { params: P; query: Q; body: B }, request: FastifyRequest): Promise<R>
}

/** An answer streamed as it is produced (exports): never built whole in memory. */
export class Streamed {
  constructor(
    readonly contentType: string,
    readonly body: AsyncIterable<string>,
    readonly fileName?: string,
  ) {}
}

export function route<P = unknown, Q = unknown, B = unknown, R = unknown>(definition: ApiRoute<P, Q, B, R>): ApiRoute<P, Q, B, R> {
  return definition
}

export type AnyRoute = ApiRoute<any, any, any, any>

/** Validation failures name each field: `{field: "body.queue", message}`. */
function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: 'params' | 'query' | 'body'): T {
  if (!schema) return undefined as T
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}))
  if (result.success) return result.data
  const details = result.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }))
  const first = details[0]!
  throw new ApiError(400, 'invalid_request', `Invalid ${first.field}: ${first.message}`, details)
}

export function mountRoutes(app: FastifyInstance, routes: AnyRoute[], adminToken: string | undefined): void {
  for (const r of routes) {
    app.route({
      method: r.method,
      url: r.path,
      handler: async (request, reply) => {
        if (r.auth === 'admin') checkAdmin(request, adminToken)
        const input = {
          params: parse(r.params, request.params, 'params'),
          query: parse(r.query, request.query, 'query'),
          body: parse(r.body, request.body, 'body'),
        }
        const result = await r.handler(input, request)
        if (result instanceof Streamed) {
          reply.code(200).type(result.contentType)
          if (result.fileName) reply.header('content-disposition', `inline; filename="${result.fileName}"`)
          return reply.send(Readable.from(result.body))
        }
        if (reply.sent) return reply
        reply.code(r.status ?? 200)
        return result
      },
    })
  }
}

function checkAdmin(request: FastifyRequest, adminToken: string | undefined): void {
  if (!adminToken) throw new ApiError(403, 'forbidden', 'Administration through the API is disabled: SOCLE_ADMIN_TOKEN is not set.')
  const header = request.headers.authorization ?? ''
  const given = header.startsWith('Bearer ') ? header.slice(7) : ''
  if (!given) throw new ApiError(401, 'unauthorized', 'This route needs an administrator token: Authorization: Bearer <token>.')
  if (!constantTimeEqual(given, adminToken)) throw new ApiError(403, 'forbidden', 'The administrator token is not valid.')
}

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}
