// The structure of a publiccode.yml, field by field, with its validation rules: a transcription of
// the reference's Go structs (PublicCodeV0 and friends) and their validator tags. Field order
// matters: it is the order in which the reference decodes and reports.
import {
  CATEGORIES,
  DEVELOPMENT_STATUSES,
  IT_EXTENSION_VERSIONS,
  MAINTENANCE_TYPES,
  SCOPES,
  SOFTWARE_TYPES,
} from './enums.ts'
import { isCountryCode } from './rules/country.ts'
import { isDate } from './rules/date.ts'
import { isEmail } from './rules/email.ts'
import { isItalianPaCode } from './rules/italian-pa.ts'
import { isLanguageTag, isStrictLanguageTag } from './rules/language.ts'
import { isSpdxExpression } from './rules/license.ts'
import { isMimeType } from './rules/mime.ts'
import { hasAtLeast, hasAtMost } from './rules/text-length.ts'
import { isItalianPaUrn, isKnownSupportAlias, isOrganisationUri, isSupportId } from './rules/uri.ts'
import { isHttpUrl, isUrl } from './rules/url.ts'
import type { Field, FieldType, Tag } from './schema-types.ts'

const STANDARD_DOCS = 'https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard'
const IPA_VOCABULARY = 'https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary'

const required: Tag = { tag: 'required' }
const omitempty: Tag = { tag: 'omitempty' }
const omitnil: Tag = { tag: 'omitnil' }
const dive: Tag = { tag: 'dive' }
const gt0: Tag = { tag: 'gt0' }
const oneOf = (values: readonly string[]): Tag => ({ tag: 'oneOf', values })
const check = (test: (value: string) => boolean, message: (name: string, value: string) => string): Tag => ({
  tag: 'check',
  test,
  message,
})

const validUrl = check(isUrl, (name) => `${name} must be a valid URL`)
const httpUrl = check(isHttpUrl, (name) => `${name} must be an HTTP URL`)
const date = check(isDate, (name) => `${name} must be a date with format 'YYYY-MM-DD'`)
const email = check(isEmail, (name) => `${name} must be a valid email address`)
const mimeType = check(isMimeType, (name) => `${name} is not a valid MIME type`)
const maxLength = (max: number) =>
  check((value) => hasAtMost(value, max), (name) => `${name} must be a maximum of ${max} characters in length`)
const minLength = (min: number) =>
  check((value) => hasAtLeast(value, min), (name) => `${name} must be at least ${min} characters in length`)
const organisationUri = check(isOrganisationUri, (name, value) =>
  isItalianPaUrn(value)
    ? `${name} must be a valid Italian Public Administration Code (iPA) with format 'urn:x-italian-pa:[codiceIPA]' (see ${IPA_VOCABULARY})`
    : `${name} is not a valid URI`,
)
const country = check(isCountryCode, (name) => `${name} must be a valid ISO 3166-1 alpha-2 two-letter country code`)

const string: FieldType = { kind: 'string' }
const bool: FieldType = { kind: 'bool' }
const url: FieldType = { kind: 'url' }
const listOf = (item: FieldType): FieldType => ({ kind: 'list', item })
const struct = (...fields: Field[]): FieldType => ({ kind: 'struct', fields })

const organisation = struct(
  { key: 'name', type: string, pointer: true },
  { key: 'uri', type: string, tags: [required, organisationUri] },
)

const description = struct(
  { key: 'localisedName', type: string, pointer: true },
  { key: 'genericName', type: string, tags: [maxLength(35)] },
  { key: 'shortDescription', type: string, tags: [required, maxLength(150)] },
  { key: 'longDescription', type: string, tags: [required, minLength(150), maxLength(10000)] },
  { key: 'documentation', type: url, pointer: true, tags: [omitnil, httpUrl] },
  { key: 'apiDocumentation', type: url, pointer: true, tags: [omitnil, httpUrl] },
  { key: 'features', type: listOf(string), pointer: true, tags: [gt0, dive] },
  { key: 'screenshots', type: listOf(string) },
  { key: 'videos', type: { kind: 'list', item: url, nullableItems: true }, tags: [dive, omitnil, httpUrl] },
  { key: 'awards', type: listOf(string) },
)

