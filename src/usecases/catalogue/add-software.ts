import type { PossibleDuplicate } from '../../adapters/db/stores/catalogue-admin-store.ts'
import type { Stores } from '../../adapters/db/stores/index.ts'
import type { WikidataSuggestion } from '../../domain/catalogue/wikidata-entity.ts'
import { readSoftwareForm, type SoftwareFormErrors, type SoftwareFormValues, wikidataId } from '../../domain/catalogue/moderation.ts'

/** What an agent types first: a name, and perhaps a repository address or a Wikidata id. */
export interface SoftwareProbe {
  name: string
  repositoryUrl?: string | undefined
  wikidataId?: string | undefined
}

/** A known software the agent may be adding: picking it fills the form with what its source says. */
export interface SoftwareCandidate {
  /** Where it comes from: `registry` (Socle's registry), `wikidata`… */
  source: string
  label: string
  detail: string | null
  /** An address to see it at its source. */
  url: string | null
  prefill: Partial<Omit<SoftwareFormValues, 'platforms' | 'os'>>
}

/** Another source of candidates (the Wikidata adapter): answers what it knows for the probe, [] when unreachable. */
export type CandidateSource = (probe: SoftwareProbe) => Promise<SoftwareCandidate[]>

export interface SoftwareSuggestions {
  /** Software already in the catalogue (accepted or not) that this may duplicate. */
  duplicates: PossibleDuplicate[]
  candidates: SoftwareCandidate[]
}

/**
 * Step 1 of adding a software: the catalogue's possible duplicates (close name, same repository
 * address, same Wikidata id) and candidates from Socle's registry (repositories of a close name),
 * then from each further source given (the Wikidata adapter plugs in here).
 */
export async function softwareSuggestions(stores: Pick<Stores, 'catalogueAdmin'>, probe: SoftwareProbe, sources: readonly CandidateSource[] = []): Promise<SoftwareSuggestions> {
  const qid = probe.wikidataId ? wikidataId(probe.wikidataId) : undefined
  const [duplicates, repositories, ...others] = await Promise.all([
    stores.catalogueAdmin.possibleDuplicates({ name: probe.name, repositoryUrl: probe.repositoryUrl, wikidataId: qid }),
    stores.catalogueAdmin.registryCandidates(probe.name),
    ...sources.map((source) => source(probe)),
  ])
  const registry: SoftwareCandidate[] = repositories.map((r) => ({
    source: 'registry',
    label: `${r.owner}/${r.name}`,
    detail: r.description,
    url: r.url,
    prefill: {
      name: r.name,
      description_fr: (r.description ?? '').slice(0, 1000),
      repository_url: r.url,
      licence: r.licence ?? '',
      website: r.homepage ?? '',
    },
  }))
  return { duplicates, candidates: [...registry, ...others.flat()] }
}

/**
 * Wikidata's items whose label matches the probe's name, as candidates (picking one fills the name,
 * the description and the Wikidata id, which the enrichment then completes). Wikidata that does not
 * answer, or answers wrong, gives no candidate: the form works on without it.
 */
export function wikidataCandidates(wikidata: { searchSoftware(text: string, locale: 'fr' | 'en', limit?: number): Promise<WikidataSuggestion[]> }, locale: 'fr' | 'en'): CandidateSource {
  return async (probe) => {
    try {
      const found = await wikidata.searchSoftware(probe.name, locale, 5)
      return found.map((item) => ({
        source: 'wikidata',
        label: `${item.label} (${item.id})`,
        detail: item.description,
        url: item.url,
        prefill: { name: item.label, description_fr: locale === 'fr' ? (item.description ?? '') : '', description_en: locale === 'en' ? (item.description ?? '') : '', wikidata_id: item.id },
      }))
    } catch {
      return []
    }
  }
}

export type AddSoftwareResult = { added: { id: string; slug: string } } | { errors: SoftwareFormErrors }

/** Step 2: an agent adds a software; it waits for a moderator before the public catalogue shows it. */
export async function addSoftware(stores: Pick<Stores, 'catalogueAdmin' | 'audit'>, agentId: string, values: SoftwareFormValues): Promise<AddSoftwareResult> {
  const read = readSoftwareForm(values)
  if ('errors' in read) return read
  if (read.fields.wikidata_id) {
    const same = await stores.catalogueAdmin.possibleDuplicates({ name: read.fields.name, wikidataId: read.fields.wikidata_id })
    if (same.some((d) => d.reasons.includes('wikidata'))) return { errors: { wikidata_id: 'taken' } }
  }
  const added = await stores.catalogueAdmin.addPending(read.fields, agentId)
  await stores.audit.record({ agentId, action: 'software.submitted', subjectType: 'software', subjectId: added.id, details: { slug: added.slug } })
  return { added }
}
