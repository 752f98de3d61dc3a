import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PageClient, signedInClient } from '../../../testing/page-client.ts'
import { startSmtpServer, type TestSmtpServer } from '../../../testing/smtp.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { buildApp } from '../../app.tsx'

let context: TestContext
let app: FastifyInstance
let smtp: TestSmtpServer
let softwareId: string
let otherSoftwareId: string
/** Alice declares; Bob is another agent; Maud moderates; Rita is a referent people write to. */
let alice: PageClient
let aliceId: string
let bob: PageClient
let maud: PageClient
let ritaId: string
const RITA_EMAIL = 'rita.secret@interieur.gouv.fr'

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'

beforeAll(async () => {
  smtp = await startSmtpServer()
  context = await createTestContext({ config: { publicUrl: 'http://localhost:8080', sessionSecret: 'a-session-secret-of-at-least-32-characters', smtpUrl: smtp.url, mailFrom: 'Socle <socle@localhost>' } })
  app = await buildApp(context, { logger: false })
  await context.stores.software.insert([
    { slug: 'outil', name: 'Outil', description_fr: '', description_en: '' },
    { slug: 'autre', name: 'Autre', description_fr: '', description_en: '' },
    { slug: 'en-attente', name: 'En attente', description_fr: '', description_en: '', moderation: 'pending' },
  ])
  softwareId = (await context.stores.software.bySlug('outil'))!.id
  otherSoftwareId = (await context.stores.software.bySlug('autre'))!.id
  ;({ client: alice, agentId: aliceId } = await signedInClient(app, context.stores, 'alice@numerique.gouv.fr', { name: 'Alice Martin', isPublic: true }))
  ;({ client: bob } = await signedInClient(app, context.stores, 'bob@numerique.gouv.fr'))
  ;({ client: maud } = await signedInClient(app, context.stores, 'maud@numerique.gouv.fr', { role: 'moderator' }))
  ;({ agentId: ritaId } = await signedInClient(app, context.stores, RITA_EMAIL, { name: 'Rita', isPublic: true }))
})
afterAll(async () => {
  await app?.close()
  await context?.close()
  await smtp?.close()
})

const FORM = '/fr/catalogue/outil/declare/user'
const declarations = () => context.stores.declarations.forSoftware(softwareId, { privateInstances: true })
const audit = () => context.stores.audit.forSubject('software', softwareId)

function expectSignIn(response: LightMyRequestResponse, back: string) {
  expect(response.statusCode).toBe(303)
  expect(response.headers.location).toBe(`${back.slice(0, 3)}/connexion?retour=${encodeURIComponent(back)}`)
}

/** The text of the inline error of a field, if any. */
function fieldError(body: string, id: string): string | undefined {
  return new RegExp(`<p class="fr-error-text" id="${id}-error">([^<]*)</p>`).exec(body)?.[1]
}

async function declareAs(client: PageClient, kind: 'user' | 'referent' | 'instance', fields: Record<string, string | string[]>, slug = 'outil') {
  const url = `/fr/catalogue/${slug}/declare/${kind}`
  return client.submit(url, url, fields)
}

