import { type Kysely, sql } from 'kysely'

// A crawl pass (of every source, or of one) as the administration page shows it. Which of its sources
// are done or failed is read from the sources themselves (their last crawl and error are dated), so
// that retries and several workers never count a source twice; what only the workers know, the
// requests they spent, is added here as each source's job ends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table crawl_pass (
      id uuid primary key default gen_random_uuid(),
      full_crawl boolean not null,
      source_id uuid references source(id) on delete cascade,
      source_count integer not null,
      requests integer not null default 0,
      started_at timestamptz not null default now(),
      last_progress_at timestamptz
    );
    create index crawl_pass_started on crawl_pass(started_at desc);
  `.execute(db)
}
