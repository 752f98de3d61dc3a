import { describe, expect, it } from 'vitest'
import { type CatalogueLife, editionYears, inEdition } from './editions.ts'

const life = (facts: Partial<CatalogueLife>): CatalogueLife => ({
  sillYears: [],
  referencedOn: null,
  dereferencedOn: null,
  added: [],
  removed: [],
  createdOn: '2026-03-01',
  dereferenced: false,
  ...facts,
})
const TODAY = '2026-06-15'

describe('editionYears', () => {
  it('lists the recorded years, then every year after the last one up to the current year', () => {
    expect(editionYears([2020, 2018, 2022, 2020], TODAY)).toEqual([2018, 2020, 2022, 2023, 2024, 2025, 2026])
  })
  it('has only the current year when no list was recorded, and ignores recorded years to come', () => {
    expect(editionYears([], TODAY)).toEqual([2026])
    expect(editionYears([2024, 2030], TODAY)).toEqual([2024, 2025, 2026])
  })
})

describe('inEdition', () => {
  it('reads a recorded year from the SILL years, whatever the dates say', () => {
    const imported = life({ sillYears: [2019, 2021], referencedOn: '2018-01-01', dereferencedOn: '2022-05-01' })
    expect(inEdition(imported, 2019, 2022, TODAY)).toBe(true)
    expect(inEdition(imported, 2020, 2022, TODAY)).toBe(false)
    expect(inEdition(imported, 2022, 2022, TODAY)).toBe(false)
  })
  it('keeps a software of the last recorded list in later editions until it is dereferenced', () => {
    const kept = life({ sillYears: [2022] })
    expect(inEdition(kept, 2023, 2022, TODAY)).toBe(true)
    expect(inEdition(kept, 2026, 2022, TODAY)).toBe(true)
    const left = life({ sillYears: [2022], dereferencedOn: '2024-03-10', dereferenced: true })
    expect(inEdition(left, 2023, 2022, TODAY)).toBe(true)
    expect(inEdition(left, 2024, 2022, TODAY)).toBe(false)
  })
  it('adds a software from the year it was referenced or added by the change log', () => {
    const referenced = life({ referencedOn: '2024-11-02' })
    expect(inEdition(referenced, 2023, 2022, TODAY)).toBe(false)
    expect(inEdition(referenced, 2024, 2022, TODAY)).toBe(true)
    const logged = life({ added: ['2023-02-01'], removed: ['2025-01-20'], createdOn: '2026-01-01' })
    expect([2023, 2024, 2025, 2026].map((year) => inEdition(logged, year, 2022, TODAY))).toEqual([true, true, false, false])
  })
  it('reads the current year at today: an addition later this year is not in it yet', () => {
    expect(inEdition(life({ referencedOn: '2026-09-01' }), 2026, 2022, TODAY)).toBe(false)
    expect(inEdition(life({ referencedOn: '2026-06-15' }), 2026, 2022, TODAY)).toBe(true)
  })
  it('lists a software added through Socle from the day it entered, unless it is dereferenced', () => {
    expect(inEdition(life({ createdOn: '2025-07-01' }), 2024, 2022, TODAY)).toBe(false)
    expect(inEdition(life({ createdOn: '2025-07-01' }), 2025, 2022, TODAY)).toBe(true)
    expect(inEdition(life({ createdOn: '2025-07-01', dereferenced: true }), 2025, 2022, TODAY)).toBe(false)
  })
  it('leaves out a dereferenced software whose removal is not dated, and a removal wins over an addition the same day', () => {
    expect(inEdition(life({ sillYears: [2022], dereferenced: true }), 2023, 2022, TODAY)).toBe(false)
    expect(inEdition(life({ added: ['2024-05-05'], removed: ['2024-05-05'] }), 2024, 2022, TODAY)).toBe(false)
  })
  it('derives every year when no list was recorded', () => {
    expect(inEdition(life({ referencedOn: '2025-01-01' }), 2025, undefined, TODAY)).toBe(true)
  })
})
