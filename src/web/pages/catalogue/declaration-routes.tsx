import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Context } from '../../../context.ts'
import type { Agent } from '../../../adapters/db/schema.ts'
import type { SoftwareRecord } from '../../../adapters/db/stores/software-store.ts'
import { smtpMailer } from '../../../adapters/mail/mailer.ts'
import { canView } from '../../../domain/catalogue/moderation.ts'
import { type DeclarationKind, declarationValues, isDeclarationKind, mayChangeDeclaration, readContactForm, readDeclarationForm } from '../../../domain/catalogue/declarations.ts'
import { CONTACTS_PER_HOUR, contactReferent } from '../../../usecases/catalogue/contact-referent.ts'
import { declare } from '../../../usecases/catalogue/declare.ts'
import { editDeclaration } from '../../../usecases/catalogue/edit-declaration.ts'
import { withdrawDeclaration } from '../../../usecases/catalogue/withdraw-declaration.ts'
import { csrfToken, verifyCsrf } from '../../auth/csrf.tsx'
import { AuthError } from '../../auth/require-role.ts'
import { sendPage } from '../../render.ts'
import { href, type PageContext } from '../../views/page-context.ts'
import { notFound, type PageHandler, pageRoute } from '../routes.tsx'
import {
  ContactPage,
  contactPath,
  type DeclarationFormView,
  DeclarationFormPage,
  declarationNotices,
  declarationPath,
  declarationSummary,
  type DeclarationViewer,
  declarePath,
  TooManyMessagesPage,
  WithdrawPage,
} from './declaration-pages.tsx'
import { viewerOf } from './admin-routes.tsx'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Who looks at a software page, and what they just did (`?info=`), for its declaration links and notice. */
export function declarationViewer(request: FastifyRequest): DeclarationViewer {
  const info = (request.query as Record<string, unknown> | undefined)?.info
  return {
    agent: request.agent ? { id: request.agent.id, role: request.agent.role } : undefined,
    notice: declarationNotices.find((notice) => notice === info),
  }
}

/**
 * Agents declare they use a software, vouch for it or run an instance, edit and withdraw their
 * declarations (moderators anyone's), and anyone writes to a referent through Socle.
 */
