import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { loadDemoContent } from './load-demo-content.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(() => context.close())

it('loads the demo once, and not again after the rows are deleted', async () => {
  const first = await loadDemoContent(context.database.db)
  expect(first).toMatchObject({ loaded: true, organisations: 4, repositories: 20 })
  expect(first.software).toBeGreaterThanOrEqual(30)
  expect(await context.stores.software.total()).toBe(first.software)

  await context.database.db.deleteFrom('repository').execute()
  const second = await loadDemoContent(context.database.db)
  expect(second.loaded).toBe(false)
  expect(await context.stores.repositories.total()).toBe(0)
})

it('marks every demo body and repository as demo', async () => {
  const bodies = await context.stores.organisations.list()
  expect(bodies.every((o) => o.is_demo && o.name.includes('(démo)'))).toBe(true)
})

it('fills in around a catalogue imported before the first start', async () => {
  const fresh = await createTestContext()
  try {
    await fresh.stores.software.insert([{ slug: 'libreoffice', name: 'LibreOffice (imported)', description_fr: 'importé', description_en: 'imported', wikidata_id: 'Q10135' }])
    const result = await loadDemoContent(fresh.database.db)
    expect(result.loaded).toBe(true)
    expect((await fresh.stores.software.bySlug('libreoffice'))?.name).toBe('LibreOffice (imported)')
    expect(await fresh.stores.software.total()).toBe(result.software)
  } finally {
    await fresh.close()
  }
})
