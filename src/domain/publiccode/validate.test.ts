// Rules of the validator, case by case. Expected keys and messages follow the reference validator's
// own tests (italia/publiccode-parser-go, v0_test.go) where it has one for the case.
import { describe, expect, it } from 'vitest'
import { validatePublicCode, type RepositoryFiles, type ValidationResult } from './index.ts'

const LONG = 'A long description of the software. '.repeat(6)

/** A valid minimal publiccode.yml, one top-level key per block. */
const BASE: Record<string, string> = {
  publiccodeYmlVersion: 'publiccodeYmlVersion: "0"',
  name: 'name: Medusa',
  url: 'url: "https://github.com/italia/developers.italia.it.git"',
  platforms: 'platforms:\n  - web',
  developmentStatus: 'developmentStatus: development',
  softwareType: 'softwareType: "standalone/other"',
  description: `description:\n  en:\n    shortDescription: A short description\n    longDescription: "${LONG}"\n    features:\n      - One feature`,
  legal: 'legal:\n  license: AGPL-3.0-or-later',
  maintenance: 'maintenance:\n  type: community\n  contacts:\n    - name: Francesco Rossi',
  localisation: 'localisation:\n  localisationReady: true\n  availableLanguages:\n    - en',
}

/** The base document with some top-level blocks replaced (raw YAML), added, or removed (null). */
function yaml(blocks: Record<string, string | null> = {}): string {
  const merged: Record<string, string | null> = { ...BASE, ...blocks }
  return `${Object.values(merged).filter((block) => block !== null).join('\n')}\n`
}

const keys = (result: ValidationResult) => ({
  errors: result.errors.map((error) => error.key).sort(),
  warnings: result.warnings.map((warning) => warning.key).sort(),
})

function expectKeys(text: string, errors: string[], warnings: string[] = [], files?: RepositoryFiles) {
  const result = validatePublicCode(text, files ? { files } : {})
  expect(keys(result), JSON.stringify(result.errors, null, 1)).toEqual({ errors: [...errors].sort(), warnings: [...warnings].sort() })
  return result
}

const messages = (result: ValidationResult) => result.errors.map((error) => `${error.key}: ${error.message}`)

describe('a valid document', () => {
  it('is valid, with its version and its typed document', () => {
    const result = expectKeys(yaml(), [])
    expect(result.valid).toBe(true)
    expect(result.version).toBe('0')
    expect(result.document?.name).toBe('Medusa')
    expect(result.document?.description['en']?.features).toEqual(['One feature'])
  })

  it('accepts bytes as well as text, with a UTF-8 byte order mark', () => {
    expect(validatePublicCode(new TextEncoder().encode(`\uFEFF${yaml()}`)).valid).toBe(true)
  })
})

describe('publiccodeYmlVersion', () => {
  it('is required, and nothing else is checked without it', () => {
    expectKeys(yaml({ publiccodeYmlVersion: null, name: null }), ['publiccodeYmlVersion'])
  })

  it('must be a supported version', () => {
    const result = expectKeys(yaml({ publiccodeYmlVersion: 'publiccodeYmlVersion: "1"' }), ['publiccodeYmlVersion'])
    expect(result.errors[0]?.message).toBe(
      "unsupported version: '1'. Supported versions: 0, 0.2, 0.2.0, 0.2.1, 0.2.2, 0.3, 0.3.0, 0.4, 0.4.0, 0.5.0, 0.5, 0.7.0, 0.7",
    )
  })

  it('must be a scalar', () => {
    expectKeys(yaml({ publiccodeYmlVersion: 'publiccodeYmlVersion: []' }), ['publiccodeYmlVersion'])
  })

  it('warns about versions before 0.7, reading them as 0.7', () => {
    for (const version of ['0.2', '0.3', '0.4', '0.5']) {
      const result = expectKeys(yaml({ publiccodeYmlVersion: `publiccodeYmlVersion: "${version}"` }), [], ['publiccodeYmlVersion'])
      expect(result.warnings[0]?.message).toBe(`v${version} is not the latest version, use '0'. Parsing this file as v0.7.`)
    }
    expectKeys(yaml({ publiccodeYmlVersion: 'publiccodeYmlVersion: "0.7"' }), [])
  })

  it('reads an unquoted number the way Go prints it', () => {
    expect(expectKeys(yaml({ publiccodeYmlVersion: 'publiccodeYmlVersion: 0.3' }), [], ['publiccodeYmlVersion']).version).toBe('0.3')
  })
})

