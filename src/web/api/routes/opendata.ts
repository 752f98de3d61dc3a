import { z } from 'zod'
import type { Context } from '../../../context.ts'
import { datasetKinds, exportDataset, type DatasetKind, type ExportFormat } from '../../../usecases/opendata/export-dataset.ts'
import { type AnyRoute, route, Streamed } from '../define.ts'

const files = datasetKinds.flatMap((kind) => [`${kind}.json`, `${kind}.csv`]) as [string, ...string[]]

const CONTENT_TYPES: Record<ExportFormat, string> = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' }

/** The open data: every dataset, whole, in the API's shapes, streamed as it is read. */
export function opendataRoutes(context: Pick<Context, 'stores'>): AnyRoute[] {
  return [
    route({
      method: 'GET',
      path: '/opendata/:file',
      tag: 'Open data',
      summary: 'A whole dataset as JSON or CSV (software, repositories, organisations, dependencies, libraries)',
      params: z.object({ file: z.enum(files).describe(`One of ${files.join(', ')}.`) }),
      response: z.instanceof(Streamed),
      produces: ['application/json', 'text/csv'],
      async handler({ params }) {
        const [kind, format] = params.file.split('.') as [DatasetKind, ExportFormat]
        return new Streamed(CONTENT_TYPES[format], exportDataset(context.stores, kind, format), params.file)
      },
    }),
  ]
}
