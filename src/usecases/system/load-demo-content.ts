import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import { createStores } from '../../adapters/db/stores/index.ts'
import { demoOrganisations, demoParents, demoRepositories } from '../../demo/code.ts'
import { demoDeclarations, demoSoftware } from '../../demo/software.ts'

const DEMO_LOADED = 'demo.loaded-at'

export interface DemoLoadResult {
  loaded: boolean
  software: number
  organisations: number
  repositories: number
}

/**
 * Loads the demo catalogue, bodies and repositories, once per database: all in one transaction, so an
 * interrupted first start leaves either everything or nothing, and a deployment that later deletes
 * the demo rows does not get them back at the next start.
 */
export async function loadDemoContent(db: Kysely<DB>): Promise<DemoLoadResult> {
  return await db.transaction().execute(async (trx) => {
    const stores = createStores(trx)
    if (await stores.settings.get(DEMO_LOADED)) return { loaded: false, software: 0, organisations: 0, repositories: 0 }
    // A catalogue imported before the first start (socle import sill) keeps its entries: the demo only fills in.
    await stores.software.insertMissing(demoSoftware)
    for (const [slug, kind, fields] of demoDeclarations) {
      const software = await stores.software.bySlug(slug)
      if (software) await stores.declarations.add(kind, software.id, null, fields, { demo: true })
    }
    const ids = await stores.organisations.insert(demoOrganisations)
    for (const [child, parent] of Object.entries(demoParents)) await stores.organisations.setParent(child, parent)
    const repositories = demoRepositories(ids)
    await stores.repositories.insert(repositories)
    // Loaded here only: the licence and compliance modules are not needed by a start that loads nothing.
    const { deriveRegistryFacts } = await import('../registry/derive-registry-facts.ts')
    await deriveRegistryFacts(trx)
    await stores.settings.set(DEMO_LOADED, new Date().toISOString())
    return { loaded: true, software: demoSoftware.length, organisations: ids.size, repositories: repositories.length }
  })
}
