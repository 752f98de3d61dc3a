import { z } from 'zod'
import type { AnyRoute } from '../api/define.ts'
import { Badge } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import type { PageContext } from '../views/page-context.ts'

function fields(schema: z.ZodType | undefined): { name: string; type: string; required: boolean; description: string }[] {
  if (!schema) return []
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string | string[]; enum?: unknown[]; description?: string }>
    required?: string[]
  }
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({
    name,
    type: p.enum ? p.enum.join(' | ') : Array.isArray(p.type) ? p.type.join(' | ') : (p.type ?? 'any'),
    required: (json.required ?? []).includes(name),
    description: p.description ?? '',
  }))
}

/** A readable reference of the API, built from the same route definitions as the OpenAPI document. */
export function ApiReferencePage(props: { page: PageContext; routes: AnyRoute[] }) {
  const { page } = props
  const { t } = page
  return (
    <Layout page={page} title={t('api.title')} section="other">
      <div class="fr-container fr-mt-6w">
        <h1>{t('api.title')}</h1>
        <p class="fr-text--lead">
          {t('api.lead')} <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
        </p>
        {props.routes.map((r) => {
          const inputs = [...fields(r.params).map((f) => ({ ...f, in: 'path' })), ...fields(r.query).map((f) => ({ ...f, in: 'query' })), ...fields(r.body).map((f) => ({ ...f, in: 'body' }))]
          return (
            <section class="socle-api-route" key={`${r.method} ${r.path}`}>
              <h2 class="fr-h5">
                <code>{r.method} /api/v1{r.path}</code>
              </h2>
              <p>
                {r.summary} {r.auth ? <Badge kind="warning" small>admin</Badge> : null}
              </p>
              {inputs.length > 0 ? (
                <div class="fr-table fr-table--no-caption">
                  <table>
                    <caption>{r.summary}</caption>
                    <thead>
                      <tr><th scope="col">name</th><th scope="col">in</th><th scope="col">type</th><th scope="col">required</th><th scope="col">description</th></tr>
                    </thead>
                    <tbody>
                      {inputs.map((f) => (
                        <tr key={`${f.in}.${f.name}`}><td><code>{f.name}</code></td><td>{f.in}</td><td>{f.type}</td><td>{f.required ? 'yes' : 'no'}</td><td>{f.description}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
            </section>
          )
        })}
      </div>
    </Layout>
  )
}
