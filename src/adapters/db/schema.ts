import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Table types for Kysely, kept in step with the migrations in ./migrations. */
/** A timestamptz: read as a Date; written as a Date or an ISO string, or left to its default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Tsvector = ColumnType<string, never, never>
/** A jsonb value: read parsed, written as JSON text (node-postgres would turn arrays into PG arrays). */
type Json = ColumnType<unknown, string, string>
/** A jsonb column with a default: may be left out on insert. */
type JsonWithDefault = ColumnType<unknown, string | undefined, string>

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

export interface DB {
  setting: SettingTable
  organisation: OrganisationTable
  software: SoftwareTable
  repository: RepositoryTable
  source: SourceTable
  repository_counter: RepositoryCounterTable
  job_execution: JobExecutionTable
}

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type Software = Selectable<SoftwareTable>
export type NewSoftware = Insertable<SoftwareTable>
export type SoftwareUpdate = Updateable<SoftwareTable>
export type Repository = Selectable<RepositoryTable>
export type NewRepository = Insertable<RepositoryTable>
