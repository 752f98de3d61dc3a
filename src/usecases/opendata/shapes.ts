import { z } from 'zod'
import type { OrganisationRecord } from '../../adapters/db/stores/organisation-store.ts'
import type { RepositoryRecord } from '../../adapters/db/stores/repository-store.ts'
import type { SoftwareRecord } from '../../adapters/db/stores/software-store.ts'

/**
 * The public shapes of the API and of the open-data exports: one schema per resource, used to
 * document the API and, through the mappers' types, to keep the answers in step with the document.
 */
const date = z.iso.datetime()

export const SoftwareDto = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.object({ fr: z.string(), en: z.string() }),
  licence: z.string().nullable(),
  website: z.string().nullable(),
  documentationUrl: z.string().nullable(),
  repositoryUrl: z.string().nullable(),
  logoUrl: z.string().nullable(),
  wikidataId: z.string().nullable(),
  categories: z.array(z.string()),
  keywords: z.array(z.string()),
  status: z.enum(['recommended', 'observation', 'dereferenced']),
  latestVersion: z.string().nullable(),
  demo: z.boolean(),
  createdAt: date,
  updatedAt: date,
})

export const RepositoryDto = z.object({
  forge: z.string(),
  forgeHost: z.string(),
  owner: z.string(),
  name: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  topics: z.array(z.string()),
  homepage: z.string().nullable(),
  language: z.string().nullable(),
  licence: z.string().nullable(),
  defaultBranch: z.string().nullable(),
  stars: z.number().int(),
  forks: z.number().int(),
  openIssues: z.number().int(),
  archived: z.boolean(),
  fork: z.boolean(),
  template: z.boolean(),
  createdAt: date.nullable(),
  pushedAt: date.nullable(),
  organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
  demo: z.boolean(),
})

export const OrganisationDto = z.object({
  slug: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.string(),
  siren: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  repositoryCount: z.number().int(),
  demo: z.boolean(),
})

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

export function toSoftwareDto(s: SoftwareRecord): z.infer<typeof SoftwareDto> {
  return {
    slug: s.slug,
    name: s.name,
    description: { fr: s.description_fr, en: s.description_en },
    licence: s.licence,
    website: s.website,
    documentationUrl: s.documentation_url,
    repositoryUrl: s.repository_url,
    logoUrl: s.logo_url,
    wikidataId: s.wikidata_id,
    categories: s.categories,
    keywords: s.keywords,
    status: s.status as z.infer<typeof SoftwareDto>['status'],
    latestVersion: s.latest_version,
    demo: s.is_demo,
    createdAt: iso(s.created_at)!,
    updatedAt: iso(s.updated_at)!,
  }
}

export function toRepositoryDto(r: RepositoryRecord): z.infer<typeof RepositoryDto> {
  return {
    forge: r.forge,
    forgeHost: r.forge_host,
    owner: r.owner,
    name: r.name,
    url: r.url,
    description: r.description,
    topics: r.topics,
    homepage: r.homepage,
    language: r.language,
    licence: r.licence,
    defaultBranch: r.default_branch,
    stars: r.stars,
    forks: r.forks,
    openIssues: r.open_issues,
    archived: r.archived,
    fork: r.is_fork,
    template: r.is_template,
    createdAt: iso(r.created_on_forge),
    pushedAt: iso(r.pushed_at),
    organisation: r.organisation_slug && r.organisation_name ? { slug: r.organisation_slug, name: r.organisation_name } : null,
    demo: r.is_demo,
  }
}

export function toOrganisationDto(o: OrganisationRecord): z.infer<typeof OrganisationDto> {
  return {
    slug: o.slug,
    name: o.name,
    acronym: o.acronym,
    kind: o.kind,
    siren: o.siren,
    website: o.website,
    description: o.description,
    repositoryCount: o.repository_count,
    demo: o.is_demo,
  }
}
