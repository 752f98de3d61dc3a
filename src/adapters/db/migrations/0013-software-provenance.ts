import { type Kysely, sql } from 'kysely'

// Where each field of a software came from, and what the enrichment jobs (Wikidata, Comptoir du Libre,
// Socle's own registry) store beside the fields they fill:
// - field_sources: by field name, the source of its value (manual, sill, wikidata, comptoir,
//   registry). A field absent from it holds a value written before sources were recorded: the SILL's
//   on a row the SILL owns, a person's otherwise (see src/domain/catalogue/provenance.ts).
// - developers: the developers' names, as Wikidata states them.
// - service_providers: the companies Comptoir du Libre lists for it ([{ name, url, website }]);
//   comptoir_url and comptoir_user_count: its page there and how many users declare it.
// - repository_pushed_at: the last push to its repository, as the registry crawled it.
// - enrichment: by source, when it last looked at this software and what failed
//   ({ "wikidata": { "checkedAt": "…", "error": "…" } }); enriched_at: the last time a source
//   answered for it. A failure never clears what an earlier run stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table software
      add column field_sources jsonb not null default '{}',
      add column developers text[] not null default '{}',
      add column service_providers jsonb not null default '[]',
      add column comptoir_url text,
      add column comptoir_user_count integer,
      add column repository_pushed_at timestamptz,
      add column enrichment jsonb not null default '{}',
      add column enriched_at timestamptz;
    create index software_comptoir on software(comptoir_du_libre_id) where comptoir_du_libre_id is not null;
  `.execute(db)
}