describe('types', () => {
  it('reports a wrong type once, then what the missing value breaks', () => {
    const result = expectKeys(yaml({ name: 'name: []' }), ['name', 'name'])
    expect(messages(result)).toEqual(['name: wrong type for this field', 'name: name is a required field'])
  })

  it('accepts numbers and booleans as strings, printed the Go way', () => {
    const result = expectKeys(yaml({ softwareVersion: 'softwareVersion: 1.0', applicationSuite: 'applicationSuite: 1e8' }), [])
    expect(result.document?.softwareVersion).toBe('1')
    expect(result.document?.applicationSuite).toBe('1e+08')
  })

  it('keeps a leading-zero number that is not octal as text', () => {
    const genericName = '    genericName: 012345678901234567890123456789012345'
    const description = BASE['description']?.replace('    features:', `${genericName}\n    features:`) ?? ''
    expectKeys(yaml({ description }), ['description.en.genericName'], ['description.en.genericName'])
  })

  it('rejects YAML 1.1 booleans where a boolean is expected', () => {
    for (const value of ['yes', 'no', 'on', 'off']) {
      const localisation = `localisation:\n  localisationReady: ${value}\n  availableLanguages:\n    - en`
      const result = expectKeys(yaml({ localisation }), [
        'localisation.localisationReady',
        'localisation.localisationReady',
        'localisation.availableLanguages',
      ])
      expect(result.errors[0]?.message).toBe('wrong type for this field')
    }
  })

  it('names a mapping given for a list after its first key, as the reference does', () => {
    expectKeys(yaml({ fundedBy: 'fundedBy:\n  name: foobar\n  uri: "urn:foo:bar"' }), ['fundedBy.name'])
    expectKeys(yaml({ isBasedOn: 'isBasedOn:\n  foobar: baz' }), ['isBasedOn.foobar'])
  })

  it('names a list given for a mapping after its first item', () => {
    expectKeys(yaml({ organisation: 'organisation:\n  - uri: "https://example.org"' }), ['organisation[0]'])
  })

  it('drops a section with a wrong type inside, as the reference does', () => {
    const maintenance = 'maintenance:\n  type: contract\n  contractors: {}'
    expectKeys(yaml({ maintenance }), ['maintenance.contractors', 'maintenance.type'])
    const description = BASE['description']?.replace('    features:', '    awards: {}\n    features:') ?? ''
    expectKeys(yaml({ description }), ['description.en.awards', 'description'])
  })

  it('names a wrong type inside a list item after the item when on its first line', () => {
    expectKeys(yaml({ dependsOn: 'dependsOn:\n  open:\n    - name: []' }), ['dependsOn.open[0]'])
    expectKeys(yaml({ dependsOn: 'dependsOn:\n  open:\n    - name: SQLite\n      optional: "true"' }), ['dependsOn.open[0].optional'])
  })

  it('reports a single decoding error: the first in the order of the fields', () => {
    expectKeys(yaml({ name: 'name: Medusa\napplicationSuite: []', softwareVersion: 'softwareVersion: {}' }), ['applicationSuite'])
  })

  it('reports unknown keys, case included', () => {
    const result = expectKeys(yaml({ foobar: 'foobar: baz' }), ['foobar'])
    expect(result.errors[0]?.message).toBe('unknown field "foobar"')
    expectKeys(yaml({ It: 'It:\n  countryExtensionVersion: "1.0"' }), ['It'])
  })

  it('drops a section with an unknown key inside', () => {
    const description = BASE['description']?.replace('    features:', '    foo: bar\n    features:') ?? ''
    expectKeys(yaml({ description }), ['description.en.foo', 'description'])
  })

  it('reads null as absent', () => {
    expectKeys(yaml({ name: 'name:', releaseDate: 'releaseDate: ~' }), ['name'])
  })
})

