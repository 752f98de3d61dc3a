import type { Locale, Translate } from '../i18n/index.ts'

/** What every page view needs to know about the request it answers. */
export interface PageContext {
  locale: Locale
  t: Translate
  /** The path after the locale prefix, e.g. `/catalogue` (empty string for the home page). */
  path: string
  /** The query string, with its `?`, or empty. */
  search: string
  publicUrl: string
  /** Who is signed in, as the header names them; undefined for visitors. */
  signedInAs?: string | undefined
}

/** A link to a page in the current language. */
export function href(page: Pick<PageContext, 'locale'>, path: string): string {
  return `/${page.locale}${path}`
}
