import type { MessageKey } from '../i18n/index.ts'
import { Layout, type Section } from '../views/layout.tsx'
import type { PageContext } from '../views/page-context.ts'

/** A page of text: opening code and community until their tools land, accessibility, errors. */
export function TextPage(props: { page: PageContext; section: Section; title: MessageKey; body: MessageKey }) {
  const { t } = props.page
  return (
    <Layout page={props.page} title={t(props.title)} section={props.section}>
      <div class="fr-container fr-mt-6w">
        <h1>{t(props.title)}</h1>
        <p class="fr-text--lead">{t(props.body)}</p>
      </div>
    </Layout>
  )
}
