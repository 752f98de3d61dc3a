import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser, listen, seriousViolations } from '../src/testing/browser.ts'
import { createTestContext, type TestContext } from '../src/testing/test-context.ts'
import { loadDemoContent } from '../src/usecases/system/load-demo-content.ts'
import { buildApp } from '../src/web/app.tsx'

describe.runIf(hasChromium || process.env.CI)('in a browser', () => {
  let context: TestContext
  let app: FastifyInstance
  let browser: Browser
  let base: string

  beforeAll(async () => {
    context = await createTestContext()
    await loadDemoContent(context.database.db)
    app = await buildApp(context, { logger: false })
    base = await listen(app)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await context?.close()
  })

  it('opens the home page, switches to English and follows the navigation, without JavaScript', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, locale: 'fr-FR' })
    await page.goto(`${base}/`)
    expect(new URL(page.url()).pathname).toBe('/fr/')
    await expect(page.locator('h1').textContent()).resolves.toContain('logiciels libres')

    await page.getByRole('link', { name: 'English' }).click()
    expect(new URL(page.url()).pathname).toBe('/en/')
    await expect(page.locator('h1').textContent()).resolves.toContain('Free software')

    const navigation = page.getByRole('navigation', { name: 'Main menu' })
    for (const [label, path] of [
      ['Catalogue', '/en/catalogue'],
      ['Public code', '/en/code'],
      ['Open your code', '/en/opening'],
      ['Community', '/en/community'],
    ] as const) {
      await navigation.getByRole('link', { name: label }).click()
      expect(new URL(page.url()).pathname).toBe(path)
      await expect(page.locator('[aria-current="page"]').first().textContent()).resolves.toBe(label)
    }
    await page.close()
  })

  it('searches the catalogue with the form', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${base}/fr/catalogue`)
    await page.getByRole('searchbox').fill('cartographie')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    expect(new URL(page.url()).searchParams.get('q')).toBe('cartographie')
    await expect(page.getByRole('heading', { name: 'QGIS' }).count()).resolves.toBe(1)
    await page.close()
  })

  it('has no serious accessibility violation on any page type', async () => {
    const page = await browser.newPage({ bypassCSP: true })
    // The demo has no forge accounts: one, stale, for the account page.
    const ville = await context.stores.bodies.bySlug('demo-ville-exemple')
    await context.database.db.insertInto('source').values({ url: 'https://gitea.demo.invalid/demo-ville-exemple', forge: 'gitea', host: 'gitea.demo.invalid', api_url: 'https://gitea.demo.invalid/api/v1', owner: 'demo-ville-exemple', organisation_id: ville!.id, status: 'stale', last_error: 'HTTP 502' }).execute()
    const bodyPages = ['/fr/code/organisations', '/en/code/organisations?view=tree', '/fr/code/organisations/demo-ministere-numerique', '/fr/code/accounts/gitea.demo.invalid/demo-ville-exemple', '/fr/code/statistics']
    for (const path of ['/fr/', '/en/', '/fr/catalogue', '/fr/catalogue?q=zzzz', '/fr/catalogue/libreoffice', '/fr/code', '/fr/opening', '/fr/community', '/fr/accessibility', '/fr/api', '/fr/no-such-page', ...bodyPages]) {
      await page.goto(`${base}${path}`)
      expect(await seriousViolations(page), path).toEqual([])
    }
    await page.close()
  })
})
