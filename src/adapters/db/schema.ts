import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely'

/** Table types for Kysely, kept in step with the migrations in ./migrations. */
/** A timestamptz: read as a Date; written as a Date or an ISO string, or left to its default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Tsvector = ColumnType<string, never, never>
/** A jsonb value: read parsed, written as JSON text (node-postgres would turn arrays into PG arrays). */
type Json = ColumnType<unknown, string, string>
/** A jsonb column with a default: may be left out on insert. */
type JsonWithDefault = ColumnType<unknown, string | undefined, string>
/**
 * A date column: written as 'YYYY-MM-DD'. The drivers read it as a Date at midnight (UTC with PGlite,
 * local time with pg): select `column::text` where the calendar day matters.
 */
type CalendarDate = ColumnType<Date, string, string>

export interface OrganisationTable {
  id: Generated<string>
  slug: string
  name: string
  acronym: string | null
  /** ministry, agency, local-authority, university, hospital, operator, other */
  kind: string
  parent_id: string | null
  siren: string | null
  website: string | null
  description: string | null
  is_demo: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
}

export interface SoftwareTable {
  id: Generated<string>
  slug: string
  name: string
  description_fr: string
  description_en: string
  licence: string | null
  website: string | null
  documentation_url: string | null
  repository_url: string | null
  logo_url: string | null
  wikidata_id: string | null
  categories: Generated<string[]>
  keywords: Generated<string[]>
  /** recommended, observation, dereferenced */
  status: Generated<string>
  latest_version: string | null
  is_demo: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
  /** Optimistic concurrency: bumped by every edit. */
  version: Generated<number>
  search: Tsvector
  /** The name unaccented and lower-cased (generated): typo matches and name similarity read it. */
  name_plain: GeneratedAlways<string>
  /** Set on the rows that come from the SILL: an import of the SILL owns their SILL fields. */
  sill_id: string | null
  /** What the software is used for, in the SILL's words. */
  function: string | null
  /** The licence as the source wrote it; `licence` holds its SPDX expression when one is sound. */
  licence_text: string | null
  min_version: string | null
  max_version: string | null
  /** The years of the SILL that listed it. */
  sill_years: Generated<number[]>
  /** The interministerial group that referenced it (MIMO, MIMDEV, MIMPROD…). */
  sill_group: string | null
  /** Covered by the State's free-software support market; null when unknown. */
  support_market: boolean | null
  /** Made by a French public service; null when unknown. */
  from_public_service: boolean | null
  comptoir_du_libre_id: number | null
  framalibre_slug: string | null
  catalogue_numerique_url: string | null
  usage_context: string | null
  parent_id: string | null
  referenced_on: CalendarDate | null
  dereferenced_on: CalendarDate | null
  dereferenced_reason: string | null
  last_recommended_version: string | null
  /** web, desktop, mobile */
  platforms: Generated<string[]>
  /** windows, linux, macos, android, ios */
  os: Generated<string[]>
  latest_release_on: CalendarDate | null
  /** Kept by the declaration store: how many organisations use it, agents vouch for it, public instances run it. */
  user_count: Generated<number>
  referent_count: Generated<number>
  public_instance_count: Generated<number>
  /** pending, accepted, rejected: only accepted software is public (migration 0012). */
  moderation: Generated<string>
  /** The agent who added it through Socle. */
  submitted_by: string | null
  moderated_by: string | null
  moderated_at: Timestamp | null
  rejection_reason: string | null
  /** The values of the deployment's custom attributes, by key. */
  custom_attributes: JsonWithDefault
  /** By field, where its value came from: manual, sill, wikidata, comptoir, registry (migration 0013). */
  field_sources: JsonWithDefault
  /** Developers' names, from Wikidata. */
  developers: Generated<string[]>
  /** Service providers listed by Comptoir du Libre: [{ name, url, website }]. */
  service_providers: JsonWithDefault
  comptoir_url: string | null
  comptoir_user_count: number | null
  repository_pushed_at: Timestamp | null
  /** By enrichment source: when it last looked at this software, and what failed. */
  enrichment: JsonWithDefault
  enriched_at: Timestamp | null
}

/** An extra attribute a deployment defines for its software. */
export interface CustomAttributeTable {
  key: string
  label_fr: string
  label_en: string
  /** boolean, text, url */
  kind: string
  position: Generated<number>
  created_at: Timestamp
}