describe('declaring', () => {
  it('sends visitors to sign in and back, for the form and for a post', async () => {
    const visitor = new PageClient(app)
    expectSignIn(await visitor.get(FORM), FORM)
    expectSignIn(await visitor.request('POST', FORM, { organisation: 'Mairie' }), FORM)
    expectSignIn(await visitor.get('/en/catalogue/outil/declare/referent'), '/en/catalogue/outil/declare/referent')
    expect((await declarations()).users).toHaveLength(0)
  })

  it('shows signed-in agents the form of each kind, with their organisation filled in', async () => {
    await context.stores.agents.updateProfile(aliceId, { name: 'Alice Martin', organisation: 'DINUM', about: null, is_public: true })
    const page = await alice.get(FORM)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('name="organisation"')
    expect(page.body).toContain('value="DINUM"')
    expect(page.body).toContain('name="_csrf"')
    expect((await alice.get('/en/catalogue/outil/declare/instance')).body).toContain('name="is_public"')
    expect((await alice.get('/fr/catalogue/outil/declare/referent')).body).toContain('name="is_expert"')
    expect((await alice.get('/fr/catalogue/outil/declare/owner')).statusCode).toBe(404)
    expect((await alice.get('/fr/catalogue/nothing-here/declare/user')).statusCode).toBe(404)
  })

  it('refuses a post without the form’s CSRF token, or with another one', async () => {
    expect((await alice.request('POST', FORM, { organisation: 'Mairie' })).statusCode).toBe(403)
    const bobsToken = await bob.csrfToken(FORM)
    expect((await alice.request('POST', FORM, { _csrf: bobsToken, organisation: 'Mairie' })).statusCode).toBe(403)
    expect((await alice.request('POST', FORM, { _csrf: [await alice.csrfToken(FORM), 'x'], organisation: 'Mairie' })).statusCode).toBe(403)
    expect((await declarations()).users).toHaveLength(0)
  })

  it('records the declaration and its audit entry, then shows the software page with a notice', async () => {
    const response = await declareAs(alice, 'user', { organisation: ' Mairie de Lyon ', use_case: 'Courrier', version: '7.6', os: 'linux', service_url: 'https://courrier.lyon.fr/' })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/fr/catalogue/outil?info=declared#declarations')
    const [row] = (await declarations()).users
    expect(row).toMatchObject({ organisation: 'Mairie de Lyon', use_case: 'Courrier', version: '7.6', os: 'linux', service_url: 'https://courrier.lyon.fr/', agent_id: aliceId })
    expect(await audit()).toContainEqual(expect.objectContaining({ agent_id: aliceId, action: 'declaration.added', details: expect.objectContaining({ kind: 'user', declaration: row!.id }) }))
    const page = await alice.get(response.headers.location as string)
    expect(page.body).toContain('Votre déclaration est enregistrée.')
    expect(page.body).toContain('Mairie de Lyon')
  })

  it('shows malformed posts again with an error next to each field, never a server error', async () => {
    const missing = await declareAs(alice, 'user', { use_case: 'Sans organisme', os: 'beos', service_url: 'javascript:alert(1)' })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('fr-input-group--error')
    expect(missing.body).toContain('<title>Erreur : ')
    expect(fieldError(missing.body, 'declaration-organisation')).toBe('Ce champ est obligatoire.')
    expect(fieldError(missing.body, 'declaration-os')).toBe('Choisissez un système dans la liste.')
    expect(fieldError(missing.body, 'declaration-service_url')).toContain('https://')
    expect(missing.body).toContain('Sans organisme')
    expect(missing.body).toContain('value="javascript:alert(1)"')

    const overlong = await declareAs(alice, 'instance', { organisation: 'x'.repeat(301), audience: 'y'.repeat(501), url: 'https://ok.example/' })
    expect(overlong.statusCode).toBe(400)
    expect(fieldError(overlong.body, 'declaration-organisation')).toBe('Ce texte est trop long.')
    expect(fieldError(overlong.body, 'declaration-audience')).toBe('Ce texte est trop long.')
    expect(overlong.body).toContain('value="https://ok.example/"')

    const arrays = await declareAs(alice, 'user', { organisation: ['A', 'B'], version: ['1', '2'], os: ['linux', 'ios'] })
    expect(arrays.statusCode).toBe(400)
    expect(fieldError(arrays.body, 'declaration-organisation')).toContain('n’est pas lisible')
    expect(fieldError(arrays.body, 'declaration-version')).toContain('n’est pas lisible')

    const wrong = await declareAs(alice, 'referent', { is_expert: 'maybe', use_case: 'a\u0000b', service_url: 'ftp://files.example/' })
    expect(wrong.statusCode).toBe(400)
    expect(fieldError(wrong.body, 'declaration-is_expert')).toBeDefined()
    expect(fieldError(wrong.body, 'declaration-use_case')).toBeDefined()
    expect(fieldError(wrong.body, 'declaration-service_url')).toBeDefined()

    const english = await alice.submit('/en/catalogue/outil/declare/user', '/en/catalogue/outil/declare/user', {})
    expect(english.statusCode).toBe(400)
    expect(fieldError(english.body, 'declaration-organisation')).toBe('This field is required.')

    const json = await app.inject({ method: 'POST', url: FORM, cookies: Object.fromEntries(alice.cookies), payload: { _csrf: await alice.csrfToken(FORM), organisation: { $ne: 1 }, is_public: true } })
    expect(json.statusCode).toBe(400)
    expect(fieldError(json.body, 'declaration-organisation')).toContain('n’est pas lisible')
    expect((await declarations()).users).toHaveLength(1)
  })

  it('answers 404 on a software awaiting moderation, but to moderators', async () => {
    expect((await alice.get('/fr/catalogue/en-attente/declare/user')).statusCode).toBe(404)
    const token = await alice.csrfToken(FORM)
    expect((await alice.request('POST', '/fr/catalogue/en-attente/declare/user', { _csrf: token, organisation: 'Mairie' })).statusCode).toBe(404)
    expect((await maud.get('/fr/catalogue/en-attente/declare/user')).statusCode).toBe(200)
    const pending = (await context.stores.software.bySlug('en-attente'))!.id
    expect((await context.stores.declarations.forSoftware(pending)).users).toHaveLength(0)
  })

  it('declares a referent once per agent and software, and says so the second time', async () => {
    expect((await declareAs(alice, 'referent', { is_expert: 'on', use_case: 'Formation' })).statusCode).toBe(303)
    const again = await declareAs(alice, 'referent', {})
    expect(again.statusCode).toBe(409)
    expect(again.body).toContain('Vous êtes déjà référent de ce logiciel')
    expect((await declarations()).referents.filter((r) => r.agent_id === aliceId)).toHaveLength(1)
    // Another software is another matter.
    expect((await declareAs(alice, 'referent', {}, 'autre')).statusCode).toBe(303)
  })

  it('keeps a private instance off the page for everyone but its declarer and moderators', async () => {
    expect((await declareAs(alice, 'instance', { organisation: 'Intranet de la mairie', url: 'https://intra.lyon.fr/' })).statusCode).toBe(303)
    expect((await alice.get('/fr/catalogue/outil')).body).toContain('Intranet de la mairie')
    expect((await maud.get('/fr/catalogue/outil')).body).toContain('Intranet de la mairie')
    expect((await bob.get('/fr/catalogue/outil')).body).not.toContain('Intranet de la mairie')
    expect((await new PageClient(app).get('/fr/catalogue/outil')).body).not.toContain('Intranet de la mairie')
  })
})

