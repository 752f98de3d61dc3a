import { describe, expect, it } from 'vitest'
import { parseLibraryAccount, parseLibraryAccounts } from './library-accounts.ts'

describe('library accounts', () => {
  it('reads the 2021 list of the libraries public bodies publish', () => {
    // bibliotheques-organismes-publics, as published with code.gouv.fr's 2021 accounts.
    const list = `https://www.npmjs.com/search?q=%40dataesr
https://www.npmjs.com/search?q=%40etalab
https://www.npmjs.com/search?q=%40gouvfr
https://www.npmjs.com/search?q=%40ircam
https://www.npmjs.com/search?q=%40socialgouv
https://www.npmjs.com/search?q=%40opendatateam
https://pypi.org/user/etalab/
https://pypi.org/user/opendatateam/
`
    const { accounts, problems } = parseLibraryAccounts(list)
    expect(problems).toEqual([])
    expect(accounts).toEqual([
      { ecosystem: 'npm', kind: 'scope', name: '@dataesr' },
      { ecosystem: 'npm', kind: 'scope', name: '@etalab' },
      { ecosystem: 'npm', kind: 'scope', name: '@gouvfr' },
      { ecosystem: 'npm', kind: 'scope', name: '@ircam' },
      { ecosystem: 'npm', kind: 'scope', name: '@socialgouv' },
      { ecosystem: 'npm', kind: 'scope', name: '@opendatateam' },
      { ecosystem: 'pypi', kind: 'user', name: 'etalab' },
      { ecosystem: 'pypi', kind: 'user', name: 'opendatateam' },
    ])
  })

  it('reads the other ways of writing an account', () => {
    expect(parseLibraryAccount('https://www.npmjs.com/search?q=scope:codegouvfr')).toEqual({ ecosystem: 'npm', kind: 'scope', name: '@codegouvfr' })
    expect(parseLibraryAccount('https://www.npmjs.com/org/gouvfr')).toEqual({ ecosystem: 'npm', kind: 'scope', name: '@gouvfr' })
    expect(parseLibraryAccount('https://npmjs.com/~etalab-bot')).toEqual({ ecosystem: 'npm', kind: 'user', name: 'etalab-bot' })
    expect(parseLibraryAccount('https://pypi.org/org/datagouv/')).toEqual({ ecosystem: 'pypi', kind: 'organization', name: 'datagouv' })
    expect(parseLibraryAccount('http://pypi.org/user/etalab')).toEqual({ ecosystem: 'pypi', kind: 'user', name: 'etalab' })
  })

  it('reports what it cannot read, with the line and the reason; skips comments, blank lines and repeats (scopes in any case)', () => {
    const list = `# Bibliothèques
https://www.npmjs.com/search?q=%40etalab

https://www.npmjs.com/search?q=react hooks
https://pypi.org/project/udata/
https://rubygems.org/profiles/betagouv
not a url at all
https://www.npmjs.com/search?q=%40ETALAB
https://www.npmjs.com/search?q=%40etalab   # again
`
    const { accounts, problems } = parseLibraryAccounts(list)
    expect(accounts).toEqual([{ ecosystem: 'npm', kind: 'scope', name: '@etalab' }])
    expect(problems).toEqual([
      { line: 4, text: 'https://www.npmjs.com/search?q=react hooks', reason: 'the npm search "react hooks" is not a scope' },
      { line: 5, text: 'https://pypi.org/project/udata/', reason: 'a PyPI address that names no user or organisation' },
      { line: 6, text: 'https://rubygems.org/profiles/betagouv', reason: 'rubygems.org is not a registry Socle reads (npm, PyPI)' },
      { line: 7, text: 'not a url at all', reason: 'not a URL' },
    ])
  })
})
