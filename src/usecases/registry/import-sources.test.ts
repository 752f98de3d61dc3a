import fs from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { importSources } from './import-sources.ts'

const listFolder = new URL('../../../../shared/data/public-accounts-2021/', import.meta.url)
let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(() => context.close())

it('imports the real 2021 list of public accounts, reporting what it cannot map', async () => {
  const names = ['comptes-organismes-publics', 'comptes-organismes-publics-esr', 'comptes-organismes-publics-autres-forges', 'comptes-organismes-avec-politique-de-publication-floss.csv']
  const files = names.map((name) => ({ name, text: fs.readFileSync(new URL(name, listFolder), 'utf8') }))
  const result = await importSources(context.database.db, files)
  const sources = await context.stores.sources.list()
  expect(sources.length).toBe(result.added)
  expect(result.accounts).toBeGreaterThan(sources.length - 1) // duplicates across files count once
  expect(result.problems.every((p) => p.reason && p.line)).toBe(true)
  expect(new Set(sources.map((s) => s.forge))).toEqual(new Set(['github', 'gitlab', 'git']))
  // Importing again adds nothing.
  expect((await importSources(context.database.db, files)).added).toBe(0)
})

it('attaches accounts to their bodies and keeps the body when a plain list names the account again', async () => {
  const yaml = 'bodies:\n  - name: Ministère des Tests\n    slug: ministere-tests\n    kind: ministry\n    accounts: [https://github.com/tests-gouv]\n  - name: Direction des essais\n    parent: ministere-tests\n    accounts: [https://gitlab.com/essais/sub]\n'
  const result = await importSources(context.database.db, [{ name: 'sources.yml', text: yaml }])
  expect(result).toMatchObject({ bodies: 2, accounts: 2, added: 2, problems: [] })
  await importSources(context.database.db, [{ name: 'list', text: 'https://github.com/tests-gouv\n' }])
  const source = await context.stores.sources.byUrl('https://github.com/tests-gouv')
  const body = await context.stores.organisations.bySlug('ministere-tests')
  expect(source?.organisation_id).toBe(body?.id)
  const child = await context.stores.organisations.bySlug('direction-des-essais')
  expect(child?.parent_id).toBe(body?.id)
})
