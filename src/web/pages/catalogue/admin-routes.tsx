import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Context } from '../../../context.ts'
import { isUuid } from '../../../adapters/db/stores/catalogue-admin-store.ts'
import type { AgentRole } from '../../../domain/agents/agents.ts'
import { type CustomAttribute, shownAttributes } from '../../../domain/catalogue/custom-attributes.ts'
import { formValuesOf, softwareFormValues, type Viewer } from '../../../domain/catalogue/moderation.ts'
import { addSoftware, softwareSuggestions, type SoftwareProbe, wikidataCandidates } from '../../../usecases/catalogue/add-software.ts'
import { WikidataClient } from '../../../adapters/wikidata/wikidata-client.ts'
import { defineCustomAttribute, removeCustomAttribute } from '../../../usecases/catalogue/define-custom-attribute.ts'
import { dereferenceSoftware, reinstateSoftware } from '../../../usecases/catalogue/dereference-software.ts'
import { editSoftware } from '../../../usecases/catalogue/edit-software.ts'
import { mergeSoftware } from '../../../usecases/catalogue/merge-software.ts'
import { moderateSoftware } from '../../../usecases/catalogue/moderate-software.ts'
import { csrfToken, verifyCsrf } from '../../auth/csrf.tsx'
import { requireAgent, requireRole } from '../../auth/require-role.ts'
import type { MessageKey } from '../../i18n/index.ts'
import { sendPage } from '../../render.ts'
import { href, type PageContext } from '../../views/page-context.ts'
import { notFound, type PageHandler, pageRoute } from '../routes.tsx'
import { ADD_PATH, AddSoftwareStep1Page, AddSoftwareStep2Page } from './add-software.tsx'
import { ADMIN_PATH, AuditPage, CustomAttributesPage, ModerationQueuePage, type NoticeView, SoftwareAdminPage, type SoftwareAdminView, softwareAdminPath } from './admin-pages.tsx'

/** Who is looking, for what the catalogue shows of software awaiting moderation. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.session) return null
  return request.agent ? { id: request.agent.id, role: request.agent.role as AgentRole } : 'administrator'
}

/** Whether the request comes from a moderator (or an administrator, or the administrator token). */
export function isStaff(request: FastifyRequest): boolean {
  const viewer = viewerOf(request)
  return viewer === 'administrator' || (viewer !== null && (viewer.role === 'moderator' || viewer.role === 'admin'))
}

/** What a software's page adds for moderation: its custom attributes, the staff's link, the author's notice. */
export interface SoftwareModerationView {
  attributes: ReturnType<typeof shownAttributes>
  /** The staff page of the software, for moderators. */
  managePath: string | undefined
  /** Just proposed by the viewer. */
  proposed: boolean
}

export async function softwareModerationView(context: Pick<Context, 'stores'>, request: FastifyRequest, software: { id: string; custom_attributes: unknown }): Promise<SoftwareModerationView> {
  return {
    attributes: shownAttributes(await context.stores.catalogueAdmin.customAttributes(), software.custom_attributes),
    managePath: isStaff(request) ? softwareAdminPath(software.id) : undefined,
    proposed: (request.query as Record<string, unknown>).info === 'propose',
  }
}

/** The address of a software merged into another leads to the one kept (301); any other unknown slug is a 404. */
export async function redirectMergedSoftware(context: Pick<Context, 'stores'>, page: PageContext, slug: string, reply: FastifyReply): Promise<FastifyReply> {
  const target = await context.stores.catalogueAdmin.aliasTarget(slug)
  return target ? reply.redirect(href(page, `/catalogue/${encodeURIComponent(target)}`), 301) : notFound(reply)
}

const NOTICES: Record<string, NoticeView> = {
  decide: { kind: 'success', key: 'catalogueAdmin.decided' },
  enregistre: { kind: 'success', key: 'catalogueAdmin.saved' },
  dereference: { kind: 'success', key: 'catalogueAdmin.dereferenced' },
  reference: { kind: 'success', key: 'catalogueAdmin.reinstated' },
  fusionne: { kind: 'success', key: 'catalogueAdmin.merged' },
  dejadecide: { kind: 'error', key: 'catalogueAdmin.alreadyDecided' },
}