const contractor = struct(
  { key: 'name', type: string, tags: [required] },
  { key: 'email', type: string, pointer: true, tags: [omitempty, email] },
  { key: 'website', type: url, pointer: true, tags: [omitnil, httpUrl] },
  { key: 'until', type: string, tags: [required, date] },
)

const contact = struct(
  { key: 'name', type: string, tags: [required] },
  { key: 'email', type: string, pointer: true, tags: [omitempty, email] },
  { key: 'affiliation', type: string, pointer: true },
  { key: 'phone', type: string, pointer: true },
)

const dependency = struct(
  { key: 'name', type: string, tags: [required, gt0] },
  { key: 'versionMin', type: string, pointer: true },
  { key: 'versionMax', type: string, pointer: true },
  { key: 'optional', type: bool, pointer: true },
  { key: 'version', type: string, pointer: true },
)

const dependencies: Field['tags'] = [omitempty, dive]

const italianSection = struct(
  {
    key: 'countryExtensionVersion',
    type: string,
    pointer: true,
    tags: [omitnil, oneOf(IT_EXTENSION_VERSIONS)],
  },
  {
    key: 'conforme',
    pointer: true,
    type: struct(
      { key: 'lineeGuidaDesign', type: bool, pointer: true },
      { key: 'modelloInteroperabilita', type: bool, pointer: true },
      { key: 'misureMinimeSicurezza', type: bool, pointer: true },
      { key: 'gdpr', type: bool, pointer: true },
    ),
  },
  {
    key: 'riuso',
    type: struct({
      key: 'codiceIPA',
      type: string,
      tags: [
        omitempty,
        check(
          isItalianPaCode,
          (name) => `${name} must be a valid Italian Public Administration Code (iPA) (see ${IPA_VOCABULARY})`,
        ),
      ],
    }),
  },
  {
    key: 'piattaforme',
    type: struct(
      { key: 'spid', type: bool },
      { key: 'pagopa', type: bool },
      { key: 'cie', type: bool },
      { key: 'anpr', type: bool },
      { key: 'io', type: bool },
    ),
  },
)

