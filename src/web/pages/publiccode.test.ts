import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validatePublicCode } from '../../domain/publiccode/index.ts'
import { createTestContext, type TestContext } from '../../testing/test-context.ts'
import { buildApp } from '../app.tsx'

const conformance = new URL('../../../../shared/conformance/publiccode/', import.meta.url)
const VALID = readFileSync(new URL('valid/valid.yml', conformance), 'utf8')
const HOSTILE = '<script>alert("pwned")</script>'

let context: TestContext
let app: FastifyInstance

beforeAll(async () => {
  context = await createTestContext()
  app = await buildApp(context, { logger: false })
})
afterAll(async () => {
  await app?.close()
  await context?.close()
})

/** A no-JavaScript form post, as a browser sends it. */
function post(url: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item)
  return app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() })
}

const unescape = (html: string) => html.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

/** The value of a hidden input, as a browser reads it. */
function fieldValue(html: string, name: string): string | undefined {
  // An empty value is written as a bare attribute.
  const input = new RegExp(`<input type="hidden" name="${name.replace(/[.[\]]/g, '\\$&')}" value(?:="([^"]*)")?`).exec(html)
  return input ? unescape(input[1] ?? '') : undefined
}

/** Every field a complete, valid publiccode.yml needs, filled in from scratch. */
const FILLED = {
  name: 'Mon logiciel',
  url: 'https://git.example.gouv.fr/dinum/mon-logiciel.git',
  platforms: ['web', 'linux'],
  categories: 'document-management',
  developmentStatus: 'stable',
  softwareType: 'standalone/web',
  'description.fr.shortDescription': 'Gère les documents des administrations.',
  'description.fr.longDescription': 'Un logiciel libre '.repeat(12),
  'description.fr.features': 'Classement\r\nRecherche',
  'legal.license': 'EUPL-1.2',
  'maintenance.type': 'internal',
  'maintenance.contacts[0].name': 'Camille Martin',
  'maintenance.contacts[0].email': 'camille.martin@example.gouv.fr',
  'maintenance.contacts[1].name': '',
  'localisation.localisationReady': 'true',
  'localisation.availableLanguages': 'fr, en',
}

describe('the validation page', () => {
  it('shows the form, in French and in English', async () => {
    const french = await app.inject('/fr/opening/publiccode/validate')
    expect(french.statusCode).toBe(200)
    expect(french.body).toContain('<h1>Valider un publiccode.yml</h1>')
    expect(french.body).toMatch(/<form method="post" action="\/fr\/opening\/publiccode\/validate"/)
    expect(french.body).toContain('<label class="fr-label" for="publiccode-yaml">')
    expect(french.body).toMatch(/<textarea [^>]*id="publiccode-yaml" name="yaml"/)
    expect(french.body).toContain('<script src="/assets/publiccode-editor.js" defer')
    expect((await app.inject('/en/opening/publiccode/validate')).body).toContain('<h1>Validate a publiccode.yml</h1>')
    expect((await app.inject('/de/opening/publiccode/validate')).statusCode).toBe(404)
    expect((await app.inject('/assets/publiccode-editor.js')).statusCode).toBe(200)
  })

  it('gives the verdict on a valid file', async () => {
    const response = await post('/fr/opening/publiccode/validate', { yaml: VALID })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('fr-alert--success')
    expect(response.body).toContain('Le fichier est valide.')
    expect(response.body).toContain('Version du standard : 0.')
  })

  it('lists each problem with its key, line, column and message, escaped', async () => {
    const yaml = `publiccodeYmlVersion: "0"\nname: ${JSON.stringify(HOSTILE)}\nurl: ${JSON.stringify(HOSTILE)}\n`
    const response = await post('/en/opening/publiccode/validate', { yaml })
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('fr-alert--error')
    expect(html).toContain('The file is not valid.')
    expect(html).toMatch(/<title>\d+ problem\(s\) · Validate a publiccode\.yml/)
    expect(html).toMatch(/<p class="fr-badge fr-badge--error fr-badge--sm">Error<\/p> <code>url<\/code><span class="fr-text--sm"> \(line 3, column 1\)<\/span>/)
    expect(html).toContain('<code>platforms</code>')
    expect(html).toContain('<span lang="en">')
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('name: &quot;&lt;script>alert(\\&quot;pwned\\&quot;)&lt;/script>&quot;')
  })

  it('reports a file that is not YAML as a problem of the whole file', async () => {
    const response = await post('/fr/opening/publiccode/validate', { yaml: 'a: [1, 2\nb: }' })
    expect(response.body).toMatch(/Erreur<\/p> <span>fichier entier<\/span><span class="fr-text--sm"> \(ligne \d+, colonne \d+\)/)
  })
})

