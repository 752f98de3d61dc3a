import { type Kysely, sql } from 'kysely'

// A number that changes whenever the repository listing does (every statement that writes it), so that
// what is computed from the whole listing — the facet counts of the registry's first page, say — can be
// kept between requests and known stale at the cost of reading one sequence. A sequence, not a table
// row: bumping it never waits on another writer, and it is not rolled back (a stale-looking version
// only costs a recount).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create sequence repository_listing_version;
    create function socle_bump_repository_listing_version() returns trigger language plpgsql as $$
    begin
      perform nextval('repository_listing_version');
      return null;
    end
    $$;
    create trigger repository_listing_changed after insert or update or delete or truncate on repository_listing
      for each statement execute function socle_bump_repository_listing_version();
  `.execute(db)
}
