// Controlled vocabularies of the publiccode.yml standard (v0.7, as enforced by the reference validator
// italia/publiccode-parser-go). Exported as readonly tuples so that an editor can build its selects
// from them and the model can derive its union types.

/** Versions the reference accepts, in the order its error message lists them. */
export const SUPPORTED_VERSIONS = [
  '0',
  '0.2',
  '0.2.0',
  '0.2.1',
  '0.2.2',
  '0.3',
  '0.3.0',
  '0.4',
  '0.4.0',
  '0.5.0',
  '0.5',
  '0.7.0',
  '0.7',
] as const

/** The value new files should use: the reference tells authors of older files to switch to it. */
export const LATEST_VERSION = '0'

/** Version of the standard that every accepted file is read as. */
export const STANDARD_VERSION = '0.7'

export const DEVELOPMENT_STATUSES = ['concept', 'development', 'beta', 'stable', 'obsolete'] as const

export const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
] as const

export const MAINTENANCE_TYPES = ['internal', 'contract', 'community', 'none'] as const

/** Suggested platforms: the standard also allows any other human-readable value. */
export const PLATFORMS = ['web', 'windows', 'mac', 'linux', 'ios', 'android'] as const

export const CATEGORIES = [
  'accounting',
  'agile-project-management',
  'applicant-tracking',
  'application-development',
  'appointment-scheduling',
  'backup',
  'billing-and-invoicing',
  'blog',
  'budgeting',
  'business-intelligence',
  'business-process-management',
  'cad',
  'call-center-management',
  'cloud-management',
  'collaboration',
  'communications',
  'compliance-management',
  'contact-management',
  'content-management',
  'crm',
  'customer-service-and-support',
  'data-analytics',
  'data-collection',
  'data-visualization',
  'design',
  'design-system',
  'digital-asset-management',
  'digital-citizenship',
  'document-management',
  'donor-management',
  'e-commerce',
  'e-signature',
  'educational-content',
  'email-management',
  'email-marketing',
  'employee-management',
  'enterprise-project-management',
  'enterprise-social-networking',
  'erp',
  'event-management',
  'facility-management',
  'feedback-and-reviews-management',
  'financial-reporting',
  'fleet-management',
  'fundraising',
  'gamification',
  'geographic-information-systems',
  'grant-management',
  'graphic-design',
  'help-desk',
  'hr',
  'ide',
  'identity-management',
  'instant-messaging',
  'integrated-library-system',
  'inventory-management',
  'it-asset-management',
  'it-development',
  'it-management',
  'it-security',
  'it-service-management',
  'knowledge-management',
  'learning-management-system',
  'marketing',
  'mind-mapping',
  'mobile-marketing',
  'mobile-payment',
  'network-management',
  'office',
  'online-booking',
  'online-community',
  'payment-gateway',
  'payroll',
  'predictive-analysis',
  'procurement',
  'productivity-suite',
  'project-collaboration',
  'project-management',
  'property-management',
  'real-estate-management',
  'regulations-and-directives',
  'remote-support',
  'resource-management',
  'sales-management',
  'seo',
  'service-desk',
  'social-media-management',
  'survey',
  'talent-management',
  'task-management',
  'taxes-management',
  'test-management',
  'time-management',
  'time-tracking',
  'translation',
  'video-conferencing',
  'video-editing',
  'visitor-management',
  'voip',
  'warehouse-management',
  'web-collaboration',
  'web-conferencing',
  'whistleblowing',
  'website-builder',
  'workflow-management',
  'other',
] as const

export const SCOPES = [
  'agriculture',
  'culture',
  'defence',
  'education',
  'emergency-services',
  'employment',
  'energy',
  'environment',
  'finance-and-economic-development',
  'foreign-affairs',
  'government',
  'healthcare',
  'infrastructures',
  'justice',
  'local-authorities',
  'manufacturing',
  'research',
  'science-and-technology',
  'security',
  'society',
  'sport',
  'tourism',
  'transportation',
  'welfare',
] as const

/** Aliases usable in `supports[].id` as `alias:<name>`, with the resource each one stands for. */
export const SUPPORT_ALIASES = {
  gdpr: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  eidas: 'https://eur-lex.europa.eu/eli/reg/2014/910/oj',
  nis2: 'https://eur-lex.europa.eu/eli/dir/2022/2555/oj',
  cra: 'https://eur-lex.europa.eu/eli/reg/2024/2847/oj',
  spid: 'https://www.spid.gov.it/',
  cie: 'https://www.cartaidentita.interno.gov.it/',
  anpr: 'https://www.anpr.interno.it/',
  pagopa: 'https://www.pagopa.gov.it/',
  io: 'https://io.italia.it/',
} as const

/** Kinds of dependency listed under `dependsOn`. */
export const DEPENDENCY_KINDS = ['open', 'proprietary', 'hardware'] as const

/** Versions of the Italian country section (`IT.countryExtensionVersion`). */
export const IT_EXTENSION_VERSIONS = ['0.2', '1.0'] as const

/** Platforms of the Italian section (`IT.piattaforme`). */
export const IT_PLATFORMS = ['spid', 'pagopa', 'cie', 'anpr', 'io'] as const

/** Declarations of the deprecated `IT.conforme` section. */
export const IT_CONFORMITY = ['lineeGuidaDesign', 'modelloInteroperabilita', 'misureMinimeSicurezza', 'gdpr'] as const

/** Formats accepted for `logo` and `monochromeLogo` (by file extension). */
export const LOGO_EXTENSIONS = ['.svg', '.svgz', '.png'] as const

/** Formats accepted for screenshots (by file extension). */
export const SCREENSHOT_EXTENSIONS = ['.jpg', '.png'] as const