describe('URLs', () => {
  it('url is required and must be a URL', () => {
    expectKeys(yaml({ url: null }), ['url'])
    expect(messages(expectKeys(yaml({ url: 'url: foobar' }), ['url']))).toEqual(['url: url must be a valid URL'])
    expectKeys(yaml({ url: 'url: []' }), ['url', 'url'])
  })

  it('landingURL, roadmap and documentation must be HTTP URLs', () => {
    expect(messages(expectKeys(yaml({ landingURL: 'landingURL: "???"' }), ['landingURL']))).toEqual([
      'landingURL: landingURL must be an HTTP URL',
    ])
    expectKeys(yaml({ roadmap: 'roadmap: "ftp://example.org/roadmap"' }), ['roadmap'])
    expectKeys(yaml({ landingURL: 'landingURL: []' }), ['landingURL'])
    const description = BASE['description']?.replace('    features:', '    documentation: not_a_url\n    features:') ?? ''
    expectKeys(yaml({ description }), ['description.en.documentation'])
  })

  it('isBasedOn takes a URL or a list of URLs', () => {
    expectKeys(yaml({ isBasedOn: 'isBasedOn: "https://github.com/italia/otello.git"' }), [])
    expectKeys(yaml({ isBasedOn: 'isBasedOn: foobar' }), ['isBasedOn[0]'])
    expectKeys(yaml({ isBasedOn: 'isBasedOn:\n  - https://github.com/italia/developers.git\n  - string' }), ['isBasedOn[1]'])
  })

  it('videos must be URLs of an oEmbed provider', () => {
    const withVideo = (video: string) => BASE['description']?.replace('    features:', `    videos:\n      - ${video}\n    features:`) ?? ''
    expectKeys(yaml({ description: withVideo('https://www.youtube.com/watch?v=RaHmGbBOP84') }), [])
    expectKeys(yaml({ description: withVideo('https://google.com') }), ['description.en.videos[0]'])
    expectKeys(yaml({ description: withVideo('ABC') }), ['description.en.videos[0]', 'description.en.videos[0]'])
  })
})

describe('dates, emails and enumerations', () => {
  it('dates are YYYY-MM-DD and exist', () => {
    for (const date of ['"2017-4-15"', '"2011-01-01 20:04:05"', 'foobar', '"2023-02-29"', '""']) {
      expectKeys(yaml({ releaseDate: `releaseDate: ${date}` }), ['releaseDate'])
    }
    expectKeys(yaml({ releaseDate: 'releaseDate: 2024-02-29' }), [])
  })

  it('enumerations: status, type, categories, scopes', () => {
    const result = expectKeys(yaml({ developmentStatus: 'developmentStatus: foo' }), ['developmentStatus'])
    expect(result.errors[0]?.message).toBe(
      'developmentStatus must be one of the following: "concept", "development", "beta", "stable" or "obsolete"',
    )
    expectKeys(yaml({ softwareType: 'softwareType: foo' }), ['softwareType'])
    expectKeys(yaml({ developmentStatus: null }), ['developmentStatus'])
    expectKeys(yaml({ categories: 'categories:\n  - no_such_category' }), ['categories[0]'])
    expectKeys(yaml({ categories: 'categories: []' }), [])
    expectKeys(yaml({ intendedAudience: 'intendedAudience:\n  scope:\n    - foo' }), ['intendedAudience.scope[0]'])
  })

  it('platforms: at least one, any value', () => {
    expectKeys(yaml({ platforms: null }), ['platforms'])
    expectKeys(yaml({ platforms: 'platforms: {}' }), ['platforms', 'platforms'])
    expectKeys(yaml({ platforms: 'platforms: [web, custom_platform]' }), [])
  })

  it('MIME types, with the deprecation warnings', () => {
    expectKeys(yaml({ inputTypes: 'inputTypes:\n  - text/plain\n  - foobar' }), ['inputTypes[1]'], ['inputTypes'])
    expectKeys(yaml({ outputTypes: 'outputTypes:\n  - text/plain' }), [], ['outputTypes'])
  })

  it('emails of contacts and contractors', () => {
    const maintenance = 'maintenance:\n  type: community\n  contacts:\n    - name: Francesco Rossi\n      email: not_an_email'
    expect(messages(expectKeys(yaml({ maintenance }), ['maintenance.contacts[0].email']))).toEqual([
      'maintenance.contacts[0].email: email must be a valid email address',
    ])
    expectKeys(yaml({ maintenance: maintenance.replace('not_an_email', 'francesco.rossi@example.org') }), [])
  })
})

