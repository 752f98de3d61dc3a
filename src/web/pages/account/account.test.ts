import fastifyCookie from '@fastify/cookie'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { Command } from 'commander'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { addAgentsCommand } from '../../../cli/commands/agents.ts'
import { CommandError, UsageError } from '../../../cli/errors.ts'
import { startOidcProvider, type TestOidcProvider } from '../../../testing/oidc-provider.ts'
import { startSmtpServer, type TestSmtpServer } from '../../../testing/smtp.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { buildApp } from '../../app.tsx'
import { requireRole } from '../../auth/require-role.ts'
import { localPath } from '../../auth/session.ts'

const PUBLIC_URL = 'http://localhost:8080'
const SECRET = 'a-session-secret-of-at-least-32-characters'
const ADMIN_TOKEN = 'admin-token-admin-token'

let context: TestContext
let app: FastifyInstance
let idp: TestOidcProvider
/** Answers as ProConnect does: its scopes, names in given_name and usual_name, a signed userinfo. */
let proconnect: TestOidcProvider
let smtp: TestSmtpServer

beforeAll(async () => {
  smtp = await startSmtpServer()
  idp = await startOidcProvider({
    redirectUris: [`${PUBLIC_URL}/auth/oidc/test/callback`],
    accounts: [
      { sub: 'jeanne', email: 'Jeanne.Martin@numerique.gouv.fr', email_verified: true, given_name: 'Jeanne', usual_name: 'Martin', family_name: 'Martin', siret: '13002526500013' },
      { sub: 'unverified', email: 'someone@numerique.gouv.fr', email_verified: false, name: 'Someone' },
      { sub: 'nomail', name: 'No Mail' },
    ],
  })
  proconnect = await startOidcProvider({
    redirectUris: [`${PUBLIC_URL}/auth/oidc/proconnect/callback`],
    signedUserinfo: true,
    accounts: [{ sub: 'pc-42', email: 'louise.michel@justice.gouv.fr', email_verified: true, given_name: 'Louise', usual_name: 'Michel', siret: '11000201100044' }],
  })
  context = await createTestContext({
    config: {
      publicUrl: PUBLIC_URL,
      sessionSecret: SECRET,
      adminToken: ADMIN_TOKEN,
      oidcProviders: [
        { name: 'test', issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, scopes: 'openid email profile' },
        { name: 'down', issuer: 'http://127.0.0.1:1', clientId: 'x', clientSecret: 'x', scopes: 'openid email' },
        { name: 'proconnect', issuer: proconnect.issuer, clientId: proconnect.clientId, clientSecret: proconnect.clientSecret, scopes: 'openid email given_name usual_name siret' },
      ],
      smtpUrl: smtp.url,
      mailFrom: 'Socle <socle@localhost>',
      signInEmailDomains: ['*.gouv.fr'],
    },
  })
  app = await buildApp(context, { logger: false })
  // A route of the API that only moderators may use: the shape later write routes will have.
  app.get('/api/v1/test-moderation', async (request) => {
    requireRole(request, 'moderator')
    return { ok: true }
  })
})
afterAll(async () => {
  await app?.close()
  await context?.close()
  await idp?.close()
  await proconnect?.close()
  await smtp?.close()
})

/** A browser: its cookies, kept across requests. */
class Browser {
  readonly cookies = new Map<string, string>()

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<LightMyRequestResponse> {
    const response = await app.inject({
      method,
      url,
      cookies: Object.fromEntries(this.cookies),
      ...(form ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() } : {}),
    })
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.maxAge === 0) this.cookies.delete(cookie.name)
      else this.cookies.set(cookie.name, cookie.value)
    }
    return response
  }

  get(url: string) {
    return this.request('GET', url)
  }

  /** Posts a form with the CSRF token of the page it is on, as a browser would. */
  async submit(pageUrl: string, action: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const page = await this.get(pageUrl)
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
    if (!token) throw new Error(`No CSRF token on ${pageUrl}`)
    return this.request('POST', action, { _csrf: token, ...fields })
  }

  /** Leaves for the provider and comes back: answers the callback URL (path and query). */
  async startOidc(): Promise<{ callback: string; authorization: URL }> {
    const start = await this.get('/fr/connexion/oidc/test')
    expect(start.statusCode).toBe(302)
    const authorization = new URL(start.headers.location as string)
    const back = await idp.signIn(authorization.href, 'jeanne')
    return { callback: `${back.pathname}${back.search}`, authorization }
  }

  async signInWithOidc(): Promise<LightMyRequestResponse> {
    const { callback } = await this.startOidc()
    return await this.get(callback)
  }
}

