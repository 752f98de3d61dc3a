import { describe, expect, it } from 'vitest'
import { markedAs, mayEnrich, planEnrichment, readFieldSources, sourceOf } from './provenance.ts'

const added = { sill_id: null }
const fromSill = { sill_id: '42' }

describe('provenance', () => {
  it('fills empty fields and records the source', () => {
    const plan = planEnrichment({ ...added, website: null, logo_url: '' }, {}, 'wikidata', { website: 'https://www.libreoffice.org/', logo_url: 'https://commons.wikimedia.org/wiki/Special:FilePath/LibreOffice_logo.svg' })
    expect(plan.changes).toEqual({ website: 'https://www.libreoffice.org/', logo_url: 'https://commons.wikimedia.org/wiki/Special:FilePath/LibreOffice_logo.svg' })
    expect(plan.sources).toEqual({ website: 'wikidata', logo_url: 'wikidata' })
    expect(plan.kept).toEqual([])
  })

  it('never overwrites a value a person set, recorded or not', () => {
    const recorded = planEnrichment({ ...fromSill, website: 'https://mine.example/' }, { website: 'manual' }, 'wikidata', { website: 'https://other.example/' })
    expect(recorded.changes).toEqual({})
    expect(recorded.sources).toEqual({ website: 'manual' })
    expect(recorded.kept).toEqual(['website'])
    // A row added in Socle, written before sources were recorded: a person's.
    const unrecorded = planEnrichment({ ...added, licence: 'MIT' }, {}, 'registry', { licence: 'Apache-2.0' })
    expect(unrecorded.changes).toEqual({})
    expect(unrecorded.kept).toEqual(['licence'])
    expect(sourceOf(added, {}, 'licence', 'MIT')).toBe('manual')
  })

  it('overwrites what an automatic source wrote, the SILL included, except the SILL’s descriptions', () => {
    const sources = { latest_version: 'wikidata' as const }
    expect(mayEnrich(added, sources, 'latest_version', '7.5')).toBe(true)
    expect(planEnrichment({ ...added, latest_version: '7.5' }, sources, 'registry', { latest_version: '7.6' }).changes).toEqual({ latest_version: '7.6' })
    expect(sourceOf(fromSill, {}, 'website', 'https://a.example/')).toBe('sill')
    expect(mayEnrich(fromSill, {}, 'website', 'https://a.example/')).toBe(true)
    expect(mayEnrich(fromSill, {}, 'description_fr', 'Suite bureautique complète, utilisée par…')).toBe(false)
    expect(mayEnrich(fromSill, {}, 'description_fr', '')).toBe(true)
  })

  it('sets a release day only with a version it may write', () => {
    const kept = planEnrichment({ ...added, latest_version: '7.5', latest_release_on: null }, { latest_version: 'manual' }, 'registry', { latest_version: '7.6', latest_release_on: '2024-02-01' })
    expect(kept.changes).toEqual({})
    const written = planEnrichment({ ...added, latest_version: '7.5', latest_release_on: null }, { latest_version: 'registry' }, 'registry', { latest_version: '7.6', latest_release_on: '2024-02-01' })
    expect(written.changes).toEqual({ latest_version: '7.6', latest_release_on: '2024-02-01' })
  })

  it('clears nothing when the source no longer has a value, and leaves equal values unchanged', () => {
    const plan = planEnrichment({ ...added, website: 'https://a.example/', latest_version: '1.0' }, { website: 'wikidata', latest_version: 'wikidata' }, 'wikidata', { website: null, latest_version: '1.0' })
    expect(plan.changes).toEqual({})
    expect(plan.sources).toEqual({ website: 'wikidata', latest_version: 'wikidata' })
  })

  it('reads only known fields and sources from the stored map, and marks a person’s fields', () => {
    expect(readFieldSources({ website: 'wikidata', licence: 'somewhere', name: 'manual', logo_url: 3 })).toEqual({ website: 'wikidata' })
    expect(readFieldSources(['x'])).toEqual({})
    expect(readFieldSources(null)).toEqual({})
    expect(markedAs({ website: 'wikidata', licence: 'registry' }, ['website'], 'manual')).toEqual({ website: 'manual', licence: 'registry' })
  })
})
