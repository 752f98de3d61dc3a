import { generateKeyPairSync } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

/** An account of the test provider: its login is its `sub`; the other claims are given as they are. */
export interface TestAccount {
  sub: string
  email?: string
  email_verified?: boolean
  given_name?: string
  usual_name?: string
  family_name?: string
  name?: string
  siret?: string
}

export interface TestOidcProvider {
  issuer: string
  clientId: string
  clientSecret: string
  /** Accounts by login; tests may add some. */
  accounts: Map<string, TestAccount>
  /**
   * Goes through the provider as a browser would, from the authorization URL that Socle redirected to,
   * signing in as `login`: answers the URL the provider redirects back to (Socle's callback).
   */
  signIn(authorizationUrl: string, login: string): Promise<URL>
  close(): Promise<void>
}

const loginForm = (uid: string, error = '') => `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Fournisseur d’identité de test</title></head>
<body><main><h1>Fournisseur d’identité de test</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="login">Identifiant</label> <input id="login" name="login" autocomplete="off">
<button type="submit">Continuer</button></form></main></body></html>`

async function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  let body = ''
  for await (const chunk of request) body += chunk
  return new URLSearchParams(body)
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, with one confidential client, PKCE
 * required, a plain login form (any known login signs in, no password) and consent granted at once.
 * Its scopes include ProConnect's (given_name, usual_name, siret), so either kind of client can use it.
 */
export async function startOidcProvider(options: {
  redirectUris: string[]
  accounts?: TestAccount[]
  /** Answer userinfo as a signed JWT, as ProConnect does. */
  signedUserinfo?: boolean
}): Promise<TestOidcProvider> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const accounts = new Map((options.accounts ?? []).map((account) => [account.sub, account]))
  const clientId = 'socle-test'
  const clientSecret = 'socle-test-secret-socle-test-secret'
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        ...(options.signedUserinfo ? { userinfo_signed_response_alg: 'RS256', id_token_signed_response_alg: 'RS256' } : {}),
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'test' }] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      siret: ['siret'],
    },
    scopes: ['openid', 'email', 'profile', 'given_name', 'usual_name', 'siret'],
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: Boolean(options.signedUserinfo) } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['socle-test-cookie-key'] },
    findAccount: async (_ctx, id) => {
      const account = accounts.get(id)
      return account ? { accountId: id, claims: async () => ({ ...account }) } : undefined
    },
  })
  const callback = provider.callback()
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(request.url ?? '/', issuer).pathname)
    if (!match) return void callback(request, response)
    void interact(request, response, match[1]!, Boolean(match[2])).catch((error: Error) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message)
    })
  })

  async function interact(request: http.IncomingMessage, response: http.ServerResponse, uid: string, submitted: boolean): Promise<void> {
    const details = await provider.interactionDetails(request, response)
    if (details.prompt.name === 'login') {
      if (!submitted) return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginForm(uid))
      const login = (await readForm(request)).get('login') ?? ''
      if (!accounts.has(login)) return void response.writeHead(400, { 'content-type': 'text/html; charset=utf-8' }).end(loginForm(uid, 'Identifiant inconnu.'))
      return void (await provider.interactionFinished(request, response, { login: { accountId: login } }, { mergeWithLastSubmission: false }))
    }
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] }
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) })
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '))
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims)
    const grantId = await grant.save()
    await provider.interactionFinished(request, response, { consent: { grantId } }, { mergeWithLastSubmission: true })
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    async signIn(authorizationUrl, login) {
      const cookies = new Map<string, string>()
      let url = new URL(authorizationUrl)
      let body: string | undefined
      for (let step = 0; step < 10; step++) {
        const response = await fetch(url, {
          method: body === undefined ? 'GET' : 'POST',
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
          body,
        })
        for (const cookie of response.headers.getSetCookie()) {
          const [pair = ''] = cookie.split(';')
          const name = pair.slice(0, pair.indexOf('='))
          const value = pair.slice(pair.indexOf('=') + 1)
          if (value && !/expires=Thu, 01 Jan 1970/i.test(cookie)) cookies.set(name, value)
          else cookies.delete(name)
        }
        const location = response.headers.get('location')
        if (location) {
          url = new URL(location, url)
          body = undefined
          if (url.origin !== issuer) return url
          continue
        }
        const html = await response.text()
        const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]
        if (response.status !== 200 || !action) throw new Error(`The test provider answered ${response.status} at ${url.pathname}: ${html.slice(0, 300)}`)
        url = new URL(action, url)
        body = new URLSearchParams({ login }).toString()
      }
      throw new Error('The test provider did not redirect back.')
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