describe('maintenance', () => {
  const contractor = '    - name: Fornitore\n      until: "2030-01-01"'
  it('contacts are required for internal and community maintenance', () => {
    for (const type of ['internal', 'community']) {
      const result = expectKeys(yaml({ maintenance: `maintenance:\n  type: ${type}` }), ['maintenance.contacts'])
      expect(result.errors[0]?.message).toBe(`contacts is a required field when "type" is "${type}"`)
    }
    expectKeys(yaml({ maintenance: 'maintenance:\n  type: none' }), [])
  })

  it('contractors are required with a contract and forbidden otherwise', () => {
    expectKeys(yaml({ maintenance: 'maintenance:\n  type: contract' }), ['maintenance.contractors'])
    expectKeys(yaml({ maintenance: `maintenance:\n  type: contract\n  contractors:\n${contractor}` }), [])
    for (const type of ['internal', 'community', 'none']) {
      const maintenance = `maintenance:\n  type: ${type}\n  contacts:\n    - name: John Smith\n  contractors:\n    - name: Contractor`
      const result = expectKeys(yaml({ maintenance }), ['maintenance.contractors'])
      expect(result.errors[0]?.message).toBe('contractors must not be present unless "type" is "contract"')
    }
  })

  it('contractors have a name, an end date and may have a website', () => {
    const base = 'maintenance:\n  type: contract\n  contractors:\n'
    expectKeys(yaml({ maintenance: `${base}    - until: "2030-01-01"` }), ['maintenance.contractors[0].name'])
    expectKeys(yaml({ maintenance: `${base}    - name: Fornitore` }), ['maintenance.contractors[0].until'])
    expectKeys(yaml({ maintenance: `${base}${contractor}\n      website: example.org` }), ['maintenance.contractors[0].website'])
  })

  it('type is required and enumerated', () => {
    expectKeys(yaml({ maintenance: 'maintenance:\n  contacts:\n    - name: John Smith' }), ['maintenance.type'])
    expectKeys(yaml({ maintenance: 'maintenance:\n  type: foo\n  contacts:\n    - name: John Smith' }), ['maintenance.type'])
  })
})

describe('description', () => {
  const withField = (field: string) => BASE['description']?.replace('    features:', `${field}\n    features:`) ?? ''

  it('keys must be BCP 47 language tags, in their canonical form', () => {
    const lang = (tag: string) => BASE['description']?.replace('  en:', `  ${tag}:`) ?? ''
    for (const valid of ['it', 'en-GB', 'sl-IT-nedis', 'zh-Hant-TW', 'es-419']) expectKeys(yaml({ description: lang(valid) }), [])
    for (const invalid of ['xxx', 'en_GB', 'eng', 'EN-gb-oed-x']) expectKeys(yaml({ description: lang(invalid) }), ['description'])
  })

  it('needs at least one language', () => {
    expectKeys(yaml({ description: 'description: {}' }), ['description'])
  })

  it('uses brackets for language keys that are not all letters', () => {
    const description = 'description:\n  en-US: {}'
    expectKeys(yaml({ description }), [
      'description[en-US].shortDescription',
      'description[en-US].longDescription',
      'description[en-US].features',
    ])
  })

  it('checks lengths in characters as a reader sees them', () => {
    expectKeys(yaml({ description: withField('    genericName: 베스핀 가스가 부족합니다.') }), [], ['description.en.genericName'])
    const short = BASE['description']?.replace(LONG, 'Too short.') ?? ''
    expectKeys(yaml({ description: short }), ['description.en.longDescription'])
    const accents = BASE['description']?.replace(LONG, 'e\u0301'.repeat(149)) ?? ''
    expectKeys(yaml({ description: accents }), ['description.en.longDescription'])
    const long = BASE['description']?.replace(LONG, 'x'.repeat(10001)) ?? ''
    expectKeys(yaml({ description: long }), ['description.en.longDescription'])
  })

  it('features are required and may not be empty', () => {
    expectKeys(yaml({ description: BASE['description']?.replace('    features:\n      - One feature', '    features: []') ?? '' }), [
      'description.en.features',
    ])
    expectKeys(yaml({ description: BASE['description']?.replace('\n    features:\n      - One feature', '') ?? '' }), [
      'description.en.features',
    ])
  })
})