describe('editing and withdrawing', () => {
  let userId: string
  const edit = () => `/fr/catalogue/outil/declarations/user/${userId}/edit`
  const withdraw = () => `/fr/catalogue/outil/declarations/user/${userId}/withdraw`

  beforeAll(async () => {
    userId = (await declarations()).users.find((u) => u.agent_id === aliceId)!.id
  })

  it('shows edit and withdraw links only to who may follow them', async () => {
    const links = (body: string) => body.includes(edit()) && body.includes(withdraw())
    expect(links((await alice.get('/fr/catalogue/outil')).body)).toBe(true)
    expect(links((await maud.get('/fr/catalogue/outil')).body)).toBe(true)
    expect(links((await bob.get('/fr/catalogue/outil')).body)).toBe(false)
    const visitorPage = (await new PageClient(app).get('/fr/catalogue/outil')).body
    expect(links(visitorPage)).toBe(false)
    for (const button of ['Je l’utilise', 'Je suis référent', 'Déclarer une instance']) expect(visitorPage).toContain(button)
    expect((await new PageClient(app).get('/en/catalogue/outil')).body).toContain('I am a referent')
  })

  it('sends visitors to sign in, refuses another agent (403) and a post without CSRF (403)', async () => {
    const visitor = new PageClient(app)
    expectSignIn(await visitor.get(edit()), edit())
    expectSignIn(await visitor.request('POST', edit(), { organisation: 'Pirate' }), edit())
    expectSignIn(await visitor.get(withdraw()), withdraw())
    expectSignIn(await visitor.request('POST', withdraw(), {}), withdraw())
    expect((await bob.get(edit())).statusCode).toBe(403)
    expect((await bob.get(withdraw())).statusCode).toBe(403)
    const bobsToken = await bob.csrfToken(FORM)
    expect((await bob.request('POST', edit(), { _csrf: bobsToken, organisation: 'Pirate' })).statusCode).toBe(403)
    expect((await bob.request('POST', edit(), { _csrf: bobsToken })).statusCode).toBe(403)
    expect((await bob.request('POST', withdraw(), { _csrf: bobsToken })).statusCode).toBe(403)
    expect((await alice.request('POST', edit(), { organisation: 'Sans jeton' })).statusCode).toBe(403)
    expect((await alice.request('POST', withdraw(), {})).statusCode).toBe(403)
    expect((await declarations()).users.find((u) => u.id === userId)).toMatchObject({ organisation: 'Mairie de Lyon' })
  })

  it('answers 404 for an unknown id, a malformed one, or one of another software', async () => {
    expect((await alice.get('/fr/catalogue/outil/declarations/user/not-a-uuid/edit')).statusCode).toBe(404)
    expect((await alice.get('/fr/catalogue/outil/declarations/user/00000000-0000-4000-8000-000000000000/edit')).statusCode).toBe(404)
    expect((await alice.get(`/fr/catalogue/autre/declarations/user/${userId}/edit`)).statusCode).toBe(404)
    expect((await alice.get(`/fr/catalogue/outil/declarations/referent/${userId}/withdraw`)).statusCode).toBe(404)
    const token = await alice.csrfToken(edit())
    expect((await alice.request('POST', `/fr/catalogue/autre/declarations/user/${userId}/withdraw`, { _csrf: token })).statusCode).toBe(404)
  })

  it('lets the declarer edit, with the stored values in the form and inline errors', async () => {
    const form = await alice.get(edit())
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('value="Mairie de Lyon"')
    expect(form.body).toMatch(/<option value="linux" selected/)
    const bad = await alice.submit(edit(), edit(), { organisation: '', version: 'v'.repeat(101) })
    expect(bad.statusCode).toBe(400)
    expect(fieldError(bad.body, 'declaration-organisation')).toBe('Ce champ est obligatoire.')
    expect(fieldError(bad.body, 'declaration-version')).toBe('Ce texte est trop long.')
    const done = await alice.submit(edit(), edit(), { organisation: 'Métropole de Lyon', version: '24.2', os: 'windows' })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe('/fr/catalogue/outil?info=edited#declarations')
    expect((await declarations()).users.find((u) => u.id === userId)).toMatchObject({ organisation: 'Métropole de Lyon', version: '24.2', os: 'windows', use_case: null, updated_by: aliceId })
    expect(await audit()).toContainEqual(expect.objectContaining({ agent_id: aliceId, action: 'declaration.edited' }))
  })

  it('lets a moderator edit and withdraw anyone’s declaration', async () => {
    const done = await maud.submit(edit(), edit(), { organisation: 'Métropole de Lyon (modéré)' })
    expect(done.statusCode).toBe(303)
    expect((await declarations()).users.find((u) => u.id === userId)).toMatchObject({ organisation: 'Métropole de Lyon (modéré)' })
    const instance = (await declarations()).instances.find((i) => i.agent_id === aliceId)!
    const url = `/fr/catalogue/outil/declarations/instance/${instance.id}/withdraw`
    const confirm = await maud.get(url)
    expect(confirm.statusCode).toBe(200)
    expect(confirm.body).toContain('Intranet de la mairie')
    const gone = await maud.submit(url, url, {})
    expect(gone.statusCode).toBe(303)
    expect(gone.headers.location).toBe('/fr/catalogue/outil?info=withdrawn#declarations')
    expect((await declarations()).instances.find((i) => i.id === instance.id)).toBeUndefined()
    expect(await audit()).toContainEqual(expect.objectContaining({ action: 'declaration.withdrawn', details: expect.objectContaining({ kind: 'instance', as: 'moderator' }) }))
  })

  it('lets the declarer withdraw after confirming', async () => {
    const confirm = await alice.get(withdraw())
    expect(confirm.statusCode).toBe(200)
    expect(confirm.body).toContain('Voulez-vous vraiment retirer cette déclaration')
    const gone = await alice.submit(withdraw(), withdraw(), {})
    expect(gone.statusCode).toBe(303)
    expect((await declarations()).users.find((u) => u.id === userId)).toBeUndefined()
    expect((await alice.get(withdraw())).statusCode).toBe(404)
  })

  it('lists the agent’s declarations on their account page, with their links', async () => {
    const page = await alice.get('/fr/compte')
    expect(page.body).toContain('Mes déclarations')
    const referent = (await declarations()).referents.find((r) => r.agent_id === aliceId)!
    expect(page.body).toContain(`/fr/catalogue/outil/declarations/referent/${referent.id}/edit`)
    expect(page.body).toContain('href="/fr/catalogue/autre"')
    expect((await bob.get('/fr/compte')).body).toContain('Vous n’avez encore rien déclaré')
  })
})