export function registerDeclarationPages(app: FastifyInstance, context: Pick<Context, 'stores' | 'config'>): void {
  const { stores, config } = context
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : undefined
  const withPage = (handler: PageHandler) => pageRoute(config.publicUrl, handler)
  const params = (request: FastifyRequest) => request.params as { slug: string; kind?: string; id?: string }

  /**
   * The software of the address, with the declaration kind and id it names when it names them;
   * undefined (404) too for a software awaiting moderation that the requester may not see.
   */
  const target = async (request: FastifyRequest): Promise<{ software: SoftwareRecord; kind: DeclarationKind; id: string } | undefined> => {
    const { slug, kind = 'referent', id = '' } = params(request)
    if (!isDeclarationKind(kind) || (params(request).id !== undefined && !UUID.test(id))) return undefined
    const software = await stores.software.bySlug(slug)
    return software && canView(software, viewerOf(request)) ? { software, kind, id } : undefined
  }

  /**
   * The signed-in agent. A visitor is sent to sign in, then back to the form (`formPath`): answers
   * undefined once the redirect is sent. The administrator token declares nothing: 403.
   */
  const agentOr = (page: PageContext, request: FastifyRequest, reply: FastifyReply, formPath: string): Agent | undefined => {
    if (request.agent) return request.agent
    if (request.session) throw new AuthError('forbidden', 'Sign in as an agent: the administrator token is not one.')
    reply.redirect(href(page, `/connexion?retour=${encodeURIComponent(href(page, formPath))}`), 303)
    return undefined
  }

  const backToSoftware = (page: PageContext, reply: FastifyReply, software: SoftwareRecord, notice: DeclarationViewer['notice']) =>
    reply.redirect(href(page, `/catalogue/${encodeURIComponent(software.slug)}?info=${notice}#declarations`), 303)

  const formPage = (page: PageContext, request: FastifyRequest, reply: FastifyReply, view: Omit<DeclarationFormView, 'csrf'>, status = 200) =>
    sendPage(reply, <DeclarationFormPage page={page} view={{ ...view, csrf: csrfToken(request, reply) }} />, status)

  /** A declaration of this software that the agent may change; 404 or 403 otherwise. */
  /**
   * A page about one declaration of this software, to edit or withdraw it: a 404 when there is no such
   * declaration here; visitors are sent to sign in and brought back to it.
   */
  const onDeclaration = (
    action: 'edit' | 'withdraw',
    handler: (page: PageContext, request: FastifyRequest, reply: FastifyReply, found: { software: SoftwareRecord; kind: DeclarationKind; id: string }, agent: Agent) => Promise<FastifyReply>,
  ) =>
    withPage(async (page, request, reply) => {
      const found = await target(request)
      if (!found) return notFound(reply)
      const agent = agentOr(page, request, reply, declarationPath(found.software.slug, found.kind, found.id, action))
      if (!agent) return reply
      return handler(page, request, reply, found, agent)
    })

  const changeable = async (agent: Agent, software: SoftwareRecord, kind: DeclarationKind, id: string) => {
    const declarations = await stores.declarations.forSoftware(software.id, { privateInstances: true })
    const stored = { user: declarations.users, referent: declarations.referents, instance: declarations.instances }[kind].find((d) => d.id === id)
    if (!stored) return undefined
    if (!mayChangeDeclaration(agent, { agentId: stored.agent_id })) throw new AuthError('forbidden', 'Only who made this declaration, or a moderator, may change it.')
    return stored
  }

  app.get(
    '/:locale/catalogue/:slug/declare/:kind',
    withPage(async (page, request, reply) => {
      const found = await target(request)
      if (!found) return notFound(reply)
      const { software, kind } = found
      const agent = agentOr(page, request, reply, declarePath(software.slug, kind))
      if (!agent) return reply
      // The agent's organisation, when their profile says it, is the likely one.
      const values = kind === 'referent' || !agent.organisation ? {} : { organisation: agent.organisation }
      return formPage(page, request, reply, { software, kind, editing: false, action: href(page, declarePath(software.slug, kind)), values, errors: {} })
    }),
  )

  app.post(
    '/:locale/catalogue/:slug/declare/:kind',
    withPage(async (page, request, reply) => {
      const found = await target(request)
      if (!found) return notFound(reply)
      const { software, kind } = found
      const agent = agentOr(page, request, reply, declarePath(software.slug, kind))
      if (!agent) return reply
      verifyCsrf(request)
      const form = readDeclarationForm(kind, request.body)
      const view = { software, kind, editing: false, action: href(page, declarePath(software.slug, kind)), values: form.values }
      if (!form.ok) return formPage(page, request, reply, { ...view, errors: form.errors }, 400)
      const result = await declare(stores, agent, software.id, kind, form.fields)
      if ('refused' in result) {
        const [refusal, status] = result.refused === 'already-referent' ? (['declarations.error.alreadyReferent', 409] as const) : (['declarations.error.tooMany', 429] as const)
        return formPage(page, request, reply, { ...view, errors: {}, refusal }, status)
      }
      return backToSoftware(page, reply, software, 'declared')
    }),
  )

  app.get(
    '/:locale/catalogue/:slug/declarations/:kind/:id/edit',
    onDeclaration('edit', async (page, request, reply, { software, kind, id }, agent) => {
      const stored = await changeable(agent, software, kind, id)
      if (!stored) return notFound(reply)
      const values = declarationValues(kind, stored)
      return formPage(page, request, reply, { software, kind, editing: true, action: href(page, declarationPath(software.slug, kind, id, 'edit')), values, errors: {} })
    }),
  )

  app.post(
    '/:locale/catalogue/:slug/declarations/:kind/:id/edit',
    onDeclaration('edit', async (page, request, reply, { software, kind, id }, agent) => {
      verifyCsrf(request)
      const form = readDeclarationForm(kind, request.body)
      if (!form.ok) {
        // Whoever may not change it learns nothing from the form's errors.
        if (!(await changeable(agent, software, kind, id))) return notFound(reply)
        return formPage(page, request, reply, { software, kind, editing: true, action: href(page, declarationPath(software.slug, kind, id, 'edit')), values: form.values, errors: form.errors }, 400)
      }
      const result = await editDeclaration(stores, agent, software.id, kind, id, form.fields)
      if (result === 'not-found') return notFound(reply)
      if (result === 'forbidden') throw new AuthError('forbidden', 'Only who made this declaration, or a moderator, may change it.')
      return backToSoftware(page, reply, software, 'edited')
    }),
  )

  app.get(
    '/:locale/catalogue/:slug/declarations/:kind/:id/withdraw',
    onDeclaration('withdraw', async (page, request, reply, { software, kind, id }, agent) => {
      const stored = await changeable(agent, software, kind, id)
      if (!stored) return notFound(reply)
      const action = href(page, declarationPath(software.slug, kind, id, 'withdraw'))
      return sendPage(reply, <WithdrawPage page={page} software={software} kind={kind} summary={declarationSummary(stored)} action={action} csrf={csrfToken(request, reply)} />)
    }),
  )

  app.post(
    '/:locale/catalogue/:slug/declarations/:kind/:id/withdraw',
    onDeclaration('withdraw', async (page, request, reply, { software, kind, id }, agent) => {
      verifyCsrf(request)
      const result = await withdrawDeclaration(stores, agent, software.id, kind, id)
      if (result === 'not-found') return notFound(reply)
      if (result === 'forbidden') throw new AuthError('forbidden', 'Only who made this declaration, or a moderator, may withdraw it.')
      return backToSoftware(page, reply, software, 'withdrawn')
    }),
  )

  /** A referent of this software who can be written to (an imported one has no account, hence no address). */
  const contactable = async (request: FastifyRequest) => {
    const found = await target(request)
    if (!found) return undefined
    const declarer = await stores.declarations.declarer('referent', found.id)
    return declarer && declarer.softwareId === found.software.id && declarer.agentId ? found : undefined
  }

  const contactPage = (page: PageContext, request: FastifyRequest, reply: FastifyReply, software: SoftwareRecord, id: string, form: Pick<Parameters<typeof ContactPage>[0]['view'], 'values' | 'errors'>, status = 200) => {
    const sender = request.agent ? { name: request.agent.name, email: request.agent.email } : undefined
    const view = { software, action: href(page, contactPath(software.slug, id)), csrf: csrfToken(request, reply), sender, unavailable: !mailer, ...form }
    return sendPage(reply, <ContactPage page={page} view={view} />, status)
  }

  app.get(
    '/:locale/catalogue/:slug/referents/:id/contact',
    withPage(async (page, request, reply) => {
      const found = await contactable(request)
      if (!found) return notFound(reply)
      return contactPage(page, request, reply, found.software, found.id, { values: {}, errors: {} })
    }),
  )

  app.post(
    '/:locale/catalogue/:slug/referents/:id/contact',
    withPage(async (page, request, reply) => {
      const found = await contactable(request)
      if (!found) return notFound(reply)
      const { software, id } = found
      verifyCsrf(request)
      const form = readContactForm(request.body, { signedIn: Boolean(request.agent) })
      if (!form.ok) return contactPage(page, request, reply, software, id, form, 400)
      if (!mailer) return contactPage(page, request, reply, software, id, { values: form.values, errors: {} }, 503)
      const { t } = page
      const softwareUrl = `${config.publicUrl}${href(page, `/catalogue/${encodeURIComponent(software.slug)}`)}`
      const result = await contactReferent(
        { stores, mailer },
        {
          softwareId: software.id,
          referentId: id,
          sender: request.agent ? { agent: request.agent } : { email: form.email!, name: form.name },
          ip: request.ip,
          message: form.message,
          mail: (sender) => ({
            subject: t('declarations.contact.mailSubject', { site: t('site.name'), name: software.name }),
            text: `${t('declarations.contact.mailText', { sender: sender.name || t('declarations.contact.visitor'), site: t('site.name'), name: software.name, message: form.message, email: sender.email, url: softwareUrl })}${sender.verified ? '' : `\n\n${t('declarations.contact.unverified')}`}`,
          }),
        },
      )
      if ('sent' in result) {
        // Not awaited: the sender is not kept waiting on the mail server; a failure is logged.
        result.sent.catch((error: unknown) => request.log.error({ err: error }, 'contact mail not sent'))
        return backToSoftware(page, reply, software, 'sent')
      }
      if (result.refused === 'not-found') return notFound(reply)
      reply.header('retry-after', String(result.retryAfterSeconds))
      return sendPage(reply, <TooManyMessagesPage page={page} software={software} perHour={CONTACTS_PER_HOUR} retryAfterSeconds={result.retryAfterSeconds} />, 429)
    }),
  )
}
