import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Table types for Kysely, kept in step with the migrations in ./migrations. */
/** A timestamptz: read as a Date; written as a Date or an ISO string, or left to its default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type Tsvector = ColumnType<string, never, never>

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
  job_execution: JobExecutionTable
}

export type Organisation = Selectable<OrganisationTable>
export type NewOrganisation = Insertable<OrganisationTable>
export type Software = Selectable<SoftwareTable>
export type NewSoftware = Insertable<SoftwareTable>
export type SoftwareUpdate = Updateable<SoftwareTable>
export type Repository = Selectable<RepositoryTable>
export type NewRepository = Insertable<RepositoryTable>
