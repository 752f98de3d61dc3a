// validatePublicCode: the reference validator's pipeline with network checks off.
// 1. read and parse the YAML (whole-file problems stop here);
// 2. check publiccodeYmlVersion (missing or unsupported stops here);
// 3. decode into the schema (at most one decoding error, named by the key on its line);
// 4. apply the schema's tags, then the checks that need the whole document.
import { isMap, isScalar, type Node } from 'yaml'
import { decodeDocument, MAX_DECODED_VALUES, type DecodeError } from './decode.ts'
import { LATEST_VERSION, STANDARD_VERSION, SUPPORTED_VERSIONS } from './enums.ts'
import { plainText, scalarToGoString } from './go-scalar.ts'
import { findKeyAtLine, formatKey, locate, positionOf } from './keys.ts'
import type { PublicCode } from './model.ts'
import { DEFAULT_MAX_BYTES, parseYaml, type ParsedYaml } from './parse.ts'
import type { Issue, ValidateOptions, ValidationResult } from './result.ts'
import { checkFields } from './rules/fields.ts'
import { validateStruct, type StructIssue } from './rules/struct.ts'
import { PUBLICCODE } from './schema.ts'
import type { Decoded } from './schema-types.ts'

/** Validates a publiccode.yml. Never throws: any failure is reported as an error of the result. */
export function validatePublicCode(input: string | Uint8Array, options: ValidateOptions = {}): ValidationResult {
  try {
    return validate(input, options)
  } catch (error) {
    // A bug must not take the caller (CLI, API, crawler) down with it.
    return failure(null, `internal error of the validator: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function failure(version: string | null, message: string, key = '', line: number | null = null, column: number | null = null): ValidationResult {
  return { valid: false, version, errors: [{ key, message, line, column }], warnings: [], document: null }
}

function validate(input: string | Uint8Array, options: ValidateOptions): ValidationResult {
  const fileName = options.fileName ?? 'publiccode.yml'
  const parsed = parseYaml(input, options.maxBytes ?? DEFAULT_MAX_BYTES, fileName)
  if (!parsed.ok) {
    const { message, line, column } = parsed.problem
    return failure(null, message, '', line, column)
  }
  const { root, lines, resolveAlias } = parsed.yaml
  if (!isMap(root)) {
    const { line, column } = positionOf(root, lines)
    return failure(null, `${fileName} must be a YAML mapping of keys to values`, '', line, column)
  }

  const versionCheck = checkVersion(root, parsed.yaml)
  if ('result' in versionCheck) return versionCheck.result
  const { version } = versionCheck
  const warnings: Issue[] = [...versionCheck.warnings]
  const errors: Issue[] = []

  const decoded = decodeDocument(root, PUBLICCODE, resolveAlias)
  if (decoded.tooLarge) {
    return failure(version, `${fileName} expands to more than ${MAX_DECODED_VALUES} values through its aliases`)
  }
  if (decoded.error) errors.push(decodeIssue(decoded.error, parsed.yaml))

  const structIssues: StructIssue[] = []
  validateStruct(PUBLICCODE, decoded.value, [], structIssues)
  for (const { path, message } of structIssues) {
    errors.push({ key: formatKey(path), message, ...at(locate(root, path, lines)) })
  }
  for (const { severity, key, path, message } of checkFields(decoded.value, options.files)) {
    ;(severity === 'error' ? errors : warnings).push({ key, message, ...at(locate(root, path, lines)) })
  }

  const valid = errors.length === 0
  return { valid, version, errors, warnings, document: valid ? (withoutNulls(decoded.value) as unknown as PublicCode) : null }
}

const at = ({ line, column }: { line: number; column: number }) => ({ line, column })

type VersionCheck = { version: string; warnings: Issue[] } | { result: ValidationResult }

/** The reference reads publiccodeYmlVersion first, and stops when it is missing or unsupported. */
function checkVersion(root: Node, yaml: ParsedYaml): VersionCheck {
  const pair = isMap(root) ? root.items.find((item) => isScalar(item.key) && item.key.value === 'publiccodeYmlVersion') : undefined
  const node = pair?.value as Node | null | undefined
  if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
    return { result: failure(null, 'publiccodeYmlVersion is a required field', 'publiccodeYmlVersion') }
  }
  const { line, column } = positionOf(node, yaml.lines)
  if (!isScalar(node)) {
    return { result: failure(null, 'wrong type for this field', 'publiccodeYmlVersion', line, column) }
  }
  const version = scalarToGoString(node.value, plainText(node))
  if (!(SUPPORTED_VERSIONS as readonly string[]).includes(version)) {
    const message = `unsupported version: '${version}'. Supported versions: ${SUPPORTED_VERSIONS.join(', ')}`
    return { result: failure(version, message, 'publiccodeYmlVersion', line, column) }
  }
  const outdated = version !== LATEST_VERSION && !version.startsWith(STANDARD_VERSION)
  const warnings = outdated
    ? [{
        key: 'publiccodeYmlVersion',
        message: `v${version} is not the latest version, use '${LATEST_VERSION}'. Parsing this file as v${STANDARD_VERSION}.`,
        line,
        column,
      }]
    : []
  return { version, warnings }
}

/** A decoding error, named like the reference does: after the first key written on its line. */
function decodeIssue(error: DecodeError, yaml: ParsedYaml): Issue {
  const { line, col } = yaml.lines.linePos(error.offset)
  return { key: findKeyAtLine(yaml.root, line, '', yaml.lines), message: error.message, line, column: col }
}

/** The model has no nulls: null items of pointer lists (e.g. `videos: [~]`) carry no information. */
function withoutNulls(value: Decoded): Decoded {
  if (Array.isArray(value)) return value.filter((item) => item !== null).map(withoutNulls)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutNulls(item)]))
  }
  return value
}