describe('the editor', () => {
  it('shows an empty form with a labelled field for every key it edits', async () => {
    const response = await app.inject('/fr/opening/publiccode/editor')
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('<h1>Éditeur de publiccode.yml</h1>')
    expect(html).toContain('novalidate')
    for (const id of [
      'pc-name',
      'pc-url',
      'pc-landingURL',
      'pc-logo',
      'pc-softwareVersion',
      'pc-releaseDate',
      'pc-platforms-web',
      'pc-categories-office',
      'pc-developmentStatus',
      'pc-softwareType',
      'pc-description-fr-shortDescription',
      'pc-description-en-longDescription',
      'pc-description-en-features',
      'pc-legal-license',
      'pc-maintenance-type',
      'pc-maintenance-contacts-1-phone',
      'pc-maintenance-contractors-1-until',
      'pc-localisation-localisationReady',
      'pc-localisation-availableLanguages',
    ]) {
      expect(html, id).toContain(`for="${id}"`)
      expect(html, id).toContain(`id="${id}"`)
    }
    expect(html).not.toContain('maintenance.contacts[2].name')
    // The help of each key comes from the standard's help texts, in the page's language.
    expect(html).toContain('Nom court du logiciel, celui sous lequel il est connu.')
    expect((await app.inject('/en/opening/publiccode/editor')).body).toContain('Short name of the software, the one people know it by.')
  })

  it('builds a valid file from the fields, to copy or download', async () => {
    const response = await post('/fr/opening/publiccode/editor', { ...FILLED, action: 'generate' })
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('Votre publiccode.yml est valide')
    expect(html).toMatch(/<form method="post" action="\/fr\/opening\/publiccode\/editor\/download">/)
    const yaml = fieldValue(html, 'yaml')!
    const result = validatePublicCode(yaml)
    expect(result.errors).toEqual([])
    expect(result.document).toMatchObject({
      publiccodeYmlVersion: '0',
      name: 'Mon logiciel',
      platforms: ['web', 'linux'],
      description: { fr: { features: ['Classement', 'Recherche'] } },
      maintenance: { type: 'internal', contacts: [{ name: 'Camille Martin', email: 'camille.martin@example.gouv.fr' }] },
      localisation: { localisationReady: true, availableLanguages: ['fr', 'en'] },
    })
    expect(result.document?.description).not.toHaveProperty('en')
    // The form comes back filled in.
    expect(html).toContain('value="Mon logiciel"')
    expect(html).toMatch(/<input type="checkbox" id="pc-platforms-linux" name="platforms" value="linux" checked/)
  })

  it('shows each problem next to its field, and links to it from the summary', async () => {
    const response = await post('/fr/opening/publiccode/editor', {
      ...FILLED,
      name: '',
      'maintenance.contacts[0].email': 'pas-un-courriel',
      'description.fr.shortDescription': 'x'.repeat(151),
      action: 'generate',
    })
    const html = response.body
    expect(html).toMatch(/<title>3 problème\(s\) · Éditeur de publiccode\.yml/)
    expect(html).toContain('3 problème(s) à corriger')
    expect(html).toContain('<a href="#pc-name"><code>name</code></a>')
    expect(html).toMatch(/<div class="fr-input-group fr-input-group--error"><label class="fr-label" for="pc-name">Nom \*/)
    expect(html).toMatch(/id="pc-name" name="name" value aria-describedby="pc-name-error" aria-invalid="true"/)
    expect(html).toMatch(/<div id="pc-name-error"><p class="fr-error-text"><span lang="en">name is a required field/)
    expect(html).toContain('id="pc-maintenance-contacts-0-email-error"')
    expect(html).toContain('id="pc-description-fr-shortDescription-error"')
    expect(html).not.toContain('Votre publiccode.yml est valide')
  })

  it('shows problems about a whole group on the group', async () => {
    const response = await post('/en/opening/publiccode/editor', { ...FILLED, 'maintenance.contacts[0].name': '', 'maintenance.contacts[0].email': '', action: 'generate' })
    expect(response.body).toMatch(/<fieldset class="fr-fieldset fr-fieldset--error" id="pc-maintenance-contacts" aria-labelledby="pc-maintenance-contacts-legend pc-maintenance-contacts-error">/)
    expect(response.body).toContain('<a href="#pc-maintenance-contacts"><code>maintenance.contacts</code></a>')
  })

  it('escapes what the fields hold, everywhere it shows it', async () => {
    const response = await post('/fr/opening/publiccode/editor', {
      ...FILLED,
      name: HOSTILE,
      'description.fr.longDescription': `${HOSTILE}${'x'.repeat(200)}`,
      'maintenance.contacts[0].affiliation': `"><img src=x onerror=alert(1)>`,
      original: `name: ${JSON.stringify(HOSTILE)}\n`,
      action: 'generate',
    })
    const html = response.body
    expect(html).toContain('Votre publiccode.yml est valide')
    expect(html).not.toContain(HOSTILE)
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('value="&lt;script>alert(&quot;pwned&quot;)&lt;/script>"')
    expect(validatePublicCode(fieldValue(html, 'yaml')!).document?.name).toBe(HOSTILE)
  })

  it('adds a row on request, keeping what was typed, without judging the file yet', async () => {
    const response = await post('/fr/opening/publiccode/editor', { ...FILLED, action: 'add-contacts' })
    const html = response.body
    expect(html).toContain('name="maintenance.contacts[2].name"')
    expect(html).toContain('value="Camille Martin"')
    expect(html).not.toContain('à corriger')
    expect(html).not.toContain('Votre publiccode.yml est valide')
    const contractors = await post('/fr/opening/publiccode/editor', { ...FILLED, action: 'add-contractors' })
    expect(contractors.body).toContain('name="maintenance.contractors[0].until"')
    expect(contractors.body).not.toContain('name="maintenance.contractors[1].until"')
  })

  it('loads an existing file into the form, carrying the keys it does not show', async () => {
    const response = await post('/en/opening/publiccode/editor', { source: VALID, action: 'load' })
    const html = response.body
    expect(html).toContain('id="pc-name" name="name" value="Medusa"')
    expect(html).toMatch(/<input type="checkbox" id="pc-platforms-ios" name="platforms" value="ios" checked/)
    expect(html).toContain('name="platformsOther" value="custom_platform"')
    expect(html).toContain('name="maintenance.contacts[2].name" value="Giancarlo Verdi"')
    expect(fieldValue(html, 'original')).toBe(VALID)
    expect(fieldValue(html, 'descriptionLanguages')).toBe('fr,en')
    expect(html).toContain('Your publiccode.yml is valid')
    expect(validatePublicCode(fieldValue(html, 'yaml')!).document).toEqual(validatePublicCode(VALID).document)
  })

  it('says why a file cannot be loaded', async () => {
    const response = await post('/fr/opening/publiccode/editor', { source: 'name: [unclosed\n', action: 'load' })
    expect(response.body).toContain('Ce fichier n’a pas pu être lu :')
    expect(fieldValue(response.body, 'original')).toBe('')
    expect(response.body).not.toContain('à corriger')
  })

  it('serves a valid file as an attachment, and only a valid file', async () => {
    const response = await post('/fr/opening/publiccode/editor/download', { yaml: VALID })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe('attachment; filename="publiccode.yml"')
    expect(response.headers['content-type']).toBe('application/yaml; charset=utf-8')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.body).toBe(VALID)

    const invalid = await post('/fr/opening/publiccode/editor/download', { yaml: HOSTILE })
    expect(invalid.statusCode).toBe(422)
    expect(invalid.headers['content-disposition']).toBeUndefined()
    expect(invalid.headers['content-type']).toContain('text/html')
    expect(invalid.body).toContain('Le fichier n’est pas valide.')
    expect(invalid.body).toContain('href="/en/opening/publiccode/validate"')
    expect(invalid.body).not.toContain(HOSTILE)
  })
})

