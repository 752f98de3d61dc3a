import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchBrowser, seriousViolations } from '../src/testing/browser.ts'
import { startOidcProvider, type TestOidcProvider } from '../src/testing/oidc-provider.ts'
import { freePort } from '../src/testing/processes.ts'
import { createTestContext, type TestContext } from '../src/testing/test-context.ts'
import { buildApp } from '../src/web/app.tsx'

const ADMIN_TOKEN = 'catalogue-browser-admin-token'
const NAME = 'Cartographe Libre'

/**
 * The catalogue from end to end, as an agent and a moderator live it, JavaScript off: an agent signs in
 * through the OpenID Connect provider, proposes a software, a moderator accepts it, the agent declares
 * their use, becomes a referent and declares an instance, then finds it by searching and filtering, and
 * it is in the JSON export.
 */
describe.runIf(hasChromium || process.env.CI)('the catalogue, in a browser', () => {
  let context: TestContext
  let app: FastifyInstance
  let idp: TestOidcProvider
  let browser: Browser
  let base: string
  let agent: Page
  let slug = ''

  beforeAll(async () => {
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    idp = await startOidcProvider({
      redirectUris: [`${base}/auth/oidc/agents/callback`],
      accounts: [{ sub: 'amina', email: 'amina.diallo@interieur.gouv.fr', email_verified: true, given_name: 'Amina', family_name: 'Diallo' }],
    })
    context = await createTestContext({
      config: {
        publicUrl: base,
        adminToken: ADMIN_TOKEN,
        oidcProviders: [{ name: 'agents', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, scopes: 'openid email profile' }],
      },
    })
    app = await buildApp(context, { logger: false })
    await app.listen({ port, host: '127.0.0.1' })
    browser = await launchBrowser()
    agent = await browser.newPage({ javaScriptEnabled: false })
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await context?.close()
    await idp?.close()
  })

  it('lets an agent propose a software that a moderator accepts', async () => {
    await agent.goto(`${base}/fr/connexion`)
    await agent.getByRole('link', { name: 'Se connecter avec agents' }).click()
    await agent.getByLabel('Identifiant').fill('amina')
    await agent.getByRole('button', { name: 'Continuer' }).click()
    expect(new URL(agent.url()).pathname).toBe('/fr/compte')

    await agent.goto(`${base}/fr/catalogue`)
    await agent.getByRole('link', { name: 'Ajouter un logiciel' }).click()
    await agent.getByLabel('Nom', { exact: true }).fill(NAME)
    await agent.getByRole('button', { name: 'Vérifier et continuer' }).click()
    await agent.getByRole('link', { name: 'Continuer sans pré-remplissage' }).click()
    await agent.getByLabel('Licence (SPDX)').fill('AGPL-3.0-or-later')
    await agent.locator('label[for="software-platforms-desktop"]').click()
    await agent.getByRole('button', { name: 'Proposer ce logiciel' }).click()
    await expect(agent.getByText('En attente de modération').count()).resolves.toBeGreaterThan(0)
    const softwarePath = new URL(agent.url()).pathname

    const moderator = await browser.newPage({ javaScriptEnabled: false })
    await moderator.goto(`${base}/fr/connexion`)
    await moderator.getByLabel('Jeton d’administration').fill(ADMIN_TOKEN)
    await moderator.getByRole('button', { name: 'Se connecter comme administrateur' }).click()
    await moderator.goto(`${base}/fr/administration/catalogue`)
    await moderator.getByRole('row', { name: new RegExp(NAME) }).getByRole('button', { name: 'Accepter' }).click()
    await moderator.goto(`${base}${softwarePath}`)
    await expect(moderator.getByText('En attente de modération').count()).resolves.toBe(0)
    await moderator.close()
  })

  it('lets the agent declare their use, vouch for it and declare an instance, then find it and see it in the open data', async () => {
    await agent.goto(`${base}/fr/catalogue`)
    await agent.getByLabel('Rechercher', { exact: true }).fill('cartographe')
    await agent.getByRole('button', { name: 'Rechercher' }).click()
    await agent.getByRole('link', { name: NAME }).first().click()

    await agent.getByRole('link', { name: 'Je l’utilise' }).click()
    await agent.getByLabel('Organisme (obligatoire)').fill('Préfecture du Rhône')
    await agent.getByLabel('Système d’exploitation').selectOption('linux')
    await agent.getByRole('button', { name: 'Déclarer' }).click()
    await expect(agent.getByText('Votre déclaration est enregistrée.').count()).resolves.toBe(1)

    await agent.getByRole('link', { name: 'Je suis référent' }).click()
    await agent.getByText('Je suis expert de ce logiciel').click()
    await agent.getByRole('button', { name: 'Déclarer' }).click()
    await expect(agent.getByText('Votre déclaration est enregistrée.').count()).resolves.toBe(1)

    await agent.getByRole('link', { name: 'Déclarer une instance' }).click()
    await agent.getByLabel(/^Organisme/).fill('Préfecture du Rhône')
    await agent.getByLabel('Adresse de l’instance').fill('https://carto.rhone.gouv.fr/')
    await agent.getByText('Cette instance est ouverte au public').click()
    await agent.getByRole('button', { name: 'Déclarer' }).click()
    await expect(agent.getByText('Votre déclaration est enregistrée.').count()).resolves.toBe(1)
    await expect(agent.getByRole('cell', { name: 'Préfecture du Rhône' }).count()).resolves.toBeGreaterThan(0)

    // Found again by a search with a typo, narrowed by a facet: still there, with its declarations counted.
    await agent.goto(`${base}/fr/catalogue`)
    await agent.getByLabel('Rechercher', { exact: true }).fill('cartografe')
    await agent.getByRole('button', { name: 'Rechercher' }).click()
    await agent.getByRole('group', { name: 'Plateforme' }).getByLabel(/^Poste de travail/).check({ force: true })
    await agent.getByRole('button', { name: 'Appliquer les filtres' }).first().click()
    expect(new URL(agent.url()).searchParams.get('q')).toBe('cartografe')
    await expect(agent.getByRole('link', { name: NAME }).count()).resolves.toBeGreaterThan(0)

    const exported = (await (await fetch(`${base}/api/v1/opendata/software.json`)).json()) as Record<string, unknown>[]
    const row = exported.find((s) => s.name === NAME)
    expect(row).toMatchObject({ licence: 'AGPL-3.0-or-later', platforms: ['desktop'], userCount: 1, referentCount: 1, publicInstanceCount: 1 })
    slug = String(row!.slug)
  })

  it('has no serious accessibility violation on the catalogue, software, form and administration pages', async () => {
    const page = await browser.newPage({ bypassCSP: true })
    await page.goto(`${base}/fr/connexion`)
    await page.getByLabel('Jeton d’administration').fill(ADMIN_TOKEN)
    await page.getByRole('button', { name: 'Se connecter comme administrateur' }).click()
    for (const path of ['/fr/catalogue', `/fr/catalogue?q=carto&platform=desktop`, `/fr/catalogue/${slug}`, '/fr/catalogue/add', '/fr/administration/catalogue', '/en/catalogue']) {
      await page.goto(`${base}${path}`)
      expect(await seriousViolations(page), path).toEqual([])
    }
    await page.close()
  })
})
