import { type Kysely, sql } from 'kysely'

// The registry's search keeps the listed repositories (their facet attributes, sort keys and words)
// and the public bodies in each web process, as the catalogue does its software (migration 0019), so
// the same kind of counter tells a process its copy is stale: a one-row table bumped once per
// transaction that writes the listing or the bodies, at commit. It replaces migration 0017's
// sequence, which was bumped at each statement: a reader could take the new number while the
// writer had not committed yet, and keep counts of the old rows under it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger repository_listing_changed on repository_listing;
    drop function socle_bump_repository_listing_version();
    drop sequence repository_listing_version;

    create table registry_listing_version (
      single boolean primary key default true check (single),
      version bigint not null default 0
    );
    insert into registry_listing_version default values;
    create function socle_bump_registry_listing_version() returns trigger language plpgsql as $$
    begin
      -- Once per transaction: the row's xmin is ours when this transaction already bumped it.
      update registry_listing_version set version = version + 1 where xmin <> pg_current_xact_id()::xid;
      return null;
    end
    $$;
    create constraint trigger registry_listing_changed after insert or update or delete on repository_listing
      deferrable initially deferred for each row execute function socle_bump_registry_listing_version();
    create trigger registry_listing_truncated after truncate on repository_listing
      for each statement execute function socle_bump_registry_listing_version();
    create constraint trigger registry_bodies_changed after insert or update or delete on organisation
      deferrable initially deferred for each row execute function socle_bump_registry_listing_version();
    create trigger registry_bodies_truncated after truncate on organisation
      for each statement execute function socle_bump_registry_listing_version();
  `.execute(db)
}
