import path from 'node:path'
import { z } from 'zod'

/**
 * Socle is configured by environment variables only (see the README's table). Secrets (database
 * password, tokens) are read here and never logged: `describeConfig` masks them.
 */
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => (value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(value)))

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  SOCLE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SOCLE_DEMO: booleanFlag.optional(),
  SOCLE_PUBLIC_URL: z.string().url().optional(),
  SOCLE_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SOCLE_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SOCLE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SOCLE_API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  SOCLE_FETCH_ALLOWED_ADDRESSES: z.string().optional(),
  SOCLE_FORGE_TOKENS: z
    .string()
    .regex(/^\s*([^=;\s]+=[^;]+)(;\s*[^=;\s]+=[^;]+)*;?\s*$/, 'must read HOST=TOKEN[,TOKEN…][;HOST=TOKEN…]')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SOCLE_OIDC_PROVIDERS: z
    .string()
    .regex(/^\s*([a-z0-9-]+\|https?:\/\/[^|;\s]+\|[^|;]+(\|[^|;]+)?)(\s*;\s*[a-z0-9-]+\|https?:\/\/[^|;\s]+\|[^|;]+(\|[^|;]+)?)*\s*;?\s*$/, 'must read NAME|ISSUER_URL|CLIENT_ID[|SCOPES][;NAME|…], names in a-z, 0-9 and -')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SOCLE_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional().or(z.literal('').transform(() => undefined)),
  SOCLE_MAIL_FROM: z.string().min(3).default('Socle <ne-pas-repondre@localhost>'),
  SOCLE_SIGNIN_EMAIL_DOMAINS: z.string().optional(),
  SOCLE_NPM_REGISTRY_URL: z.string().url().default('https://registry.npmjs.org'),
  SOCLE_PYPI_URL: z.string().url().default('https://pypi.org'),
  SOCLE_WIKIDATA_URL: z.string().url().default('https://www.wikidata.org'),
  SOCLE_WIKIDATA_RATE: z.coerce.number().positive().max(50).default(2),
  SOCLE_COMPTOIR_URL: z.string().url().default('https://comptoir-du-libre.org'),
})

export interface OidcProviderConfig {
  /** In addresses (`/auth/oidc/NAME/callback`) and the secret's variable (SOCLE_OIDC_NAME_SECRET). */
  name: string
  issuer: string
  clientId: string
  clientSecret: string
  scopes: string
}

/** ProConnect's agents carry their names and organisation (SIRET) in these scopes; other providers in `profile`. */
const PROCONNECT_SCOPES = 'openid email given_name usual_name siret'
const GENERIC_SCOPES = 'openid email profile'

/** `name|issuer|clientId[|scopes];…`, each secret from SOCLE_OIDC_<NAME>_SECRET. */
function parseOidcProviders(value: string | undefined, env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  return (value ?? '')
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, issuer, clientId, scopes] = entry.split('|').map((part) => part.trim()) as [string, string, string, string?]
      const secretVariable = `SOCLE_OIDC_${name.toUpperCase().replaceAll('-', '_')}_SECRET`
      const clientSecret = env[secretVariable]
      if (!clientSecret) throw new ConfigError(`Invalid environment variable ${secretVariable}: the client secret of the OpenID Connect provider "${name}" is missing.`)
      return { name, issuer, clientId, clientSecret, scopes: scopes || (name === 'proconnect' ? PROCONNECT_SCOPES : GENERIC_SCOPES) }
    })
}

/** `github.com=t1,t2;gitlab.com=t3` → tokens by host. */
function parseForgeTokens(value: string | undefined): Record<string, string[]> {
  const tokens: Record<string, string[]> = {}
  for (const entry of (value ?? '').split(';').map((e) => e.trim()).filter(Boolean)) {
    const [host, list = ''] = entry.split('=', 2) as [string, string?]
    tokens[host.trim().toLowerCase()] = list.split(',').map((t) => t.trim()).filter(Boolean)
  }
  return tokens
}

export interface Config {
  port: number
  host: string
  /** Folder of the embedded database (PGlite); unused when `databaseUrl` is set. */
  dataDir: string
  databaseUrl: string | undefined
  /** Load the demo content on first start. */
  demo: boolean
  publicUrl: string
  adminToken: string | undefined
  sessionSecret: string | undefined
  logLevel: z.infer<typeof EnvSchema>['SOCLE_LOG_LEVEL']
  /** Requests per minute and client address on /api/v1. */
  apiRateLimit: number
  /** Forge API tokens by host, several per forge to share the crawl's budget. */
  forgeTokens: Record<string, string[]>
  /**
   * Non-public addresses that fetches of user-supplied URLs may reach (publiccode.yml network checks,
   * repository checks): for tests and local development only; every other private address is refused.
   */
  fetchAllowedAddresses: string[]
  /** The OpenID Connect providers agents sign in with (ProConnect and others). */
  oidcProviders: OidcProviderConfig[]
  /** Where sign-in links are sent from; unset: no sign-in by email. */
  smtpUrl: string | undefined
  mailFrom: string
  /** Domains that may receive sign-in links: `gouv.fr` (that domain), `*.gouv.fr` (its subdomains). */
  signInEmailDomains: string[]
  /** Package registries read for the libraries public bodies publish. */
  packageRegistries: { npm: string; pypi: string }
  /** The sources the catalogue's enrichment jobs read: Wikidata (and its pace, in requests per second) and Comptoir du Libre. */
  enrichment: { wikidataUrl: string; wikidataRequestsPerSecond: number; comptoirUrl: string }
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new ConfigError(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}.`)
  }
  const e = parsed.data
  const port = e.PORT
  return {
    port,
    host: e.HOST,
    dataDir: path.resolve(e.SOCLE_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.SOCLE_DEMO ?? !e.DATABASE_URL,
    publicUrl: (e.SOCLE_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    adminToken: e.SOCLE_ADMIN_TOKEN,
    sessionSecret: e.SOCLE_SESSION_SECRET,
    logLevel: e.SOCLE_LOG_LEVEL,
    apiRateLimit: e.SOCLE_API_RATE_LIMIT,
    forgeTokens: parseForgeTokens(e.SOCLE_FORGE_TOKENS),
    fetchAllowedAddresses: (e.SOCLE_FETCH_ALLOWED_ADDRESSES ?? '').split(',').map((address) => address.trim()).filter(Boolean),
    oidcProviders: parseOidcProviders(e.SOCLE_OIDC_PROVIDERS, env),
    smtpUrl: e.SOCLE_SMTP_URL,
    mailFrom: e.SOCLE_MAIL_FROM,
    signInEmailDomains: (e.SOCLE_SIGNIN_EMAIL_DOMAINS ?? '').split(',').map((domain) => domain.trim().toLowerCase()).filter(Boolean),
    packageRegistries: { npm: e.SOCLE_NPM_REGISTRY_URL, pypi: e.SOCLE_PYPI_URL },
    enrichment: { wikidataUrl: e.SOCLE_WIKIDATA_URL, wikidataRequestsPerSecond: e.SOCLE_WIKIDATA_RATE, comptoirUrl: e.SOCLE_COMPTOIR_URL },
  }
}

/** The configuration as it may be logged: secrets masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl?.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    adminToken: config.adminToken ? '***' : undefined,
    sessionSecret: config.sessionSecret ? '***' : undefined,
    oidcProviders: config.oidcProviders.map((provider) => ({ ...provider, clientSecret: '***' })),
    smtpUrl: config.smtpUrl?.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    forgeTokens: Object.fromEntries(Object.entries(config.forgeTokens).map(([host, list]) => [host, list.map(() => '***')])),
  }
}
