import { type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely'
import { inBatches } from '../batches.ts'
import type { DB, LibraryTable } from '../schema.ts'

/** What the registry derives a repository's scores from, without its files' text. */
export interface DerivationRow {
  id: string
  description: string | null
  licence: string | null
  detected_licence: string | null
  publiccode_valid: boolean | null
  file_names: string[]
  pushed_at: Date | null
  archived: boolean
  is_fork: boolean
  stars: number
  forks: number
  reused_by: number
  /** The files changed since the last derivation (or there was none). */
  files_changed: boolean
  effective_licence: string | null
  licence_authorised: boolean | null
  reuse_score: number
  reuse_reasons: unknown
}

export interface RepositoryTexts {
  id: string
  files: Record<string, string>
  manifests: Record<string, string>
  publiccode_text: string | null
}

export interface DerivedFacts {
  id: string
  effective_licence: string | null
  licence_authorised: boolean | null
  reuse_score: number
  reuse_reasons: unknown
  /** Present when the files were derived again. */
  files?: { readme_excerpt: string | null; compliance_score: number; compliance: unknown }
}

export interface DependencyRow {
  ecosystem: string
  name: string
  version: string | null
  scope: 'runtime' | 'dev'
  manifest: string
}

/** The registry's derived facts: scores, search text, dependencies — written from the crawled facts. */
export class RegistryStore {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Refreshes the planner's statistics of the registry's tables. PGlite has no autovacuum: without
   * this its planner believes a table of 50,000 repositories holds a few hundred (it was never
   * analysed) and reads whole tables where an index would do; on PostgreSQL it only comes before autovacuum.
   */
  async refreshStatistics(): Promise<void> {
    await sql`analyze repository, repository_listing, organisation, source, dependency`.execute(this.db)
  }

  /** Counts, for every repository, the other public bodies publishing a fork of it; answers how many rows changed. */
  async countReuse(): Promise<number> {
    const result = await sql`
      update repository r set reused_by = counted.n
      from (
        select p.id, (
          select count(distinct f.organisation_id)::int from repository f
          where f.parent_full_name = p.owner || '/' || p.name and f.forge_host = p.forge_host and f.is_fork
            and f.organisation_id is not null and f.organisation_id is distinct from p.organisation_id
        ) as n
        from repository p
      ) counted
      where counted.id = r.id and r.reused_by <> counted.n
    `.execute(this.db)
    return Number(result.numAffectedRows ?? 0)
  }

  async derivationBatch(afterId: string | undefined, limit: number, all: boolean): Promise<DerivationRow[]> {
    let query = this.db
      .selectFrom('repository')
      .select([
        'id', 'description', 'licence', 'detected_licence', 'publiccode_valid', 'pushed_at', 'archived', 'is_fork', 'stars', 'forks', 'reused_by',
        'effective_licence', 'licence_authorised', 'reuse_score', 'reuse_reasons',
        sql<string[]>`array(select jsonb_object_keys(files))`.as('file_names'),
        sql<boolean>`(${all} or derived_at is null or (files_read_at is not null and files_read_at > derived_at))`.as('files_changed'),
      ])
      .orderBy('id')
      .limit(limit)
    if (afterId) query = query.where('id', '>', afterId)
    return await query.execute()
  }

  async texts(ids: readonly string[]): Promise<RepositoryTexts[]> {
    if (ids.length === 0) return []
    const rows = await this.db.selectFrom('repository').select(['id', 'files', 'manifests', 'publiccode_text']).where('id', 'in', ids).execute()
    return rows.map((row) => ({ ...row, files: row.files as Record<string, string>, manifests: row.manifests as Record<string, string> }))
  }

  /** Writes derived facts, in one statement per call. */
  async saveDerived(rows: readonly DerivedFacts[], now: Date): Promise<void> {
    if (rows.length === 0) return
    const values = JSON.stringify(rows.map((row) => ({ ...row, has_files: row.files !== undefined, ...row.files })))
    await sql`
      update repository r set
        effective_licence = v.effective_licence,
        licence_authorised = v.licence_authorised,
        reuse_score = v.reuse_score,
        reuse_reasons = v.reuse_reasons,
        readme_excerpt = case when v.has_files then v.readme_excerpt else r.readme_excerpt end,
        compliance_score = case when v.has_files then v.compliance_score else r.compliance_score end,
        compliance = case when v.has_files then v.compliance else r.compliance end,
        derived_at = ${now}
      from jsonb_to_recordset(${values}::jsonb) as v(
        id uuid, effective_licence text, licence_authorised boolean, reuse_score smallint, reuse_reasons jsonb,
        has_files boolean, readme_excerpt text, compliance_score smallint, compliance jsonb
      )
      where r.id = v.id
    `.execute(this.db)
  }

  /** Replaces the dependencies of the given repositories. */
  async replaceDependencies(byRepository: ReadonlyMap<string, readonly DependencyRow[]>): Promise<void> {
    if (byRepository.size === 0) return
    await this.db.deleteFrom('dependency').where('repository_id', 'in', [...byRepository.keys()]).execute()
    const rows = [...byRepository].flatMap(([repository_id, dependencies]) => dependencies.map((d) => ({ repository_id, ...d })))
    for (let i = 0; i < rows.length; i += 2000) await this.db.insertInto('dependency').values(rows.slice(i, i + 2000)).execute()
  }

  async dependenciesOf(repositoryId: string): Promise<DependencyRow[]> {
    return await this.db
      .selectFrom('dependency')
      .select(['ecosystem', 'name', 'version', 'scope', 'manifest'])
      .where('repository_id', '=', repositoryId)
      .orderBy('scope', 'desc')
      .orderBy('ecosystem')
      .orderBy('name')
      .limit(2000)
      .execute()
  }

  /** The libraries public code depends on most, by the number of listed repositories using each. */
  async mostUsedLibraries(options: { ecosystem?: string; q?: string; limit: number; offset: number }): Promise<{ items: UsedLibrary[]; total: number }> {
    let base = this.db
      .selectFrom('dependency as d')
      .innerJoin('repository as r', 'r.id', 'd.repository_id')
      .where('r.gone_at', 'is', null)
    if (options.ecosystem) base = base.where('d.ecosystem', '=', options.ecosystem)
    if (options.q) base = base.where(sql<SqlBool>`d.name ilike ${`%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`)
    const [items, total] = await Promise.all([
      base
        .select(['d.ecosystem', 'd.name', sql<number>`count(distinct d.repository_id)::int`.as('repositories'), sql<number>`count(distinct r.organisation_id)::int`.as('organisations')])
        .groupBy(['d.ecosystem', 'd.name'])
        .orderBy('repositories', 'desc')
        .orderBy('d.name')
        .limit(options.limit)
        .offset(options.offset)
        .execute(),
      base.select(sql<number>`count(distinct (d.ecosystem, d.name))::int`.as('n')).executeTakeFirstOrThrow(),
    ])
    return { items, total: total.n }
  }

  /** The listed repositories depending on a library. */
  async dependents(ecosystem: string, name: string, limit: number): Promise<{ repository_id: string; version: string | null; scope: string }[]> {
    return await this.db
      .selectFrom('dependency as d')
      .innerJoin('repository as r', 'r.id', 'd.repository_id')
      .select(['d.repository_id', 'd.version', 'd.scope'])
      .where('d.ecosystem', '=', ecosystem)
      .where('d.name', '=', name)
      .where('r.gone_at', 'is', null)
      .orderBy('r.reuse_score', 'desc')
      .limit(limit)
      .execute()
  }

  /** Every dependency of the listed repositories, in batches (keyset on the primary key): for exports. */
  async *allDependencies(batchSize = 2000): AsyncGenerator<DependencyExportRow> {
    let after: { repository_id: string; ecosystem: string; name: string } | undefined
    for (;;) {
      let query = this.db
        .selectFrom('dependency as d')
        .innerJoin('repository as r', 'r.id', 'd.repository_id')
        .select(['d.repository_id', 'd.ecosystem', 'd.name', 'd.version', 'd.scope', 'd.manifest', 'r.forge_host', 'r.owner', 'r.name as repository_name'])
        .where('r.gone_at', 'is', null)
      if (after) query = query.where(sql<SqlBool>`(d.repository_id, d.ecosystem, d.name) > (${after.repository_id}, ${after.ecosystem}, ${after.name})`)
      const rows = await query.orderBy('d.repository_id').orderBy('d.ecosystem').orderBy('d.name').limit(batchSize).execute()
      yield* rows
      if (rows.length < batchSize) return
      after = rows[rows.length - 1]!
    }
  }

  /** Every published library, in batches: for exports. */
  allLibraries() {
    return inBatches((afterId, limit) => {
      let query = this.db.selectFrom('library as l').leftJoin('organisation as o', 'o.id', 'l.organisation_id').selectAll('l').select(['o.slug as organisation_slug', 'o.name as organisation_name'])
      if (afterId) query = query.where('l.id', '>', afterId)
      return query.orderBy('l.id').limit(limit).execute()
    })
  }

  /**
   * Replaces what one registry account publishes (packages no longer listed are removed), tied to the
   * body whose forge account has the same name when there is one (`@etalab` → the `etalab` organisation).
   */
  async replaceAccountLibraries(account: string, ownerName: string, packages: readonly NewLibrary[], now: Date): Promise<void> {
    const owner = await this.db
      .selectFrom('source')
      .select('organisation_id')
      .where(sql<SqlBool>`lower(owner) = lower(${ownerName})`)
      .where('organisation_id', 'is not', null)
      .executeTakeFirst()
    const organisation_id = owner?.organisation_id ?? null
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('library').where('account', '=', account).execute()
      for (let i = 0; i < packages.length; i += 500) {
        const rows = packages.slice(i, i + 500).map((p) => ({ ...p, account, organisation_id, updated_at: now }))
        await trx
          .insertInto('library')
          .values(rows)
          .onConflict((oc) =>
            oc.columns(['ecosystem', 'name']).doUpdateSet((eb) => ({
              version: eb.ref('excluded.version'),
              description: eb.ref('excluded.description'),
              homepage: eb.ref('excluded.homepage'),
              repository_url: eb.ref('excluded.repository_url'),
              account: eb.ref('excluded.account'),
              organisation_id: eb.ref('excluded.organisation_id'),
              published_at: eb.ref('excluded.published_at'),
              updated_at: now,
            })),
          )
          .execute()
      }
    })
  }

  /** Libraries public bodies publish on package registries. */
  async publishedLibraries(options: { ecosystem?: string; limit: number; offset: number }) {
    let query = this.db.selectFrom('library as l').leftJoin('organisation as o', 'o.id', 'l.organisation_id')
    if (options.ecosystem) query = query.where('l.ecosystem', '=', options.ecosystem)
    const [items, total] = await Promise.all([
      query
        .selectAll('l')
        .select(['o.slug as organisation_slug', 'o.name as organisation_name'])
        .orderBy('l.ecosystem')
        .orderBy('l.name')
        .limit(options.limit)
        .offset(options.offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ])
    return { items, total: Number(total.n) }
  }

  async publishedLibrary(ecosystem: string, name: string) {
    return await this.db
      .selectFrom('library as l')
      .leftJoin('organisation as o', 'o.id', 'l.organisation_id')
      .selectAll('l')
      .select(['o.slug as organisation_slug', 'o.name as organisation_name'])
      .where('l.ecosystem', '=', ecosystem)
      .where('l.name', '=', name)
      .executeTakeFirst()
  }
}

/** A dependency with the repository that declares it: the open-data row. */
export interface DependencyExportRow extends DependencyRow {
  repository_id: string
  forge_host: string
  owner: string
  repository_name: string
}

export type NewLibrary = Pick<Insertable<LibraryTable>, 'ecosystem' | 'name' | 'version' | 'description' | 'homepage' | 'repository_url' | 'published_at'>

export type PublishedLibrary = Selectable<LibraryTable> & { organisation_slug: string | null; organisation_name: string | null }

export interface UsedLibrary {
  ecosystem: string
  name: string
  /** Listed repositories depending on it. */
  repositories: number
  /** Public bodies whose repositories depend on it. */
  organisations: number
}
