import { z } from 'zod'
import { publicCodeReportWithNetwork } from '../../../usecases/opening/check-publiccode-urls.ts'
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

// A request must not hold a connection for minutes: fewer URLs, and less patience, than the CLI.
const API_URL_CHECKS = { maxUrls: 20, timeoutMs: 5_000 }

/**
 * The opening-code tools: publiccode.yml validation (licence and compliance checks join them).
 * `allowedAddresses`: non-public addresses the network checks may reach, for tests only.
 */
export function openingRoutes(options: { allowedAddresses?: readonly string[] } = {}): AnyRoute[] {
  return [
    route({
      method: 'POST',
      path: '/publiccode/validate',
      tag: 'Opening code',
      summary: 'Validate a publiccode.yml (the YAML text as the body; network checks with ?network=true)',
      consumes: YAML_TYPES,
      query: z.object({
        network: z
          .enum(['true', 'false'])
          .optional()
          .describe('`true`: once the file is valid, also fetch its URLs (each must answer 2xx, images must be images); private addresses are refused.'),
      }),
      body: z.string().max(1024 * 1024, 'the file is larger than 1 MiB'),
      response: PublicCodeReportDto,
      handler: async ({ query, body }) =>
        query.network === 'true'
          ? publicCodeReportWithNetwork('publiccode.yml', body, { ...API_URL_CHECKS, allowedAddresses: options.allowedAddresses })
          : publicCodeReport('publiccode.yml', body),
    }),
  ]
}
