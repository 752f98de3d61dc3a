import { type Kysely, sql } from 'kysely'

// What the catalogue needs beyond the foundation's software row, starting with the SILL:
// - on software, the facts the SILL records about each entry. A non-null sill_id marks a row whose
//   SILL fields an import of the SILL owns (it rewrites them at every import; see import-sill.ts).
//   Dereferencing keeps its day, reason and last recommended version, as the SILL publishes them.
// - software_similar: "similar to" links between catalogue entries, as the source states them
//   (directed); `source` tells an import's links from those that later features will add.
// - software_change: the catalogue's change log (entries added, removed, updated), kept even when
//   the software is not, or no longer, in the catalogue (software_id null, software_name kept).
//   entry_key identifies an entry within its source and day, so that importing a log again adds
//   nothing; an md5 keeps the unique index small whatever the length of the comment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table software
      add column sill_id text unique,
      add column function text,
      add column licence_text text,
      add column min_version text,
      add column max_version text,
      add column sill_years integer[] not null default '{}',
      add column sill_group text,
      add column support_market boolean,
      add column from_public_service boolean,
      add column comptoir_du_libre_id integer,
      add column framalibre_slug text,
      add column catalogue_numerique_url text,
      add column usage_context text,
      add column parent_id uuid references software(id) on delete set null,
      add column referenced_on date,
      add column dereferenced_on date,
      add column dereferenced_reason text,
      add column last_recommended_version text,
      add constraint software_not_own_parent check (parent_id <> id);
    create index software_parent on software(parent_id);

    create table software_similar (
      software_id uuid not null references software(id) on delete cascade,
      similar_id uuid not null references software(id) on delete cascade,
      source text not null,
      created_at timestamptz not null default now(),
      primary key (software_id, similar_id),
      check (software_id <> similar_id)
    );
    create index software_similar_similar on software_similar(similar_id);

    create table software_change (
      id uuid primary key default gen_random_uuid(),
      software_id uuid references software(id) on delete set null,
      software_name text not null,
      kind text not null check (kind in ('added', 'removed', 'updated')),
      version text,
      comment text,
      occurred_on date not null,
      source text not null,
      entry_key text generated always as (
        md5(kind || chr(31) || software_name || chr(31) || coalesce(version, '') || chr(31) || coalesce(comment, ''))
      ) stored,
      created_at timestamptz not null default now(),
      unique (source, occurred_on, entry_key)
    );
    create index software_change_software on software_change(software_id, occurred_on desc);
    create index software_change_occurred on software_change(occurred_on desc);
  `.execute(db)
}
