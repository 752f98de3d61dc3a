// The publiccode.yml pages in a real browser, JavaScript off: what an agent without scripts gets.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validatePublicCode } from '../src/domain/publiccode/index.ts'
import { hasChromium, launchBrowser, listen, seriousViolations } from '../src/testing/browser.ts'
import { createTestContext, type TestContext } from '../src/testing/test-context.ts'
import { buildApp } from '../src/web/app.tsx'

const conformance = new URL('../../shared/conformance/publiccode/', import.meta.url)
// The pure round trip of every valid file is tested beside the form (publiccode-form.test.ts); here,
// through real HTML, the files that exercise the most: every key, numbers read as text, an empty
// list, a language other than fr and en, an older version of the standard, non-ASCII texts.
const ROUND_TRIPS = [
  'valid/valid.yml',
  'valid/maintenance_contacts_phone.yml',
  'valid/categories_empty.yml',
  'valid/valid_with_fundedBy_with_uri_url.yml',
  'valid_with_warnings/valid.minimal.v0.3.yml',
  'valid_with_warnings/unicode_grapheme_clusters.yml',
  'valid_with_warnings/valid_with_country_specific_section_downcase.yml',
]

describe.runIf(hasChromium || process.env.CI)('the publiccode.yml pages in a browser', () => {
  let context: TestContext
  let app: FastifyInstance
  let browser: Browser
  let base: string

  beforeAll(async () => {
    context = await createTestContext()
    app = await buildApp(context, { logger: false })
    // Until the pages are wired into registerPages, the test wires them itself.
    base = await listen(app)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await context?.close()
  })

  const noScript = () => browser.newPage({ javaScriptEnabled: false, acceptDownloads: true })
  const generated = (page: Page) => page.locator('#pc-generated').inputValue()
  // The design system draws checkboxes on their labels, which take the clicks, as a user's do.
  const tick = (page: Page, id: string) => page.locator(`label[for="${id}"]`).click()

  it('fills in the editor from scratch without JavaScript and downloads a valid file', async () => {
    const page = await noScript()
    await page.goto(`${base}/fr/opening/publiccode/editor`)
    await page.locator('#pc-name').fill('Mon logiciel')
    await page.locator('#pc-url').fill('https://git.example.gouv.fr/dinum/mon-logiciel.git')
    await page.locator('#pc-softwareVersion').fill('1.0')
    await page.locator('#pc-releaseDate').fill('2024-05-02')
    await tick(page, 'pc-platforms-web')
    await tick(page, 'pc-categories-document-management')
    await page.locator('#pc-developmentStatus').selectOption('stable')
    await page.locator('#pc-softwareType').selectOption('standalone/web')
    await page.locator('#pc-description-fr-shortDescription').fill('Gère les documents des administrations.')
    await page.locator('#pc-description-fr-longDescription').fill('Un logiciel libre pour classer et retrouver les documents. '.repeat(4))
    await page.locator('#pc-description-fr-features').fill('Classement\nRecherche')
    await page.locator('#pc-legal-license').fill('EUPL-1.2')
    await page.locator('#pc-maintenance-type').selectOption('internal')
    await page.locator('#pc-maintenance-contacts-0-name').fill('Camille Martin')
    await page.locator('#pc-maintenance-contacts-0-email').fill('camille.martin@example.gouv.fr')
    await tick(page, 'pc-localisation-localisationReady')

    // A third contact row, asked for without JavaScript: what was typed stays.
    await page.getByRole('button', { name: 'Ajouter un contact' }).click()
    await expect(page.locator('#pc-maintenance-contacts-2-name').count()).resolves.toBe(1)
    await expect(page.locator('#pc-name').inputValue()).resolves.toBe('Mon logiciel')
    await page.locator('#pc-maintenance-contacts-2-name').fill('Dominique Bernard')

    // A required field forgotten: the problem is shown on the field.
    await page.getByRole('button', { name: 'Générer le publiccode.yml' }).click()
    await expect(page.locator('#pc-localisation-availableLanguages-error').textContent()).resolves.toContain('availableLanguages is a required field')
    await page.locator('#pc-localisation-availableLanguages').fill('fr, en')
    await page.getByRole('button', { name: 'Générer le publiccode.yml' }).click()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger publiccode.yml' }).click()])
    expect(download.suggestedFilename()).toBe('publiccode.yml')
    const file = await readFile((await download.path())!, 'utf8')
    expect(file).toBe(await generated(page))
    const result = validatePublicCode(file)
    expect(result.errors).toEqual([])
    expect(result.document).toMatchObject({
      name: 'Mon logiciel',
      releaseDate: '2024-05-02',
      description: { fr: { features: ['Classement', 'Recherche'] } },
      maintenance: { contacts: [{ name: 'Camille Martin', email: 'camille.martin@example.gouv.fr' }, { name: 'Dominique Bernard' }] },
    })
    await page.close()
  })

  it('loads valid conformance files into the form, and saving it unchanged gives the same document', async () => {
    const page = await noScript()
    for (const file of ROUND_TRIPS) {
      const text = readFileSync(new URL(file, conformance), 'utf8')
      await page.goto(`${base}/en/opening/publiccode/editor`)
      await page.locator('#pc-source').fill(text)
      await page.getByRole('button', { name: 'Fill in the form' }).click()
      await page.getByRole('button', { name: 'Generate the publiccode.yml' }).click()
      const saved = validatePublicCode(await generated(page))
      expect(saved.errors, file).toEqual([])
      // Older files move to the latest version of the standard; nothing else changes.
      expect(saved.document, file).toEqual({ ...validatePublicCode(text).document, publiccodeYmlVersion: '0' })
    }
    await page.close()
  })

  it('has no serious accessibility violation on the validator and the editor, empty or showing problems', async () => {
    // axe runs as a script of the page: JavaScript on (the file inputs show), the CSP bypassed for axe.
    const page = await browser.newPage({ bypassCSP: true })
    for (const locale of ['fr', 'en'] as const) {
      const button = (fr: string, en: string) => page.getByRole('button', { name: locale === 'fr' ? fr : en, exact: true })
      await page.goto(`${base}/${locale}/opening/publiccode/validate`)
      expect(await seriousViolations(page), `${locale} validate`).toEqual([])
      await page.locator('#publiccode-yaml').fill('publiccodeYmlVersion: "0"\nname: <b>Medusa</b>\n')
      await button('Valider', 'Validate').click()
      await page.waitForSelector('#validate-result')
      expect(await seriousViolations(page), `${locale} validate result`).toEqual([])

      await page.goto(`${base}/${locale}/opening/publiccode/editor`)
      expect(await seriousViolations(page), `${locale} editor`).toEqual([])
      await page.locator('#pc-maintenance-contacts-0-email').fill('not an email')
      await button('Générer le publiccode.yml', 'Generate the publiccode.yml').click()
      await page.waitForSelector('#pc-problems')
      expect(await seriousViolations(page), `${locale} editor problems`).toEqual([])
    }
    await page.close()
  })
})
