/**
 * Yearly editions: the catalogue as it stood each year. The SILL published one list a year, which a
 * software's `sill_years` records: those years' editions are the lists as published. Later years
 * (after the last recorded list) are derived from what Socle knows of each software's life: the day it
 * was referenced or dereferenced, and the change log's additions and removals. A derived edition is the
 * catalogue at the end of its year, or today for the current year.
 */

/** What tells whether a software was in the catalogue at a given time. Days are 'YYYY-MM-DD'. */
export interface CatalogueLife {
  sillYears: readonly number[]
  referencedOn: string | null
  dereferencedOn: string | null
  /** Days the change log says it was added to the catalogue. */
  added: readonly string[]
  /** Days the change log says it was removed from it. */
  removed: readonly string[]
  /** The day it entered Socle: what tells a software added through Socle, of which nothing else is known. */
  createdOn: string
  /** Dereferenced now (its status), whether or not the day is known. */
  dereferenced: boolean
}

/** The years that have an edition: every recorded list, then each year after the last one up to today's. */
export function editionYears(recordedYears: readonly number[], today: string): number[] {
  const current = Number(today.slice(0, 4))
  const recorded = [...new Set(recordedYears)].filter((year) => year <= current).sort((a, b) => a - b)
  const after = (recorded.at(-1) ?? current - 1) + 1
  const derived = Array.from({ length: Math.max(0, current - after + 1) }, (_, i) => after + i)
  return [...recorded, ...derived]
}

/** Whether a software was in the edition of `year`, given the last year of a recorded list (if any). */
export function inEdition(life: CatalogueLife, year: number, lastRecordedYear: number | undefined, today: string): boolean {
  if (lastRecordedYear !== undefined && year <= lastRecordedYear) return life.sillYears.includes(year)
  const end = year === Number(today.slice(0, 4)) ? today : `${year}-12-31`
  const events: { day: string; listed: boolean }[] = [
    ...(lastRecordedYear !== undefined && life.sillYears.includes(lastRecordedYear) ? [{ day: `${lastRecordedYear}-12-31`, listed: true }] : []),
    ...(life.referencedOn ? [{ day: life.referencedOn, listed: true }] : []),
    ...life.added.map((day) => ({ day, listed: true })),
    ...(life.dereferencedOn ? [{ day: life.dereferencedOn, listed: false }] : []),
    ...life.removed.map((day) => ({ day, listed: false })),
  ]
  // Nothing dated: it has been listed since it entered Socle, unless it is dereferenced (since an unknown day).
  if (events.length === 0) return !life.dereferenced && life.createdOn <= end
  // A dereferenced software whose removal is not dated left after its last dated entry: not in later editions.
  if (life.dereferenced && !life.dereferencedOn && life.removed.length === 0) return false
  // The latest event by the end of the year tells; on one day a removal comes after an addition.
  const before = events.filter((event) => event.day <= end).sort((a, b) => a.day.localeCompare(b.day) || Number(b.listed) - Number(a.listed))
  return before.at(-1)?.listed ?? false
}
