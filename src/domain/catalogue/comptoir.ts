import { isObject } from '../registry/dependencies/model.ts'
import { webAddress } from '../../web/views/web-address.ts'

/**
 * What the catalogue reads of Comptoir du Libre's export (`/public/export/comptoir-du-libre_export_v1.json`):
 * `{ date_of_export, number_of_software, softwares: [{ id, name, url, licence, external_resources:
 * { website, repository, … }, providers: [{ id, name, url, type, external_resources: { website } }],
 * users: [ same shape ] }] }`. Pure: the adapter fetches, this reads.
 */
export interface ComptoirProvider {
  name: string
  /** Its page on Comptoir du Libre. */
  url: string | null
  website: string | null
}

export interface ComptoirSoftware {
  id: number
  name: string
  /** Its page on Comptoir du Libre. */
  url: string | null
  website: string | null
  repositoryUrl: string | null
  providers: ComptoirProvider[]
  /** How many users (public bodies and others) declare it there. */
  userCount: number
}

export interface ComptoirExport {
  software: Map<number, ComptoirSoftware>
  /** Entries that could not be read, with why: reported, never fatal. */
  skipped: string[]
}

export class ComptoirExportError extends Error {}

function field(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

function address(value: unknown): string | null {
  return webAddress(field(value)) ?? null
}

export function readComptoirExport(json: unknown): ComptoirExport {
  if (!isObject(json) || !Array.isArray(json.softwares)) throw new ComptoirExportError('The export of Comptoir du Libre has no "softwares" list.')
  const software = new Map<number, ComptoirSoftware>()
  const skipped: string[] = []
  json.softwares.forEach((entry, index) => {
    if (!isObject(entry) || !Number.isInteger(entry.id) || !field(entry.name)) {
      skipped.push(`softwares[${index}]: no id or name`)
      return
    }
    const resources = isObject(entry.external_resources) ? entry.external_resources : {}
    const providers = (Array.isArray(entry.providers) ? entry.providers : []).flatMap((provider): ComptoirProvider[] => {
      if (!isObject(provider) || !field(provider.name)) return []
      const links = isObject(provider.external_resources) ? provider.external_resources : {}
      return [{ name: field(provider.name)!, url: address(provider.url), website: address(links.website) }]
    })
    software.set(entry.id as number, {
      id: entry.id as number,
      name: field(entry.name)!,
      url: address(entry.url),
      website: address(resources.website),
      repositoryUrl: address(resources.repository),
      providers,
      userCount: Array.isArray(entry.users) ? entry.users.length : 0,
    })
  })
  return { software, skipped }
}
