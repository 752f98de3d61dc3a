import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser, listen, seriousViolations } from '../../../testing/browser.ts'
import { signedInClient } from '../../../testing/page-client.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { loadDemoContent } from '../../../usecases/system/load-demo-content.ts'
import { SESSION_COOKIE } from '../../auth/session.ts'
import { buildApp } from '../../app.tsx'

describe.runIf(hasChromium || process.env.CI)('the add-a-software form and the staff pages in a browser', () => {
  let context: TestContext
  let app: FastifyInstance
  let browser: Browser
  let base: string

  beforeAll(async () => {
    context = await createTestContext({ config: { sessionSecret: 'a-session-secret-of-at-least-32-characters' } })
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

  it('adds a software without JavaScript, and axe-core finds no serious violation on the form, the moderation and admin pages', { timeout: 180_000 }, async () => {
    const { client } = await signedInClient(app, context.stores, 'admin@numerique.gouv.fr', { role: 'admin', name: 'Admin' })
    await context.stores.catalogueAdmin.saveCustomAttribute({ key: 'rgaa', label_fr: 'Conforme RGAA', label_en: 'RGAA compliant', kind: 'boolean', position: 0 })
    const cookie = { name: SESSION_COOKIE, value: client.cookies.get(SESSION_COOKIE)!, url: base }

    // The whole addition, as a browser without JavaScript does it.
    const plain = await browser.newContext({ javaScriptEnabled: false })
    await plain.addCookies([cookie])
    const page = await plain.newPage()
    page.setDefaultTimeout(20_000)
    await page.goto(`${base}/fr/catalogue/add`)
    await page.getByLabel('Nom', { exact: true }).fill('Libre Office')
    await page.getByRole('button', { name: 'Vérifier et continuer' }).click()
    await expect(page.getByRole('heading', { name: 'Déjà au catalogue ?' }).count()).resolves.toBe(1)
    await page.getByRole('link', { name: 'Continuer sans pré-remplissage' }).click()
    await page.getByLabel('Licence (SPDX)').fill('licence maison')
    await page.getByRole('button', { name: 'Proposer ce logiciel' }).click()
    await expect(page.locator('.fr-error-text').first().textContent()).resolves.toContain('SPDX')
    await page.getByLabel('Licence (SPDX)').fill('MPL-2.0')
    await page.locator('label[for="software-platforms-desktop"]').click()
    await page.getByRole('button', { name: 'Proposer ce logiciel' }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/catalogue/libre-office')
    await expect(page.getByText('En attente de modération').count()).resolves.toBeGreaterThan(0)
    const pending = await context.stores.software.bySlug('libre-office')
    expect(pending).toMatchObject({ moderation: 'pending', licence: 'MPL-2.0', platforms: ['desktop'] })
    await plain.close()

    // axe-core runs as a script: its pages let it past the Content Security Policy.
    const audited = await browser.newContext({ bypassCSP: true })
    await audited.addCookies([cookie])
    const axe = await audited.newPage()
    axe.setDefaultTimeout(20_000)
    const paths = ['/fr/catalogue/add?name=Libre+Office', '/fr/catalogue/add?etape=2&name=Libre', '/fr/catalogue/libre-office', '/fr/administration/catalogue', `/fr/administration/catalogue/${pending!.id}`, '/fr/administration/catalogue/attributs', '/fr/administration/catalogue/journal', '/en/administration/catalogue']
    for (const path of paths) {
      await axe.goto(`${base}${path}`)
      expect(await seriousViolations(axe), path).toEqual([])
    }
    await axe.goto(`${base}/fr/catalogue/add?etape=2&name=Libre`)
    await axe.getByLabel('Licence (SPDX)').fill('licence maison')
    await axe.getByRole('button', { name: 'Proposer ce logiciel' }).click()
    expect(await seriousViolations(axe), 'the form with its errors').toEqual([])
    await audited.close()
  })
})
