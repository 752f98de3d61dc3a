import { describe, expect, it } from 'vitest'
import { ConfigError, describeConfig, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 8080, host: '127.0.0.1', databaseUrl: undefined, demo: true, apiRateLimit: 600, forgeTokens: {} })
    expect(config.dataDir.endsWith('/data')).toBe(true)
  })

  it('turns the demo off by default on PostgreSQL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/socle' }).demo).toBe(false)
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db/socle', SOCLE_DEMO: 'on' }).demo).toBe(true)
  })

  it('names the faulty variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/)
    expect(() => loadConfig({ SOCLE_FORGE_TOKENS: 'no-equals-sign' })).toThrow(/SOCLE_FORGE_TOKENS/)
  })

  it('reads several tokens per forge', () => {
    expect(loadConfig({ SOCLE_FORGE_TOKENS: 'github.com=a,b; gitlab.com=c' }).forgeTokens).toEqual({ 'github.com': ['a', 'b'], 'gitlab.com': ['c'] })
  })

  it('never describes a secret', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://socle:hunter2@db/socle', SOCLE_ADMIN_TOKEN: 'x'.repeat(20), SOCLE_FORGE_TOKENS: 'github.com=ghp_secret' })
    const text = JSON.stringify(describeConfig(config))
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('ghp_secret')
    expect(text).not.toContain('x'.repeat(20))
  })
})