describe('hostile text', () => {
  it('is shown as text wherever it was typed', async () => {
    const { client: eve } = await signedInClient(app, context.stores, 'eve@numerique.gouv.fr', { name: HOSTILE, isPublic: true })
    const url = `https://evil.example/"><script>alert(1)</script>`
    expect((await declareAs(eve, 'user', { organisation: HOSTILE, use_case: HOSTILE, version: HOSTILE.slice(0, 100), os: 'other', service_url: url })).statusCode).toBe(303)
    expect((await declareAs(eve, 'referent', { use_case: HOSTILE, service_url: url })).statusCode).toBe(303)
    expect((await declareAs(eve, 'instance', { organisation: HOSTILE, audience: HOSTILE, url, is_public: 'on' })).statusCode).toBe(303)
    for (const viewer of [eve, new PageClient(app)]) {
      const page = await viewer.get('/fr/catalogue/outil')
      expect(page.body).not.toContain('<script>alert')
      expect(page.body).not.toContain('<img src=x')
      expect(page.body).toContain('&lt;script>alert')
    }
    const account = await eve.get('/fr/compte')
    expect(account.body).not.toContain('<script>alert')
    const rejected = await declareAs(eve, 'user', { organisation: HOSTILE, service_url: 'javascript:alert(1)' })
    expect(rejected.statusCode).toBe(400)
    expect(rejected.body).not.toContain('<script>alert')
    // The withdraw page names the declaration too.
    const row = (await declarations()).users.find((u) => u.organisation === HOSTILE)!
    const confirm = await eve.get(`/fr/catalogue/outil/declarations/user/${row.id}/withdraw`)
    expect(confirm.body).not.toContain('<script>alert')
  })
})

