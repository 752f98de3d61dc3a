import { z } from 'zod'
import { publicCodeReport } from '../../../usecases/opening/publiccode-report.ts'
import { type AnyRoute, route } from '../define.ts'

export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain']

const IssueDto = z.object({ key: z.string(), message: z.string(), line: z.number().int().nullable(), column: z.number().int().nullable() })

export const PublicCodeReportDto = z.object({
  file: z.string(),
  valid: z.boolean(),
  version: z.string().nullable(),
  errors: z.array(IssueDto),
  warnings: z.array(IssueDto),
})

/** The opening-code tools: publiccode.yml validation (licence and compliance checks join them). */
export function openingRoutes(): AnyRoute[] {
  return [
    route({
      method: 'POST',
      path: '/publiccode/validate',
      tag: 'Opening code',
      summary: 'Validate a publiccode.yml (the YAML text as the body; network checks off)',
      consumes: YAML_TYPES,
      body: z.string().max(1024 * 1024, 'the file is larger than 1 MiB'),
      response: PublicCodeReportDto,
      handler: async ({ body }) => publicCodeReport('publiccode.yml', body),
    }),
  ]
}
