import { type Kysely, sql } from 'kysely'
import type { CrawledAccount, CrawledRepository, DetailFacts } from '../../../domain/registry/crawled.ts'
import type { DB } from '../schema.ts'
import type { SourceRecord } from './source-store.ts'

/** What the crawl knows of a repository it stored before. */
export interface StoredRepository {
  id: string
  forgeId: string
  pushedAt: string | null
  headCommit: string | null
  filesRead: boolean
}

/** What a crawl derived from a repository's files, stored with them. */
export interface RepositoryFiles {
  files: Record<string, string>
  publiccodeText: string | null
  publiccodeValid: boolean | null
  publiccodeErrors: unknown
  manifests: Record<string, string>
  detectedLicence: string | null
}

/** Facts some forges give only with a repository's files. */
export type ReadWithFiles = keyof DetailFacts

/** After this many complete listings without it, a repository is marked gone (its history is kept). */
export const MISSES_BEFORE_GONE = 3

/** The crawl's writes: repositories as read from a forge, their counters, and each source's state. */
export class CrawlStore {
  constructor(private readonly db: Kysely<DB>) {}

  async storedRepositories(sourceId: string): Promise<Map<string, StoredRepository>> {
    const rows = await this.db
      .selectFrom('repository')
      .select(['id', 'forge_id', 'pushed_at', 'head_commit', sql<boolean>`files_read_at is not null`.as('files_read')])
      .where('source_id', '=', sourceId)
      .where('forge_id', 'is not', null)
      .execute()
    return new Map(
      rows.map((r) => [r.forge_id!, { id: r.id, forgeId: r.forge_id!, pushedAt: r.pushed_at ? new Date(r.pushed_at).toISOString() : null, headCommit: r.head_commit, filesRead: r.files_read }]),
    )
  }

  /**
   * Inserts or updates one repository by its forge identity; files are written only when given, and
   * the facts named in `keep` (those the forge gives only with the files) keep their stored values.
   */
  async saveRepository(source: SourceRecord, repository: CrawledRepository, files: RepositoryFiles | undefined, now: Date, keep: readonly ReadWithFiles[] = []): Promise<void> {
    const read = (fact: ReadWithFiles) => !keep.includes(fact)
    const values = {
      forge: source.forge,
      forge_host: source.host,
      forge_id: repository.forgeId,
      owner: repository.owner,
      name: repository.name,
      url: repository.url,
      clone_url: repository.cloneUrl,
      description: repository.description,
      topics: repository.topics,
      homepage: repository.homepage,
      ...(read('language') ? { language: repository.language } : {}),
      ...(read('languages') ? { languages: JSON.stringify(repository.languages) } : {}),
      ...(read('licence') ? { licence: repository.licence } : {}),
      default_branch: repository.defaultBranch,
      stars: repository.stars,
      forks: repository.forks,
      watchers: repository.watchers,
      open_issues: repository.openIssues,
      archived: repository.archived,
      is_fork: repository.fork,
      parent_full_name: repository.parentFullName,
      is_template: repository.template,
      size_kb: repository.sizeKb,
      ...(read('latestRelease') ? { latest_release: repository.latestRelease ? JSON.stringify(repository.latestRelease) : null } : {}),
      head_commit: repository.headCommit,
      created_on_forge: repository.createdAt,
      pushed_at: repository.pushedAt,
      organisation_id: source.organisation_id,
      source_id: source.id,
      miss_count: 0,
      gone_at: null,
      last_crawled_at: now,
      updated_at: now,
      ...(files
        ? {
            files: JSON.stringify(files.files),
            publiccode_text: files.publiccodeText,
            publiccode_valid: files.publiccodeValid,
            publiccode_errors: files.publiccodeErrors === null ? null : JSON.stringify(files.publiccodeErrors),
            manifests: JSON.stringify(files.manifests),
            detected_licence: files.detectedLicence,
            files_read_at: now,
          }
        : {}),
    }
    // A name freed by a rename or a deletion may be taken by another repository: the old row gives way.
    await this.db
      .updateTable('repository')
      .set({ name: sql`name || '~' || coalesce(forge_id, id::text)`, gone_at: sql`coalesce(gone_at, ${now})` })
      .where('forge_host', '=', source.host)
      .where('owner', '=', repository.owner)
      .where('name', '=', repository.name)
      .where((eb) => eb.or([eb('forge_id', 'is', null), eb('forge_id', '!=', repository.forgeId)]))
      .execute()
    const updated = await this.db
      .updateTable('repository')
      .set(values)
      .where('forge_host', '=', source.host)
      .where('forge_id', '=', repository.forgeId)
      .returning('id')
      .executeTakeFirst()
    const id = updated?.id ?? (await this.db.insertInto('repository').values({ ...values, first_seen_at: now }).returning('id').executeTakeFirstOrThrow()).id
    await this.db
      .insertInto('repository_counter')
      .values({ repository_id: id, crawled_at: now, stars: repository.stars, forks: repository.forks, watchers: repository.watchers, open_issues: repository.openIssues })
      .onConflict((oc) => oc.doNothing())
      .execute()
  }

  /** After a complete listing: the repositories it did not list get one more miss, and are gone after a few. */
  async markMissing(sourceId: string, listedForgeIds: string[], now: Date): Promise<number> {
    let query = this.db
      .updateTable('repository')
      .set((eb) => ({ miss_count: eb('miss_count', '+', 1) }))
      .where('source_id', '=', sourceId)
      .where('gone_at', 'is', null)
    if (listedForgeIds.length > 0) query = query.where('forge_id', 'not in', listedForgeIds)
    const missing = await query.returning(['id', 'miss_count']).execute()
    const gone = missing.filter((r) => r.miss_count >= MISSES_BEFORE_GONE).map((r) => r.id)
    if (gone.length) await this.db.updateTable('repository').set({ gone_at: now }).where('id', 'in', gone).execute()
    return gone.length
  }

  async sourceSucceeded(source: SourceRecord, account: CrawledAccount, total: number | null, now: Date): Promise<void> {
    await this.db
      .updateTable('source')
      .set({
        account_type: account.type,
        name: account.name,
        description: account.description,
        avatar_url: account.avatarUrl,
        website: account.website,
        email: account.email,
        location: account.location,
        created_on_forge: account.createdAt,
        repository_count: total,
        status: 'ok',
        last_error: null,
        error_count: 0,
        last_crawled_at: now,
        updated_at: now,
      })
      .where('id', '=', source.id)
      .execute()
  }

  /** A failed crawl keeps every repository as it was: only the source says what went wrong. */
  async sourceFailed(source: SourceRecord, error: string, gone: boolean, now: Date): Promise<void> {
    await this.db
      .updateTable('source')
      .set((eb) => ({
        status: gone ? 'gone' : 'stale',
        last_error: error.slice(0, 1000),
        error_count: eb('error_count', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', source.id)
      .execute()
  }
}
