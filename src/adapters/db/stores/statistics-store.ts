import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import { isAuthorised } from '../../../domain/licences/index.ts'
import type { DB } from '../schema.ts'

export interface Tally {
  key: string
  count: number
}

export interface LicenceTally extends Tally {
  authorised: boolean
}

/** What a set of repositories looks like: the whole registry, a body's or an account's. */
export interface RepositoryProfile {
  repositories: number
  archived: number
  pushedLast30Days: number
  pushedLast365Days: number
  publiccode: { present: number; valid: number }
  /** The most used languages, most used first. */
  languages: Tally[]
  /** Repositories whose language is not among `languages` (or unknown). */
  otherLanguages: number
  licences: LicenceTally[]
  otherLicences: number
  withoutLicence: number
  /** Repositories under a licence the law authorises for software (CRPA art. D323-2-1). */
  authorisedLicences: number
  /** Repositories created on their forge, by year, oldest first. */
  createdByYear: { year: number; count: number }[]
  /** Repositories by forge host, most first. */
  forges: Tally[]
}

export interface RegistryStatistics extends RepositoryProfile {
  bodies: number
  accounts: number
}

/** The repositories a profile reads: every one, a body's (with its sub-bodies) or an account's. */
export type ProfileScope = { organisationIds: readonly string[] } | { sourceId: string } | 'all'

export const TOP = 15
const DAY_MS = 86_400_000

/** The grouping sets of the profile's one query, by the bits grouping() sets for the columns left out. */
const SET = { language: 0b0111, licence: 0b1011, year: 0b1101, forge: 0b1110, totals: 0b1111 } as const

interface ProfileRow {
  set: number
  language: string | null
  licence: string | null
  year: number | null
  forge: string | null
  count: number
  archived: number
  pushed30: number
  pushed365: number
  publiccode: number
  publiccode_valid: number
}

/**
 * Counts over the repositories in one pass over the table (or over one body's rows through its index):
 * one query with grouping sets gives the totals and the counts by language, licence, year and forge.
 * Repositories gone from their forge are left out.
 */
export class StatisticsStore {
  constructor(private readonly db: Kysely<DB>) {}

  async registry(now = new Date()): Promise<RegistryStatistics> {
    const [profile, others] = await Promise.all([
      this.profile('all', now),
      this.db
        .selectNoFrom((eb) => [
          eb.selectFrom('organisation').select(eb.fn.countAll<number>().as('n')).as('bodies'),
          eb.selectFrom('source').select(eb.fn.countAll<number>().as('n')).as('accounts'),
        ])
        .executeTakeFirstOrThrow(),
    ])
    return { ...profile, bodies: others.bodies ?? 0, accounts: others.accounts ?? 0 }
  }

  async profile(scope: ProfileScope, now = new Date()): Promise<RepositoryProfile> {
    const since = (days: number) => new Date(now.getTime() - days * DAY_MS)
    const licence = sql`coalesce(r.effective_licence, r.detected_licence, r.licence)`
    const year = sql`extract(year from r.created_on_forge at time zone 'UTC')::int`
    const { rows } = await sql<ProfileRow>`
      select grouping(r.language, ${licence}, ${year}, r.forge_host) as set,
        r.language, ${licence} as licence, ${year} as year, r.forge_host as forge,
        count(*) as count,
        count(*) filter (where r.archived) as archived,
        count(*) filter (where r.pushed_at >= ${since(30)}) as pushed30,
        count(*) filter (where r.pushed_at >= ${since(365)}) as pushed365,
        count(*) filter (where r.publiccode_text is not null) as publiccode,
        count(*) filter (where r.publiccode_valid) as publiccode_valid
      from repository r
      where r.gone_at is null and ${inScope(scope)}
      group by grouping sets ((r.language), (${licence}), (${year}), (r.forge_host), ())
    `.execute(this.db)
    const of = (set: number) => rows.filter((row) => row.set === set)
    const byCount = <T extends Tally>(a: T, b: T) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
    const totals = of(SET.totals)[0]
    const repositories = totals?.count ?? 0
    const languages = of(SET.language).flatMap((row) => (row.language === null ? [] : [{ key: row.language, count: row.count }])).sort(byCount)
    // Every licence counts towards the authorised share, not only the most used.
    const licensed = of(SET.licence)
      .flatMap((row) => (row.licence === null ? [] : [{ key: row.licence, count: row.count, authorised: isAuthorised(row.licence).authorised }]))
      .sort(byCount)
    const withoutLicence = of(SET.licence).find((row) => row.licence === null)?.count ?? 0
    const topLanguages = languages.slice(0, TOP)
    const topLicences = licensed.slice(0, TOP)
    return {
      repositories,
      archived: totals?.archived ?? 0,
      pushedLast30Days: totals?.pushed30 ?? 0,
      pushedLast365Days: totals?.pushed365 ?? 0,
      publiccode: { present: totals?.publiccode ?? 0, valid: totals?.publiccode_valid ?? 0 },
      languages: topLanguages,
      otherLanguages: repositories - sum(topLanguages),
      licences: topLicences,
      otherLicences: repositories - withoutLicence - sum(topLicences),
      withoutLicence,
      authorisedLicences: sum(licensed.filter((row) => row.authorised)),
      createdByYear: of(SET.year)
        .flatMap((row) => (row.year === null ? [] : [{ year: row.year, count: row.count }]))
        .sort((a, b) => a.year - b.year),
      forges: of(SET.forge).map((row) => ({ key: row.forge!, count: row.count })).sort(byCount),
    }
  }
}

function inScope(scope: ProfileScope): RawBuilder<SqlBool> {
  if (scope === 'all') return sql<SqlBool>`true`
  if ('sourceId' in scope) return sql<SqlBool>`r.source_id = ${scope.sourceId}`
  // An empty list matches nothing, as `in ()` would if SQL allowed it.
  return scope.organisationIds.length > 0 ? sql<SqlBool>`r.organisation_id in (${sql.join(scope.organisationIds)})` : sql<SqlBool>`false`
}

function sum(rows: { count: number }[]): number {
  return rows.reduce((total, row) => total + row.count, 0)
}
