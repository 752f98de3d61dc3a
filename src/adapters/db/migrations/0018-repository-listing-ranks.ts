import { type Kysely, sql } from 'kysely'

// What ranking a search by relevance needs, stored in the repository listing so that a word found in
// thousands of repositories is ranked without computing anything costly for each of them:
// - name_plain, the name unaccented and lower-cased: compared with the words for an exact name, and
//   the typo search's trigram index. socle_unaccent costs microseconds a call (much more in PGlite's
//   WebAssembly), so it is computed once, when the repository is written, not for every match read;
// - name_words and topic_words, the name's and the topics' entries of the search vector (its weights A
//   and B): whether the words are in the name, or in the topics, is then a match against a few
//   entries, where ts_rank would weigh every occurrence of every word.
//
// The listing is filled again from the repositories rather than updated in place (an update would
// leave a dead copy of every row, which PGlite, without autovacuum, would keep reading), and its text
// indexes built anew after it. They are kept without a pending list (fastupdate off): a GIN index adds
// new entries to a list that every search reads through and only VACUUM merges, and PGlite never
// vacuums — its searches slowed down with every crawl, and its planner, seeing a costly index, read
// the whole table instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table repository_listing add column name_plain text, add column name_words tsvector, add column topic_words tsvector;

    create or replace function socle_list_repository() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        return null; -- the listing's row goes with the repository (on delete cascade)
      end if;
      if new.gone_at is not null then
        delete from repository_listing where id = new.id;
        return null;
      end if;
      insert into repository_listing (id, organisation_id, source_id, name, forge, language, effective_licence,
        licence_authorised, publiccode_valid, compliance_score, pushed_at, created_on_forge, first_seen_at, archived,
        is_fork, is_template, reuse_score, stars, forks, search, name_plain, name_words, topic_words)
      values (
        new.id, new.organisation_id, new.source_id, new.name, new.forge, new.language, new.effective_licence,
        new.licence_authorised, new.publiccode_valid, new.compliance_score, new.pushed_at, new.created_on_forge,
        new.first_seen_at, new.archived, new.is_fork, new.is_template, new.reuse_score, new.stars, new.forks, new.search,
        socle_unaccent(lower(new.name)), ts_filter(new.search, '{a}'), ts_filter(new.search, '{b}'))
      on conflict (id) do update set
        organisation_id = excluded.organisation_id, source_id = excluded.source_id, name = excluded.name,
        forge = excluded.forge, language = excluded.language, effective_licence = excluded.effective_licence,
        licence_authorised = excluded.licence_authorised, publiccode_valid = excluded.publiccode_valid,
        compliance_score = excluded.compliance_score, pushed_at = excluded.pushed_at,
        created_on_forge = excluded.created_on_forge, first_seen_at = excluded.first_seen_at,
        archived = excluded.archived, is_fork = excluded.is_fork, is_template = excluded.is_template,
        reuse_score = excluded.reuse_score, stars = excluded.stars, forks = excluded.forks, search = excluded.search,
        name_plain = excluded.name_plain, name_words = excluded.name_words, topic_words = excluded.topic_words;
      return null;
    end
    $$;

    drop index repository_listing_name_trgm;
    drop index repository_listing_search;
    truncate repository_listing;
    insert into repository_listing (id, organisation_id, source_id, name, forge, language, effective_licence,
        licence_authorised, publiccode_valid, compliance_score, pushed_at, created_on_forge, first_seen_at, archived,
        is_fork, is_template, reuse_score, stars, forks, search, name_plain, name_words, topic_words)
      select id, organisation_id, source_id, name, forge, language, effective_licence, licence_authorised,
        publiccode_valid, compliance_score, pushed_at, created_on_forge, first_seen_at, archived, is_fork,
        is_template, reuse_score, stars, forks, search, socle_unaccent(lower(name)), ts_filter(search, '{a}'), ts_filter(search, '{b}')
      from repository where gone_at is null;
    alter table repository_listing alter column name_plain set not null, alter column name_words set not null, alter column topic_words set not null;
    create index repository_listing_search on repository_listing using gin(search) with (fastupdate = off);
    create index repository_listing_name_plain_trgm on repository_listing using gin(name_plain gin_trgm_ops) with (fastupdate = off);

    -- PGlite never analyses on its own: without statistics its planner guesses every estimate.
    analyze repository_listing;
  `.execute(db)
}
