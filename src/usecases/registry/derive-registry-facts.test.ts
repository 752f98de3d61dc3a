import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStores } from '../../adapters/db/stores/index.ts'
import { openTestDatabase, type TestDatabase } from '../../testing/test-database.ts'
import { deriveRegistryFacts } from './derive-registry-facts.ts'

const now = new Date('2026-11-23T12:00:00Z')
let database: TestDatabase

beforeAll(async () => {
  database = await openTestDatabase()
  const { db } = database
  const [mine, other] = await db
    .insertInto('organisation')
    .values([
      { slug: 'mine', name: 'Direction interministérielle du numérique', kind: 'agency' },
      { slug: 'other', name: 'Ville de Lyon', kind: 'local-authority' },
    ])
    .returning('id')
    .execute()
  const base = { forge: 'github', forge_host: 'github.com', pushed_at: '2026-11-01T00:00:00Z' }
  await db
    .insertInto('repository')
    .values([
      {
        ...base, owner: 'dinum', name: 'formulaires', url: 'https://github.com/dinum/formulaires', organisation_id: mine!.id, description: 'Formulaires accessibles en ligne',
        licence: 'MIT', detected_licence: 'EUPL-1.2', stars: 120, forks: 14, files_read_at: '2026-11-20T00:00:00Z',
        files: JSON.stringify({
          'README.md': '# Formulaires\n\n![logo](logo.png) Un **générateur** de [formulaires](https://example.org) pour les démarches.\n\n```sh\nnpm install\n```\n',
          LICENSE: 'placeholder',
          'CONTRIBUTING.md': 'Proposez vos changements par une demande de fusion.',
        }),
        manifests: JSON.stringify({ 'package.json': JSON.stringify({ dependencies: { '@gouvfr/dsfr': '^1.14.0' }, devDependencies: { vitest: '^4.0.0' } }) }),
        publiccode_text: 'not: [valid', publiccode_valid: false,
      },
      { ...base, owner: 'lyon', name: 'formulaires', url: 'https://github.com/lyon/formulaires', organisation_id: other!.id, is_fork: true, parent_full_name: 'dinum/formulaires', licence: 'EUPL-1.2' },
      { ...base, owner: 'dinum', name: 'fork-of-own', url: 'https://github.com/dinum/fork-of-own', organisation_id: mine!.id, is_fork: true, parent_full_name: 'dinum/formulaires' },
    ])
    .execute()
})

afterAll(() => database.close())

const byName = async (owner: string) =>
  await database.db.selectFrom('repository').selectAll().where('owner', '=', owner).where('name', '=', 'formulaires').executeTakeFirstOrThrow()

describe('deriving the registry facts', () => {
  it('scores every repository with its reasons, the licence that applies, the README words and the compliance of the root files', async () => {
    const summary = await deriveRegistryFacts(database.db, { now })
    expect(summary).toEqual({ repositories: 3, filesDerived: 3, updated: 3 })
    const repository = await byName('dinum')
    expect(repository.effective_licence).toBe('EUPL-1.2')
    expect(repository.licence_authorised).toBe(true)
    expect(repository.reused_by).toBe(1)
    expect(repository.readme_excerpt).toBe('Formulaires Un générateur de formulaires pour les démarches.')
    const reasons = repository.reuse_reasons as { criterion: string; points: number }[]
    expect(reasons.find((r) => r.criterion === 'reuse')?.points).toBe(5)
    expect(reasons.find((r) => r.criterion === 'publiccode')?.points).toBe(4)
    expect(repository.reuse_score).toBe(reasons.reduce((sum, r) => sum + r.points, 0))
    const compliance = repository.compliance as { rules: { id: string; status: string }[] }
    expect(compliance.rules.map((r) => r.id)).not.toContain('no-secrets')
    expect(compliance.rules.find((r) => r.id === 'contributing')?.status).toBe('pass')
    expect(repository.compliance_score).toBeGreaterThan(0)
  })

  it('stores the dependencies its manifests declare', async () => {
    const rows = await database.db.selectFrom('dependency').select(['ecosystem', 'name', 'version', 'scope']).orderBy('name').execute()
    expect(rows).toEqual([
      { ecosystem: 'npm', name: '@gouvfr/dsfr', version: '^1.14.0', scope: 'runtime' },
      { ecosystem: 'npm', name: 'vitest', version: '^4.0.0', scope: 'dev' },
    ])
  })

  it('finds a repository by the words of its README', async () => {
    const result = await createStores(database.db).repositories.search({ q: 'démarche', sort: 'relevance' }, { page: 1, pageSize: 10 })
    expect(result.items.map((r) => `${r.owner}/${r.name}`)).toEqual(['dinum/formulaires'])
  })

  it('writes nothing on a second run when nothing changed', async () => {
    expect(await deriveRegistryFacts(database.db, { now })).toEqual({ repositories: 3, filesDerived: 0, updated: 0 })
  })

  it('rescores when time passes, without reading the files again', async () => {
    const later = new Date('2028-06-01T00:00:00Z')
    const summary = await deriveRegistryFacts(database.db, { now: later })
    expect(summary.filesDerived).toBe(0)
    expect(summary.updated).toBe(3)
    const reasons = (await byName('dinum')).reuse_reasons as { criterion: string; points: number }[]
    expect(reasons.find((r) => r.criterion === 'activity')?.points).toBe(5)
  })
})
