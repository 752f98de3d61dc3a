import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser, listen, seriousViolations } from '../../../testing/browser.ts'
import { signedInClient } from '../../../testing/page-client.ts'
import { startSmtpServer, type TestSmtpServer } from '../../../testing/smtp.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { SESSION_COOKIE } from '../../auth/session.ts'
import { buildApp } from '../../app.tsx'

describe.runIf(hasChromium || process.env.CI)('declaration and contact forms in a browser', () => {
  let context: TestContext
  let app: FastifyInstance
  let browser: Browser
  let smtp: TestSmtpServer
  let base: string

  beforeAll(async () => {
    smtp = await startSmtpServer()
    context = await createTestContext({ config: { sessionSecret: 'a-session-secret-of-at-least-32-characters', smtpUrl: smtp.url } })
    app = await buildApp(context, { logger: false })
    base = await listen(app)
    browser = await launchBrowser()
    await context.stores.software.insert([{ slug: 'outil', name: 'Outil', description_fr: 'Un outil.', description_en: 'A tool.' }])
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await context?.close()
    await smtp?.close()
  })

  it('declares and edits without JavaScript, and axe-core finds no serious violation on these pages', { timeout: 180_000 }, async () => {
    const { client, agentId } = await signedInClient(app, context.stores, 'alice@numerique.gouv.fr', { name: 'Alice Martin', isPublic: true })
    const cookie = { name: SESSION_COOKIE, value: client.cookies.get(SESSION_COOKIE)!, url: base }

    const plain = await browser.newContext({ javaScriptEnabled: false })
    await plain.addCookies([cookie])
    const page = await plain.newPage()
    page.setDefaultTimeout(20_000)
    await page.goto(`${base}/fr/catalogue/outil`)
    await page.getByRole('link', { name: 'Je l’utilise' }).click()
    await page.getByLabel('Adresse du service').fill('intranet')
    await page.getByRole('button', { name: 'Déclarer' }).click()
    await expect(page.locator('.fr-error-text').allTextContents()).resolves.toEqual(['Ce champ est obligatoire.', 'Saisissez une adresse web commençant par https:// ou http://.'])
    await expect(page.getByLabel('Adresse du service').inputValue()).resolves.toBe('intranet')
    await page.getByLabel('Organisme (obligatoire)').fill('Mairie de Lyon')
    await page.getByLabel('Adresse du service').fill('https://intranet.lyon.fr/')
    await page.getByLabel('Système d’exploitation').selectOption('linux')
    await page.getByRole('button', { name: 'Déclarer' }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/catalogue/outil')
    await expect(page.getByText('Votre déclaration est enregistrée.').count()).resolves.toBe(1)
    await page.getByRole('link', { name: 'Modifier la déclaration : Mairie de Lyon' }).click()
    await page.getByLabel('Version utilisée').fill('24.2')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(page.getByRole('cell', { name: '24.2' }).count()).resolves.toBe(1)
    const [use] = (await context.stores.declarations.forAgent(agentId)).users
    await page.goto(`${base}/fr/catalogue/outil/declare/referent`)
    // The DSFR draws the checkbox in its label, which takes the click.
    await page.getByText('Je suis expert de ce logiciel').click()
    await page.getByRole('button', { name: 'Déclarer' }).click()
    const [referent] = (await context.stores.declarations.forAgent(agentId)).referents
    await plain.close()

    // axe-core runs as a script: its pages let it past the Content Security Policy.
    const audited = await browser.newContext({ bypassCSP: true })
    await audited.addCookies([cookie])
    const axe = await audited.newPage()
    axe.setDefaultTimeout(20_000)
    const paths = [
      '/fr/catalogue/outil',
      '/fr/catalogue/outil/declare/user',
      '/fr/catalogue/outil/declare/referent',
      '/en/catalogue/outil/declare/instance',
      `/fr/catalogue/outil/declarations/user/${use!.id}/edit`,
      `/fr/catalogue/outil/declarations/user/${use!.id}/withdraw`,
      `/fr/catalogue/outil/referents/${referent!.id}/contact`,
      '/fr/compte',
    ]
    for (const path of paths) {
      await axe.goto(`${base}${path}`)
      expect(await seriousViolations(axe), path).toEqual([])
    }
    await axe.goto(`${base}/fr/catalogue/outil/declare/instance`)
    await axe.getByLabel('Adresse de l’instance').fill('javascript:alert(1)')
    await axe.getByRole('button', { name: 'Déclarer' }).click()
    expect(await seriousViolations(axe), 'the form with its errors').toEqual([])
    await audited.close()

    // A visitor's contact form, with its errors.
    const visitor = await browser.newContext({ bypassCSP: true })
    const contact = await visitor.newPage()
    await contact.goto(`${base}/fr/catalogue/outil/referents/${referent!.id}/contact`)
    await contact.getByRole('button', { name: 'Envoyer' }).click()
    await expect(contact.locator('.fr-error-text').count()).resolves.toBe(2)
    expect(await seriousViolations(contact), 'the contact form with its errors').toEqual([])
    await visitor.close()
  })
})
