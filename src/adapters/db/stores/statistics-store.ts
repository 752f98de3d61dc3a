import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
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
}

export interface RegistryStatistics extends RepositoryProfile {
  bodies: number
  accounts: number
  forges: Tally[]
}

/** The repositories a profile reads: every one, a body's (with its sub-bodies) or an account's. */
export type ProfileScope = { organisationIds: readonly string[] } | { sourceId: string } | 'all'

export const TOP = 15
const DAY_MS = 86_400_000

/**
 * Counts over the repositories, in a handful of group-by queries, each one pass over the table (or
 * over one body's rows through its index): no per-row work in JavaScript. Repositories gone from
 * their forge are left out.
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
    const forges = await this.present('all')
      .select(['r.forge_host as key', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('r.forge_host')
      .orderBy('count', 'desc')
      .orderBy('r.forge_host')
      .execute()
    return { ...profile, bodies: others.bodies ?? 0, accounts: others.accounts ?? 0, forges }
  }

  async profile(scope: ProfileScope, now = new Date()): Promise<RepositoryProfile> {
    const since = (days: number) => new Date(now.getTime() - days * DAY_MS)
    const licence = sql<string | null>`coalesce(r.effective_licence, r.detected_licence, r.licence)`
    const [totals, languages, licences, years] = await Promise.all([
      this.present(scope)
        .select((eb) => [
          eb.fn.countAll<number>().as('repositories'),
          sql<number>`count(*) filter (where r.archived)`.as('archived'),
          sql<number>`count(*) filter (where r.pushed_at >= ${since(30)})`.as('pushed30'),
          sql<number>`count(*) filter (where r.pushed_at >= ${since(365)})`.as('pushed365'),
          sql<number>`count(*) filter (where r.publiccode_text is not null)`.as('publiccode'),
          sql<number>`count(*) filter (where r.publiccode_valid)`.as('publiccode_valid'),
        ])
        .executeTakeFirstOrThrow(),
      this.present(scope)
        .where('r.language', 'is not', null)
        .select(['r.language as key', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('r.language')
        .orderBy('count', 'desc')
        .orderBy('r.language')
        .execute(),
      // Every licence, not only the most used: the authorised share counts them all.
      this.present(scope)
        .select([licence.as('key'), (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy(licence)
        .orderBy('count', 'desc')
        .orderBy(licence)
        .execute(),
      this.present(scope)
        .where('r.created_on_forge', 'is not', null)
        .select([sql<number>`extract(year from r.created_on_forge at time zone 'UTC')::int`.as('year'), (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy(sql`1`)
        .orderBy(sql`1`)
        .execute(),
    ])
    const { repositories } = totals
    const topLanguages = languages.slice(0, TOP).map((row) => ({ key: row.key!, count: row.count }))
    const licensed = licences.flatMap((row) => (row.key === null ? [] : [{ key: row.key, count: row.count, authorised: isAuthorised(row.key).authorised }]))
    const withoutLicence = licences.find((row) => row.key === null)?.count ?? 0
    const topLicences = licensed.slice(0, TOP)
    return {
      repositories,
      archived: totals.archived,
      pushedLast30Days: totals.pushed30,
      pushedLast365Days: totals.pushed365,
      publiccode: { present: totals.publiccode, valid: totals.publiccode_valid },
      languages: topLanguages,
      otherLanguages: repositories - sum(topLanguages),
      licences: topLicences,
      otherLicences: repositories - withoutLicence - sum(topLicences),
      withoutLicence,
      authorisedLicences: sum(licensed.filter((row) => row.authorised)),
      createdByYear: years,
    }
  }

  private present(scope: ProfileScope) {
    let query = this.db.selectFrom('repository as r').where('r.gone_at', 'is', null)
    if (scope !== 'all') query = query.where((eb: ExpressionBuilder<DB & { r: DB['repository'] }, 'r'>) => inScope(eb, scope))
    return query
  }
}

function inScope(eb: ExpressionBuilder<DB & { r: DB['repository'] }, 'r'>, scope: Exclude<ProfileScope, 'all'>) {
  if ('sourceId' in scope) return eb('r.source_id', '=', scope.sourceId)
  // An empty list matches nothing, as `in ()` would if SQL allowed it.
  return scope.organisationIds.length > 0 ? eb('r.organisation_id', 'in', scope.organisationIds) : sql<boolean>`false`
}

function sum(rows: { count: number }[]): number {
  return rows.reduce((total, row) => total + row.count, 0)
}
