import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser, seriousViolations } from '../src/testing/browser.ts'
import { startOidcProvider, type TestOidcProvider } from '../src/testing/oidc-provider.ts'
import { freePort } from '../src/testing/processes.ts'
import { startSmtpServer, type TestSmtpServer } from '../src/testing/smtp.ts'
import { createTestContext, type TestContext } from '../src/testing/test-context.ts'
import { buildApp } from '../src/web/app.tsx'

const ADMIN_TOKEN = 'browser-admin-token-browser'

describe.runIf(hasChromium || process.env.CI)('signing in, in a browser', () => {
  let context: TestContext
  let app: FastifyInstance
  let idp: TestOidcProvider
  let smtp: TestSmtpServer
  let browser: Browser
  let base: string

  beforeAll(async () => {
    // The provider must know Socle's callback before Socle knows the provider: the port is chosen first.
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    idp = await startOidcProvider({
      redirectUris: [`${base}/auth/oidc/agents/callback`],
      accounts: [{ sub: 'jeanne', email: 'jeanne.martin@numerique.gouv.fr', email_verified: true, given_name: 'Jeanne', family_name: 'Martin' }],
    })
    smtp = await startSmtpServer()
    context = await createTestContext({
      config: {
        publicUrl: base,
        adminToken: ADMIN_TOKEN,
        oidcProviders: [{ name: 'agents', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, scopes: 'openid email profile' }],
        smtpUrl: smtp.url,
        signInEmailDomains: ['*.gouv.fr'],
      },
    })
    app = await buildApp(context, { logger: false })
    await app.listen({ port, host: '127.0.0.1' })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await context?.close()
    await idp?.close()
    await smtp?.close()
  })

  it('signs in through the OpenID Connect provider, without JavaScript, and sees the agent’s name in the header', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false })
    await page.goto(`${base}/fr/catalogue`)
    await page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/connexion')
    await page.getByRole('link', { name: 'Se connecter avec agents' }).click()
    expect(page.url().startsWith(idp.issuer)).toBe(true)
    await page.getByLabel('Identifiant').fill('jeanne')
    await page.getByRole('button', { name: 'Continuer' }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/compte')
    await expect(page.getByRole('banner').getByRole('link', { name: 'Jeanne Martin' }).count()).resolves.toBe(1)

    await page.getByRole('textbox', { name: /^Organisation/ }).fill('DINUM')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await expect(page.getByText('Votre profil est enregistré.').count()).resolves.toBe(1)

    await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/')
    await expect(page.getByRole('banner').getByRole('link', { name: 'Se connecter' }).count()).resolves.toBe(1)
    await page.close()
  })

  it('has no serious accessibility violation on the sign-in, account and administration pages', async () => {
    const page = await browser.newPage({ bypassCSP: true })
    for (const path of ['/fr/connexion', '/en/connexion', '/fr/connexion/lien?jeton=x', '/fr/administration/agents']) {
      await page.goto(`${base}${path}`)
      expect(await seriousViolations(page), path).toEqual([])
    }
    await page.goto(`${base}/fr/connexion`)
    await page.getByLabel('Adresse électronique professionnelle').fill('paul@culture.gouv.fr')
    const mail = smtp.nextMail('paul@culture.gouv.fr')
    await page.getByRole('button', { name: 'Recevoir un lien de connexion' }).click()
    expect(await seriousViolations(page), 'email sent').toEqual([])
    await page.goto(/https?:\/\/\S+/.exec((await mail).text)![0])
    expect(await seriousViolations(page), 'email link').toEqual([])
    await page.getByRole('button', { name: 'Me connecter' }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/compte')
    expect(await seriousViolations(page), '/fr/compte').toEqual([])
    await page.goto(`${base}/en/compte`)
    expect(await seriousViolations(page), '/en/compte').toEqual([])

    await page.getByRole('button', { name: 'Sign out', exact: true }).click()
    await page.goto(`${base}/fr/connexion`)
    await page.getByLabel('Jeton d’administration').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Se connecter comme administrateur' }).click()
    expect(new URL(page.url()).pathname).toBe('/fr/administration/agents')
    expect(await seriousViolations(page), '/fr/administration/agents').toEqual([])
    await page.close()
  })
})
