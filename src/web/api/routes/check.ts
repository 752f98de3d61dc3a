import { z } from 'zod'
import { CheckError, checkRemoteRepository } from '../../../usecases/opening/check-repository.ts'
import { ApiError } from '../api-error.ts'
import { type AnyRoute, route } from '../define.ts'

const TextDto = z.object({ en: z.string(), fr: z.string() })

export const CheckReportDto = z.object({
  target: z.string(),
  score: z.number().int().min(0).max(100).describe('Points of the passing rules over points of the rules that apply.'),
  compliant: z.boolean().describe('Every required rule passes.'),
  rules: z.array(
    z.object({
      id: z.string(),
      level: z.enum(['required', 'recommended']),
      weight: z.number().int(),
      status: z.enum(['pass', 'fail', 'not-applicable']),
      title: TextDto,
      message: TextDto,
      evidence: z.array(z.object({ file: z.string(), line: z.number().int().optional(), excerpt: z.string().optional().describe('Never a secret: secrets are masked.') })),
      fix: TextDto.nullable(),
    }),
  ),
  scanned: z.object({ files: z.number().int(), truncated: z.boolean() }),
})

/** HTTP status and error code of each reason a check cannot be made (a URL is never `not-found`). */
const STATUS: Record<CheckError['kind'], [number, string]> = {
  refused: [400, 'refused_url'],
  'not-found': [400, 'refused_url'],
  failed: [422, 'clone_failed'],
  busy: [503, 'busy'],
}

/** `POST /check`: the compliance check of a public repository, from a shallow clone of its URL. */
export function checkRoutes(options: { allowedAddresses?: string[] } = {}): AnyRoute[] {
  return [
    route({
      method: 'POST',
      path: '/check',
      tag: 'Opening code',
      summary: "Check a public git repository against the State's contribution policy (shallow clone of the URL)",
      body: z.object({
        url: z
          .string()
          .max(2000)
          .regex(/^https?:\/\/[^\s]+$/i, 'must be an http:// or https:// URL')
          .describe('URL of the repository, as given to `git clone`, e.g. https://github.com/etalab/data.gouv.fr'),
      }),
      response: CheckReportDto,
      async handler({ body }) {
        try {
          return await checkRemoteRepository(body.url, { allowedAddresses: options.allowedAddresses })
        } catch (error) {
          if (!(error instanceof CheckError)) throw error
          const [status, code] = STATUS[error.kind]
          throw new ApiError(status, code, error.message)
        }
      },
    }),
  ]
}