describe('the editor, from a repository of the registry', () => {
  beforeAll(async () => {
    await context.database.db
      .insertInto('repository')
      .values([
        { forge: 'github', forge_host: 'github.com', owner: 'italia', name: 'medusa', url: 'https://github.com/italia/medusa', clone_url: 'https://github.com/italia/medusa.git', publiccode_text: VALID, publiccode_valid: true },
        { forge: 'github', forge_host: 'github.com', owner: 'etalab', name: 'sans-fichier', url: 'https://github.com/etalab/sans-fichier', description: 'Un outil' },
      ])
      .execute()
  })

  it('fills the form with the publiccode.yml the crawl read, given the web or clone address', async () => {
    for (const address of ['https://github.com/italia/medusa', 'https://GitHub.com/italia/medusa.git', 'https://github.com/italia/medusa/']) {
      const response = await app.inject(`/fr/opening/publiccode/editor?repository=${encodeURIComponent(address)}`)
      expect(response.statusCode).toBe(200)
      expect(response.body).toContain('Le publiccode.yml de italia/medusa')
      expect(response.body).toContain(`value="${validatePublicCode(VALID).document!.name}"`)
    }
  })

  it('starts the form from the name and address of a repository without one, and says when the registry does not know the address', async () => {
    const without = await app.inject(`/en/opening/publiccode/editor?repository=${encodeURIComponent('https://github.com/etalab/sans-fichier')}`)
    expect(without.body).toContain('etalab/sans-fichier has no publiccode.yml')
    expect(without.body).toContain('value="https://github.com/etalab/sans-fichier"')
    const unknown = await app.inject(`/fr/opening/publiccode/editor?repository=${encodeURIComponent('http://169.254.169.254/latest/meta-data')}`)
    expect(unknown.statusCode).toBe(200)
    expect(unknown.body).toContain('Aucun dépôt du registre n’a cette adresse')
  })
})

