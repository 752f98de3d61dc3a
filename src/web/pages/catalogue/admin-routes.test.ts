import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PageClient, signedInClient } from '../../../testing/page-client.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { exportDataset } from '../../../usecases/opendata/export-dataset.ts'
import { buildApp } from '../../app.tsx'

let context: TestContext
let app: FastifyInstance
let author: PageClient
let authorId: string
let other: PageClient
let moderator: PageClient
let moderatorId: string
let admin: PageClient

const db = () => context.database.db
const software = (slug: string) => db().selectFrom('software').selectAll().where('slug', '=', slug).executeTakeFirst()
const exported = async () => {
  let text = ''
  for await (const chunk of exportDataset(context.stores, 'software', 'json')) text += chunk
  return JSON.parse(text) as { slug: string }[]
}
/** Where the catalogue shows a software publicly: the page of results, the API search, the API page, the export. */
const publicly = async (slug: string, name: string) => {
  const visitor = new PageClient(app)
  const [page, search, one, rows, sitemap] = await Promise.all([
    visitor.get(`/fr/catalogue?q=${encodeURIComponent(name)}`),
    app.inject({ method: 'GET', url: `/api/v1/software?q=${encodeURIComponent(name)}` }),
    app.inject({ method: 'GET', url: `/api/v1/software/${slug}` }),
    exported(),
    app.inject({ method: 'GET', url: '/sitemap.xml' }),
  ])
  return {
    page: page.body.includes(`/fr/catalogue/${slug}"`) && sitemap.body.includes(`/fr/catalogue/${slug}<`),
    search: (search.json() as { items: { slug: string }[] }).items.some((s) => s.slug === slug),
    api: one.statusCode === 200,
    export: rows.some((s) => s.slug === slug),
  }
}
const NOWHERE = { page: false, search: false, api: false, export: false }
const EVERYWHERE = { page: true, search: true, api: true, export: true }

beforeAll(async () => {
  context = await createTestContext({ config: { publicUrl: 'http://localhost:8080', sessionSecret: 'a-session-secret-of-at-least-32-characters' } })
  app = await buildApp(context, { logger: false })
  await context.stores.software.insert([
    { slug: 'gimp', name: 'GIMP', description_fr: 'Retouche d’images', description_en: '', licence: 'GPL-3.0-or-later', website: null, documentation_url: null, repository_url: 'https://gitlab.gnome.org/GNOME/gimp', logo_url: null, wikidata_id: 'Q8038', latest_version: null },
  ] as never)
  await db()
    .insertInto('repository')
    .values({ forge: 'github', forge_host: 'github.com', owner: 'inkscape', name: 'inkscape', url: 'https://github.com/inkscape/inkscape', description: 'Vector graphics editor', licence: 'GPL-2.0-or-later', homepage: 'https://inkscape.org', language: null, default_branch: null, organisation_id: null, created_on_forge: null, pushed_at: null, first_seen_at: undefined, updated_at: undefined, source_id: null, forge_id: null, clone_url: null, size_kb: null, parent_full_name: null, latest_release: null, head_commit: null, publiccode_text: null, publiccode_valid: null, publiccode_errors: null, detected_licence: null, gone_at: null, last_crawled_at: null, files_read_at: null, readme_excerpt: null, effective_licence: null, licence_authorised: null, compliance_score: null, compliance: null, derived_at: null } as never)
    .execute()
  ;({ client: author, agentId: authorId } = await signedInClient(app, context.stores, 'autrice@numerique.gouv.fr', { name: 'Autrice' }))
  ;({ client: other } = await signedInClient(app, context.stores, 'autre@numerique.gouv.fr'))
  ;({ client: moderator, agentId: moderatorId } = await signedInClient(app, context.stores, 'moderatrice@numerique.gouv.fr', { role: 'moderator', name: 'Modératrice' }))
  ;({ client: admin } = await signedInClient(app, context.stores, 'admin@numerique.gouv.fr', { role: 'admin' }))
})
afterAll(async () => {
  await app?.close()
  await context?.close()
})

