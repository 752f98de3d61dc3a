import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser, listen, seriousViolations } from '../src/testing/browser.ts'
import { createTestContext, type TestContext } from '../src/testing/test-context.ts'
import { loadDemoContent } from '../src/usecases/system/load-demo-content.ts'
import { buildApp } from '../src/web/app.tsx'

describe.runIf(hasChromium || process.env.CI)('the public code registry in a browser', () => {
  let context: TestContext
  let app: FastifyInstance
  let browser: Browser
  let base: string

  beforeAll(async () => {
    context = await createTestContext()
    await loadDemoContent(context.database.db)
    const repository = await context.database.db.selectFrom('repository').select('id').where('name', '=', 'catalogue-logiciels').executeTakeFirstOrThrow()
    await context.database.db.insertInto('dependency').values({ repository_id: repository.id, ecosystem: 'npm', name: '@gouvfr/dsfr', version: '^1.14.0', scope: 'runtime', manifest: 'package.json' }).execute()
    app = await buildApp(context, { logger: false })
    base = await listen(app)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await context?.close()
  })

  it('searches, combines three facets, opens a repository, follows its body and comes back with the filters intact, without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${base}/fr/code`)
    await page.getByRole('searchbox', { name: 'Rechercher dans le code public' }).fill('logiciels')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    expect(new URL(page.url()).searchParams.get('q')).toBe('logiciels')

    await page.getByRole('group', { name: 'Langage' }).getByLabel(/^TypeScript/).check({ force: true })
    await page.getByRole('group', { name: 'Forge', exact: true }).getByLabel(/^GitLab/).check({ force: true })
    await page.getByRole('group', { name: 'Licence', exact: true }).getByLabel(/^MIT/).check({ force: true })
    await page.getByRole('button', { name: 'Appliquer les filtres' }).first().click()
    const filtered = new URL(page.url())
    expect([filtered.searchParams.get('language'), filtered.searchParams.get('forge'), filtered.searchParams.get('licence')]).toEqual(['TypeScript', 'gitlab', 'MIT'])
    await expect(page.getByRole('link', { name: /Retirer le filtre/ }).count()).resolves.toBe(3)

    await page.getByRole('link', { name: 'demo-direction-logiciels-libres/catalogue-logiciels' }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/code/r/gitlab.demo.invalid/demo-direction-logiciels-libres/catalogue-logiciels')
    await expect(page.getByRole('heading', { level: 2, name: 'Score de réutilisation' }).count()).resolves.toBe(1)
    await expect(page.getByRole('link', { name: '@gouvfr/dsfr' }).count()).resolves.toBe(1)

    await page.getByRole('navigation', { name: 'Vous êtes ici :' }).getByRole('link', { name: /Direction démo des logiciels libres/ }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/code/organisations/demo-direction-logiciels-libres')

    await page.goBack()
    await page.goBack()
    expect(page.url()).toBe(filtered.toString())
    await expect(page.getByRole('group', { name: 'Langage' }).getByLabel(/^TypeScript/).isChecked()).resolves.toBe(true)
    await expect(page.getByRole('searchbox', { name: 'Rechercher dans le code public' }).inputValue()).resolves.toBe('logiciels')
    await page.close()
  })

  it('has no serious accessibility violation on the registry’s page types', async () => {
    const page = await browser.newPage({ bypassCSP: true })
    for (const path of [
      '/fr/code?q=logiciels&language=TypeScript&forge=gitlab&licence=MIT',
      '/en/code?sort=stars&archived=no',
      '/fr/code/r/gitlab.demo.invalid/demo-direction-logiciels-libres/catalogue-logiciels',
      '/en/code/r/github.demo.invalid/demo-ministere-numerique/api-adresses',
      '/fr/code/reusable',
      '/fr/code/libraries',
      '/fr/code/libraries/npm/@gouvfr/dsfr',
    ]) {
      await page.goto(`${base}${path}`)
      expect(await seriousViolations(page), path).toEqual([])
    }
    await page.close()
  })
})
