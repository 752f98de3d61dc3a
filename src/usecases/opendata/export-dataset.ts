import { z } from 'zod'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { cellAt, csvRow } from '../../domain/shared/csv.ts'
import {
  DependencyDto, LibraryDto, OrganisationDto, RepositoryDto, SoftwareDto, toDependencyDto, toLibraryDto, toOrganisationDto, toRepositoryDto, toSoftwareDto,
} from './shapes.ts'

export const datasetKinds = ['software', 'repositories', 'organisations', 'dependencies', 'libraries'] as const
export type DatasetKind = (typeof datasetKinds)[number]
export type ExportFormat = 'json' | 'csv'

interface Dataset {
  schema: z.ZodObject
  rows(stores: Stores): AsyncIterable<Record<string, unknown>>
}

export async function* mapped<T>(source: AsyncIterable<T>, map: (row: T) => Record<string, unknown>): AsyncGenerator<Record<string, unknown>> {
  for await (const row of source) yield map(row)
}

const datasets: Record<DatasetKind, Dataset> = {
  software: { schema: SoftwareDto, rows: (stores) => mapped(stores.software.all(), toSoftwareDto) },
  repositories: { schema: RepositoryDto, rows: (stores) => mapped(stores.repositories.all(), toRepositoryDto) },
  organisations: { schema: OrganisationDto, rows: (stores) => mapped(stores.organisations.all(), toOrganisationDto) },
  dependencies: { schema: DependencyDto, rows: (stores) => mapped(stores.registry.allDependencies(), toDependencyDto) },
  libraries: { schema: LibraryDto, rows: (stores) => mapped(stores.registry.allLibraries(), toLibraryDto) },
}

/** CSV columns from the schema, so the header is the same whatever the rows hold (nulls included). */
function columnsOf(schema: z.ZodObject, prefix = ''): string[] {
  return Object.entries(schema.shape).flatMap(([key, field]) => {
    const name = prefix ? `${prefix}.${key}` : key
    const inner = field instanceof z.ZodNullable ? field.unwrap() : field
    return inner instanceof z.ZodObject ? columnsOf(inner, name) : [name]
  })
}

/**
 * Streams a whole dataset in the open-data shapes (the API's), one chunk at a time: a JSON array or
 * CSV with a header. Memory stays flat: rows are read in batches and written as they come.
 */
export function exportDataset(stores: Stores, kind: DatasetKind, format: ExportFormat): AsyncGenerator<string> {
  const dataset = datasets[kind]
  return exportRows(dataset.schema, dataset.rows(stores), format)
}

/** Streams rows of one open-data shape as a JSON array or as CSV with the shape's columns. */
export async function* exportRows(schema: z.ZodObject, rows: AsyncIterable<Record<string, unknown>>, format: ExportFormat): AsyncGenerator<string> {
  if (format === 'csv') {
    const columns = columnsOf(schema)
    yield csvRow(columns)
    for await (const row of rows) {
      yield csvRow(columns.map((column) => cellAt(row, column)))
    }
    return
  }
  let first = true
  yield '['
  for await (const row of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`
    first = false
  }
  yield first ? ']\n' : '\n]\n'
}
