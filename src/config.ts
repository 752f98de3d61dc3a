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
})

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
  }
}

/** The configuration as it may be logged: secrets masked. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl?.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    adminToken: config.adminToken ? '***' : undefined,
    sessionSecret: config.sessionSecret ? '***' : undefined,
    forgeTokens: Object.fromEntries(Object.entries(config.forgeTokens).map(([host, list]) => [host, list.map(() => '***')])),
  }
}
