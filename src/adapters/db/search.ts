import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely'

/**
 * Full-text search shared by every searchable table: a `search` tsvector column (built by the
 * migrations with unaccent and the simple, French and English configurations) and a trigram index
 * on the unaccented lower-case name for typos.
 *
 * User text goes through websearch_to_tsquery, which never fails on syntax: quotes, `-`, `or` and any
 * stray punctuation are read as a search engine would, never as tsquery operators.
 */
export interface TextQuery {
  /** The tsquery matching in any of the three configurations. */
  query: RawBuilder<unknown>
  /** The user's text, unaccented and lower-cased, for trigram similarity. */
  plain: RawBuilder<string>
}

export function textQuery(text: string): TextQuery {
  const q = text.slice(0, 200)
  return {
    query: sql`(websearch_to_tsquery('simple', socle_unaccent(${q})) || websearch_to_tsquery('french', socle_unaccent(${q})) || websearch_to_tsquery('english', socle_unaccent(${q})))`,
    plain: sql<string>`socle_unaccent(lower(${q}))`,
  }
}

/**
 * Rows whose text matches, or whose name is close enough to the query to be a typo of it. `plainName`
 * is the name unaccented and lower-cased, as its trigram index holds it (a stored column where there is one).
 */
export function matchesText(search: Expression<unknown>, plainName: Expression<string>, q: TextQuery): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${search} @@ ${q.query} or ${plainName} % ${q.plain})`
}

/** Relevance: text rank, plus name similarity so that a near-exact name comes first. */
export function relevance(search: Expression<unknown>, plainName: Expression<string>, q: TextQuery): RawBuilder<number> {
  return sql<number>`(ts_rank(${search}, ${q.query}) + similarity(${plainName}, ${q.plain}))`
}
