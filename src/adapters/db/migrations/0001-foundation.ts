import { type Kysely, sql } from 'kysely'

// Full-text search is PostgreSQL's own: accent-insensitive through unaccent, typo-tolerant through
// pg_trgm. unaccent() is only STABLE (its dictionary could change), so an IMMUTABLE wrapper with the
// dictionary named explicitly lets generated tsvector columns and indexes use it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create extension if not exists unaccent;
    create extension if not exists pg_trgm;

    create or replace function socle_unaccent(text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

    create or replace function socle_words(text[]) returns text
      language sql immutable parallel safe
      as $$ select coalesce(array_to_string($1, ' '), '') $$;

    create table organisation (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      acronym text,
      kind text not null default 'other',
      parent_id uuid references organisation(id) on delete set null,
      siren text,
      website text,
      description text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index organisation_parent on organisation(parent_id);

    create table software (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique,
      name text not null,
      description_fr text not null default '',
      description_en text not null default '',
      licence text,
      website text,
      documentation_url text,
      repository_url text,
      logo_url text,
      wikidata_id text unique,
      categories text[] not null default '{}',
      keywords text[] not null default '{}',
      status text not null default 'recommended'
        check (status in ('recommended', 'observation', 'dereferenced')),
      latest_version text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      version integer not null default 1,
      search tsvector generated always as (
        setweight(to_tsvector('simple', socle_unaccent(name)), 'A') ||
        setweight(to_tsvector('simple', socle_unaccent(socle_words(keywords))), 'B') ||
        setweight(to_tsvector('french', socle_unaccent(description_fr)), 'C') ||
        setweight(to_tsvector('english', socle_unaccent(description_en)), 'C')
      ) stored
    );
    create index software_search on software using gin(search);
    create index software_name_trgm on software using gin(socle_unaccent(lower(name)) gin_trgm_ops);

    create table repository (
      id uuid primary key default gen_random_uuid(),
      forge text not null,
      forge_host text not null,
      owner text not null,
      name text not null,
      url text not null,
      description text,
      topics text[] not null default '{}',
      homepage text,
      language text,
      licence text,
      default_branch text,
      stars integer not null default 0,
      forks integer not null default 0,
      open_issues integer not null default 0,
      archived boolean not null default false,
      is_fork boolean not null default false,
      is_template boolean not null default false,
      created_on_forge timestamptz,
      pushed_at timestamptz,
      organisation_id uuid references organisation(id) on delete set null,
      is_demo boolean not null default false,
      first_seen_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      search tsvector generated always as (
        setweight(to_tsvector('simple', socle_unaccent(name)), 'A') ||
        setweight(to_tsvector('simple', socle_unaccent(socle_words(topics))), 'B') ||
        setweight(to_tsvector('french', socle_unaccent(coalesce(description, ''))), 'C') ||
        setweight(to_tsvector('english', socle_unaccent(coalesce(description, ''))), 'C')
      ) stored,
      unique (forge_host, owner, name)
    );
    create index repository_search on repository using gin(search);
    create index repository_name_trgm on repository using gin(socle_unaccent(lower(name)) gin_trgm_ops);
    create index repository_organisation on repository(organisation_id);
    create index repository_pushed on repository(pushed_at desc nulls last);

    create table setting (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    );

    create table job_execution (
      id bigserial primary key,
      job_id text not null unique,
      queue text not null,
      worker text not null,
      executed_at timestamptz not null default now()
    );
  `.execute(db)
}
