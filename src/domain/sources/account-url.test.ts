import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAccountUrl } from './account-url.ts'
import { defaultForges } from './forge-kinds.ts'

const listFolder = new URL('../../../../shared/data/public-accounts-2021/', import.meta.url)

describe('parseAccountUrl', () => {
  it('maps GitHub organisations and users', () => {
    expect(parseAccountUrl('https://github.com/etalab/', defaultForges)).toEqual({
      ok: true,
      account: { url: 'https://github.com/etalab', kind: 'github', host: 'github.com', apiUrl: 'https://api.github.com', owner: 'etalab' },
    })
  })

  it('keeps GitLab subgroups and guesses self-hosted GitLab from its name', () => {
    const result = parseAccountUrl('https://gitlab.inria.fr/cedar/sub/', defaultForges)
    expect(result).toMatchObject({ ok: true, account: { kind: 'gitlab', owner: 'cedar/sub', apiUrl: 'https://gitlab.inria.fr/api/v4' } })
  })

  it('reads a GitLab instance named after its software as every public project of it', () => {
    expect(parseAccountUrl('https://gitlab.huma-num.fr', defaultForges)).toMatchObject({ ok: true, account: { kind: 'gitlab', owner: '' } })
  })

  it('uses the configured forges first', () => {
    const forges = [{ host: 'forge.example.org', kind: 'gitea' as const, apiUrl: 'http://127.0.0.1:9999/api/v1' }]
    expect(parseAccountUrl('https://forge.example.org/team', forges)).toMatchObject({ ok: true, account: { kind: 'gitea', apiUrl: 'http://127.0.0.1:9999/api/v1' } })
  })

  it.each([
    ['not a url', 'not a URL'],
    ['ftp://example.org/x', 'ftp: URLs'],
    ['https://github.com/a/b', 'one path segment'],
    ['https://adullact.net/projects/ines-libre/', 'FusionForge'],
    ['https://gforge.inria.fr', 'whole server of unknown kind'],
    ['https://www.npmjs.com/search?q=%40etalab', 'query'],
  ])('reports %s with its reason', (url, reason) => {
    const result = parseAccountUrl(url, defaultForges)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain(reason)
  })

  it('maps or explains every URL of the 2021 list of public accounts', () => {
    const files = ['comptes-organismes-publics', 'comptes-organismes-publics-esr', 'comptes-organismes-publics-autres-forges']
    const lines = files.flatMap((file) => fs.readFileSync(new URL(file, listFolder), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean))
    const results = lines.map((line) => parseAccountUrl(line, defaultForges))
    const mapped = results.filter((r) => r.ok)
    const reported = results.filter((r) => !r.ok)
    expect(mapped.length + reported.length).toBe(lines.length)
    for (const r of reported) if (!r.ok) expect(r.reason.length).toBeGreaterThan(10)
    console.info(`public accounts 2021: ${lines.length} URLs, ${mapped.length} mapped, ${reported.length} reported`)
    expect(mapped.length / lines.length).toBeGreaterThan(0.9)
  })
})
