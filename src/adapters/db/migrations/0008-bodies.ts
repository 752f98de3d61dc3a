import { type Kysely, sql } from 'kysely'

// The pages of a public body and of an account list their repositories most recently pushed first, in
// the key RepositoryStore sorts by, and the list of bodies counts each one's repositories: one index
// each, over the repositories still on their forge (as every list reads them), so a body's page reads
// one page of rows without sorting them all and the counts come from the index alone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index repository_organisation_pushed on repository(organisation_id, (coalesce(pushed_at, '-infinity'::timestamptz)) desc, id desc) where gone_at is null;
    create index repository_source_pushed on repository(source_id, (coalesce(pushed_at, '-infinity'::timestamptz)) desc, id desc) where gone_at is null;
  `.execute(db)
}
