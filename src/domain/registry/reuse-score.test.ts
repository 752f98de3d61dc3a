import { describe, expect, it } from 'vitest'
import { reuseScore, type ReuseFacts } from './reuse-score.ts'

const now = new Date('2026-11-23T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

const bare: ReuseFacts = {
  description: null,
  licence: null,
  licenceAuthorised: false,
  hasReadme: false,
  hasContributing: false,
  publiccodeValid: null,
  pushedAt: null,
  archived: false,
  fork: false,
  stars: 0,
  forks: 0,
  reusedBy: 0,
}

/** Fixture repositories whose scores are pinned: a change to the rules shows here first. */
const fixtures: { name: string; facts: ReuseFacts; score: number }[] = [
  { name: 'an empty, unlicensed repository never pushed', facts: bare, score: 10 },
  {
    name: 'a well-kept product of an administration, forked by two other bodies',
    facts: { ...bare, description: 'Outil de gestion des marchés publics', licence: 'EUPL-1.2', licenceAuthorised: true, hasReadme: true, hasContributing: true, publiccodeValid: true, pushedAt: daysAgo(12), stars: 420, forks: 85, reusedBy: 2 },
    score: 100,
  },
  {
    name: 'an archived fork under a licence the law does not list',
    facts: { ...bare, description: 'Fork of a tool', licence: 'CC-BY-NC-4.0', hasReadme: true, pushedAt: daysAgo(900), archived: true, fork: true, stars: 3 },
    score: 27,
  },
  {
    name: 'a maintained library with an invalid publiccode.yml, pushed eight months ago',
    facts: { ...bare, description: 'Composants React du DSFR', licence: 'MIT', licenceAuthorised: true, hasReadme: true, publiccodeValid: false, pushedAt: daysAgo(240), stars: 9, forks: 1 },
    score: 64,
  },
]

describe('reuse score', () => {
  for (const fixture of fixtures) {
    it(`scores ${fixture.name}: ${fixture.score}`, () => {
      const { score, reasons } = reuseScore(fixture.facts, now)
      expect(score).toBe(fixture.score)
      expect(reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(score)
    })
  }

  it('lists every criterion with its points out of its maximum, the maxima adding up to 100', () => {
    const { reasons } = reuseScore(fixtures[2]!.facts, now)
    expect(reasons.map((reason) => [reason.criterion, reason.points, reason.max])).toEqual([
      ['description', 10, 10],
      ['licence', 5, 15],
      ['readme', 10, 10],
      ['contributing', 0, 5],
      ['publiccode', 0, 10],
      ['activity', 0, 15],
      ['maintained', 0, 5],
      ['original', 0, 5],
      ['stars', 2, 10],
      ['forks', 0, 5],
      ['reuse', 0, 10],
    ])
    expect(reasons.reduce((sum, reason) => sum + reason.max, 0)).toBe(100)
  })

  it('rewards activity in steps and caps the counts', () => {
    const at = (days: number) => reuseScore({ ...bare, pushedAt: daysAgo(days) }, now).reasons.find((r) => r.criterion === 'activity')?.points
    expect([at(1), at(90), at(91), at(365), at(366), at(730), at(731)]).toEqual([15, 15, 10, 10, 5, 5, 0])
    const huge = reuseScore({ ...bare, stars: 1_000_000, forks: 1_000_000, reusedBy: 40 }, now).reasons
    expect(huge.filter((r) => ['stars', 'forks', 'reuse'].includes(r.criterion)).map((r) => r.points)).toEqual([10, 5, 10])
  })
})