/** The whole publiccode.yml. `publiccodeYmlVersion` is checked before decoding, hence no tags. */
export const PUBLICCODE: readonly Field[] = [
  { key: 'publiccodeYmlVersion', type: string },
  { key: 'name', type: string, tags: [required] },
  { key: 'applicationSuite', type: string },
  { key: 'url', type: url, pointer: true, tags: [required, validUrl] },
  { key: 'landingURL', type: url, pointer: true, tags: [omitnil, httpUrl] },
  { key: 'isBasedOn', type: { kind: 'urlList' }, tags: [omitempty, dive, validUrl] },
  { key: 'softwareVersion', type: string },
  { key: 'releaseDate', type: string, pointer: true, tags: [omitnil, date] },
  { key: 'logo', type: string, pointer: true },
  { key: 'monochromeLogo', type: string, pointer: true },
  { key: 'organisation', type: organisation, pointer: true },
  { key: 'inputTypes', type: listOf(string), pointer: true, tags: [omitempty, dive, mimeType] },
  { key: 'outputTypes', type: listOf(string), pointer: true, tags: [omitempty, dive, mimeType] },
  { key: 'platforms', type: listOf(string), tags: [gt0] },
  {
    key: 'categories',
    type: listOf(string),
    pointer: true,
    tags: [
      omitempty,
      dive,
      check(
        (value) => (CATEGORIES as readonly string[]).includes(value),
        (name) => `${name} must be a valid category (see ${STANDARD_DOCS}/categories-list.rst)`,
      ),
    ],
  },
  { key: 'usedBy', type: listOf(string), pointer: true },
  { key: 'fundedBy', type: listOf(organisation), pointer: true, tags: [omitempty, dive] },
  { key: 'roadmap', type: url, pointer: true, tags: [omitnil, httpUrl] },
  { key: 'developmentStatus', type: string, tags: [required, oneOf(DEVELOPMENT_STATUSES)] },
  { key: 'softwareType', type: string, tags: [required, oneOf(SOFTWARE_TYPES)] },
  {
    key: 'supports',
    type: listOf(
      struct({
        key: 'id',
        type: string,
        tags: [
          required,
          check(isSupportId, (name) => `${name} is not a valid URI`),
          check(
            isKnownSupportAlias,
            (name) => `${name} contains an unknown alias (see ${STANDARD_DOCS}/aliases-list.rst)`,
          ),
        ],
      }),
    ),
    pointer: true,
    tags: [omitempty, dive],
  },
  {
    key: 'intendedAudience',
    pointer: true,
    type: struct(
      {
        key: 'scope',
        type: listOf(string),
        pointer: true,
        tags: [
          omitempty,
          dive,
          check(
            (value) => (SCOPES as readonly string[]).includes(value),
            (name) => `${name} must be a valid scope (see ${STANDARD_DOCS}/scope-list.rst)`,
          ),
        ],
      },
      { key: 'countries', type: listOf(string), pointer: true, tags: [omitempty, dive, country] },
      { key: 'unsupportedCountries', type: listOf(string), pointer: true, tags: [omitempty, dive, country] },
    ),
  },
  {
    key: 'description',
    type: { kind: 'map', value: description },
    tags: [
      gt0,
      { tag: 'keys', test: isStrictLanguageTag, message: (name) => `${name} must be a valid BCP 47 language` },
      dive,
    ],
  },
  {
    key: 'legal',
    type: struct(
      {
        key: 'license',
        type: string,
        tags: [required, check(isSpdxExpression, (name) => `${name} must be a valid license (see https://spdx.org/licenses)`)],
      },
      { key: 'mainCopyrightOwner', type: string, pointer: true },
      { key: 'repoOwner', type: string, pointer: true },
      { key: 'authorsFile', type: string, pointer: true },
    ),
  },
  {
    key: 'maintenance',
    type: struct(
      { key: 'type', type: string, tags: [required, oneOf(MAINTENANCE_TYPES)] },
      {
        key: 'contractors',
        type: listOf(contractor),
        pointer: true,
        tags: [
          { tag: 'requiredIf', field: 'type', value: 'contract' },
          { tag: 'excludedUnless', field: 'type', value: 'contract' },
          omitempty,
          dive,
        ],
      },
      {
        key: 'contacts',
        type: listOf(contact),
        pointer: true,
        tags: [
          { tag: 'requiredIf', field: 'type', value: 'community' },
          { tag: 'requiredIf', field: 'type', value: 'internal' },
          omitempty,
          dive,
        ],
      },
    ),
  },
  {
    key: 'localisation',
    type: struct(
      { key: 'localisationReady', type: bool, pointer: true, tags: [required] },
      {
        key: 'availableLanguages',
        type: listOf(string),
        tags: [required, gt0, dive, check(isLanguageTag, (name) => `${name} must be a valid BCP 47 language`)],
      },
    ),
  },
  {
    key: 'dependsOn',
    pointer: true,
    type: struct(
      { key: 'open', type: listOf(dependency), pointer: true, tags: dependencies },
      { key: 'proprietary', type: listOf(dependency), pointer: true, tags: dependencies },
      { key: 'hardware', type: listOf(dependency), pointer: true, tags: dependencies },
    ),
  },
  { key: 'IT', type: italianSection, pointer: true },
  { key: 'it', type: italianSection, pointer: true },
]