/** The slug of a software merged into another: its address redirects to the one kept. */
export interface SoftwareSlugAliasTable {
  slug: string
  software_id: string
  created_at: Timestamp
}

/** An organisation uses a software (declared by an agent, or imported: agent_id null). */
export interface SoftwareUserTable {
  id: Generated<string>
  software_id: string
  agent_id: string | null
  organisation: string
  use_case: string | null
  version: string | null
  os: string | null
  service_url: string | null
  is_demo: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
  updated_by: string | null
}

/** An agent vouches for a software, as an expert or not. */
export interface SoftwareReferentTable {
  id: Generated<string>
  software_id: string
  agent_id: string | null
  is_expert: Generated<boolean>
  use_case: string | null
  service_url: string | null
  is_demo: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
  updated_by: string | null
}

/** An organisation runs a software for an audience. */
export interface SoftwareInstanceTable {
  id: Generated<string>
  software_id: string
  agent_id: string | null
  organisation: string
  audience: string | null
  url: string | null
  is_public: Generated<boolean>
  is_demo: Generated<boolean>
  created_at: Timestamp
  updated_at: Timestamp
  updated_by: string | null
}

export interface SoftwareSimilarTable {
  software_id: string
  similar_id: string
  /** Who stated the link: `sill` for the SILL imports. */
  source: string
  created_at: Timestamp
}

export interface SoftwareChangeTable {
  id: Generated<string>
  /** Null when the software is not, or no longer, in the catalogue. */
  software_id: string | null
  software_name: string
  /** added, removed, updated */
  kind: string
  version: string | null
  comment: string | null
  occurred_on: CalendarDate
  source: string
  entry_key: ColumnType<string, never, never>
  created_at: Timestamp
}

export interface RepositoryTable {
  id: Generated<string>
  forge: string
  forge_host: string
  owner: string
  name: string
  url: string
  description: string | null
  topics: Generated<string[]>
  homepage: string | null
  language: string | null
  licence: string | null
  default_branch: string | null
  stars: Generated<number>
  forks: Generated<number>
  open_issues: Generated<number>
  archived: Generated<boolean>
  is_fork: Generated<boolean>
  is_template: Generated<boolean>
  created_on_forge: Timestamp | null
  pushed_at: Timestamp | null
  organisation_id: string | null
  is_demo: Generated<boolean>
  first_seen_at: Timestamp
  updated_at: Timestamp
  search: Tsvector
  source_id: string | null
  forge_id: string | null
  clone_url: string | null
  languages: JsonWithDefault
  watchers: Generated<number>
  size_kb: number | null
  parent_full_name: string | null
  latest_release: Json | null
  head_commit: string | null
  files: JsonWithDefault
  publiccode_text: string | null
  publiccode_valid: boolean | null
  publiccode_errors: Json | null
  manifests: JsonWithDefault
  detected_licence: string | null
  miss_count: Generated<number>
  gone_at: Timestamp | null
  last_crawled_at: Timestamp | null
  files_read_at: Timestamp | null
  /** First words of the README, for search. */
  readme_excerpt: string | null
  readme_search: Tsvector
  /** The licence that applies: the one Socle detected in the licence file, else the forge's. */
  effective_licence: string | null
  licence_authorised: boolean | null
  reuse_score: Generated<number>
  reuse_reasons: JsonWithDefault
  compliance_score: number | null
  compliance: Json | null
  /** How many other public bodies publish a fork of it. */
  reused_by: Generated<number>
  derived_at: Timestamp | null
}

export interface DependencyTable {
  repository_id: string
  ecosystem: string
  name: string
  version: string | null
  scope: 'runtime' | 'dev'
  manifest: string
}

export interface LibraryTable {
  id: Generated<string>
  ecosystem: string
  name: string
  version: string | null
  description: string | null
  homepage: string | null
  repository_url: string | null
  /** The registry account it was listed from, e.g. `npm:@etalab`. */
  account: string
  organisation_id: string | null
  published_at: Timestamp | null
  updated_at: Timestamp
}

