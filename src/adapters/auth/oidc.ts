import * as client from 'openid-client'
import type { OidcProviderConfig } from '../../config.ts'

/** What a sign-in must remember between leaving for the provider and coming back. */
export interface OidcFlow {
  provider: string
  state: string
  nonce: string
  codeVerifier: string
}

/** Who the provider says signed in. */
export interface OidcIdentity {
  provider: string
  subject: string
  email: string | undefined
  /** False only when the provider says the address is not verified. */
  emailVerified: boolean
  claims: Record<string, unknown>
}

/** A sign-in the provider or its answer refused: the visitor is told to try again, never shown a 500. */
export class OidcError extends Error {}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * OpenID Connect sign-in with the authorization code flow, state, nonce and PKCE (S256), each checked
 * by openid-client. Providers come from configuration; each is discovered on first use (a provider
 * down at start-up does not stop Socle), and again after a failure.
 */
export class OidcClients {
  private readonly configurations = new Map<string, Promise<client.Configuration>>()

  constructor(
    private readonly providers: readonly OidcProviderConfig[],
    private readonly redirectUri: (provider: string) => string,
  ) {}

  names(): string[] {
    return this.providers.map((provider) => provider.name)
  }

  has(name: string): boolean {
    return this.providers.some((provider) => provider.name === name)
  }

  async start(name: string): Promise<{ url: string; flow: OidcFlow }> {
    const provider = this.provider(name)
    const configuration = await this.configuration(provider)
    const flow: OidcFlow = { provider: name, state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() }
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(name),
      scope: provider.scopes,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    })
    return { url: url.href, flow }
  }

  /** Checks the provider's answer against the flow, redeems the code and reads who signed in. */
  async finish(flow: OidcFlow, callbackUrl: URL): Promise<OidcIdentity> {
    const provider = this.provider(flow.provider)
    const configuration = await this.configuration(provider)
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        pkceCodeVerifier: flow.codeVerifier,
        idTokenExpected: true,
      })
      const idToken = tokens.claims()!
      // ProConnect, like most providers in the code flow, gives names and address at the userinfo endpoint.
      const userInfo = tokens.access_token ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub) : {}
      const claims: Record<string, unknown> = { ...idToken, ...userInfo }
      const email = typeof claims.email === 'string' ? claims.email : undefined
      return { provider: provider.name, subject: idToken.sub, email, emailVerified: claims.email_verified !== false, claims }
    } catch (error) {
      throw new OidcError(`The sign-in with ${provider.name} was refused: ${(error as Error).message}`, { cause: error })
    }
  }

  private provider(name: string): OidcProviderConfig {
    const provider = this.providers.find((p) => p.name === name)
    if (!provider) throw new OidcError(`No OpenID Connect provider is named "${name}".`)
    return provider
  }

  private configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
    let configuration = this.configurations.get(provider.name)
    if (!configuration) {
      const issuer = new URL(provider.issuer)
      // Plain http only to this machine: the tests' and a developer's local provider.
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname)
      // ProConnect signs its ID tokens and userinfo answers with RS256 (its documentation), others use their defaults.
      const metadata = provider.name === 'proconnect' ? { id_token_signed_response_alg: 'RS256', userinfo_signed_response_alg: 'RS256' } : {}
      configuration = client
        .discovery(issuer, provider.clientId, { client_secret: provider.clientSecret, ...metadata }, undefined, { timeout: 10, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) })
        .catch((error: Error) => {
          this.configurations.delete(provider.name)
          throw new OidcError(`The OpenID Connect provider ${provider.name} cannot be reached: ${error.message}`, { cause: error })
        })
      this.configurations.set(provider.name, configuration)
    }
    return configuration
  }
}
