import type { SoftwareRecord } from '../../adapters/db/stores/software-store.ts'
import { Badge } from './components.tsx'
import { href, type PageContext } from './page-context.ts'

export function softwareDescription(page: PageContext, software: Pick<SoftwareRecord, 'description_fr' | 'description_en'>): string {
  return (page.locale === 'en' ? software.description_en || software.description_fr : software.description_fr || software.description_en) ?? ''
}

export function SoftwareCard(props: { page: PageContext; software: SoftwareRecord; headingLevel?: 'h2' | 'h3' }) {
  const { page, software } = props
  const { t } = page
  const Heading = props.headingLevel ?? 'h2'
  return (
    <div class="fr-card fr-enlarge-link fr-card--sm">
      <div class="fr-card__body">
        <div class="fr-card__content">
          <Heading class="fr-card__title">
            <a href={href(page, `/catalogue/${encodeURIComponent(software.slug)}`)}>{software.name}</a>
          </Heading>
          <p class="fr-card__desc">{softwareDescription(page, software)}</p>
          <div class="fr-card__start">
            <ul class="fr-badges-group">
              {software.status !== 'recommended' ? (
                <li><Badge kind={software.status === 'dereferenced' ? 'error' : 'info'} small>{t(`software.status.${software.status as 'observation' | 'dereferenced'}`)}</Badge></li>
              ) : null}
              {software.licence ? <li><Badge small>{software.licence}</Badge></li> : null}
            </ul>
          </div>
        </div>
      </div>
    </div>
  )
}