const agentByEmail = (email: string) => context.database.db.selectFrom('agent').selectAll().where('email', '=', email).executeTakeFirst()

describe('sign-in with OpenID Connect', () => {
  it('offers the configured providers, an email link and the administrator token', async () => {
    const page = await new Browser().get('/fr/connexion')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('href="/fr/connexion/oidc/test"')
    expect(page.body).toContain('action="/fr/connexion/email"')
    expect(page.body).toContain('action="/fr/connexion/administration"')
    expect(page.body).toContain('>Se connecter</a>')
  })

  it('signs in through the provider with state, nonce and PKCE, creates the agent once and shows their name', async () => {
    const browser = new Browser()
    const { callback, authorization } = await browser.startOidc()
    expect(authorization.origin).toBe(idp.issuer)
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(authorization.searchParams.get(parameter)).toMatch(/^[\w-]{20,}$/)
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/auth/oidc/test/callback`)

    const signedIn = await browser.get(callback)
    expect(signedIn.statusCode).toBe(303)
    expect(signedIn.headers.location).toBe('/fr/compte')
    const cookie = (signedIn.cookies as { name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[]).find((c) => c.name === 'socle_session')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
    expect(cookie.secure).toBeFalsy()

    const account = await browser.get('/fr/compte')
    expect(account.statusCode).toBe(200)
    expect(account.body).toContain('Jeanne Martin</a>')
    expect(account.body).toContain('jeanne.martin@numerique.gouv.fr')

    const agent = await agentByEmail('jeanne.martin@numerique.gouv.fr')
    expect(agent).toMatchObject({ name: 'Jeanne Martin', role: 'agent' })
    await new Browser().signInWithOidc()
    const identities = await context.database.db.selectFrom('agent_identity').selectAll().where('agent_id', '=', agent!.id).execute()
    expect(identities).toMatchObject([{ provider: 'test', subject: 'jeanne' }])
    expect((await context.database.db.selectFrom('agent').select('id').where('email', '=', 'jeanne.martin@numerique.gouv.fr').execute()).length).toBe(1)
  })

  it('signs in with ProConnect: its scopes, its names and its signed userinfo', async () => {
    const browser = new Browser()
    expect((await browser.get('/fr/connexion')).body).toContain('Se connecter avec ProConnect')
    const start = await browser.get('/fr/connexion/oidc/proconnect')
    const authorization = new URL(start.headers.location as string)
    expect(authorization.searchParams.get('scope')).toBe('openid email given_name usual_name siret')
    const back = await proconnect.signIn(authorization.href, 'pc-42')
    expect((await browser.get(`${back.pathname}${back.search}`)).headers.location).toBe('/fr/compte')
    expect(await agentByEmail('louise.michel@justice.gouv.fr')).toMatchObject({ name: 'Louise Michel' })
  })

  it('refuses a tampered state, a missing flow and a code used twice', async () => {
    const browser = new Browser()
    const { callback } = await browser.startOidc()
    const tampered = callback.replace(/state=([^&]+)/, 'state=forged-state-forged-state')
    const refused = await browser.get(tampered)
    expect(refused.statusCode).toBe(303)
    expect(refused.headers.location).toBe('/fr/connexion?info=oidc')
    expect(browser.cookies.has('socle_session')).toBe(false)

    // Another browser (no flow cookie) cannot use the code.
    const stranger = new Browser()
    expect((await stranger.get(callback)).headers.location).toBe('/fr/connexion?info=oidc')

    // A code already redeemed, replayed with its flow: the provider refuses it.
    const second = new Browser()
    const { callback: good } = await second.startOidc()
    const flow = second.cookies.get('socle_oidc')!
    expect((await second.get(good)).headers.location).toBe('/fr/compte')
    const replay = new Browser()
    replay.cookies.set('socle_oidc', flow)
    expect((await replay.get(good)).headers.location).toBe('/fr/connexion?info=oidc')
  })

  it('refuses a nonce or a PKCE verifier that is not the flow’s, and a flow cookie not signed by Socle', async () => {
    const forge = (cookie: string, change: Record<string, string>, key = SECRET) => {
      const unsigned = fastifyCookie.unsign(cookie, Buffer.from(SECRET))
      expect(unsigned.valid).toBe(true)
      return fastifyCookie.sign(JSON.stringify({ ...JSON.parse(unsigned.value!), ...change }), Buffer.from(key))
    }
    for (const [change, key] of [
      [{ nonce: 'another-nonce-another-nonce' }, SECRET],
      [{ codeVerifier: 'another-verifier-another-verifier-another-verifier' }, SECRET],
      [{}, 'not-the-secret-not-the-secret-not-the-secret'],
    ] as const) {
      const browser = new Browser()
      const { callback } = await browser.startOidc()
      browser.cookies.set('socle_oidc', forge(browser.cookies.get('socle_oidc')!, change, key))
      const refused = await browser.get(callback)
      expect(refused.headers.location, JSON.stringify(change)).toBe('/fr/connexion?info=oidc')
      expect(browser.cookies.has('socle_session')).toBe(false)
    }
  })

  it('refuses an identity without a verified address', async () => {
    for (const login of ['unverified', 'nomail']) {
      const browser = new Browser()
      const start = await browser.get('/fr/connexion/oidc/test')
      const back = await idp.signIn(start.headers.location as string, login)
      const refused = await browser.get(`${back.pathname}${back.search}`)
      expect(refused.headers.location).toBe('/fr/connexion?info=courriel')
      expect(browser.cookies.has('socle_session')).toBe(false)
    }
    expect((await new Browser().get('/fr/connexion?info=courriel')).body).toContain('adresse électronique vérifiée')
  })

  it('answers 404 for an unknown provider, 502 for one that does not answer, and sends back to the page asked for', async () => {
    expect((await new Browser().get('/fr/connexion/oidc/nope')).statusCode).toBe(404)
    const down = await new Browser().get('/fr/connexion/oidc/down')
    expect(down.statusCode).toBe(502)
    expect(down.body).toContain('Le fournisseur d’identité ne répond pas')
    const browser = new Browser()
    const start = await browser.get('/en/connexion/oidc/test?retour=%2Fen%2Fcatalogue')
    const back = await idp.signIn(start.headers.location as string, 'jeanne')
    expect((await browser.get(`${back.pathname}${back.search}`)).headers.location).toBe('/en/catalogue')
    expect(localPath('/en/catalogue?q=qgis')).toBe('/en/catalogue?q=qgis')
    for (const path of ['//evil.example', '/de/x', 'https://evil.example', '/fr\\evil', '/fr/x\r\nSet-Cookie: a=b']) expect(localPath(path), path).toBeUndefined()
    const elsewhere = new Browser()
    const evil = await elsewhere.get('/fr/connexion/oidc/test?retour=https%3A%2F%2Fevil.example')
    const evilBack = await idp.signIn(evil.headers.location as string, 'jeanne')
    expect((await elsewhere.get(`${evilBack.pathname}${evilBack.search}`)).headers.location).toBe('/fr/compte')
  })
})

describe('sign-in with an email link', () => {
  it('sends a single-use link to an allowed address and signs in with it', async () => {
    const browser = new Browser()
    const mail = smtp.nextMail('paul.durand@culture.gouv.fr')
    const sent = await browser.submit('/fr/connexion', '/fr/connexion/email', { email: ' Paul.Durand@Culture.gouv.fr ' })
    expect(sent.statusCode).toBe(200)
    expect(sent.body).toContain('Vérifiez votre messagerie')
    const message = await mail
    expect(message.from).toBe('socle@localhost')
    expect(message.subject).toContain('Votre lien de connexion')
    const link = new URL(/https?:\/\/\S+/.exec(message.text)![0])
    expect(link.origin).toBe(PUBLIC_URL)
    expect(link.pathname).toBe('/fr/connexion/lien')

    // Opening the link (a mail scanner would too) does not spend it: the button does.
    const landing = await browser.get(`${link.pathname}${link.search}`)
    expect(landing.statusCode).toBe(200)
    const token = link.searchParams.get('jeton')!
    const signedIn = await browser.submit(`${link.pathname}${link.search}`, '/fr/connexion/lien', { jeton: token })
    expect(signedIn.statusCode).toBe(303)
    expect(signedIn.headers.location).toBe('/fr/compte')
    expect((await browser.get('/fr/compte')).body).toContain('paul.durand</a>')

    const again = new Browser()
    const reused = await again.submit(`${link.pathname}${link.search}`, '/fr/connexion/lien', { jeton: token })
    expect(reused.statusCode).toBe(400)
    expect(reused.body).toContain('a déjà servi')
    expect(again.cookies.has('socle_session')).toBe(false)
  })

  it('gives the same answer for an address outside the allowed domains, and sends it nothing', async () => {
    const browser = new Browser()
    const refused = await browser.submit('/fr/connexion', '/fr/connexion/email', { email: 'someone@example.com' })
    const mail = smtp.nextMail('marie.curie@recherche.gouv.fr')
    const allowed = await browser.submit('/fr/connexion', '/fr/connexion/email', { email: 'marie.curie@recherche.gouv.fr' })
    await mail
    expect(refused.statusCode).toBe(allowed.statusCode)
    expect(refused.body).toBe(allowed.body)
    expect(smtp.messages.some((m) => m.to.includes('someone@example.com'))).toBe(false)
    const invalid = await browser.submit('/fr/connexion', '/fr/connexion/email', { email: 'not an address' })
    expect(invalid.statusCode).toBe(400)
    expect(invalid.body).toContain('Saisissez une adresse électronique valide')
  })

  it('limits the links per address', async () => {
    const browser = new Browser()
    const answers = []
    for (let i = 0; i < 7; i++) answers.push((await browser.submit('/fr/connexion', '/fr/connexion/email', { email: 'busy@interieur.gouv.fr' })).body)
    expect(new Set(answers).size).toBe(1)
    const rows = await context.database.db.selectFrom('email_sign_in').select('token_hash').where('email', '=', 'busy@interieur.gouv.fr').execute()
    expect(rows.length).toBe(5)
  })

  it('refuses an expired link', async () => {
    const browser = new Browser()
    const mail = smtp.nextMail('late@interieur.gouv.fr')
    await browser.submit('/fr/connexion', '/fr/connexion/email', { email: 'late@interieur.gouv.fr' })
    const link = new URL(/https?:\/\/\S+/.exec((await mail).text)![0])
    await context.database.db.updateTable('email_sign_in').set({ expires_at: new Date(Date.now() - 1000) }).where('email', '=', 'late@interieur.gouv.fr').execute()
    const refused = await browser.submit(`${link.pathname}${link.search}`, '/fr/connexion/lien', { jeton: link.searchParams.get('jeton')! })
    expect(refused.statusCode).toBe(400)
  })
})

describe('forms and sessions', () => {
  it('refuses a form without its CSRF token, or with another session’s', async () => {
    const browser = new Browser()
    await browser.signInWithOidc()
    const missing = await browser.request('POST', '/fr/compte/profil', { name: 'Forged' })
    expect(missing.statusCode).toBe(403)
    expect(missing.body).toContain('Formulaire expiré')
    const other = new Browser()
    await other.signInWithOidc()
    const otherToken = /name="_csrf" value="([^"]+)"/.exec((await other.get('/fr/compte')).body)![1]!
    expect((await browser.request('POST', '/fr/compte/profil', { _csrf: otherToken, name: 'Forged' })).statusCode).toBe(403)
    const anonymous = await new Browser().request('POST', '/fr/connexion/email', { email: 'a@numerique.gouv.fr' })
    expect(anonymous.statusCode).toBe(403)
    const api = await app.inject({ method: 'POST', url: '/fr/deconnexion', cookies: Object.fromEntries(browser.cookies), payload: {} })
    expect(api.statusCode).toBe(403)
  })

  it('updates the profile, shows hostile text as text and says what is wrong', async () => {
    const browser = new Browser()
    await browser.signInWithOidc()
    const saved = await browser.submit('/fr/compte', '/fr/compte/profil', { name: '<script>alert(1)</script> Jeanne', organisation: 'DINUM', about: '', is_public: 'on' })
    expect(saved.statusCode).toBe(303)
    const page = await browser.get('/fr/compte?info=enregistre')
    expect(page.body).toContain('>&lt;script>alert(1)&lt;/script> Jeanne</a>')
    expect(page.body).not.toContain('<script>alert(1)')
    expect(page.body).toContain('Votre profil est enregistré')
    const agent = await agentByEmail('jeanne.martin@numerique.gouv.fr')
    expect(agent).toMatchObject({ organisation: 'DINUM', about: null, is_public: true })
    const empty = await browser.submit('/fr/compte', '/fr/compte/profil', { name: '  ', organisation: 'DINUM' })
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Ce champ est obligatoire')
    await browser.submit('/fr/compte', '/fr/compte/profil', { name: 'Jeanne Martin', organisation: 'DINUM' })
  })

  it('ends the browser’s previous session when it signs in again', async () => {
    const browser = new Browser()
    await browser.signInWithOidc()
    const first = browser.cookies.get('socle_session')!
    await browser.signInWithOidc()
    expect(browser.cookies.get('socle_session')).not.toBe(first)
    const replay = new Browser()
    replay.cookies.set('socle_session', first)
    expect((await replay.get('/fr/compte')).statusCode).toBe(303)
    expect((await browser.get('/fr/compte')).statusCode).toBe(200)
  })

  it('signs out, closes another session, and signs out everywhere', async () => {
    const laptop = new Browser()
    const phone = new Browser()
    await laptop.signInWithOidc()
    await phone.signInWithOidc()
    const phoneCookie = phone.cookies.get('socle_session')!

    // From the laptop, close the phone's session.
    const account = (await laptop.get('/fr/compte')).body
    const others = [...account.matchAll(/name="session" value="([0-9a-f]{64})"/g)].map((m) => m[1]!)
    expect(others.length).toBeGreaterThan(0)
    for (const id of others) await laptop.submit('/fr/compte', '/fr/compte/sessions/fermer', { session: id })
    expect((await phone.get('/fr/compte')).statusCode).toBe(303)

    // Sign out: the cookie, even replayed, opens nothing.
    const cookie = laptop.cookies.get('socle_session')!
    expect((await laptop.submit('/fr/compte', '/fr/deconnexion', {})).headers.location).toBe('/fr/')
    const replay = new Browser()
    replay.cookies.set('socle_session', cookie)
    expect((await replay.get('/fr/compte')).headers.location).toBe('/fr/connexion?retour=%2Ffr%2Fcompte')
    expect((await replay.get('/fr/')).body).toContain('>Se connecter</a>')

    // Everywhere.
    const a = new Browser()
    const b = new Browser()
    await a.signInWithOidc()
    await b.signInWithOidc()
    await a.submit('/fr/compte', '/fr/compte/sessions/toutes', {})
    expect((await a.get('/fr/compte')).statusCode).toBe(303)
    expect((await b.get('/fr/compte')).statusCode).toBe(303)
    replay.cookies.set('socle_session', phoneCookie)
    expect((await replay.get('/fr/compte')).statusCode).toBe(303)
  })
})

describe('roles', () => {
  it('keeps agents and visitors out of the administration, in pages and in the API', async () => {
    const visitor = await new Browser().get('/fr/administration/agents')
    expect(visitor.statusCode).toBe(401)
    expect(visitor.body).toContain('Connexion nécessaire')
    expect(visitor.body).toContain('href="/fr/connexion?retour=%2Ffr%2Fadministration%2Fagents"')
    const agent = new Browser()
    await agent.signInWithOidc()
    const forbidden = await agent.get('/fr/administration/agents')
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.body).toContain('Accès refusé')

    const anonymousApi = await app.inject({ method: 'GET', url: '/api/v1/test-moderation' })
    expect(anonymousApi.statusCode).toBe(401)
    expect(anonymousApi.json()).toMatchObject({ error: { code: 'unauthorized' } })
    const agentApi = await app.inject({ method: 'GET', url: '/api/v1/test-moderation', cookies: Object.fromEntries(agent.cookies) })
    expect(agentApi.statusCode).toBe(403)
    expect(agentApi.json()).toMatchObject({ error: { code: 'forbidden' } })
  })

  it('lets the administrator token sign in and grant roles, audited as the system', async () => {
    const admin = new Browser()
    const wrong = await admin.submit('/fr/connexion', '/fr/connexion/administration', { token: 'not-the-token-at-all' })
    expect(wrong.statusCode).toBe(403)
    expect(wrong.body).toContain('Ce jeton n’est pas le bon')
    const right = await admin.submit('/fr/connexion', '/fr/connexion/administration', { token: ADMIN_TOKEN })
    expect(right.headers.location).toBe('/fr/administration/agents')
    const list = await admin.get('/fr/administration/agents')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('jeanne.martin@numerique.gouv.fr')
    expect(list.body).toContain('Administration (jeton)</a>')

    const unknown = await admin.submit('/fr/administration/agents', '/fr/administration/agents/role', { email: 'nobody@numerique.gouv.fr', role: 'moderator' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.body).toContain('No agent has the address nobody@numerique.gouv.fr')
    const granted = await admin.submit('/fr/administration/agents', '/fr/administration/agents/role', { email: 'jeanne.martin@numerique.gouv.fr', role: 'moderator' })
    expect(granted.statusCode).toBe(303)
    const jeanne = await agentByEmail('jeanne.martin@numerique.gouv.fr')
    expect(jeanne!.role).toBe('moderator')
    const audit = await context.stores.audit.forSubject('agent', jeanne!.id)
    expect(audit[0]).toMatchObject({ agent_id: null, action: 'agent.role-granted', details: { role: 'moderator' } })

    const moderator = new Browser()
    await moderator.signInWithOidc()
    expect((await app.inject({ method: 'GET', url: '/api/v1/test-moderation', cookies: Object.fromEntries(moderator.cookies) })).json()).toEqual({ ok: true })
    expect((await moderator.get('/fr/administration/agents')).statusCode).toBe(403)
  })

  it('grants roles from the command line', async () => {
    const run = async (...args: string[]) => {
      const program = new Command().exitOverride()
      addAgentsCommand(program, async () => ({ stores: context.stores, close: async () => {} }))
      let output = ''
      const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true))
      try {
        await program.parseAsync(['node', 'socle', 'agents', 'grant', ...args])
        return { output, error: undefined }
      } catch (error) {
        return { output, error }
      } finally {
        write.mockRestore()
      }
    }
    expect(await run('Jeanne.Martin@numerique.gouv.fr', 'admin')).toEqual({ output: 'jeanne.martin@numerique.gouv.fr is now admin.\n', error: undefined })
    expect((await agentByEmail('jeanne.martin@numerique.gouv.fr'))!.role).toBe('admin')
    expect((await run('nobody@numerique.gouv.fr', 'admin')).error).toBeInstanceOf(CommandError)
    expect((await run('jeanne.martin@numerique.gouv.fr', 'king')).error).toBeInstanceOf(UsageError)
    const admin = new Browser()
    await admin.signInWithOidc()
    expect((await admin.get('/fr/administration/agents')).statusCode).toBe(200)
  })
})

describe('account deletion', () => {
  it('deletes the agent, their identities and sessions, and keeps no personal data in the audit log', async () => {
    const browser = new Browser()
    await browser.signInWithOidc()
    const agent = (await agentByEmail('jeanne.martin@numerique.gouv.fr'))!
    const unconfirmed = await browser.submit('/fr/compte', '/fr/compte/supprimer', {})
    expect(unconfirmed.statusCode).toBe(400)
    expect(unconfirmed.body).toContain('Cochez la case')
    const deleted = await browser.submit('/fr/compte', '/fr/compte/supprimer', { confirm: 'on' })
    expect(deleted.headers.location).toBe('/fr/connexion?info=supprime')
    expect(await agentByEmail('jeanne.martin@numerique.gouv.fr')).toBeUndefined()
    const db = context.database.db
    expect(await db.selectFrom('agent_identity').selectAll().where('agent_id', '=', agent.id).execute()).toEqual([])
    expect(await db.selectFrom('session').selectAll().where('agent_id', '=', agent.id).execute()).toEqual([])
    const audit = await db.selectFrom('audit_log').selectAll().execute()
    expect(audit.some((entry) => entry.agent_id === agent.id)).toBe(false)
    expect(JSON.stringify(audit)).not.toMatch(/jeanne|martin/i)
    expect(audit.some((entry) => entry.action === 'agent.deleted')).toBe(true)
    expect((await browser.get('/fr/compte')).statusCode).toBe(303)

    // Signing in again opens a new, empty account.
    await new Browser().signInWithOidc()
    expect((await agentByEmail('jeanne.martin@numerique.gouv.fr'))!.id).not.toBe(agent.id)
  })
})
