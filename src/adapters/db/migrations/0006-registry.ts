import { type Kysely, sql } from 'kysely'

// What the registry derives from the crawled facts, kept beside them so that search, facets and sorts
// read plain indexed columns: the licence that applies and whether the law authorises it, the reuse and
// compliance scores with their reasons, the README's opening words for search, the dependencies read from
// the manifests, and the libraries public bodies publish on package registries.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table repository
      add column readme_excerpt text,
      add column effective_licence text,
      add column licence_authorised boolean,
      add column reuse_score smallint not null default 0,
      add column reuse_reasons jsonb not null default '[]',
      add column compliance_score smallint,
      add column compliance jsonb,
      add column reused_by integer not null default 0,
      add column derived_at timestamptz;

    -- The README's words get a vector of their own: matched, but not ranked (ranking reads the small
    -- vector of name, topics and description only, so a search over thousands of matches stays fast).
    alter table repository add column readme_search tsvector generated always as (
      to_tsvector('french', socle_unaccent(coalesce(readme_excerpt, ''))) ||
      to_tsvector('english', socle_unaccent(coalesce(readme_excerpt, '')))
    ) stored;
    create index repository_readme_search on repository using gin(readme_search);

    create index repository_reuse on repository(reuse_score desc, id desc);
    create index repository_stars on repository(stars desc, id desc);
    create index repository_forks on repository(forks desc, id desc);
    create index repository_created on repository(created_on_forge desc nulls last, id desc);
    create index repository_first_seen on repository(first_seen_at desc, id desc);
    create index repository_language on repository(language);
    create index repository_effective_licence on repository(effective_licence);
    create index repository_parent on repository(parent_full_name) where parent_full_name is not null;

    create table dependency (
      repository_id uuid not null references repository(id) on delete cascade,
      ecosystem text not null,
      name text not null,
      version text,
      scope text not null check (scope in ('runtime', 'dev')),
      manifest text not null,
      primary key (repository_id, ecosystem, name)
    );
    create index dependency_library on dependency(ecosystem, name);

    create table library (
      id uuid primary key default gen_random_uuid(),
      ecosystem text not null,
      name text not null,
      version text,
      description text,
      homepage text,
      repository_url text,
      account text not null,
      organisation_id uuid references organisation(id) on delete set null,
      published_at timestamptz,
      updated_at timestamptz not null default now(),
      unique (ecosystem, name)
    );
  `.execute(db)
}
