import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoContent } from '../../../usecases/system/load-demo-content.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'

let context: TestContext

beforeAll(async () => {
  context = await createTestContext()
  await loadDemoContent(context.database.db)
})
afterAll(() => context.close())

describe('SoftwareStore.search', () => {
  it('finds by name, ignoring case and accents', async () => {
    const result = await context.stores.software.search({ q: 'LIBRÉOFFICE', page: 1, pageSize: 10 })
    expect(result.items[0]?.name).toBe('LibreOffice')
  })

  it('tolerates a typo in the name', async () => {
    const result = await context.stores.software.search({ q: 'Libreofice', page: 1, pageSize: 10 })
    expect(result.items.map((s) => s.name)).toContain('LibreOffice')
  })

  it('finds by French description with stemming', async () => {
    const result = await context.stores.software.search({ q: 'tableurs', page: 1, pageSize: 10 })
    expect(result.items.map((s) => s.name)).toContain('LibreOffice')
  })

  it('finds by English description', async () => {
    const result = await context.stores.software.search({ q: 'spreadsheet', page: 1, pageSize: 10 })
    expect(result.items.map((s) => s.name)).toContain('LibreOffice')
  })

  it('never fails on search syntax', async () => {
    for (const q of ['"unbalanced', 'a & | ! b', ':*', "'; drop table software; --", '(((', '\\']) {
      await expect(context.stores.software.search({ q, page: 1, pageSize: 5 })).resolves.toBeDefined()
    }
  })

  it('pages through results with a stable total', async () => {
    const first = await context.stores.software.search({ page: 1, pageSize: 10 })
    const second = await context.stores.software.search({ page: 2, pageSize: 10 })
    expect(first.total).toBe(second.total)
    expect(first.total).toBeGreaterThanOrEqual(30)
    expect(new Set([...first.items, ...second.items].map((s) => s.id)).size).toBe(20)
  })

  it('still counts past the last page', async () => {
    const result = await context.stores.software.search({ page: 99, pageSize: 10 })
    expect(result.items).toEqual([])
    expect(result.total).toBeGreaterThanOrEqual(30)
  })
})

describe('OrganisationStore', () => {
  it('lists bodies with their repository counts and parents', async () => {
    const bodies = await context.stores.organisations.list()
    expect(bodies).toHaveLength(4)
    const direction = bodies.find((o) => o.slug === 'demo-direction-logiciels-libres')!
    const ministry = bodies.find((o) => o.slug === 'demo-ministere-numerique')!
    expect(direction.parent_id).toBe(ministry.id)
    expect(ministry.repository_count).toBe(6)
  })

  it('streams every row in batches', async () => {
    const rows = []
    for await (const row of context.stores.repositories.all()) rows.push(row)
    expect(rows).toHaveLength(20)
  })
})
