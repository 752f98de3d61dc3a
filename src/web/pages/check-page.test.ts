import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGitRepository, startGitDaemon, temporaryFolder, type TestServer } from '../../adapters/git/test-servers.ts'
import { compliantRepository, FAKE_SECRETS, neglectedRepository } from '../../domain/compliance/fixtures.ts'
import { hasChromium, launchBrowser, listen, seriousViolations } from '../../testing/browser.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { buildApp } from '../app.tsx'

let base: { folder: string; remove(): Promise<void> }
let daemon: TestServer
let context: TestContext
let app: FastifyInstance

beforeAll(async () => {
  base = await temporaryFolder()
  await createGitRepository(base.folder, 'compliant', compliantRepository())
  await createGitRepository(base.folder, 'neglected', neglectedRepository())
  daemon = await startGitDaemon(base.folder)
  context = await createTestContext({ config: { fetchAllowedAddresses: ['127.0.0.1'] } })
  app = await buildApp(context, { logger: false })
})
afterAll(async () => {
  await app?.close()
  await context?.close()
  await daemon?.stop()
  await base?.remove()
})

const page = (path: string) => app.inject(path)
const query = (url: string) => `?url=${encodeURIComponent(url)}`

describe('the check page', () => {
  it('shows the form, in French and in English', async () => {
    const french = await page('/fr/opening/check')
    expect(french.statusCode).toBe(200)
    expect(french.body).toContain('<h1>Vérifier un dépôt</h1>')
    expect(french.body).toMatch(/<form method="get" action="\/fr\/opening\/check"/)
    expect(french.body).toContain('name="url"')
    expect((await page('/en/opening/check')).body).toContain('<h1>Check a repository</h1>')
    expect((await page('/de/opening/check')).statusCode).toBe(404)
  })

  it('shows the report of a compliant repository', async () => {
    const response = await page(`/fr/opening/check${query(`${daemon.base}/compliant`)}`)
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('Score : 100/100')
    expect(response.body).toContain('fr-alert--success')
    expect(response.body).toContain('fr-badge--success')
    expect(response.body).not.toContain('fr-badge--error')
  })

  it('shows failures with their evidence and fixes, secrets masked', async () => {
    const response = await page(`/en/opening/check${query(`${daemon.base}/neglected`)}`)
    const html = response.body
    expect(html).toContain('fr-alert--error')
    expect(html).toContain('fr-badge--error')
    expect(html).toContain('fr-badge--warning')
    expect(html).toContain('How to fix')
    expect(html).toContain('<code>main.py:1</code> · GitHub token: ghp_********')
    for (const secret of Object.values(FAKE_SECRETS)) expect(html).not.toContain(secret)
  })

  it('refuses private addresses and other schemes, and never reads a folder of the server', async () => {
    for (const url of ['http://10.0.0.1/repository.git', '/etc', 'file:///etc/passwd']) {
      const response = await page(`/fr/opening/check${query(url)}`)
      expect(response.statusCode, url).toBe(400)
      expect(response.body).toContain('Vérification impossible')
      expect(response.body).toContain('fr-input-group--error')
      expect(response.body).not.toContain('Score')
    }
  })
})

describe.runIf(hasChromium || process.env.CI)('the check page in a browser', () => {
  let browser: Browser
  let origin: string
  beforeAll(async () => {
    origin = await listen(app)
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('checks a repository with the form, without JavaScript', async () => {
    const tab = await browser.newPage({ javaScriptEnabled: false })
    await tab.goto(`${origin}/fr/opening/check`)
    await tab.getByLabel('Adresse du dépôt git').fill(`${daemon.base}/neglected`)
    await tab.getByRole('button', { name: 'Vérifier' }).click()
    expect(new URL(tab.url()).searchParams.get('url')).toBe(`${daemon.base}/neglected`)
    await expect(tab.getByRole('heading', { name: 'Aucun secret publié' }).count()).resolves.toBe(1)
    await tab.close()
  })

  it('has no serious accessibility violation', async () => {
    const tab = await browser.newPage({ bypassCSP: true })
    for (const path of ['/fr/opening/check', `/fr/opening/check${query(`${daemon.base}/neglected`)}`, `/en/opening/check${query(`${daemon.base}/compliant`)}`, `/fr/opening/check${query('http://10.0.0.1/x')}`]) {
      await tab.goto(`${origin}${path}`)
      expect(await seriousViolations(tab), path).toEqual([])
    }
    await tab.close()
  })
})
