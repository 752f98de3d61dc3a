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

/** A crawl pass as the administration page shows it: its sources done, failed and left, from the sources' own dates. */
export interface CrawlPassProgress {
  id: string
  full: boolean
  /** The one source crawled, when the pass is a recrawl of one. */
  sourceUrl: string | null
  sources: number
  done: number
  failed: number
  repositoriesStored: number
  requests: number
  startedAt: Date
  lastProgressAt: Date | null
}

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

  /** Records the start of a pass over every source, or over one; answers its id, which the sources' jobs carry. */
  async startPass(pass: { full: boolean; sourceId: string | null; sourceCount: number }, now: Date): Promise<string> {
    const row = await this.db
      .insertInto('crawl_pass')
      .values({ full_crawl: pass.full, source_id: pass.sourceId, source_count: pass.sourceCount, started_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  /** A source's job of the pass ended (crawled or failed), having sent `requests` requests. */
  async passProgressed(passId: string, requests: number, now: Date): Promise<void> {
    await this.db
      .updateTable('crawl_pass')
      .set((eb) => ({ requests: eb('requests', '+', requests), last_progress_at: now }))
      .where('id', '=', passId)
      .execute()
  }

  /**
   * The latest pass and how far it went. A source is done once crawled since the pass started, failed
   * once marked stale or gone since then without a later success: retries and several workers never
   * count it twice.
   */
  async latestPass(): Promise<CrawlPassProgress | undefined> {
    const pass = await this.db
      .selectFrom('crawl_pass')
      .leftJoin('source', 'source.id', 'crawl_pass.source_id')
      .select(['crawl_pass.id', 'crawl_pass.full_crawl', 'crawl_pass.source_id', 'crawl_pass.source_count', 'crawl_pass.requests', 'crawl_pass.started_at', 'crawl_pass.last_progress_at', 'source.url'])
      .orderBy('crawl_pass.started_at', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (!pass) return undefined
    const since = pass.started_at
    const [sources, repositories] = await Promise.all([
      this.db
        .selectFrom('source')
        .select([
          sql<string>`count(*) filter (where last_crawled_at >= ${since})`.as('done'),
          sql<string>`count(*) filter (where status in ('stale', 'gone') and updated_at >= ${since} and (last_crawled_at is null or last_crawled_at < ${since}))`.as('failed'),
        ])
        .$if(pass.source_id !== null, (q) => q.where('id', '=', pass.source_id!))
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('repository')
        .select(sql<string>`count(*)`.as('stored'))
        .where('last_crawled_at', '>=', since)
        .$if(pass.source_id !== null, (q) => q.where('source_id', '=', pass.source_id!))
        .executeTakeFirstOrThrow(),
    ])
    return {
      id: pass.id,
      full: pass.full_crawl,
      sourceUrl: pass.url,
      sources: pass.source_count,
      done: Number(sources.done),
      failed: Number(sources.failed),
      repositoriesStored: Number(repositories.stored),
      requests: pass.requests,
      startedAt: new Date(pass.started_at),
      lastProgressAt: pass.last_progress_at ? new Date(pass.last_progress_at) : null,
    }
  }
}
