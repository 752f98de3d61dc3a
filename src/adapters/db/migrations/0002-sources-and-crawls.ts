import { type Kysely, sql } from 'kysely'

// What the crawler needs: the accounts to crawl (sources), everything read of each repository, the
// counters' history, and resumable progress. Files of a repository are kept as text capped in size by
// the crawler; a failed fetch never overwrites them (the crawler writes only what it read).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table source (
      id uuid primary key default gen_random_uuid(),
      url text not null unique,
      forge text not null check (forge in ('github', 'gitlab', 'gitea', 'git')),
      host text not null,
      api_url text not null,
      owner text not null,
      organisation_id uuid references organisation(id) on delete set null,
      account_type text,
      name text,
      description text,
      avatar_url text,
      website text,
      email text,
      location text,
      created_on_forge timestamptz,
      repository_count integer,
      status text not null default 'new' check (status in ('new', 'ok', 'stale', 'gone')),
      last_error text,
      error_count integer not null default 0,
      etag text,
      progress jsonb,
      last_crawled_at timestamptz,
      next_crawl_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index source_organisation on source(organisation_id);
    create index source_next_crawl on source(next_crawl_at nulls first);

    alter table repository
      add column source_id uuid references source(id) on delete set null,
      add column forge_id text,
      add column clone_url text,
      add column languages jsonb not null default '{}',
      add column watchers integer not null default 0,
      add column size_kb integer,
      add column parent_full_name text,
      add column latest_release jsonb,
      add column head_commit text,
      add column files jsonb not null default '{}',
      add column publiccode_text text,
      add column publiccode_valid boolean,
      add column publiccode_errors jsonb,
      add column manifests jsonb not null default '{}',
      add column detected_licence text,
      add column miss_count integer not null default 0,
      add column gone_at timestamptz,
      add column last_crawled_at timestamptz;
    create index repository_source on repository(source_id);

    create table repository_counter (
      repository_id uuid not null references repository(id) on delete cascade,
      crawled_at timestamptz not null default now(),
      stars integer not null,
      forks integer not null,
      watchers integer not null,
      open_issues integer not null,
      primary key (repository_id, crawled_at)
    );
  `.execute(db)
}
