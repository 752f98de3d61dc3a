export { normaliseLicence, type NormaliseReason, type NormalisedLicence } from './normalise.ts'
export { detectLicence, DETECTION_THRESHOLD, type LicenceDetection, type LicenceMatch } from './detect.ts'
export { combineLicences } from './combine.ts'
export {
  AUTHORISED_LICENCES,
  isAuthorised,
  type Authorisation,
  type AuthorisedKind,
  type AuthorisedLicence,
  type AuthorisedScope,
} from './authorised.ts'
export { licenceFamily, type LicenceFamily } from './family.ts'
export { isLicenceFileName } from './licence-files.ts'
