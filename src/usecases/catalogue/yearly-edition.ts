import type { SoftwareRecord } from '../../adapters/db/stores/software-store.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import { editionYears, inEdition } from '../../domain/catalogue/editions.ts'

export interface Edition {
  year: number
  /** A list the SILL published (recorded on the software), or derived from the catalogue's history. */
  recorded: boolean
  count: number
}

const todayOf = (now: Date) => now.toISOString().slice(0, 10)

/** A visitor looks at the catalogue's yearly editions: every year, with how many software it listed. */
export async function listEditions(stores: Pick<Stores, 'software'>, now: Date): Promise<Edition[]> {
  const today = todayOf(now)
  const recorded = await stores.software.recordedSillYears()
  const years = editionYears(recorded, today)
  const last = recorded.filter((year) => years.includes(year)).at(-1)
  const counts = new Map(years.map((year) => [year, 0]))
  for await (const { life } of stores.software.withLives()) {
    for (const year of years) if (inEdition(life, year, last, today)) counts.set(year, counts.get(year)! + 1)
  }
  return years.map((year) => ({ year, recorded: recorded.includes(year), count: counts.get(year)! }))
}

/**
 * A visitor reads one year's edition: whether it is a recorded list, and the software it listed,
 * streamed in batches; undefined when the year has no edition.
 */
export async function readEdition(
  stores: Pick<Stores, 'software'>,
  year: number,
  now: Date,
): Promise<{ edition: Omit<Edition, 'count'>; software: AsyncGenerator<SoftwareRecord> } | undefined> {
  const today = todayOf(now)
  const recorded = await stores.software.recordedSillYears()
  const years = editionYears(recorded, today)
  if (!years.includes(year)) return undefined
  const last = recorded.filter((y) => years.includes(y)).at(-1)
  const software = (async function* () {
    for await (const { software, life } of stores.software.withLives()) if (inEdition(life, year, last, today)) yield software
  })()
  return { edition: { year, recorded: recorded.includes(year) }, software }
}
