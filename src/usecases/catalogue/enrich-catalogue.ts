import type { Kysely } from 'kysely'
import { ComptoirClient } from '../../adapters/comptoir/comptoir-client.ts'
import type { DB } from '../../adapters/db/schema.ts'
import { WikidataClient } from '../../adapters/wikidata/wikidata-client.ts'
import type { Config } from '../../config.ts'
import type { EnrichmentSource } from '../../domain/catalogue/provenance.ts'
import { enrichFromComptoir } from './enrich-from-comptoir.ts'
import { enrichFromRegistry } from './enrich-from-registry.ts'
import { enrichFromWikidata } from './enrich-from-wikidata.ts'
import type { EnrichmentReport } from './enrich-software.ts'

/** One enrichment source over the whole catalogue, with the clients the configuration points at (what `socle enrich` and the jobs run). */
export async function enrichCatalogue(db: Kysely<DB>, config: Pick<Config, 'enrichment' | 'publicUrl'>, source: EnrichmentSource): Promise<EnrichmentReport> {
  switch (source) {
    case 'wikidata':
      return await enrichFromWikidata(db, new WikidataClient({ baseUrl: config.enrichment.wikidataUrl, requestsPerSecond: config.enrichment.wikidataRequestsPerSecond, contact: config.publicUrl }))
    case 'comptoir':
      return await enrichFromComptoir(db, new ComptoirClient({ baseUrl: config.enrichment.comptoirUrl }))
    case 'registry':
      return await enrichFromRegistry(db)
  }
}
