import { z } from 'zod'
import type { OrganisationRecord } from '../../adapters/db/stores/organisation-store.ts'
import type { DependencyExportRow, PublishedLibrary } from '../../adapters/db/stores/registry-store.ts'
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
  platforms: z.array(z.enum(['web', 'desktop', 'mobile'])),
  operatingSystems: z.array(z.string()),
  /** The years of the SILL that listed it. */
  sillYears: z.array(z.number().int()),
  supportMarket: z.boolean().nullable().describe('Covered by the State’s free-software support market; null when unknown.'),
  dereferencedOn: z.string().nullable(),
  dereferencedReason: z.string().nullable(),
  userCount: z.number().int().describe('Organisations that declared they use it.'),
  referentCount: z.number().int().describe('Agents who vouch for it.'),
  publicInstanceCount: z.number().int(),
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
  languages: z.record(z.string(), z.number()).describe('Bytes (or share) by language, as the forge reports them.'),
  licence: z.string().nullable().describe('The licence the forge declares (SPDX).'),
  effectiveLicence: z.string().nullable().describe('The licence that applies: detected in the licence file by Socle, else the declared one.'),
  licenceAuthorised: z.boolean().nullable().describe('Whether French law authorises administrations to use this licence.'),
  cloneUrl: z.string().nullable(),
  defaultBranch: z.string().nullable(),
  stars: z.number().int(),
  forks: z.number().int(),
  watchers: z.number().int(),
  openIssues: z.number().int(),
  sizeKb: z.number().int().nullable(),
  archived: z.boolean(),
  fork: z.boolean(),
  parent: z.string().nullable().describe('owner/name of the repository it forks.'),
  template: z.boolean(),
  createdAt: date.nullable(),
  pushedAt: date.nullable(),
  firstSeenAt: date,
  latestRelease: z.object({ tag: z.string(), publishedAt: z.string().nullable() }).nullable(),
  publiccode: z.enum(['valid', 'invalid', 'absent']),
  reuseScore: z.number().int().describe('0–100, see /api/v1/repositories/{host}/{owner}/{name} for the reasons.'),
  complianceScore: z.number().int().nullable().describe('0–100, compliance of the root files with the contribution policy.'),
  reusedBy: z.number().int().describe('Other public bodies publishing a fork of it.'),
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

export const DependencyDto = z.object({
  repository: z.object({ forgeHost: z.string(), owner: z.string(), name: z.string() }),
  ecosystem: z.string(),
  name: z.string(),
  version: z.string().nullable().describe('The version or range the manifest asks for.'),
  scope: z.enum(['runtime', 'dev']),
  manifest: z.string(),
})

export const LibraryDto = z.object({
  ecosystem: z.string(),
  name: z.string(),
  version: z.string().nullable(),
  description: z.string().nullable(),
  homepage: z.string().nullable(),
  repositoryUrl: z.string().nullable(),
  account: z.string().describe('The registry account it is published from, e.g. npm:@etalab.'),
  organisation: z.object({ slug: z.string(), name: z.string() }).nullable(),
  publishedAt: date.nullable(),
})

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
}

/** A date of the database as the API writes it (ISO 8601, UTC), null kept. */
export const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())

/** A calendar day as YYYY-MM-DD, as the driver gives it: a string, or a Date at local midnight. */
function calendarDay(value: Date | string | null): string | null {
  if (value === null) return null
  if (typeof value === 'string') return value.slice(0, 10)
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
}

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
    platforms: s.platforms as z.infer<typeof SoftwareDto>['platforms'],
    operatingSystems: s.os,
    sillYears: s.sill_years,
    supportMarket: s.support_market,
    dereferencedOn: calendarDay(s.dereferenced_on),
    dereferencedReason: s.dereferenced_reason,
    userCount: s.user_count,
    referentCount: s.referent_count,
    publicInstanceCount: s.public_instance_count,
    demo: s.is_demo,
    createdAt: iso(s.created_at)!,
    updatedAt: iso(s.updated_at)!,
  }
}

export function toDependencyDto(d: DependencyExportRow): z.infer<typeof DependencyDto> {
  return { repository: { forgeHost: d.forge_host, owner: d.owner, name: d.repository_name }, ecosystem: d.ecosystem, name: d.name, version: d.version, scope: d.scope, manifest: d.manifest }
}

export function toLibraryDto(l: PublishedLibrary): z.infer<typeof LibraryDto> {
  return {
    ecosystem: l.ecosystem,
    name: l.name,
    version: l.version,
    description: l.description,
    homepage: l.homepage,
    repositoryUrl: l.repository_url,
    account: l.account,
    organisation: l.organisation_slug && l.organisation_name ? { slug: l.organisation_slug, name: l.organisation_name } : null,
    publishedAt: iso(l.published_at),
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
    languages: (r.languages ?? {}) as Record<string, number>,
    licence: r.licence,
    effectiveLicence: r.effective_licence,
    licenceAuthorised: r.licence_authorised,
    cloneUrl: r.clone_url,
    defaultBranch: r.default_branch,
    stars: r.stars,
    forks: r.forks,
    watchers: r.watchers,
    openIssues: r.open_issues,
    sizeKb: r.size_kb,
    archived: r.archived,
    fork: r.is_fork,
    parent: r.parent_full_name,
    template: r.is_template,
    createdAt: iso(r.created_on_forge),
    pushedAt: iso(r.pushed_at),
    firstSeenAt: iso(r.first_seen_at)!,
    latestRelease: (r.latest_release as { tag: string; publishedAt: string | null } | null) ?? null,
    publiccode: r.publiccode_valid === null ? 'absent' : r.publiccode_valid ? 'valid' : 'invalid',
    reuseScore: r.reuse_score,
    complianceScore: r.compliance_score,
    reusedBy: r.reused_by,
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
