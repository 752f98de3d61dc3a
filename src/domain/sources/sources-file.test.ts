import { describe, expect, it } from 'vitest'
import { parseSourcesFile } from './sources-file.ts'

describe('parseSourcesFile', () => {
  it('reads the plain list format, reporting bad lines with their number', () => {
    const result = parseSourcesFile('list', 'https://github.com/etalab\n\n# comment\nhttps://adullact.net/projects/x/\nhttps://gitlab.com/group/sub\n')
    expect(result.accounts.map((a) => a.url)).toEqual(['https://github.com/etalab', 'https://gitlab.com/group/sub'])
    expect(result.problems).toEqual([expect.objectContaining({ line: 4, url: 'https://adullact.net/projects/x/' })])
  })

  it('reads the first column of a CSV with a header', () => {
    const result = parseSourcesFile('policies.csv', 'organisation,url-politique-floss\nhttps://github.com/betagouv,https://doc.example\n')
    expect(result.accounts.map((a) => a.owner)).toEqual(['betagouv'])
  })

  it('reads bodies, their accounts and configured forges from YAML', () => {
    const yaml = `
forges:
  - host: forge.example.gouv.fr
    kind: gitea
    api_url: http://127.0.0.1:3000/api/v1
bodies:
  - name: Direction interministérielle du numérique
    acronym: DINUM
    kind: agency
    siren: "130025265"
    accounts:
      - https://github.com/etalab
      - https://forge.example.gouv.fr/dinum
`
    const result = parseSourcesFile('sources.yml', yaml)
    expect(result.problems).toEqual([])
    expect(result.bodies[0]).toMatchObject({ slug: 'dinum', kind: 'agency', siren: '130025265' })
    expect(result.bodies[0]!.accounts[1]).toMatchObject({ kind: 'gitea', apiUrl: 'http://127.0.0.1:3000/api/v1', owner: 'dinum' })
  })

  it('says where the YAML is broken, and which field is wrong', () => {
    expect(parseSourcesFile('s.yml', 'bodies:\n  - name: [unclosed\n').problems[0]).toMatchObject({ reason: expect.stringContaining('invalid YAML'), line: expect.any(Number) })
    expect(parseSourcesFile('s.yml', 'bodies:\n  - name: X\n    siren: "12"\n').problems[0]!.reason).toContain('bodies.0.siren')
  })

  it('refuses a YAML bomb', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n'
    const result = parseSourcesFile('bomb.yml', bomb)
    expect(result.problems.length).toBeGreaterThan(0)
  })
})
