import { afterAll, beforeAll, expect, it } from 'vitest'
import { formValuesOf } from '../../domain/catalogue/moderation.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { editSoftware } from './edit-software.ts'

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
})
afterAll(() => context.close())

it('makes what a person changes theirs: an enrichment no longer overwrites it, the rest stays the import’s', async () => {
  await context.stores.software.insert([
    { slug: 'outil', name: 'Outil', description_fr: 'Selon le SILL', description_en: 'From the SILL', licence: 'MIT', website: null, documentation_url: null, repository_url: null, logo_url: null, wikidata_id: null, latest_version: null, sill_id: '42' },
  ] as never)
  const software = (await context.stores.catalogueAdmin.byId((await context.stores.software.bySlug('outil'))!.id))!
  const values = { ...formValuesOf(software), description_fr: 'Réécrit par une modératrice' }
  const result = await editSoftware(context.stores, null, software.id, software.version, values, {})
  const sources = typeof result === 'object' && 'saved' in result ? (result.saved.field_sources as Record<string, string>) : {}
  expect(sources.description_fr).toBe('manual')
  expect(sources.description_en).toBeUndefined()
})
