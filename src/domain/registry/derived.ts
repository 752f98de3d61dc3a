import { memorySnapshot, ROOT_FILE_RULES, runRules, type RuleStatus } from '../compliance/index.ts'
import { isAuthorised } from '../licences/index.ts'
import { roleOfRootFile } from './crawled.ts'

/** Characters of a README kept for search: its opening says what the project is. */
export const README_EXCERPT_CHARS = 2000

/**
 * The README's opening as plain words: code blocks, images, link targets, HTML tags and markup dropped,
 * so that search matches what a reader sees.
 */
export function readmeExcerpt(text: string): string {
  return text
    .slice(0, README_EXCERPT_CHARS * 4)
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]{0,500}>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[#>*_`|~=-]{2,}|^\s*[#>*-]+\s/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, README_EXCERPT_CHARS)
}

/** The licence that applies: what Socle read in the licence file, else what the forge declares. */
export function effectiveLicence(detected: string | null, declared: string | null): { licence: string | null; authorised: boolean | null } {
  const licence = detected ?? (declared && declared !== 'NOASSERTION' ? declared : null)
  return { licence, authorised: licence ? isAuthorised(licence).authorised : null }
}

/** Which roles the root files fill (readme, licence, contributing…), from their names. */
export function rootFileRoles(names: readonly string[]): Set<string> {
  return new Set(names.map(roleOfRootFile).filter((role) => role !== undefined))
}

export interface CrawledCompliance {
  score: number
  compliant: boolean
  rules: { id: string; status: RuleStatus }[]
}

/**
 * Compliance with the contribution policy as far as the root files tell (see ROOT_FILE_RULES): the
 * registry's band; `socle check` on a clone gives the full report.
 */
export async function crawledCompliance(files: Record<string, string>, publiccode: { name: string; text: string } | null): Promise<CrawledCompliance> {
  const snapshot = memorySnapshot(publiccode ? { ...files, [publiccode.name]: publiccode.text } : files)
  const report = await runRules(snapshot, ROOT_FILE_RULES)
  return { score: report.score, compliant: report.compliant, rules: report.rules.map((rule) => ({ id: rule.id, status: rule.status })) }
}

/** Score bands of the search facet. */
export const complianceBands = ['high', 'medium', 'low'] as const
export type ComplianceBand = (typeof complianceBands)[number]
export const complianceBandRanges: Record<ComplianceBand, [number, number]> = { high: [80, 100], medium: [50, 79], low: [0, 49] }
