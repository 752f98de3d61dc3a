import { type Kysely, sql } from 'kysely'

// The catalogue's search keeps the published software's facet attributes in each web process (a few
// hundred bytes a software) and filters, counts and sorts them there; the database answers the text
// matches. Two things make that cheap and correct:
// - name_plain: the unaccented lower-case name, stored, so that typo matches and name similarity
//   do not run unaccent on every matched row (slow in PGlite's WebAssembly);
// - software_listing_version: a counter bumped by every transaction that writes software, read by
//   each request, so that a process knows its copy is stale. It is a row, not a sequence, and it is
//   bumped at commit (a deferred constraint trigger): a reader that sees the new number sees the
//   committed rows with it, never a number ahead of the data. Bumped last, at commit, the row is
//   locked only while the writer commits, so writers of different software cannot deadlock on it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table software add column name_plain text generated always as (socle_unaccent(lower(name))) stored;
    drop index software_name_trgm;
    create index software_name_trgm on software using gin(name_plain gin_trgm_ops);

    create table software_listing_version (
      single boolean primary key default true check (single),
      version bigint not null default 0
    );
    insert into software_listing_version default values;
    create function socle_bump_software_listing_version() returns trigger language plpgsql as $$
    begin
      -- Once per transaction: the row's xmin is ours when this transaction already bumped it.
      update software_listing_version set version = version + 1 where xmin <> pg_current_xact_id()::xid;
      return null;
    end
    $$;
    create constraint trigger software_listing_changed after insert or update or delete on software
      deferrable initially deferred for each row execute function socle_bump_software_listing_version();
    create trigger software_listing_truncated after truncate on software
      for each statement execute function socle_bump_software_listing_version();
  `.execute(db)
}