describe('organisations and supported standards', () => {
  it('organisation.uri is a URL or a URN, an Italian administration when urn:x-italian-pa', () => {
    // The iPA list is matched case-insensitively (it stores `PCM`), like the reference.
    const italianCodes = ['pcm', 'c_h501', 'r_lazio', 'istsc_rmic8gz00l', 'XCMML']
    for (const uri of ['"https://example.org"', 'urn:x-custom:id', ...italianCodes.map((code) => `urn:x-italian-pa:${code}`)]) {
      expectKeys(yaml({ organisation: `organisation:\n  uri: ${uri}` }), [])
    }
    expect(messages(expectKeys(yaml({ organisation: 'organisation:\n  name: foobar\n  uri: pcm' }), ['organisation.uri']))).toEqual([
      'organisation.uri: uri is not a valid URI',
    ])
    const italian = expectKeys(yaml({ organisation: 'organisation:\n  uri: urn:x-italian-pa:no_such_pa' }), ['organisation.uri'])
    expect(italian.errors[0]?.message).toContain("with format 'urn:x-italian-pa:[codiceIPA]'")
    expectKeys(yaml({ organisation: 'organisation:\n  name: foobar' }), ['organisation.uri'])
    expectKeys(yaml({ fundedBy: 'fundedBy:\n  - name: foobar\n    uri: "1"' }), ['fundedBy[0].uri'])
  })

  it('supports takes aliases of the standard and URIs', () => {
    const supports = 'supports:\n  - id: alias:gdpr\n  - id: alias:spid\n  - id: "https://eur-lex.europa.eu/eli/reg/2016/679/oj"\n  - id: "urn:iso:std:iso:27001"'
    expectKeys(yaml({ supports }), [])
    expectKeys(yaml({ supports: 'supports:\n  - id: alias:nonexistent' }), ['supports[0].id'])
    expectKeys(yaml({ supports: 'supports:\n  - id: not a uri' }), ['supports[0].id'])
  })
})

describe('countries and languages', () => {
  it('countries are ISO 3166-1 alpha-2, uppercase, lowercase being deprecated', () => {
    const audience = (list: string) => `intendedAudience:\n  countries: [${list}]\n  unsupportedCountries: [US]`
    expectKeys(yaml({ intendedAudience: audience('IT, DE') }), [])
    expectKeys(yaml({ intendedAudience: audience('it, de') }), [], ['intendedAudience.countries[0]', 'intendedAudience.countries[1]'])
    expectKeys(yaml({ intendedAudience: audience('IT, DE, Fr') }), ['intendedAudience.countries[2]'])
    expectKeys(yaml({ intendedAudience: audience('IT, mouseton') }), ['intendedAudience.countries[1]'])
    expectKeys(yaml({ intendedAudience: 'intendedAudience:\n  countries: {}' }), ['intendedAudience.countries'])
  })

  it('availableLanguages are language tags, in any form the Go parser accepts', () => {
    const languages = (list: string) => `localisation:\n  localisationReady: true\n  availableLanguages: [${list}]`
    expectKeys(yaml({ localisation: languages('en, it, fr, de, sl-IT-nedis, en_GB, eng') }), [])
    expectKeys(yaml({ localisation: languages('"no such language"') }), ['localisation.availableLanguages[0]'])
    expectKeys(yaml({ localisation: languages('') }), ['localisation.availableLanguages'])
    expectKeys(yaml({ localisation: 'localisation:\n  localisationReady: true' }), ['localisation.availableLanguages'])
    expectKeys(yaml({ localisation: 'localisation:\n  availableLanguages: [en]' }), ['localisation.localisationReady'])
  })
})

describe('legal', () => {
  it('license is a required SPDX expression, in any case, deprecated ids included', () => {
    for (const license of ['EUPL-1.2', 'MIT OR Apache-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0', 'agpl-3.0-or-later', 'GPL-2.0+']) {
      expectKeys(yaml({ legal: `legal:\n  license: ${license}` }), [])
    }
    expectKeys(yaml({ legal: 'legal:\n  license: Invalid License' }), ['legal.license'])
    expectKeys(yaml({ legal: null }), ['legal.license'])
    expectKeys(yaml({ legal: 'legal: []' }), ['legal', 'legal.license'])
  })

  it('warns about repoOwner and authorsFile', () => {
    expectKeys(yaml({ legal: 'legal:\n  license: EUPL-1.2\n  repoOwner: City of Roma' }), [], ['legal.repoOwner'])
    expectKeys(yaml({ legal: 'legal:\n  license: EUPL-1.2\n  authorsFile: AUTHORS' }), [], ['legal.authorsFile'])
  })
})

