import { type Kysely, sql } from 'kysely'

// What the catalogue's staff need:
// - on software, its moderation: a software an agent adds waits (pending) until a moderator accepts
//   or rejects it (with a reason); only accepted software is public (catalogue, API, exports). Rows
//   that existed before, imports and the demo are accepted. submitted_by is who added it.
//   custom_attributes holds the values of the deployment's extra attributes, by key.
// - custom_attribute: the extra attributes a deployment defines (as catalogi's custom attributes):
//   a key, labels, and a kind that says how values are read and shown.
// - software_slug_alias: the addresses of software merged into another, so that they keep working
//   (a redirect to the one kept). An alias never shadows a live slug: merging deletes the old row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table software
      add column moderation text not null default 'accepted' check (moderation in ('pending', 'accepted', 'rejected')),
      add column submitted_by uuid references agent(id) on delete set null,
      add column moderated_by uuid references agent(id) on delete set null,
      add column moderated_at timestamptz,
      add column rejection_reason text,
      add column custom_attributes jsonb not null default '{}';
    create index software_awaiting_moderation on software(created_at) where moderation <> 'accepted';
    create index software_submitted_by on software(submitted_by) where submitted_by is not null;

    create table custom_attribute (
      key text primary key check (key ~ '^[a-z][a-z0-9_]{0,49}$'),
      label_fr text not null check (length(label_fr) between 1 and 200),
      label_en text not null check (length(label_en) between 1 and 200),
      kind text not null check (kind in ('boolean', 'text', 'url')),
      position integer not null default 0,
      created_at timestamptz not null default now()
    );

    create table software_slug_alias (
      slug text primary key,
      software_id uuid not null references software(id) on delete cascade,
      created_at timestamptz not null default now()
    );
    create index software_slug_alias_software on software_slug_alias(software_id);
  `.execute(db)
}
