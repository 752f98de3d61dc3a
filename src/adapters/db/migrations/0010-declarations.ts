import { type Kysely, sql } from 'kysely'

// What agents declare about a software, and what the catalogue's facets and sorts read of it:
// - software_user: an organisation uses it (use case, version, OS, the URL of the service it runs);
// - software_referent: an agent vouches for it, as an expert or not;
// - software_instance: an organisation runs it for an audience, at an address, publicly or not.
// agent_id is who declared it (null for declarations imported from elsewhere). When an agent deletes
// their account, what their organisation uses or runs stays (it names no one), and being a referent,
// which is personal, goes with them.
//
// On software: the platforms (web, desktop, mobile) and operating systems it runs on, the day of its
// latest release, and the number of users, referents and public instances, so that the catalogue's
// facets and sorts read plain columns of one table instead of counting 50,000 declarations at every
// search. Triggers keep the counts, whoever writes (a store, a cascade from a deleted agent, a bulk
// load): once per statement, for the software it touched.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table software
      add column platforms text[] not null default '{}',
      add column os text[] not null default '{}',
      add column latest_release_on date,
      add column user_count integer not null default 0,
      add column referent_count integer not null default 0,
      add column public_instance_count integer not null default 0,
      add constraint software_platforms_known check (platforms <@ array['web', 'desktop', 'mobile']),
      add constraint software_os_known check (os <@ array['windows', 'linux', 'macos', 'android', 'ios']);

    create table software_user (
      id uuid primary key default gen_random_uuid(),
      software_id uuid not null references software(id) on delete cascade,
      agent_id uuid references agent(id) on delete set null,
      organisation text not null check (length(organisation) between 1 and 300),
      use_case text,
      version text,
      os text,
      service_url text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid references agent(id) on delete set null
    );
    create index software_user_software on software_user(software_id);
    create index software_user_agent on software_user(agent_id);

    create table software_referent (
      id uuid primary key default gen_random_uuid(),
      software_id uuid not null references software(id) on delete cascade,
      agent_id uuid references agent(id) on delete cascade,
      is_expert boolean not null default false,
      use_case text,
      service_url text,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid references agent(id) on delete set null
    );
    create index software_referent_software on software_referent(software_id);
    create unique index software_referent_once on software_referent(software_id, agent_id);
    create index software_referent_agent on software_referent(agent_id);

    create table software_instance (
      id uuid primary key default gen_random_uuid(),
      software_id uuid not null references software(id) on delete cascade,
      agent_id uuid references agent(id) on delete set null,
      organisation text not null check (length(organisation) between 1 and 300),
      audience text,
      url text,
      is_public boolean not null default false,
      is_demo boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by uuid references agent(id) on delete set null
    );
    create index software_instance_software on software_instance(software_id);
    create index software_instance_agent on software_instance(agent_id);

    create function socle_count_declarations() returns trigger language plpgsql as $$
    declare
      touched uuid[];
    begin
      if tg_op = 'INSERT' then
        touched := array(select distinct software_id from new_rows);
      elsif tg_op = 'DELETE' then
        touched := array(select distinct software_id from old_rows);
      else
        touched := array(select software_id from new_rows union select software_id from old_rows);
      end if;
      update software s set
        user_count = (select count(*) from software_user u where u.software_id = s.id),
        referent_count = (select count(*) from software_referent r where r.software_id = s.id),
        public_instance_count = (select count(*) from software_instance i where i.software_id = s.id and i.is_public)
      where s.id = any(touched);
      return null;
    end
    $$;
  `.execute(db)
  for (const table of ['software_user', 'software_referent', 'software_instance']) {
    await sql`
      create trigger ${sql.raw(`${table}_count_insert`)} after insert on ${sql.table(table)}
        referencing new table as new_rows for each statement execute function socle_count_declarations();
      create trigger ${sql.raw(`${table}_count_update`)} after update on ${sql.table(table)}
        referencing old table as old_rows new table as new_rows for each statement execute function socle_count_declarations();
      create trigger ${sql.raw(`${table}_count_delete`)} after delete on ${sql.table(table)}
        referencing old table as old_rows for each statement execute function socle_count_declarations();
    `.execute(db)
  }
}