/** Adding a software (agents), and the catalogue's staff pages under /:locale/administration/catalogue (moderators; custom attributes: administrators). */
export function registerCatalogueAdminPages(app: FastifyInstance, context: Pick<Context, 'stores' | 'config'>): void {
  const { stores } = context
  const withPage = (handler: PageHandler) => pageRoute(context.config.publicUrl, handler)
  // One client for the process, so that its pace holds across requests; a person waits at most 3 s.
  const wikidata = new WikidataClient({ baseUrl: context.config.enrichment.wikidataUrl, requestsPerSecond: context.config.enrichment.wikidataRequestsPerSecond, timeoutMs: 3000, retries: 0, maxWaitMs: 0 })
  const form = (request: FastifyRequest) => {
    const body = request.body
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  }
  const field = (request: FastifyRequest, name: string) => {
    const value = form(request)[name]
    return typeof value === 'string' ? value : ''
  }
  const query = (request: FastifyRequest) => request.query as Record<string, unknown>
  const queryText = (request: FastifyRequest, name: string) => {
    const value = query(request)[name]
    return typeof value === 'string' ? value.slice(0, 2000) : ''
  }
  const signInFirst = (page: PageContext, request: FastifyRequest, reply: FastifyReply) =>
    reply.redirect(href(page, `/connexion?retour=${encodeURIComponent(request.url)}`), 303)
  const isAdmin = (request: FastifyRequest) => !request.agent || request.agent.role === 'admin'
  const today = () => new Date().toISOString().slice(0, 10)

  // Adding a software -------------------------------------------------------------------------

  app.get(
    `/:locale${ADD_PATH}`,
    withPage(async (page, request, reply) => {
      if (!request.session) return signInFirst(page, request, reply)
      requireAgent(request)
      if (queryText(request, 'etape') === '2') {
        const values = softwareFormValues(query(request))
        return sendPage(reply, <AddSoftwareStep2Page page={page} values={values} errors={{}} csrf={csrfToken(request, reply)} />)
      }
      const probe: SoftwareProbe = {
        name: queryText(request, 'name').slice(0, 200),
        repositoryUrl: queryText(request, 'repository_url') || undefined,
        wikidataId: queryText(request, 'wikidata_id').slice(0, 100) || undefined,
      }
      const suggestions = probe.name.trim() ? await softwareSuggestions(stores, probe, [wikidataCandidates(wikidata, page.locale)]) : undefined
      return sendPage(reply, <AddSoftwareStep1Page page={page} probe={probe} suggestions={suggestions} />)
    }),
  )

  app.post(
    `/:locale${ADD_PATH}`,
    withPage(async (page, request, reply) => {
      const agent = requireAgent(request)
      verifyCsrf(request)
      const values = softwareFormValues(form(request))
      const result = await addSoftware(stores, agent.id, values)
      if ('errors' in result) return sendPage(reply, <AddSoftwareStep2Page page={page} values={values} errors={result.errors} csrf={csrfToken(request, reply)} />, 400)
      return reply.redirect(href(page, `/catalogue/${encodeURIComponent(result.added.slug)}?info=propose`), 303)
    }),
  )

  // Moderation queue ---------------------------------------------------------------------------

  const queuePage = async (page: PageContext, request: FastifyRequest, reply: FastifyReply, extra: { reasonError?: { id: string; error: 'required' | 'tooLong' }; notice?: NoticeView } = {}, status = 200) => {
    const notice = extra.notice ?? NOTICES[queryText(request, 'info')]
    const items = await stores.catalogueAdmin.moderationQueue()
    return sendPage(reply, <ModerationQueuePage page={page} items={items} csrf={csrfToken(request, reply)} isAdmin={isAdmin(request)} notice={notice} reasonError={extra.reasonError} />, status)
  }

  app.get(
    `/:locale${ADMIN_PATH}`,
    withPage(async (page, request, reply) => {
      if (!request.session) return signInFirst(page, request, reply)
      requireRole(request, 'moderator')
      return queuePage(page, request, reply)
    }),
  )

  /** The software of an admin address, or a 404. */
  const softwareOf = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string }
    return isUuid(id) ? await stores.catalogueAdmin.byId(id) : undefined
  }

  app.post(
    `/:locale${ADMIN_PATH}/:id/decision`,
    withPage(async (page, request, reply) => {
      const moderator = requireRole(request, 'moderator')
      verifyCsrf(request)
      const software = await softwareOf(request)
      if (!software) return notFound(reply)
      const decision = field(request, 'decision')
      if (decision !== 'accepted' && decision !== 'rejected') return queuePage(page, request, reply, { notice: { kind: 'error', key: 'catalogueAdmin.error.invalid' } }, 400)
      const result = await moderateSoftware(stores, moderator?.id ?? null, software.id, decision, field(request, 'reason'))
      if (result === 'notFound') return notFound(reply)
      if (typeof result === 'object') return queuePage(page, request, reply, { reasonError: { id: software.id, error: result.errors.reason as 'required' } }, 400)
      return reply.redirect(href(page, `${ADMIN_PATH}?info=${result === 'done' ? 'decide' : 'dejadecide'}`), 303)
    }),
  )

  // One software -------------------------------------------------------------------------------

  const softwarePage = async (page: PageContext, request: FastifyRequest, reply: FastifyReply, view: Omit<SoftwareAdminView, 'attributes' | 'csrf' | 'isAdmin'>, status = 200, attributes?: CustomAttribute[]) => {
    const full: SoftwareAdminView = { ...view, attributes: attributes ?? (await stores.catalogueAdmin.customAttributes()), csrf: csrfToken(request, reply), isAdmin: isAdmin(request) }
    const formValues = view.edit?.values ?? formValuesOf(view.software)
    return sendPage(reply, <SoftwareAdminPage page={page} view={full} formValues={formValues} />, status)
  }

  app.get(
    `/:locale${ADMIN_PATH}/:id`,
    withPage(async (page, request, reply) => {
      if (!request.session) return signInFirst(page, request, reply)
      requireRole(request, 'moderator')
      const software = await softwareOf(request)
      if (!software) return notFound(reply)
      return softwarePage(page, request, reply, { software, notice: NOTICES[queryText(request, 'info')] })
    }),
  )

  app.post(
    `/:locale${ADMIN_PATH}/:id/modifier`,
    withPage(async (page, request, reply) => {
      const moderator = requireRole(request, 'moderator')
      verifyCsrf(request)
      const software = await softwareOf(request)
      if (!software) return notFound(reply)
      const values = softwareFormValues(form(request))
      const version = Number(field(request, 'version'))
      if (!Number.isInteger(version)) return softwarePage(page, request, reply, { software, staleValues: values }, 409)
      const result = await editSoftware(stores, moderator?.id ?? null, software.id, version, values, form(request))
      if (result === 'notFound') return notFound(reply)
      if ('stale' in result) return softwarePage(page, request, reply, { software: result.stale, staleValues: values }, 409)
      if ('errors' in result) {
        const attributeValues = Object.fromEntries(Object.entries(form(request)).flatMap(([key, value]) => (key.startsWith('attr_') && typeof value === 'string' ? [[key.slice(5), value]] : [])))
        return softwarePage(page, request, reply, { software, edit: { values, errors: result.errors, attributeErrors: result.attributeErrors, attributeValues } }, 400)
      }
      return reply.redirect(href(page, `${softwareAdminPath(software.id)}?info=enregistre`), 303)
    }),
  )

  app.post(
    `/:locale${ADMIN_PATH}/:id/dereferencer`,
    withPage(async (page, request, reply) => {
      const moderator = requireRole(request, 'moderator')
      verifyCsrf(request)
      const software = await softwareOf(request)
      if (!software) return notFound(reply)
      const values = { reason: field(request, 'reason').slice(0, 5000), last_recommended_version: field(request, 'last_recommended_version').slice(0, 1000), on: field(request, 'on').slice(0, 100) }
      const result = await dereferenceSoftware(stores, moderator?.id ?? null, software.id, values, today())
      if (result === 'notFound') return notFound(reply)
      if (result !== 'done') return softwarePage(page, request, reply, { software, dereference: { values, errors: result.errors } }, 400)
      return reply.redirect(href(page, `${softwareAdminPath(software.id)}?info=dereference`), 303)
    }),
  )

  app.post(
    `/:locale${ADMIN_PATH}/:id/referencer`,
    withPage(async (page, request, reply) => {
      const moderator = requireRole(request, 'moderator')
      verifyCsrf(request)
      const software = await softwareOf(request)
      if (!software) return notFound(reply)
      const status = field(request, 'status') === 'observation' ? 'observation' : 'recommended'
      await reinstateSoftware(stores, moderator?.id ?? null, software.id, status)
      return reply.redirect(href(page, `${softwareAdminPath(software.id)}?info=reference`), 303)
    }),
  )

  app.post(
    `/:locale${ADMIN_PATH}/:id/fusionner`,
    withPage(async (page, request, reply) => {
      const moderator = requireRole(request, 'moderator')
      verifyCsrf(request)
      const software = await softwareOf(request)
      if (!software) return notFound(reply)
      const into = field(request, 'into').trim().slice(0, 100)
      const refuse = (key: MessageKey) => softwarePage(page, request, reply, { software, mergeError: key, mergeInto: into }, 400)
      if (field(request, 'confirm') !== 'on') return refuse('catalogueAdmin.mergeUnconfirmed')
      const result = await mergeSoftware(stores, moderator?.id ?? null, software.id, into)
      if ('error' in result) return refuse(result.error === 'same' ? 'catalogueAdmin.mergeSame' : 'catalogueAdmin.mergeNotFound')
      const kept = await stores.software.bySlug(result.kept)
      return reply.redirect(href(page, `${softwareAdminPath(kept!.id)}?info=fusionne`), 303)
    }),
  )

  // Custom attributes (administrators) ------------------------------------------------------------

  const attributesPage = async (page: PageContext, request: FastifyRequest, reply: FastifyReply, extra: Pick<Parameters<typeof CustomAttributesPage>[0], 'values' | 'errors'> = {}, status = 200) =>
    sendPage(reply, <CustomAttributesPage page={page} attributes={await stores.catalogueAdmin.customAttributes()} csrf={csrfToken(request, reply)} {...extra} />, status)

  app.get(
    `/:locale${ADMIN_PATH}/attributs`,
    withPage(async (page, request, reply) => {
      if (!request.session) return signInFirst(page, request, reply)
      requireRole(request, 'admin')
      return attributesPage(page, request, reply)
    }),
  )

  app.post(
    `/:locale${ADMIN_PATH}/attributs`,
    withPage(async (page, request, reply) => {
      const admin = requireRole(request, 'admin')
      verifyCsrf(request)
      const values = { key: field(request, 'key').slice(0, 100), label_fr: field(request, 'label_fr').slice(0, 1000), label_en: field(request, 'label_en').slice(0, 1000), kind: field(request, 'kind').slice(0, 20), position: field(request, 'position').slice(0, 20) }
      const result = await defineCustomAttribute(stores, admin?.id ?? null, values)
      if (result !== 'done') return attributesPage(page, request, reply, { values, errors: result.errors }, 400)
      return reply.redirect(href(page, `${ADMIN_PATH}/attributs`), 303)
    }),
  )

  app.post(
    `/:locale${ADMIN_PATH}/attributs/supprimer`,
    withPage(async (page, request, reply) => {
      const admin = requireRole(request, 'admin')
      verifyCsrf(request)
      await removeCustomAttribute(stores, admin?.id ?? null, field(request, 'key').slice(0, 100))
      return reply.redirect(href(page, `${ADMIN_PATH}/attributs`), 303)
    }),
  )

  // Audit ---------------------------------------------------------------------------------------

  app.get(
    `/:locale${ADMIN_PATH}/journal`,
    withPage(async (page, request, reply) => {
      if (!request.session) return signInFirst(page, request, reply)
      requireRole(request, 'moderator')
      const filter = queryText(request, 'logiciel').trim().slice(0, 100)
      const software = filter ? await stores.software.bySlug(filter) : undefined
      const entries = filter && !software ? [] : await stores.catalogueAdmin.auditLog({ softwareId: software?.id })
      return sendPage(reply, <AuditPage page={page} entries={entries} filter={filter} isAdmin={isAdmin(request)} notFound={Boolean(filter && !software)} />)
    }),
  )
}
