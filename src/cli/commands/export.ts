import { loadConfig } from '../../config.ts'
import { openContext } from '../../context.ts'
import { datasetKinds, exportDataset, type DatasetKind, type ExportFormat } from '../../usecases/opendata/export-dataset.ts'
import { UsageError } from '../errors.ts'

/**
 * `socle export KIND [--format json|csv]`: streams a dataset to standard output, a batch at a time,
 * waiting for the output to drain so that a slow reader never makes it buffer. The plain form is run
 * without loading the other commands' modules (see main.ts): an export of 50,000 repositories then
 * stays well within its memory budget.
 */
export async function exportToStdout(kind: string, format: ExportFormat): Promise<void> {
  if (!(datasetKinds as readonly string[]).includes(kind)) throw new UsageError(`Unknown dataset "${kind}": choose one of ${datasetKinds.join(', ')}.`)
  const context = await openContext(loadConfig(), 'command')
  try {
    for await (const chunk of exportDataset(context.stores, kind as DatasetKind, format)) {
      if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve))
    }
  } finally {
    await context.close()
  }
}
