// The publiccode.yml pages: the validator and the editor, both plain HTML forms posted to the server
// (the editor also starts from a repository of the registry, by a GET form).
// No CSRF token and no session: these forms only compute an answer from what they are sent (a
// verdict, a file) and change nothing on the server, so a forged request gains its sender nothing.
import type { FastifyInstance } from 'fastify'
import { stringify } from 'yaml'
import type { Context } from '../../context.ts'
import { validatePublicCode } from '../../domain/publiccode/index.ts'
import { sendPage } from '../render.ts'
import { DOWNLOAD_PATH, EDITOR_PATH, VALIDATE_PATH, ValidatePage } from './publiccode.tsx'
import { EditorPage } from './publiccode-editor.tsx'
import { compacted, emptyForm, FIELD, formBody, type FormBody, generate, loadForm, posted, postedAction, readForm, withRow } from './publiccode-form.ts'
import { type PageHandler, pageRoute } from './routes.tsx'

export function registerPubliccodePages(app: FastifyInstance, context: Pick<Context, 'config' | 'stores'>): void {
  const withPage = (handler: PageHandler) => pageRoute(context.config.publicUrl, handler)

  app.get(`/:locale${VALIDATE_PATH}`, withPage((page, _request, reply) => sendPage(reply, <ValidatePage page={page} yaml="" result={null} />)))

  app.post(
    `/:locale${VALIDATE_PATH}`,
    withPage((page, request, reply) => {
      const yaml = posted(formBody(request.body), 'yaml')
      return sendPage(reply, <ValidatePage page={page} yaml={yaml} result={validatePublicCode(yaml)} />)
    }),
  )

  // `?repository=URL`: the editor starts from what the registry read of that repository. Only the
  // database is asked: a visitor's address never makes the server fetch anything.
  app.get(
    `/:locale${EDITOR_PATH}`,
    withPage(async (page, request, reply) => {
      const address = posted(request.query as FormBody, 'repository').trim().slice(0, 2000)
      if (!address) return sendPage(reply, <EditorPage page={page} values={emptyForm()} generated={null} />)
      const repository = await context.stores.repositories.byUrl(address)
      if (!repository) return sendPage(reply, <EditorPage page={page} values={emptyForm()} generated={null} fromRepository={{ address, outcome: 'unknown' }} />)
      const name = `${repository.owner}/${repository.name}`
      if (repository.publiccode_text === null) {
        const { form } = loadForm(stringify({ name: repository.name, url: repository.url }))
        return sendPage(reply, <EditorPage page={page} values={form} generated={null} fromRepository={{ address, outcome: 'without', repository: name }} />)
      }
      const { form, unreadable } = loadForm(repository.publiccode_text)
      const generated = unreadable ? null : generate(form)
      return sendPage(reply, <EditorPage page={page} values={form} generated={generated} unreadable={unreadable} fromRepository={{ address, outcome: 'loaded', repository: name }} />)
    }),
  )

  app.post(
    `/:locale${EDITOR_PATH}`,
    withPage((page, request, reply) => {
      const body = formBody(request.body)
      const action = postedAction(body)
      if (action === 'load') {
        const source = posted(body, FIELD.source)
        const { form, unreadable } = loadForm(source)
        // A file that was read is judged at once: the user sees what to fix before editing.
        const generated = unreadable || source.trim() === '' ? null : generate(form)
        return sendPage(reply, <EditorPage page={page} values={form} generated={generated} unreadable={unreadable} />)
      }
      const form = readForm(body)
      if (action === 'add-contacts') return sendPage(reply, <EditorPage page={page} values={withRow(form, 'contacts')} generated={null} />)
      if (action === 'add-contractors') return sendPage(reply, <EditorPage page={page} values={withRow(form, 'contractors')} generated={null} />)
      const shown = compacted(form)
      return sendPage(reply, <EditorPage page={page} values={shown} generated={generate(shown)} />)
    }),
  )

  // The file, as an attachment. Only a valid publiccode.yml is served: this is not a way to make
  // the site answer any content; anything else gets the validator's verdict instead.
  app.post(
    `/:locale${DOWNLOAD_PATH}`,
    withPage((page, request, reply) => {
      const yaml = posted(formBody(request.body), 'yaml')
      const result = validatePublicCode(yaml)
      if (!result.valid) {
        // Shown as the validation page, whose address the language switch can follow.
        return sendPage(reply, <ValidatePage page={{ ...page, path: VALIDATE_PATH, search: '' }} yaml={yaml} result={result} />, 422)
      }
      return reply
        .header('content-disposition', 'attachment; filename="publiccode.yml"')
        .header('cache-control', 'no-store')
        .type('application/yaml; charset=utf-8')
        .send(yaml)
    }),
  )
}