const HOSTILE = '<script>alert("x")</script> Outil'
const form = (fields: Record<string, string | string[]> = {}) => ({
  name: HOSTILE,
  description_fr: '<img src=x onerror=alert(1)>',
  description_en: '',
  licence: 'mit',
  website: 'https://outil.example/',
  documentation_url: '',
  repository_url: '',
  wikidata_id: '',
  categories: 'Bureautique',
  keywords: '',
  platforms: ['web'],
  os: [],
  ...fields,
})

describe('adding a software', () => {
  it('sends visitors to sign in, and refuses their posts', async () => {
    const visitor = new PageClient(app)
    const page = await visitor.get('/fr/catalogue/add')
    expect(page.statusCode).toBe(303)
    expect(page.headers.location).toBe(`/fr/connexion?retour=${encodeURIComponent('/fr/catalogue/add')}`)
    expect((await visitor.request('POST', '/fr/catalogue/add', form())).statusCode).toBe(401)
  })

  it('shows the catalogue’s possible duplicates and the registry’s candidates, accent- and case-insensitive', async () => {
    const byName = await author.get('/fr/catalogue/add?name=gimp')
    expect(byName.statusCode).toBe(200)
    expect(byName.body).toContain('href="/fr/catalogue/gimp"')
    expect(byName.body).toContain('nom proche')
    const byWikidata = await author.get('/fr/catalogue/add?name=Editeur+graphique&wikidata_id=q8038')
    expect(byWikidata.body).toContain('même identifiant Wikidata')
    const byRepository = await author.get(`/fr/catalogue/add?name=Autre&repository_url=${encodeURIComponent('https://gitlab.gnome.org/GNOME/GIMP.git')}`)
    expect(byRepository.body).toContain('même dépôt')

    const candidates = await author.get('/fr/catalogue/add?name=Inkscap%C3%A9')
    expect(candidates.body).toContain('Registre du code public')
    const pick = /href="(\/fr\/catalogue\/add\?etape=2[^"]*inkscape[^"]*)"/.exec(candidates.body)?.[1]
    expect(pick).toBeDefined()
    const step2 = await author.get(pick!.replaceAll('&amp;', '&'))
    expect(step2.statusCode).toBe(200)
    expect(step2.body).toContain('value="https://github.com/inkscape/inkscape"')
    expect(step2.body).toContain('value="GPL-2.0-or-later"')
    expect(step2.body).toContain('Vector graphics editor')
  })

  it('shows inline errors for a malformed form, never a 500', async () => {
    const bad = await author.submit('/fr/catalogue/add?etape=2', '/fr/catalogue/add', form({ name: '', licence: 'licence maison', website: 'javascript:alert(1)', wikidata_id: 'Q8038', platforms: ['grille-pain'] }))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Ce champ est obligatoire.')
    expect(bad.body).toContain('Saisissez une licence au format SPDX')
    expect(bad.body).toContain('Saisissez une adresse web complète')
    expect(bad.body).toContain('fr-input-group--error')
    const taken = await author.submit('/fr/catalogue/add?etape=2', '/fr/catalogue/add', form({ name: 'Gimp bis', wikidata_id: 'Q8038' }))
    expect(taken.statusCode).toBe(400)
    expect(taken.body).toContain('déjà cet identifiant Wikidata')
    const odd = await author.submit('/fr/catalogue/add?etape=2', '/fr/catalogue/add', { name: ['a', 'b'], platforms: 'web', unknown: 'x' })
    expect(odd.statusCode).toBeLessThan(500)
    const noCsrf = await author.request('POST', '/fr/catalogue/add', form())
    expect(noCsrf.statusCode).toBe(403)
  })

  it('adds it awaiting moderation: seen by its author and moderators only, absent from the catalogue, API and export', async () => {
    const added = await author.submit('/fr/catalogue/add?etape=2', '/fr/catalogue/add', form())
    expect(added.statusCode).toBe(303)
    expect(added.headers.location).toBe('/fr/catalogue/script-alert-x-script-outil?info=propose')
    const row = await software('script-alert-x-script-outil')
    expect(row).toMatchObject({ moderation: 'pending', submitted_by: authorId, licence: 'MIT', platforms: ['web'], categories: ['Bureautique'] })

    const mine = await author.get(added.headers.location as string)
    expect(mine.statusCode).toBe(200)
    expect(mine.body).toContain('En attente de modération')
    expect(mine.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> Outil')
    expect(mine.body).not.toContain('<script>alert(')
    expect(mine.body).not.toContain('<img src=x')
    expect((await new PageClient(app).get('/fr/catalogue/script-alert-x-script-outil')).statusCode).toBe(404)
    expect((await other.get('/fr/catalogue/script-alert-x-script-outil')).statusCode).toBe(404)
    const seenByModerator = await moderator.get('/fr/catalogue/script-alert-x-script-outil')
    expect(seenByModerator.statusCode).toBe(200)
    expect(seenByModerator.body).toContain(`/fr/administration/catalogue/${row!.id}`)

    expect(await publicly('script-alert-x-script-outil', 'Outil')).toEqual(NOWHERE)
    const audit = await db().selectFrom('audit_log').selectAll().where('subject_id', '=', row!.id).execute()
    expect(audit).toMatchObject([{ agent_id: authorId, action: 'software.submitted' }])
  })
})

describe('moderation', () => {
  it('refuses visitors (401), agents without the role (403) and forms without their token (403)', async () => {
    const row = (await software('script-alert-x-script-outil'))!
    const visitor = new PageClient(app)
    expect((await visitor.get('/fr/administration/catalogue')).statusCode).toBe(303)
    const writes = [
      [`/fr/administration/catalogue/${row.id}/decision`, { decision: 'accepted' }],
      [`/fr/administration/catalogue/${row.id}/modifier`, { ...form(), version: String(row.version) }],
      [`/fr/administration/catalogue/${row.id}/dereferencer`, { reason: 'x' }],
      [`/fr/administration/catalogue/${row.id}/referencer`, { status: 'recommended' }],
      [`/fr/administration/catalogue/${row.id}/fusionner`, { into: 'gimp', confirm: 'on' }],
      ['/fr/administration/catalogue/attributs', { key: 'k', label_fr: 'k', label_en: 'k', kind: 'text' }],
      ['/fr/administration/catalogue/attributs/supprimer', { key: 'k' }],
    ] as const
    const agentToken = await other.csrfToken('/fr/catalogue/add?etape=2')
    for (const [action, fields] of writes) {
      expect((await visitor.request('POST', action, fields)).statusCode, action).toBe(401)
      expect((await other.request('POST', action, { _csrf: agentToken, ...fields })).statusCode, action).toBe(403)
      expect((await moderator.request('POST', action, { _csrf: 'forged', ...fields })).statusCode, action).toBe(403)
    }
    expect((await other.get('/fr/administration/catalogue')).statusCode).toBe(403)
    expect((await other.get(`/fr/administration/catalogue/${row.id}`)).statusCode).toBe(403)
    expect((await moderator.get('/fr/administration/catalogue/attributs')).statusCode).toBe(403)
    expect((await moderator.request('POST', '/fr/administration/catalogue/attributs', { _csrf: await moderator.csrfToken('/fr/administration/catalogue'), key: 'k', label_fr: 'k', label_en: 'k', kind: 'text' })).statusCode).toBe(403)
    expect(await software('script-alert-x-script-outil')).toMatchObject({ moderation: 'pending', version: row.version, status: 'recommended' })
  })

  it('lists what awaits moderation; a rejection needs a reason; an accepted software becomes public', async () => {
    const row = (await software('script-alert-x-script-outil'))!
    const queue = await moderator.get('/fr/administration/catalogue')
    expect(queue.statusCode).toBe(200)
    expect(queue.body).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> Outil')
    expect(queue.body).toContain('Autrice')

    const noReason = await moderator.submit('/fr/administration/catalogue', `/fr/administration/catalogue/${row.id}/decision`, { decision: 'rejected', reason: ' ' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Ce champ est obligatoire.')
    const unknown = await moderator.submit('/fr/administration/catalogue', `/fr/administration/catalogue/${row.id}/decision`, { decision: 'maybe' })
    expect(unknown.statusCode).toBe(400)
    expect((await moderator.submit('/fr/administration/catalogue', '/fr/administration/catalogue/not-an-id/decision', { decision: 'accepted' })).statusCode).toBe(404)

    const rejected = await moderator.submit('/fr/administration/catalogue', `/fr/administration/catalogue/${row.id}/decision`, { decision: 'rejected', reason: 'Doublon <b>probable</b>' })
    expect(rejected.statusCode).toBe(303)
    expect(await software('script-alert-x-script-outil')).toMatchObject({ moderation: 'rejected', rejection_reason: 'Doublon <b>probable</b>', moderated_by: moderatorId })
    expect((await author.get('/fr/catalogue/script-alert-x-script-outil')).body).toContain('Doublon &lt;b>probable&lt;/b>')
    expect(await publicly('script-alert-x-script-outil', 'Outil')).toEqual(NOWHERE)

    const accepted = await moderator.submit('/fr/administration/catalogue', `/fr/administration/catalogue/${row.id}/decision`, { decision: 'accepted' })
    expect(accepted.headers.location).toBe('/fr/administration/catalogue?info=decide')
    expect(await software('script-alert-x-script-outil')).toMatchObject({ moderation: 'accepted' })
    expect(await publicly('script-alert-x-script-outil', 'Outil')).toEqual(EVERYWHERE)
    const again = await moderator.submit('/fr/administration/catalogue', `/fr/administration/catalogue/${row.id}/decision`, { decision: 'rejected', reason: 'trop tard' })
    expect(again.headers.location).toBe('/fr/administration/catalogue?info=dejadecide')

    const actions = await db().selectFrom('audit_log').select(['action', 'agent_id']).where('subject_id', '=', row.id).orderBy('at').execute()
    expect(actions.map((a) => a.action)).toEqual(['software.submitted', 'software.rejected', 'software.accepted'])
  })
})

describe('dereferencing', () => {
  it('needs a reason, keeps the last recommended version and day, and can be undone', async () => {
    const gimp = (await software('gimp'))!
    const page = `/fr/administration/catalogue/${gimp.id}`
    const bad = await moderator.submit(page, `${page}/dereferencer`, { reason: '', last_recommended_version: '2.10', on: '2026-13-01' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Ce champ est obligatoire.')
    expect(bad.body).toContain('Cette valeur n’est pas valable.')
    const done = await moderator.submit(page, `${page}/dereferencer`, { reason: 'Remplacé', last_recommended_version: '2.10', on: '2026-11-01' })
    expect(done.statusCode).toBe(303)
    const row = await db().selectFrom('software').select(['status', 'dereferenced_reason', 'last_recommended_version', (eb) => eb.cast<string>('dereferenced_on', 'text').as('on')]).where('id', '=', gimp.id).executeTakeFirst()
    expect(row).toEqual({ status: 'dereferenced', dereferenced_reason: 'Remplacé', last_recommended_version: '2.10', on: '2026-11-01' })
    expect((await new PageClient(app).get('/fr/catalogue/gimp')).body).toContain('Remplacé')

    expect((await moderator.submit(page, `${page}/referencer`, { status: 'observation' })).statusCode).toBe(303)
    expect(await software('gimp')).toMatchObject({ status: 'observation', dereferenced_reason: null, last_recommended_version: '2.10' })
    const actions = await db().selectFrom('audit_log').select('action').where('subject_id', '=', gimp.id).orderBy('at').execute()
    expect(actions.map((a) => a.action)).toEqual(['software.dereferenced', 'software.reinstated'])
  })
})

describe('merging duplicates', () => {
  it('moves declarations to the kept software, once per referent, and redirects the old address', async () => {
    const base = { description_fr: '', description_en: '', licence: null, website: null, documentation_url: null, repository_url: null, logo_url: null, wikidata_id: null, latest_version: null }
    await context.stores.software.insert([
      { slug: 'libreoffice', name: 'LibreOffice', ...base },
      { slug: 'libre-office', name: 'Libre Office', ...base },
      { slug: 'onlyoffice', name: 'OnlyOffice', ...base },
    ] as never)
    const [kept, merged, similar] = await Promise.all([software('libreoffice'), software('libre-office'), software('onlyoffice')])
    const referent = (await context.stores.agents.byEmail('autre@numerique.gouv.fr'))!.id
    await context.stores.declarations.add('user', merged!.id, authorId, { organisation: 'Mairie' })
    await context.stores.declarations.add('instance', merged!.id, authorId, { organisation: 'Mairie', is_public: true, url: 'https://office.mairie.example' })
    await context.stores.declarations.add('referent', merged!.id, referent, { is_expert: true })
    await context.stores.declarations.add('referent', kept!.id, referent, { is_expert: false })
    await context.stores.declarations.add('referent', merged!.id, authorId, { is_expert: false })
    await db().insertInto('software_similar').values({ software_id: merged!.id, similar_id: similar!.id, source: 'test' }).execute()

    const page = `/fr/administration/catalogue/${merged!.id}`
    const unconfirmed = await moderator.submit(page, `${page}/fusionner`, { into: 'libreoffice' })
    expect(unconfirmed.statusCode).toBe(400)
    expect((await moderator.submit(page, `${page}/fusionner`, { into: 'libre-office', confirm: 'on' })).body).toContain('ne peut pas être fusionné avec lui-même')
    expect((await moderator.submit(page, `${page}/fusionner`, { into: 'nothing', confirm: 'on' })).statusCode).toBe(400)

    const done = await moderator.submit(page, `${page}/fusionner`, { into: 'libreoffice', confirm: 'on' })
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe(`/fr/administration/catalogue/${kept!.id}?info=fusionne`)
    expect(await software('libre-office')).toBeUndefined()
    const after = (await software('libreoffice'))!
    expect(after).toMatchObject({ user_count: 1, referent_count: 2, public_instance_count: 1 })
    const referents = await db().selectFrom('software_referent').select(['agent_id', 'is_expert']).where('software_id', '=', kept!.id).execute()
    expect(referents).toHaveLength(2)
    expect(referents.find((r) => r.agent_id === referent)).toEqual({ agent_id: referent, is_expert: false })
    expect(await db().selectFrom('software_similar').select('similar_id').where('software_id', '=', kept!.id).execute()).toEqual([{ similar_id: similar!.id }])

    const old = await new PageClient(app).get('/en/catalogue/libre-office')
    expect(old.statusCode).toBe(301)
    expect(old.headers.location).toBe('/en/catalogue/libreoffice')
    expect((await new PageClient(app).get('/fr/catalogue/never-was')).statusCode).toBe(404)
    const audit = await db().selectFrom('audit_log').selectAll().where('subject_id', '=', kept!.id).execute()
    expect(audit).toMatchObject([{ action: 'software.merged', agent_id: moderatorId, details: { merged_slug: 'libre-office', moved: { users: 1, referents: 1, instances: 1 } } }])
    // A later software may not take the merged one's address.
    const again = await author.submit('/fr/catalogue/add?etape=2', '/fr/catalogue/add', form({ name: 'Libre Office' }))
    expect(again.headers.location).toBe('/fr/catalogue/libre-office-2?info=propose')
    // Nor a page of the catalogue's.
    expect((await author.submit('/fr/catalogue/add?etape=2', '/fr/catalogue/add', form({ name: 'Add' }))).headers.location).toBe('/fr/catalogue/add-2?info=propose')
  })
})

describe('editing with optimistic versioning', () => {
  it('refuses the second of two edits started from the same version, showing the current values; nothing is lost', async () => {
    const gimp = (await software('gimp'))!
    const page = `/fr/administration/catalogue/${gimp.id}`
    const [formOne, formTwo] = [await moderator.get(page), await admin.get(page)]
    const version = /name="version" value="(\d+)"/.exec(formOne.body)![1]!
    expect(/name="version" value="(\d+)"/.exec(formTwo.body)![1]).toBe(version)
    const fields = { ...form({ name: 'GIMP', licence: 'GPL-3.0-or-later', repository_url: 'https://gitlab.gnome.org/GNOME/gimp', wikidata_id: 'Q8038' }), description_fr: 'Éditeur d’images', version }

    const saved = await moderator.submit(page, `${page}/modifier`, fields)
    expect(saved.statusCode).toBe(303)
    const stale = await admin.submit(page, `${page}/modifier`, { ...fields, description_fr: 'Logiciel de dessin', version })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('Quelqu’un a modifié ce logiciel')
    expect(stale.body).toContain('Éditeur d’images')
    expect(stale.body).toContain('Logiciel de dessin')
    expect(stale.body).toContain(`name="version" value="${Number(version) + 1}"`)
    expect(await software('gimp')).toMatchObject({ description_fr: 'Éditeur d’images', version: Number(version) + 1 })

    const bad = await admin.submit(page, `${page}/modifier`, { ...fields, version: String(Number(version) + 1), licence: 'pas une licence' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Saisissez une licence au format SPDX')
    const noVersion = await admin.submit(page, `${page}/modifier`, { ...fields, version: 'x' })
    expect(noVersion.statusCode).toBe(409)
    const edits = await db().selectFrom('audit_log').selectAll().where('subject_id', '=', gimp.id).where('action', '=', 'software.edited').execute()
    expect(edits).toMatchObject([{ agent_id: moderatorId, details: { fields: ['description_fr', 'website', 'categories', 'platforms'] } }])
  })
})

describe('custom attributes', () => {
  it('are defined by administrators, edited by moderators and shown on the software page', async () => {
    const attributes = '/fr/administration/catalogue/attributs'
    const bad = await admin.submit(attributes, attributes, { key: 'Not A Key', label_fr: '', label_en: 'x', kind: 'date' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('fr-input-group--error')
    expect((await admin.submit(attributes, attributes, { key: 'rgaa', label_fr: 'Conforme RGAA', label_en: 'RGAA compliant', kind: 'boolean', position: '1' })).statusCode).toBe(303)
    expect((await admin.submit(attributes, attributes, { key: 'guide', label_fr: 'Guide <i>interne</i>', label_en: 'Internal guide', kind: 'url', position: '2' })).statusCode).toBe(303)

    const gimp = (await software('gimp'))!
    const page = `/fr/administration/catalogue/${gimp.id}`
    const fields = { ...form({ name: 'GIMP', licence: 'GPL-3.0-or-later', repository_url: 'https://gitlab.gnome.org/GNOME/gimp', wikidata_id: 'Q8038' }), version: String(gimp.version) }
    const badUrl = await moderator.submit(page, `${page}/modifier`, { ...fields, attr_rgaa: 'on', attr_guide: 'javascript:alert(1)' })
    expect(badUrl.statusCode).toBe(400)
    expect((await moderator.submit(page, `${page}/modifier`, { ...fields, attr_rgaa: 'on', attr_guide: 'https://guide.example/gimp' })).statusCode).toBe(303)
    expect((await software('gimp'))!.custom_attributes).toEqual({ rgaa: true, guide: 'https://guide.example/gimp' })

    const shown = await new PageClient(app).get('/fr/catalogue/gimp')
    expect(shown.body).toContain('Conforme RGAA')
    expect(shown.body).toContain('Guide &lt;i>interne&lt;/i>')
    expect(shown.body).toContain('href="https://guide.example/gimp"')
    expect((await new PageClient(app).get('/en/catalogue/gimp')).body).toContain('RGAA compliant')

    expect((await admin.submit(attributes, `${attributes}/supprimer`, { key: 'guide' })).statusCode).toBe(303)
    expect((await software('gimp'))!.custom_attributes).toEqual({ rgaa: true })
  })
})

describe('the audit log', () => {
  it('shows every change of the catalogue with who and when, of one software when filtered', async () => {
    const all = await moderator.get('/fr/administration/catalogue/journal')
    expect(all.statusCode).toBe(200)
    for (const action of ['software.submitted', 'software.accepted', 'software.merged', 'software.edited', 'custom-attribute.saved']) expect(all.body).toContain(action)
    expect(all.body).toContain('Modératrice')
    const gimp = await moderator.get('/fr/administration/catalogue/journal?logiciel=gimp')
    expect(gimp.body).toContain('software.dereferenced')
    expect(gimp.body).not.toContain('software.merged')
    const unknown = await moderator.get('/fr/administration/catalogue/journal?logiciel=%3Cscript%3E')
    expect(unknown.statusCode).toBe(200)
    expect(unknown.body).toContain('value="&lt;script>"')
    expect((await other.get('/fr/administration/catalogue/journal')).statusCode).toBe(403)
  })
})
