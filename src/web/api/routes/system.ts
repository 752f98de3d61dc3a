import { z } from 'zod'
import type { Context } from '../../../context.ts'
import { queueNames } from '../../../jobs.ts'
import { ApiError } from '../api-error.ts'
import { type AnyRoute, route } from '../define.ts'

export function systemRoutes(context: Pick<Context, 'queue' | 'database'>, version: string): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/version',
      tag: 'System',
      summary: 'Version of this Socle and of its database mode',
      response: z.object({ name: z.literal('socle'), version: z.string(), database: z.enum(['pglite', 'postgres']) }),
      handler: async () => ({ name: 'socle' as const, version, database: context.database.kind }),
    }),
    route({
      method: 'POST',
      path: '/admin/jobs',
      tag: 'Administration',
      summary: 'Enqueue background jobs',
      auth: 'admin',
      status: 202,
      body: z.object({
        queue: z.enum(queueNames),
        count: z.number().int().min(1).max(1000).default(1),
        data: z.record(z.string(), z.unknown()).default({}),
      }),
      response: z.object({ ids: z.array(z.string()) }),
      async handler({ body }) {
        const queue = context.queue
        if (!queue) throw new ApiError(503, 'unavailable', 'This process has no job queue.')
        const ids: string[] = []
        for (let i = 0; i < body.count; i++) ids.push(await queue.enqueue(body.queue, body.data))
        return { ids }
      },
    }),
  ]
}
