import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyCookie from '@fastify/cookie'
import fastifyFormbody from '@fastify/formbody'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { servingRequest } from '../adapters/db/pglite-pool.ts'
import type { Context } from '../context.ts'
import { version } from '../version.ts'
import { ApiError, errorBody } from './api/api-error.ts'
import { type AnyRoute, mountRoutes } from './api/define.ts'
import { openApiDocument } from './api/openapi.ts'
import { bodyRoutes } from './api/routes/bodies.ts'
import { catalogueRoutes } from './api/routes/catalogue.ts'
import { checkRoutes } from './api/routes/check.ts'
import { opendataRoutes } from './api/routes/opendata.ts'
import { codeRoutes } from './api/routes/code.ts'
import { openingRoutes, YAML_TYPES } from './api/routes/opening.ts'
import { systemRoutes } from './api/routes/system.ts'
import { preferredLocale, translator } from './i18n/index.ts'
import { LOCALE_COOKIE, pageContext, registerPages } from './pages/routes.tsx'
import { TextPage } from './pages/text-page.tsx'
import { AuthErrorPage } from './pages/account/auth-error.tsx'
import { AuthError } from './auth/require-role.ts'
import { registerSessions } from './auth/session.ts'
import { sendPage } from './render.ts'

const dsfrDist = path.dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/dist/dsfr.min.css'))
const assets = fileURLToPath(new URL('./assets/', import.meta.url))

export type AppContext = Pick<Context, 'config' | 'stores' | 'database' | 'queue'>

/** Every API route, in the order the reference lists them. */
export function apiRoutes(context: AppContext): AnyRoute[] {
  return [...catalogueRoutes(context), ...codeRoutes(context), ...bodyRoutes(context), ...opendataRoutes(context), ...openingRoutes({ allowedAddresses: context.config.fetchAllowedAddresses }), ...checkRoutes({ allowedAddresses: context.config.fetchAllowedAddresses }), ...systemRoutes(context, version)]
}

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/') || request.url.startsWith('/healthz')

/** The HTTP application: pages, API and static assets. It holds no state of its own. */
export async function buildApp(context: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const { config } = context
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] },
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID()
    },
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  })

  // Set before any plugin is registered: encapsulated contexts (the API) inherit them when created.
  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) return reply.code(404).send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`))
    const page =
      pageContext(request, reply, config.publicUrl) ?? fallbackPage(request, config.publicUrl)
    return sendPage(reply, <TextPage page={page} section="other" title="error.notFound.title" body="error.notFound.body" />, 404)
  })

  app.setErrorHandler(async (error: FastifyError | ApiError, request, reply) => {
    const status = error.statusCode ?? 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    if (isApi(request)) return reply.code(status).send(apiErrorBody(error, status))
    const page = pageContext(request, reply, config.publicUrl) ?? fallbackPage(request, config.publicUrl)
    if (error instanceof AuthError) return sendPage(reply, <AuthErrorPage page={page} kind={error.kind} />, status)
    const [title, body] = status >= 500 ? (['error.server.title', 'error.server.body'] as const) : (['error.badRequest.title', 'error.notFound.body'] as const)
    return sendPage(reply, <TextPage page={page} section="other" title={title} body={body} />, status)
  })

  // On PGlite, statements are served in the order their requests arrived (see PGlitePool.connect).
  app.addHook('onRequest', (_request, _reply, done) => servingRequest(Date.now(), done))

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('referrer-policy', 'strict-origin-when-cross-origin')
    reply.header('x-frame-options', 'DENY')
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    )
  })

  await app.register(fastifyCookie)
  await app.register(fastifyFormbody, { bodyLimit: 1024 * 1024 })
  registerSessions(app, context)
  await app.register(fastifyStatic, { root: dsfrDist, prefix: '/dsfr/', maxAge: '7d', immutable: false })
  await app.register(fastifyStatic, { root: assets, prefix: '/assets/', decorateReply: false, maxAge: '1h' })

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(context.database.db)
      return { status: 'ok', database: context.database.kind, version }
    } catch {
      return reply.code(503).send(errorBody('unhealthy', 'The database does not answer.'))
    }
  })

  const routes = apiRoutes(context)
  await app.register(
    async (api) => {
      await api.register(fastifyRateLimit, {
        max: config.apiRateLimit,
        timeWindow: '1 minute',
        errorResponseBuilder: (_request, limit) =>
          new ApiError(429, 'rate_limited', `Too many requests: at most ${limit.max} a minute. Retry in ${Math.ceil(limit.ttl / 1000)} s.`),
      })
      // YAML bodies (publiccode.yml) arrive as text; the size cap answers 413 before any parsing.
      api.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_request, body, done) => done(null, body))
      api.get('/openapi.json', async (request) =>
        openApiDocument(routes, { version, serverUrl: config.publicUrl || `${request.protocol}://${request.host}` }),
      )
      mountRoutes(api, routes, config.adminToken)
    },
    { prefix: '/api/v1' },
  )

  registerPages(app, context, routes)

  return app
}

function fallbackPage(request: FastifyRequest, publicUrl: string) {
  const locale = preferredLocale(request.cookies?.[LOCALE_COOKIE], request.headers['accept-language'])
  return { locale, t: translator(locale), path: '', search: '', publicUrl }
}

/** Fastify's own errors (bad JSON, wrong media type, body too large) in the API's one error shape. */
function apiErrorBody(error: FastifyError | ApiError, status: number) {
  if (error instanceof ApiError) return errorBody(error.code, error.message, error.details)
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return errorBody('invalid_json', `The request body is not valid JSON: ${error.message}`, [{ field: 'body', message: error.message }])
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return errorBody('invalid_json', 'The request body is empty; JSON was expected.', [{ field: 'body', message: 'empty' }])
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return errorBody('unsupported_media_type', error.message)
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return errorBody('payload_too_large', error.message)
  if (status >= 500) return errorBody('internal_error', 'An unexpected error occurred. It has been logged with the request id.')
  return errorBody(error.code ? error.code.toLowerCase() : 'bad_request', error.message)
}

