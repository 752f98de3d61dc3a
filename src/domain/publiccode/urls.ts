// The URLs a network checker would verify, which the validator does not fetch: the reference, with
// network checks on, requires them to answer HTTP 200 (and images to be images). Relative paths
// (logo, screenshots) are resolved against the raw files of the repository when a base is given.
import type { PublicCode } from './model.ts'
import { repositoryPath } from './rules/assets.ts'

export interface CheckableUrl {
  /** Key of the value, in the validator's notation. */
  key: string
  url: string
  /** `image`: must be a readable image; `url`: must be reachable. */
  kind: 'url' | 'image'
}

export interface CollectOptions {
  /** Base URL of the repository's raw files (e.g. `https://raw.githubusercontent.com/o/r/main/`). */
  rawBaseUrl?: string
}

export function collectUrls(document: PublicCode, options: CollectOptions = {}): CheckableUrl[] {
  const found: CheckableUrl[] = []
  const add = (key: string, value: string | undefined, kind: CheckableUrl['kind']) => {
    if (value === undefined || value === '') return
    const path = repositoryPath(value)
    if (path === null) found.push({ key, url: value, kind })
    else if (options.rawBaseUrl !== undefined) found.push({ key, url: new URL(path, options.rawBaseUrl).href, kind })
  }
  add('url', document.url, 'url')
  add('landingURL', document.landingURL, 'url')
  add('roadmap', document.roadmap, 'url')
  add('logo', document.logo, 'image')
  add('monochromeLogo', document.monochromeLogo, 'image')
  add('legal.authorsFile', document.legal.authorsFile, 'url')
  for (const [language, description] of Object.entries(document.description)) {
    add(`description.${language}.documentation`, description.documentation, 'url')
    add(`description.${language}.apiDocumentation`, description.apiDocumentation, 'url')
    description.screenshots?.forEach((screenshot, index) => add(`description.${language}.screenshots[${index}]`, screenshot, 'image'))
  }
  return found
}