export interface SourceTable {
  id: Generated<string>
  url: string
  forge: string
  host: string
  api_url: string
  owner: string
  organisation_id: string | null
  account_type: string | null
  name: string | null
  description: string | null
  avatar_url: string | null
  website: string | null
  email: string | null
  location: string | null
  created_on_forge: Timestamp | null
  repository_count: number | null
  /** new, ok, stale (last crawl failed: data kept), gone */
  status: Generated<string>
  last_error: string | null
  error_count: Generated<number>
  etag: string | null
  progress: Json | null
  last_crawled_at: Timestamp | null
  next_crawl_at: Timestamp | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface RepositoryCounterTable {
  repository_id: string
  crawled_at: Timestamp
  stars: number
  forks: number
  watchers: number
  open_issues: number
}

/** A crawl pass of every source (source_id null) or of one; its progress is read from the sources. */
export interface CrawlPassTable {
  id: Generated<string>
  full_crawl: boolean
  source_id: string | null
  source_count: number
  requests: Generated<number>
  started_at: Timestamp
  last_progress_at: Timestamp | null
}

export interface JobExecutionTable {
  id: Generated<number>
  job_id: string
  queue: string
  worker: string
  executed_at: Timestamp
}

export interface SettingTable {
  key: string
  value: ColumnType<unknown, string, string>
  updated_at: Timestamp
}

export interface AgentTable {
  id: Generated<string>
  /** Lower-case: one address, one account. */
  email: string
  name: Generated<string>
  organisation: string | null
  about: string | null
  is_public: Generated<boolean>
  /** agent, moderator, admin */
  role: Generated<string>
  created_at: Timestamp
  last_seen_at: Timestamp | null
}

export interface AgentIdentityTable {
  /** The configured name of an OpenID Connect provider. */
  provider: string
  subject: string
  agent_id: string
  created_at: Timestamp
  last_used_at: Timestamp
}

export interface SessionTable {
  /** The SHA-256 of the cookie's token, in hex. */
  id: string
  /** Null: a session opened with the administrator token. */
  agent_id: string | null
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Date | string
  revoked_at: Timestamp | null
  user_agent: string | null
}

export interface EmailSignInTable {
  token_hash: string
  email: string
  ip: string
  created_at: Timestamp
  expires_at: Date | string
  used_at: Timestamp | null
}

export interface AuditLogTable {
  id: Generated<string>
  /** Null: the system or the administrator token. */
  agent_id: string | null
  action: string
  subject_type: string
  subject_id: string | null
  /** No personal data: entries outlive the agents they name. */
  details: JsonWithDefault
  at: Timestamp
}

/**
 * A narrow copy of each listed (not gone) repository, kept by trigger (migration 0016): what the
 * search, its facets and its sorts read.
 */
export interface RepositoryListingTable {
  id: string
  organisation_id: string | null
  source_id: string | null
  name: string
  forge: string
  language: string | null
  effective_licence: string | null
  licence_authorised: boolean | null
  publiccode_valid: boolean | null
  compliance_score: number | null
  pushed_at: Timestamp | null
  created_on_forge: Timestamp | null
  first_seen_at: Timestamp | null
  archived: boolean
  is_fork: boolean
  is_template: boolean
  reuse_score: number
  stars: number
  forks: number
  search: Tsvector
  name_plain: string
  name_words: Tsvector
  topic_words: Tsvector
}

/** One event counted against a limit (contact messages), kept an hour; the key is a hash. */
export interface RateEventTable {
  key: string
  at: ColumnType<Date, Date | string | undefined, never>
}

export interface DB {
  rate_event: RateEventTable
  repository_listing: RepositoryListingTable
  setting: SettingTable
  organisation: OrganisationTable
  software: SoftwareTable
  software_similar: SoftwareSimilarTable
  software_change: SoftwareChangeTable
  software_user: SoftwareUserTable
  software_referent: SoftwareReferentTable
  software_instance: SoftwareInstanceTable
  custom_attribute: CustomAttributeTable
  software_slug_alias: SoftwareSlugAliasTable
  repository: RepositoryTable
  source: SourceTable
  repository_counter: RepositoryCounterTable
  crawl_pass: CrawlPassTable
  dependency: DependencyTable
  library: LibraryTable
  job_execution: JobExecutionTable
  agent: AgentTable
  agent_identity: AgentIdentityTable
  session: SessionTable
  email_sign_in: EmailSignInTable
  audit_log: AuditLogTable
}

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type Software = Selectable<SoftwareTable>
export type NewSoftware = Insertable<SoftwareTable>
export type SoftwareUpdate = Updateable<SoftwareTable>
export type Repository = Selectable<RepositoryTable>
export type NewRepository = Insertable<RepositoryTable>
export type Agent = Selectable<AgentTable>
export type AuditEntry = Selectable<AuditLogTable>