describe('contacting a referent', () => {
  let referentId: string
  const contact = () => `/fr/catalogue/outil/referents/${referentId}/contact`
  /** Every answer of this part, searched for the referent's address at the end. */
  const answers: LightMyRequestResponse[] = []
  const kept = (response: LightMyRequestResponse) => {
    answers.push(response)
    return response
  }

  beforeAll(async () => {
    referentId = await context.stores.declarations.add('referent', softwareId, ritaId, { is_expert: true, use_case: 'Support' })
  })

  it('links each referent with an account from the software page, and shows visitors a form', async () => {
    const page = kept(await new PageClient(app, '10.0.0.1').get('/fr/catalogue/outil'))
    expect(page.body).toContain(`href="${contact()}"`)
    const form = kept(await new PageClient(app, '10.0.0.1').get(contact()))
    expect(form.statusCode).toBe(200)
    expect(form.body).toContain('name="email"')
    expect(form.body).toContain('name="message"')
  })

  it('mails the referent with the visitor as the address to answer to', async () => {
    const visitor = new PageClient(app, '10.0.0.2')
    const response = kept(await visitor.submit(contact(), contact(), { email: 'Jo@Example.org', name: 'Jo Durand', message: 'Bonjour, avez-vous migré vers la version 8 ?' }))
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/fr/catalogue/outil?info=sent#declarations')
    const mail = await smtp.nextMail(RITA_EMAIL)
    expect(mail.replyTo).toBe('jo@example.org')
    expect(mail.from).toBe('socle@localhost')
    expect(mail.subject).toBe('[Socle] Un message à propos de Outil')
    expect(mail.text).toContain('Jo Durand vous écrit')
    expect(mail.text).toContain('avez-vous migré vers la version 8 ?')
    expect(mail.text).toContain('http://localhost:8080/fr/catalogue/outil')
    expect(mail.text).toContain('ni son nom ni son adresse n’ont été vérifiés')
    kept(await visitor.get(response.headers.location as string))
    expect(await audit()).toContainEqual(expect.objectContaining({ agent_id: null, action: 'referent.contacted', details: { referent: referentId } }))
  })

  it('writes from a signed-in agent’s own address, which they do not type', async () => {
    const form = kept(await bob.get(contact()))
    expect(form.body).not.toContain('name="email"')
    expect(form.body).toContain('bob@numerique.gouv.fr')
    const response = kept(await bob.submit(contact(), contact(), { email: 'someone-else@example.org', message: 'Une question sur le support, merci.' }))
    expect(response.statusCode).toBe(303)
    const mail = await smtp.nextMail(RITA_EMAIL)
    expect(mail.replyTo).toBe('bob@numerique.gouv.fr')
    expect(mail.text).not.toContain('vérifiés')
  })

  it('shows malformed messages again with inline errors, and refuses posts without CSRF', async () => {
    const visitor = new PageClient(app, '10.0.0.3')
    const bad = kept(await visitor.submit(contact(), contact(), { email: 'pas une adresse', message: 'x'.repeat(4001) }))
    expect(bad.statusCode).toBe(400)
    expect(fieldError(bad.body, 'contact-email')).toContain('adresse électronique valide')
    expect(fieldError(bad.body, 'contact-message')).toBe('Ce texte est trop long.')
    expect(bad.body).toContain('pas une adresse')
    const arrays = kept(await visitor.submit(contact(), contact(), { email: ['a@example.org', 'b@example.org'], message: ['Bonjour à vous', 'deux fois'] }))
    expect(arrays.statusCode).toBe(400)
    expect(kept(await visitor.request('POST', contact(), { email: 'jo@example.org', message: 'Sans jeton de formulaire' })).statusCode).toBe(403)
  })

  it('answers 404 for a referent of another software, an imported one, or no referent at all', async () => {
    const imported = await context.stores.declarations.add('referent', softwareId, null, { is_expert: false })
    const elsewhere = await context.stores.declarations.add('referent', otherSoftwareId, ritaId, { is_expert: false })
    const visitor = new PageClient(app, '10.0.0.4')
    expect(kept(await visitor.get(`/fr/catalogue/outil/referents/${imported}/contact`)).statusCode).toBe(404)
    expect(kept(await visitor.get(`/fr/catalogue/outil/referents/${elsewhere}/contact`)).statusCode).toBe(404)
    expect(kept(await visitor.get('/fr/catalogue/outil/referents/zzz/contact')).statusCode).toBe(404)
    const token = await visitor.csrfToken(contact())
    expect(kept(await visitor.request('POST', `/fr/catalogue/outil/referents/${elsewhere}/contact`, { _csrf: token, email: 'a@example.org', message: 'Une question, merci beaucoup.' })).statusCode).toBe(404)
    expect((await new PageClient(app).get('/fr/catalogue/outil')).body).not.toContain(`/referents/${imported}/contact`)
  })

  it('limits messages per sender and per client address, with a clear 429 page', async () => {
    const send = (client: PageClient, email: string) => client.submit(contact(), contact(), { email, message: 'Encore une question, pardon.' })
    const flooder = new PageClient(app, '10.0.0.5')
    for (let i = 0; i < 5; i++) expect(kept(await send(flooder, 'flood@example.org')).statusCode).toBe(303)
    const refused = kept(await send(flooder, 'flood@example.org'))
    expect(refused.statusCode).toBe(429)
    expect(refused.body).toContain('Vous avez envoyé 5 messages dans la dernière heure')
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    // The same address from elsewhere, or other addresses from the same client: still refused.
    expect(kept(await send(new PageClient(app, '10.0.0.6'), 'flood@example.org')).statusCode).toBe(429)
    expect(kept(await send(flooder, 'other@example.org')).statusCode).toBe(429)
    // Others are not held back.
    expect(kept(await send(new PageClient(app, '10.0.0.7'), 'calm@example.org')).statusCode).toBe(303)
  })

  it('never shows the referent’s address', async () => {
    expect(answers.length).toBeGreaterThan(10)
    for (const response of answers) {
      expect(response.body).not.toContain(RITA_EMAIL)
      expect(JSON.stringify(response.headers)).not.toContain(RITA_EMAIL)
    }
  })
})
