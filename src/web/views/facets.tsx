import { formatNumber } from '../i18n/index.ts'
import type { PageContext } from './page-context.ts'

// The pieces of a faceted search form (GET, so that every search is an address and works without
// JavaScript): facets as checkboxes or radio buttons with their counts, the chosen filters as tags that
// remove them, and the sort.

export interface FacetOption {
  value: string
  label: string
  count: number
}

/** Values rendered per facet: the page stays light; chosen values are always rendered. */
const SHOWN_VALUES = 8

/** A facet whose values are alternatives (any of them). */
export function CheckboxFacet(props: { page: PageContext; name: string; legend: string; options: FacetOption[]; chosen: readonly string[]; more?: { href: string; label: string } }) {
  const { page, name, options, chosen } = props
  if (options.length === 0 && chosen.length === 0) return null
  const shown = options.filter((option, i) => i < SHOWN_VALUES || chosen.includes(option.value))
  const missing = chosen.filter((value) => !options.some((option) => option.value === value)).map((value) => ({ value, label: value, count: 0 }))
  return (
    <fieldset class="fr-fieldset fr-mb-1w" id={`facet-${name}`}>
      <legend class="fr-fieldset__legend fr-text--bold fr-mb-0">{props.legend}</legend>
      {[...shown, ...missing].map((option, i) => {
        const id = `facet-${name}-${i}`
        return (
          <div class="fr-fieldset__element" key={option.value}>
            <div class="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={id} name={name} value={option.value} checked={chosen.includes(option.value)} />
              <label class="fr-label" for={id}>{page.t('registry.count', { value: option.label, count: formatNumber(page.locale, option.count) })}</label>
            </div>
          </div>
        )
      })}
      {props.more && options.length > SHOWN_VALUES ? (
        <div class="fr-fieldset__element"><a class="fr-link fr-text--sm" href={props.more.href}>{props.more.label}</a></div>
      ) : null}
    </fieldset>
  )
}

/** A facet with one value at most, "any" first. */
export function RadioFacet(props: { page: PageContext; name: string; legend: string; options: FacetOption[]; chosen: string | undefined }) {
  const { page, name, options, chosen } = props
  if (options.length === 0 && !chosen) return null
  const radio = (value: string, label: string, i: number) => {
    const id = `facet-${name}-${i}`
    return (
      <div class="fr-fieldset__element" key={value}>
        <div class="fr-radio-group fr-radio-group--sm">
          <input type="radio" id={id} name={name} value={value} checked={(chosen ?? '') === value} />
          <label class="fr-label" for={id}>{label}</label>
        </div>
      </div>
    )
  }
  return (
    <fieldset class="fr-fieldset fr-mb-1w" id={`facet-${name}`}>
      <legend class="fr-fieldset__legend fr-text--bold fr-mb-0">{props.legend}</legend>
      {radio('', page.t('registry.any'), 0)}
      {options.map((option, i) => radio(option.value, page.t('registry.count', { value: option.label, count: formatNumber(page.locale, option.count) }), i + 1))}
    </fieldset>
  )
}

export interface FilterTag {
  key: string
  label: string
  /** The same search without this filter. */
  removeHref: string
  removeLabel: string
}

export function ActiveFilterTags(props: { page: PageContext; tags: FilterTag[]; clearHref: string }) {
  const { t } = props.page
  if (props.tags.length === 0) return null
  return (
    <div class="fr-mb-2w">
      <h2 class="fr-sr-only">{t('registry.activeFilters')}</h2>
      <ul class="fr-tags-group">
        {props.tags.map((tag) => (
          <li key={tag.key}>
            <a class="fr-tag fr-icon-close-line fr-tag--icon-left" href={tag.removeHref} aria-label={tag.removeLabel}>{tag.label}</a>
          </li>
        ))}
        <li><a class="fr-tag" href={props.clearHref}>{t('registry.clearFilters')}</a></li>
      </ul>
    </div>
  )
}

export function SortSelect(props: { id: string; label: string; options: { value: string; label: string }[]; selected: string }) {
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={props.id}>{props.label}</label>
      <select class="fr-select" id={props.id} name="sort">
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.selected} key={option.value}>{option.label}</option>
        ))}
      </select>
    </div>
  )
}
