import { type Kysely, sql } from 'kysely'

// What the repository search, its facets and its sorts read: a narrow copy of every listed (not gone)
// repository, with only the columns they filter, group, sort and match on. A repository row carries
// its README, its files' facts and its scores' reasons (about 2 KB in the heap, more in TOAST), so a
// search matching thousands of rows read hundreds of megabytes' worth of pages; the listing holds
// about 300 bytes a row and stays in memory. A trigger keeps it, whoever writes the repository (the
// crawl, the derivation of facts, a test): inserted or updated with it, removed when it is gone.
//
// The README's words stay on the repository (repository_readme_search): the store reads them only to
// widen a search that names, descriptions and topics answer with few results.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table repository_listing (
      id uuid primary key references repository(id) on delete cascade,
      organisation_id uuid,
      source_id uuid,
      name text not null,
      forge text not null,
      language text,
      effective_licence text,
      licence_authorised boolean,
      publiccode_valid boolean,
      compliance_score smallint,
      pushed_at timestamptz,
      created_on_forge timestamptz,
      first_seen_at timestamptz,
      archived boolean not null,
      is_fork boolean not null,
      is_template boolean not null,
      reuse_score smallint not null,
      stars integer not null,
      forks integer not null,
      search tsvector not null
    );

    create function socle_list_repository() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        return null; -- the listing's row goes with the repository (on delete cascade)
      end if;
      if new.gone_at is not null then
        delete from repository_listing where id = new.id;
        return null;
      end if;
      insert into repository_listing values (
        new.id, new.organisation_id, new.source_id, new.name, new.forge, new.language, new.effective_licence,
        new.licence_authorised, new.publiccode_valid, new.compliance_score, new.pushed_at, new.created_on_forge,
        new.first_seen_at, new.archived, new.is_fork, new.is_template, new.reuse_score, new.stars, new.forks, new.search)
      on conflict (id) do update set
        organisation_id = excluded.organisation_id, source_id = excluded.source_id, name = excluded.name,
        forge = excluded.forge, language = excluded.language, effective_licence = excluded.effective_licence,
        licence_authorised = excluded.licence_authorised, publiccode_valid = excluded.publiccode_valid,
        compliance_score = excluded.compliance_score, pushed_at = excluded.pushed_at,
        created_on_forge = excluded.created_on_forge, first_seen_at = excluded.first_seen_at,
        archived = excluded.archived, is_fork = excluded.is_fork, is_template = excluded.is_template,
        reuse_score = excluded.reuse_score, stars = excluded.stars, forks = excluded.forks, search = excluded.search;
      return null;
    end
    $$;
    create trigger repository_listed after insert or update on repository
      for each row execute function socle_list_repository();

    insert into repository_listing
      select id, organisation_id, source_id, name, forge, language, effective_licence, licence_authorised,
        publiccode_valid, compliance_score, pushed_at, created_on_forge, first_seen_at, archived, is_fork,
        is_template, reuse_score, stars, forks, search
      from repository where gone_at is null;

    create index repository_listing_search on repository_listing using gin(search);
    create index repository_listing_name_trgm on repository_listing using gin(socle_unaccent(lower(name)) gin_trgm_ops);
    create index repository_listing_organisation on repository_listing(organisation_id, coalesce(pushed_at, '-infinity'::timestamptz) desc, id desc);
    create index repository_listing_source on repository_listing(source_id, coalesce(pushed_at, '-infinity'::timestamptz) desc, id desc);
    create index repository_listing_reuse on repository_listing(reuse_score desc, id desc);
    create index repository_listing_stars on repository_listing(stars desc, id desc);
    create index repository_listing_forks on repository_listing(forks desc, id desc);
    create index repository_listing_pushed on repository_listing(coalesce(pushed_at, '-infinity'::timestamptz) desc, id desc);
    create index repository_listing_created on repository_listing(coalesce(created_on_forge, '-infinity'::timestamptz) desc, id desc);
    create index repository_listing_name on repository_listing(lower(name), id);

    -- Superseded by the listing's: the repository's own search indexes would only cost writes now.
    drop index repository_search;
    drop index repository_name_trgm;
    drop index repository_facets;
  `.execute(db)
}
