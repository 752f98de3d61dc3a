import { RepositoryFacts } from './facts.ts'
import type { ComplianceReport, RuleResult } from './report.ts'
import type { Rule } from './rule.ts'
import { codeOfConductRule, contributingRule } from './rules/community-files.ts'
import { dcoRule } from './rules/dco.ts'
import { authorisedLicenceRule, licenceFileRule, publicCodeLicenceRule } from './rules/licence.ts'
import { publicCodeRule } from './rules/publiccode.ts'
import { readmeRule } from './rules/readme.ts'
import { secretsRule } from './rules/secrets.ts'
import { securityContactRule } from './rules/security-contact.ts'
import { spdxHeadersRule } from './rules/spdx-headers.ts'
import type { RepositorySnapshot } from './snapshot.ts'

/**
 * The rules, in the order reports list them, and their weights (points out of 100):
 *
 * | rule               | level       | weight | basis                                             |
 * | ------------------ | ----------- | ------ | ------------------------------------------------- |
 * | licence-authorised | required    | 20     | the law: CRPA art. D323-2-1 (authorised licences) |
 * | licence-file       | required    | 10     | policy, files: LICENSE                            |
 * | readme             | required    | 10     | policy, files: README                             |
 * | contributing       | required    | 10     | policy, files: CONTRIBUTING                       |
 * | no-secrets         | required    | 20     | policy, security: no secret in the code           |
 * | publiccode         | recommended | 8      | code.gouv.fr: publiccode.yml                      |
 * | publiccode-licence | recommended | 4      | publiccode.yml agrees with LICENSE                |
 * | spdx-headers       | recommended | 6      | policy, file headers (reuse.software)             |
 * | security-contact   | recommended | 5      | policy, security: identified contact              |
 * | code-of-conduct    | recommended | 4      | policy, files: CONDUCT                            |
 * | dco                | recommended | 3      | policy, traceability: DCO                         |
 *
 * The required rules and the secrets weigh most: they are the law and the policy's obligations.
 * Required rules weigh 70 points: a repository that meets them and no recommendation scores 73
 * (70 of the 96 points that apply without a publiccode.yml).
 */
export const RULES: readonly Rule[] = [
  authorisedLicenceRule,
  licenceFileRule,
  readmeRule,
  contributingRule,
  secretsRule,
  publicCodeRule,
  publicCodeLicenceRule,
  spdxHeadersRule,
  securityContactRule,
  codeOfConductRule,
  dcoRule,
]

/**
 * The score: points of the passing rules over points of the rules that apply, out of 100. A rule
 * that does not apply (a DCO without a contribution guide) neither adds nor costs points.
 */
export function score(rules: readonly Pick<RuleResult, 'status' | 'weight'>[]): number {
  const applicable = rules.filter((rule) => rule.status !== 'not-applicable')
  const total = applicable.reduce((sum, rule) => sum + rule.weight, 0)
  const earned = applicable.filter((rule) => rule.status === 'pass').reduce((sum, rule) => sum + rule.weight, 0)
  return total === 0 ? 100 : Math.round((100 * earned) / total)
}

/**
 * The rules that a repository's root files decide: what the registry can judge from a crawl, which reads
 * the root files but not the whole tree (secrets, file headers and commit sign-offs need a clone).
 */
export const ROOT_FILE_RULES: readonly Rule[] = RULES.filter((rule) => ![secretsRule, spdxHeadersRule, dcoRule].includes(rule))

/** Runs the rules (every rule by default) on a repository. */
export async function runRules(snapshot: RepositorySnapshot, rules: readonly Rule[] = RULES): Promise<ComplianceReport> {
  const repository = new RepositoryFacts(snapshot)
  const results = await Promise.all(
    rules.map(async (rule): Promise<RuleResult> => {
      const outcome = await rule.check(repository)
      const { id, level, weight, title } = rule
      return { id, level, weight, title, status: outcome.status, message: outcome.message, evidence: outcome.evidence, fix: outcome.status === 'fail' ? outcome.fix : null }
    }),
  )
  return {
    score: score(results),
    compliant: results.every((rule) => rule.level !== 'required' || rule.status !== 'fail'),
    rules: results,
    scanned: { files: snapshot.files.length, truncated: snapshot.truncated },
  }
}