describe('Italian section', () => {
  const section = 'IT:\n  countryExtensionVersion: "1.0"\n  piattaforme:\n    spid: true'

  it('is valid in uppercase, deprecated in lowercase, refused in both', () => {
    expectKeys(yaml({ IT: section }), [])
    expectKeys(yaml({ it: section.replace('IT:', 'it:') }), [], ['it'])
    expectKeys(yaml({ IT: section, it: section.replace('IT:', 'it:') }), ['it'], ['it'])
  })

  it('checks its version and iPA code, and warns about deprecated keys', () => {
    expectKeys(yaml({ IT: 'IT:\n  countryExtensionVersion: "1.1"' }), ['IT.countryExtensionVersion'])
    expectKeys(yaml({ IT: 'IT:\n  riuso:\n    codiceIPA: NO_SUCH_IPA_CODE' }), ['IT.riuso.codiceIPA'])
    expectKeys(yaml({ IT: 'IT:\n  riuso:\n    codiceIPA: pcm' }), [], ['IT.riuso.codiceIPA'])
    expectKeys(yaml({ IT: 'IT:\n  conforme:\n    gdpr: true' }), [], ['IT.conforme'])
  })
})

describe('files of the repository', () => {
  const png = (width: number) => {
    const bytes = new Uint8Array(33)
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    new DataView(bytes.buffer).setUint32(16, width)
    return bytes
  }
  const files = (contents: Record<string, Uint8Array>): RepositoryFiles => ({ read: (path) => contents[path] ?? null })
  const repository = files({ 'img/logo.png': png(1000), 'img/small.png': png(64), 'img/fake.png': new Uint8Array(10), 'img/logo.svg': new Uint8Array(1) })

  it('checks the logo: format, existence, size', () => {
    expectKeys(yaml({ logo: 'logo: img/logo.png' }), [], [], repository)
    expectKeys(yaml({ logo: 'logo: ./img/../img/logo.svg' }), [], [], repository)
    for (const logo of ['img/logo.mpg', 'img/missing.png', 'img/small.png', 'img/fake.png', '/img/logo.png', 'file:///logo.png']) {
      expectKeys(yaml({ logo: `logo: "${logo}"` }), ['logo'], [], repository)
    }
  })

  it('leaves absolute URLs to the network checker, and skips file checks without the files', () => {
    expectKeys(yaml({ logo: 'logo: "https://example.org/missing.mpg"' }), [], [], repository)
    expectKeys(yaml({ logo: 'logo: img/missing.png' }), [])
    expectKeys(yaml({ logo: 'logo: /img/logo.png' }), ['logo'])
  })

  it('checks monochromeLogo, screenshots and authorsFile', () => {
    expectKeys(yaml({ monochromeLogo: 'monochromeLogo: img/missing.png' }), ['monochromeLogo'], ['monochromeLogo'], repository)
    const shot = (path: string) => BASE['description']?.replace('    features:', `    screenshots:\n      - ${path}\n    features:`) ?? ''
    expectKeys(yaml({ description: shot('img/logo.png') }), [], [], repository)
    expectKeys(yaml({ description: shot('img/logo.svg') }), ['description.en.screenshots[0]'], [], repository)
    const legal = 'legal:\n  license: EUPL-1.2\n  authorsFile: AUTHORS'
    expectKeys(yaml({ legal }), ['legal.authorsFile'], ['legal.authorsFile'], repository)
  })
})

describe('positions', () => {
  it('points at the key of an invalid value', () => {
    const [error] = validatePublicCode(yaml({ developmentStatus: 'developmentStatus: foo' })).errors
    expect(error).toMatchObject({ key: 'developmentStatus', line: 6, column: 1 })
  })

  it('points at the deepest existing key for a missing one', () => {
    const [error] = validatePublicCode(yaml({ maintenance: 'maintenance:\n  type: internal' })).errors
    expect(error).toMatchObject({ key: 'maintenance.contacts', line: 16, column: 1 })
  })

  it('points at the YAML syntax error, keyed to the whole file', () => {
    const [error] = validatePublicCode('publiccodeYmlVersion: "0"\nname: [unclosed\n').errors
    expect(error?.key).toBe('')
    expect(error?.line).toBeGreaterThan(0)
  })
})
