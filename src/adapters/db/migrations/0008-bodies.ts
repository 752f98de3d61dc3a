import { type Kysely, sql } from 'kysely'

// The pages of a public body and of an account list their repositories most recently pushed first, in
// the key RepositoryStore sorts by: one index each, so a body with thousands of repositories reads one
// page without sorting them all.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index repository_organisation_pushed on repository(organisation_id, (coalesce(pushed_at, '-infinity'::timestamptz)) desc, id desc);
    create index repository_source_pushed on repository(source_id, (coalesce(pushed_at, '-infinity'::timestamptz)) desc, id desc);
  `.execute(db)
}
