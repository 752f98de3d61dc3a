// publiccode.yml: validation agreeing with the reference validator (italia/publiccode-parser-go)
// with network checks off, the typed model of the standard, its serialisation, the URLs left to a
// network checker, and the vocabularies and help texts an editor needs.
export { validatePublicCode } from './validate.ts'
export { serializePublicCode } from './serialize.ts'
export { collectUrls, type CheckableUrl, type CollectOptions } from './urls.ts'
export { fieldHelp, type FieldHelp } from './help.ts'
export type { Issue, RepositoryFiles, ValidateOptions, ValidationResult } from './result.ts'
export type * from './model.ts'
export * from './enums.ts'
