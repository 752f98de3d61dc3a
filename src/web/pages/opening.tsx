import type { MessageKey } from '../i18n/index.ts'
import { PageHeading } from '../views/components.tsx'
import { Layout } from '../views/layout.tsx'
import { href, type PageContext } from '../views/page-context.ts'

const tools: { path: string; title: MessageKey; desc: MessageKey }[] = [
  { path: '/opening/publiccode/validate', title: 'opening.validate.title', desc: 'opening.validate.desc' },
  { path: '/opening/publiccode/editor', title: 'opening.editor.title', desc: 'opening.editor.desc' },
  { path: '/opening/check', title: 'opening.check.title', desc: 'opening.check.desc' },
]

/** The opening-code tools of the State's contribution policy. */
export function OpeningPage(props: { page: PageContext }) {
  const { page } = props
  const { t } = page
  return (
    <Layout page={page} title={t('opening.title')} section="opening">
      <div class="fr-container fr-mt-6w">
        <PageHeading title={t('opening.title')} lead={t('opening.lead')} />
        <ul class="fr-grid-row fr-grid-row--gutters socle-plain-list">
          {tools.map((tool) => (
            <li class="fr-col-12 fr-col-md-4" key={tool.path}>
              <div class="fr-card fr-enlarge-link">
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <h2 class="fr-card__title">
                      <a href={href(page, tool.path)}>{t(tool.title)}</a>
                    </h2>
                    <p class="fr-card__desc">{t(tool.desc)}</p>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  )
}
