import type { Kysely } from 'kysely'
import type { DB } from '../../adapters/db/schema.ts'
import type { DependencyRow, DerivationRow, DerivedFacts } from '../../adapters/db/stores/registry-store.ts'
import { createStores } from '../../adapters/db/stores/index.ts'
import { crawledCompliance, effectiveLicence, readmeExcerpt, rootFileRoles } from '../../domain/registry/derived.ts'
import { type ReuseReason, reuseScore } from '../../domain/registry/reuse-score.ts'
import { roleOfRootFile } from '../../domain/registry/crawled.ts'
import { extractDependencies } from '../../domain/registry/dependencies/index.ts'

export interface DerivationSummary {
  repositories: number
  /** Repositories whose files were read again (search text, compliance, dependencies). */
  filesDerived: number
  /** Repositories whose derived facts changed. */
  updated: number
}

const BATCH = 500

/**
 * Derives the registry's facts from what the crawl stored: the licence that applies, the reuse score
 * with its reasons (it depends on the date: run after every crawl and daily), and — for repositories
 * whose files changed since — the README's words for search, the compliance of the root files and the
 * dependencies their manifests declare.
 * A row is written only when something changed, so a daily run over an unchanged registry writes little.
 */
export async function deriveRegistryFacts(db: Kysely<DB>, options: { now?: Date; all?: boolean } = {}): Promise<DerivationSummary> {
  const now = options.now ?? new Date()
  const { registry } = createStores(db)
  await registry.countReuse()
  const summary: DerivationSummary = { repositories: 0, filesDerived: 0, updated: 0 }
  let afterId: string | undefined
  for (;;) {
    const rows = await registry.derivationBatch(afterId, BATCH, Boolean(options.all))
    if (rows.length === 0) break
    afterId = rows[rows.length - 1]!.id
    const texts = new Map((await registry.texts(rows.filter((row) => row.files_changed).map((row) => row.id))).map((t) => [t.id, t]))
    const derived: DerivedFacts[] = []
    const dependencies = new Map<string, DependencyRow[]>()
    for (const row of rows) {
      const facts = scoreOf(row, now)
      const text = texts.get(row.id)
      if (text) {
        const readme = Object.entries(text.files).find(([name]) => roleOfRootFile(name) === 'readme')
        const compliance = await crawledCompliance(text.files, text.publiccode_text === null ? null : { name: 'publiccode.yml', text: text.publiccode_text })
        derived.push({ ...facts, files: { readme_excerpt: readme ? readmeExcerpt(readme[1]) : null, compliance_score: compliance.score, compliance } })
        dependencies.set(row.id, extractDependencies(text.manifests).dependencies)
      } else if (changed(row, facts)) {
        derived.push(facts)
      }
    }
    const save = async (trx: Kysely<DB>) => {
      const store = createStores(trx).registry
      await store.saveDerived(derived, now)
      await store.replaceDependencies(dependencies)
    }
    // Inside a caller's transaction (the demo's first load), its transaction holds the batch.
    await (db.isTransaction ? save(db) : db.transaction().execute(save))
    summary.repositories += rows.length
    summary.filesDerived += texts.size
    summary.updated += derived.length
  }
  // After a crawl's writes, the planner's picture of the tables is out of date (and never drawn on PGlite).
  if (summary.updated > 0 && !db.isTransaction) await registry.refreshStatistics()
  return summary
}

function scoreOf(row: DerivationRow, now: Date): DerivedFacts {
  const { licence, authorised } = effectiveLicence(row.detected_licence, row.licence)
  const roles = rootFileRoles(row.file_names)
  const { score, reasons } = reuseScore(
    {
      description: row.description,
      licence,
      licenceAuthorised: authorised === true,
      hasReadme: roles.has('readme'),
      hasContributing: roles.has('contributing'),
      publiccodeValid: row.publiccode_valid,
      pushedAt: row.pushed_at ? new Date(row.pushed_at) : null,
      archived: row.archived,
      fork: row.is_fork,
      stars: row.stars,
      forks: row.forks,
      reusedBy: row.reused_by,
    },
    now,
  )
  return { id: row.id, effective_licence: licence, licence_authorised: authorised, reuse_score: score, reuse_reasons: reasons }
}

function changed(row: DerivationRow, facts: DerivedFacts): boolean {
  return (
    row.effective_licence !== facts.effective_licence ||
    row.licence_authorised !== facts.licence_authorised ||
    row.reuse_score !== facts.reuse_score ||
    reasonsKey(row.reuse_reasons) !== reasonsKey(facts.reuse_reasons)
  )
}

/** Reasons in a form that compares: jsonb does not keep the keys' order. */
function reasonsKey(reasons: unknown): string {
  return Array.isArray(reasons) ? reasons.map((r: ReuseReason) => `${r.criterion}:${r.points}/${r.max}`).join(',') : ''
}
