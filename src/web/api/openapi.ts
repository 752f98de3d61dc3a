import { z } from 'zod'
import type { AnyRoute } from './define.ts'

const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
})

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

/** `/software/:slug` → `/software/{slug}` */
function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}')
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return []
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }))
}

function requestContent(r: AnyRoute): Record<string, unknown> {
  if (!r.consumes) return { 'application/json': { schema: jsonSchema(r.body!, 'input') } }
  return Object.fromEntries(r.consumes.map((type) => [type, { schema: { type: 'string' } }]))
}

/** The OpenAPI 3.1 document of the API, built from the route definitions themselves. */
export function openApiDocument(routes: AnyRoute[], info: { version: string; serverUrl: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const r of routes) {
    const path = openApiPath(`/api/v1${r.path}`)
    const status = String(r.status ?? 200)
    const content: Record<string, unknown> = r.produces
      ? Object.fromEntries(r.produces.map((type) => [type, { schema: { type: 'string' } }]))
      : { 'application/json': { schema: jsonSchema(r.response, 'output') } }
    const errors: Record<string, unknown> = {
      '400': { description: 'Invalid request', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      '429': { description: 'Too many requests', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    }
    if (r.auth) {
      errors['401'] = { description: 'No token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
      errors['403'] = { description: 'Wrong token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
    }
    if (r.params) errors['404'] = { description: 'Not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
    paths[path] ??= {}
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      operationId: `${r.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body ? { requestBody: { required: true, content: requestContent(r) } } : {}),
      ...(r.auth ? { security: [{ adminToken: [] }] } : {}),
      responses: { [status]: { description: 'Success', content }, ...errors },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Socle API',
      version: info.version,
      description: 'Public API of Socle: free software catalogue, public code registry and opening-code tools. Errors share one shape: {error: {code, message, details?}}.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: info.serverUrl }],
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorSchema, 'output') },
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'The value of SOCLE_ADMIN_TOKEN.' } },
    },
  }
}
