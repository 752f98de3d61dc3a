import { type Kysely, sql } from 'kysely'

// The catalogue's search without text reads every published software for its facet counts and pages:
// - software_catalogue, a narrow index of the columns the facets, filters and sorts read, so that
//   PostgreSQL counts from the index alone (the rows also carry descriptions and the search vector,
//   and the declaration counts' triggers leave many dead versions behind), in name order for the
//   default sort's pages;
// - software_licence: the catalogue's distinct licences (the licence facets' classes) from an index;
// - software_user_organisation: the software an organisation uses ("used by my organisation"),
//   matched without accents or case;
// - no parallel workers on software: starting them costs more than reading a few thousand narrow
//   index entries, and a loaded machine makes them wait.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index software_catalogue on software (lower(name), id) include (
      name, status, categories, licence, platforms, os, support_market, referent_count, public_instance_count,
      user_count, sill_years, updated_at, latest_release_on
    ) where moderation = 'accepted';
    create index software_licence on software (licence);
    create index software_user_organisation on software_user (socle_unaccent(lower(organisation)), software_id);
    alter table software set (parallel_workers = 0);
  `.execute(db)
}
