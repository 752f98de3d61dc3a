// Typed model of a valid publiccode.yml (standard v0.7, which the reference validator reads every
// accepted version as). Optional keys are absent rather than empty, so that a document read from a
// file and written back keeps the same keys.
import type {
  CATEGORIES,
  DEVELOPMENT_STATUSES,
  IT_EXTENSION_VERSIONS,
  MAINTENANCE_TYPES,
  SCOPES,
  SOFTWARE_TYPES,
} from './enums.ts'

export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number]
export type SoftwareType = (typeof SOFTWARE_TYPES)[number]
export type MaintenanceType = (typeof MAINTENANCE_TYPES)[number]
export type Category = (typeof CATEGORIES)[number]
export type Scope = (typeof SCOPES)[number]
export type ItalianExtensionVersion = (typeof IT_EXTENSION_VERSIONS)[number]

export interface PublicCode {
  publiccodeYmlVersion: string
  name: string
  applicationSuite?: string
  /** URL of the source code repository: the software's identifier. */
  url: string
  landingURL?: string
  /** Repositories this software is a variant of; a single URL in the file is read as a list of one. */
  isBasedOn?: string[]
  softwareVersion?: string
  /** YYYY-MM-DD */
  releaseDate?: string
  /** Relative path in the repository, or absolute URL. */
  logo?: string
  /** @deprecated use `logo` */
  monochromeLogo?: string
  organisation?: Organisation
  /** @deprecated */
  inputTypes?: string[]
  /** @deprecated */
  outputTypes?: string[]
  platforms: string[]
  categories?: Category[]
  usedBy?: string[]
  fundedBy?: Organisation[]
  roadmap?: string
  developmentStatus: DevelopmentStatus
  softwareType: SoftwareType
  supports?: Support[]
  intendedAudience?: IntendedAudience
  /** Keyed by BCP 47 language tag (`en`, `it`, `en-GB`…); at least one language. */
  description: Record<string, Description>
  legal: Legal
  maintenance: Maintenance
  localisation: Localisation
  dependsOn?: DependsOn
  /** Italian country section. */
  IT?: ItalianSection
  /** @deprecated lowercase spelling of `IT` */
  it?: ItalianSection
}

export interface Organisation {
  /** URL or URN; Italian administrations use `urn:x-italian-pa:<codiceIPA>`. */
  uri: string
  name?: string
}

export interface Support {
  /** `alias:<name>` from the standard's list of aliases, or any URI. */
  id: string
}

export interface IntendedAudience {
  scope?: Scope[]
  /** ISO 3166-1 alpha-2 codes, uppercase (lowercase is deprecated). */
  countries?: string[]
  unsupportedCountries?: string[]
}

export interface Description {
  localisedName?: string
  /** @deprecated */
  genericName?: string
  /** At most 150 characters. */
  shortDescription: string
  /** Between 150 and 10000 characters. */
  longDescription: string
  documentation?: string
  apiDocumentation?: string
  features: string[]
  /** Relative paths in the repository, or absolute URLs (PNG, JPG). */
  screenshots?: string[]
  /** URLs of an oEmbed provider (YouTube, Vimeo…). */
  videos?: string[]
  awards?: string[]
}

export interface Legal {
  /** SPDX licence expression. */
  license: string
  mainCopyrightOwner?: string
  /** @deprecated use `organisation.name` */
  repoOwner?: string
  /** @deprecated */
  authorsFile?: string
}

export interface Maintenance {
  type: MaintenanceType
  /** Required when `type` is `contract`, forbidden otherwise. */
  contractors?: Contractor[]
  /** Required when `type` is `internal` or `community`. */
  contacts?: Contact[]
}

export interface Contractor {
  name: string
  /** YYYY-MM-DD */
  until: string
  email?: string
  website?: string
}

export interface Contact {
  name: string
  email?: string
  affiliation?: string
  /** Free text, with the international prefix: the reference does not check its format. */
  phone?: string
}

export interface Localisation {
  localisationReady: boolean
  /** BCP 47 language tags. */
  availableLanguages: string[]
}

export interface DependsOn {
  open?: Dependency[]
  proprietary?: Dependency[]
  hardware?: Dependency[]
}

export interface Dependency {
  name: string
  versionMin?: string
  versionMax?: string
  version?: string
  optional?: boolean
}

export interface ItalianSection {
  countryExtensionVersion?: ItalianExtensionVersion
  /** @deprecated */
  conforme?: {
    lineeGuidaDesign?: boolean
    modelloInteroperabilita?: boolean
    misureMinimeSicurezza?: boolean
    gdpr?: boolean
  }
  riuso?: {
    /** @deprecated use `organisation.uri` set to `urn:x-italian-pa:<codiceIPA>` */
    codiceIPA?: string
  }
  piattaforme?: {
    spid?: boolean
    pagopa?: boolean
    cie?: boolean
    anpr?: boolean
    io?: boolean
  }
}
