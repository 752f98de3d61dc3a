import type { Kysely } from 'kysely'
import type { DB, NewRepository } from '../adapters/db/schema.ts'

/** "Now" for the fixtures' dates: activity counts are computed against it. */
export const FIXTURE_NOW = new Date('2026-06-15T12:00:00Z')
const DAY = 86_400_000
const daysAgo = (days: number) => new Date(FIXTURE_NOW.getTime() - days * DAY)

/**
 * A small registry: a ministry > a directorate > a service, one account each, and 30 repositories
 * (one of them gone from its forge). Numbers are chosen so that each count in the tests is distinct:
 * the ministry has 10 repositories on GitHub, the directorate 12 and the service 7 on a GitLab; 10 are in
 * Python; 8 under MIT, 3 under WTFPL, 3 without a licence, the rest under authorised licences; 3
 * archived; 6 with a publiccode.yml, 4 of them valid; 4 pushed in the last 30 days, 12 in the last year.
 */
export async function insertBodyFixtures(db: Kysely<DB>) {
  const body = async (slug: string, name: string, acronym: string | null, kind: string, parent_id: string | null) =>
    (await db
      .insertInto('organisation')
      .values({ slug, name, acronym, kind, parent_id, siren: slug === 'ministere-test' ? '110000015' : null, website: `https://${slug}.example.org` })
      .returning('id')
      .executeTakeFirstOrThrow()).id
  const ministry = await body('ministere-test', 'Ministère de l’Essai', 'MTE', 'ministry', null)
  const directorate = await body('dir-numerique', 'Direction du numérique', 'DNUM', 'agency', ministry)
  const service = await body('service-donnees', 'Service des données', null, 'other', directorate)

  const account = async (forge: 'github' | 'gitlab', host: string, owner: string, organisation_id: string, status: string) =>
    (await db
      .insertInto('source')
      .values({
        url: `https://${host}/${owner}`,
        forge,
        host,
        api_url: forge === 'github' ? 'https://api.github.com' : `https://${host}/api/v4`,
        owner,
        organisation_id,
        name: `Compte ${owner}`,
        description: 'Le compte de démonstration des tests.',
        website: `https://${host}/${owner}`,
        location: 'Paris',
        created_on_forge: daysAgo(3000),
        repository_count: 12,
        status,
        last_error: status === 'stale' ? 'HTTP 502 from the forge' : null,
        last_crawled_at: daysAgo(1),
      })
      .returning('id')
      .executeTakeFirstOrThrow()).id
  const ministryAccount = await account('github', 'github.com', 'ministere-essai', ministry, 'ok')
  const directorateAccount = await account('gitlab', 'gitlab.example.org', 'dnum', directorate, 'stale')
  const serviceAccount = await account('gitlab', 'gitlab.example.org', 'dnum/services/donnees', service, 'ok')

  const others = ['TypeScript', 'Java', 'Go', 'Rust', null]
  const authorised = ['Apache-2.0', 'EUPL-1.2', 'GPL-3.0-or-later']
  const rows: NewRepository[] = []
  for (let i = 1; i <= 30; i++) {
    const [organisation_id, source_id, host, owner] =
      i <= 10 || i === 30
        ? [ministry, ministryAccount, 'github.com', 'ministere-essai']
        : i <= 22
          ? [directorate, directorateAccount, 'gitlab.example.org', 'dnum']
          : [service, serviceAccount, 'gitlab.example.org', 'dnum/services/donnees']
    const name = `repo-${i}`
    rows.push({
      forge: host === 'github.com' ? 'github' : 'gitlab',
      forge_host: host,
      owner,
      name,
      url: `https://${host}/${owner}/${name}`,
      description: `Dépôt numéro ${i}`,
      language: i <= 10 ? 'Python' : others[i % others.length]!,
      licence: i <= 8 || i === 30 ? 'MIT' : i <= 11 ? 'WTFPL' : i <= 14 ? null : authorised[i % authorised.length]!,
      archived: [2, 13, 25].includes(i),
      publiccode_text: [1, 2, 3, 15, 16, 24].includes(i) ? 'publiccodeYmlVersion: "0.4"' : null,
      publiccode_valid: [1, 2, 15, 24].includes(i) ? true : [3, 16].includes(i) ? false : null,
      created_on_forge: daysAgo(i * 60),
      pushed_at: i === 30 ? daysAgo(1) : daysAgo(i <= 4 ? i * 5 : i <= 12 ? i * 30 : 400 + i * 10),
      first_seen_at: daysAgo(30 - i),
      organisation_id,
      source_id,
      gone_at: i === 30 ? daysAgo(0) : null,
    })
  }
  await db.insertInto('repository').values(rows).execute()
  return { ministry, directorate, service, ministryAccount, directorateAccount, serviceAccount }
}
