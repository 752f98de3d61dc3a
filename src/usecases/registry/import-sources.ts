import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import { createStores } from '../../adapters/db/stores/index.ts'
import { parseSourcesFile, type SourcesProblem } from '../../domain/sources/sources-file.ts'

export interface ImportSourcesResult {
  bodies: number
  accounts: number
  added: number
  problems: SourcesProblem[]
}

/**
 * Imports sources files: the public bodies and the forge accounts they publish from. All files in
 * one transaction, so a bad file leaves the sources as they were; lines that cannot be mapped are
 * reported, not guessed, and do not stop the others.
 */
export async function importSources(db: Kysely<DB>, files: { name: string; text: string }[]): Promise<ImportSourcesResult> {
  const parsed = files.map((file) => parseSourcesFile(file.name, file.text))
  return await db.transaction().execute(async (trx) => {
    const stores = createStores(trx)
    const bodies = parsed.flatMap((p) => p.bodies)
    const ids = await stores.organisations.upsert(
      bodies.map((b) => ({ slug: b.slug, name: b.name, acronym: b.acronym, kind: b.kind, siren: b.siren, website: b.website })),
    )
    for (const body of bodies) if (body.parent) await stores.organisations.setParent(body.slug, body.parent)
    const accounts = [
      ...bodies.flatMap((b) => b.accounts.map((account) => ({ account, organisationId: ids.get(b.slug) ?? null }))),
      ...parsed.flatMap((p) => p.accounts.map((account) => ({ account, organisationId: null }))),
    ]
    const added = await stores.sources.upsert(accounts)
    return { bodies: bodies.length, accounts: accounts.length, added, problems: parsed.flatMap((p) => p.problems) }
  })
}
