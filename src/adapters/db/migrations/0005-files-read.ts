import { type Kysely, sql } from 'kysely'

// When the crawl last read a repository's root files: a repository with none of the files Socle reads
// has empty `files`, and must not be taken for one never read (and re-read at every crawl).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table repository add column files_read_at timestamptz`.execute(db)
}
