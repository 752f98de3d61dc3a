/**
 * The reuse score: how ready a repository is for another administration to pick up, out of 100, with
 * the reason for every point. It follows code.gouv.fr's "awesome" criteria (a description, a licence, a
 * README, a contribution guide, a publiccode.yml, recent activity, not archived, not a fork, stars and
 * forks) and adds what only a registry of every public body sees: forks by other public bodies.
 *
 * | criterion    | points | earned when                                                         |
 * | ------------ | ------ | ------------------------------------------------------------------- |
 * | description  | 10     | the forge shows a description of at least 10 characters             |
 * | licence      | 15     | a licence French law authorises for administrations (5 if another)  |
 * | readme       | 10     | a README at the root                                                |
 * | contributing | 5      | a contribution guide at the root                                    |
 * | publiccode   | 10     | a valid publiccode.yml (4 if present but invalid)                   |
 * | activity     | 15     | last push within 90 days (10 within a year, 5 within two years)     |
 * | maintained   | 5      | not archived                                                        |
 * | original     | 5      | not a fork                                                          |
 * | stars        | 10     | 4 points per tenfold of stars: 1 → 1, 10 → 4, 100 → 8, 316 → 10     |
 * | forks        | 5      | 2.5 points per tenfold of forks: 10 → 3, 100 → 5                    |
 * | reuse        | 10     | 5 per other public body publishing a fork of it                     |
 */
export interface ReuseFacts {
  description: string | null
  /** The licence that applies, as an SPDX expression, and whether the law authorises it. */
  licence: string | null
  licenceAuthorised: boolean
  hasReadme: boolean
  hasContributing: boolean
  /** null when the repository has no publiccode.yml. */
  publiccodeValid: boolean | null
  pushedAt: Date | null
  archived: boolean
  fork: boolean
  stars: number
  forks: number
  /** Other public bodies that publish a fork of it. */
  reusedBy: number
}

export const reuseCriteria = ['description', 'licence', 'readme', 'contributing', 'publiccode', 'activity', 'maintained', 'original', 'stars', 'forks', 'reuse'] as const
export type ReuseCriterion = (typeof reuseCriteria)[number]

export interface ReuseReason {
  criterion: ReuseCriterion
  points: number
  max: number
}

export interface ReuseScore {
  score: number
  reasons: ReuseReason[]
}

const DAY = 86_400_000

export function reuseScore(facts: ReuseFacts, now: Date): ReuseScore {
  const age = facts.pushedAt ? (now.getTime() - facts.pushedAt.getTime()) / DAY : Infinity
  const points: Record<ReuseCriterion, [number, number]> = {
    description: [(facts.description?.trim().length ?? 0) >= 10 ? 10 : 0, 10],
    licence: [facts.licence ? (facts.licenceAuthorised ? 15 : 5) : 0, 15],
    readme: [facts.hasReadme ? 10 : 0, 10],
    contributing: [facts.hasContributing ? 5 : 0, 5],
    publiccode: [facts.publiccodeValid === null ? 0 : facts.publiccodeValid ? 10 : 4, 10],
    activity: [age <= 90 ? 15 : age <= 365 ? 10 : age <= 730 ? 5 : 0, 15],
    maintained: [facts.archived ? 0 : 5, 5],
    original: [facts.fork ? 0 : 5, 5],
    stars: [logPoints(facts.stars, 4, 10), 10],
    forks: [logPoints(facts.forks, 2.5, 5), 5],
    reuse: [Math.min(10, 5 * Math.max(0, facts.reusedBy)), 10],
  }
  const reasons = reuseCriteria.map((criterion) => ({ criterion, points: points[criterion][0], max: points[criterion][1] }))
  return { score: reasons.reduce((sum, reason) => sum + reason.points, 0), reasons }
}

/** `perTenfold` points for each tenfold of `count`, rounded, capped at `max`. */
function logPoints(count: number, perTenfold: number, max: number): number {
  return Math.min(max, Math.round(Math.log10(Math.max(0, count) + 1) * perTenfold))
}
