import { type Kysely, sql } from 'kysely'

// The facet counts and totals of the repository search read every listed repository: a narrow index of
// the columns they group on lets PostgreSQL count from the index alone, instead of reading rows that
// also carry the README's words and the scores' reasons.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index repository_facets on repository (
      organisation_id, forge, language, effective_licence, licence_authorised, publiccode_valid, compliance_score, pushed_at, archived, is_fork, is_template
    ) where gone_at is null
  `.execute(db)
}
