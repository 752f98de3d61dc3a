import type { Evidence, LocalisedText, RuleLevel } from './report.ts'
import type { RepositoryFacts } from './facts.ts'

/** What one rule found. A failure always says how to fix it. */
export type Outcome =
  | { status: 'pass' | 'not-applicable'; message: LocalisedText; evidence: Evidence[] }
  | { status: 'fail'; message: LocalisedText; evidence: Evidence[]; fix: LocalisedText }

export interface Rule {
  id: string
  level: RuleLevel
  weight: number
  title: LocalisedText
  check(repository: RepositoryFacts): Promise<Outcome>
}

export function passed(message: LocalisedText, evidence: Evidence[] = []): Outcome {
  return { status: 'pass', message, evidence }
}

export function failed(message: LocalisedText, fix: LocalisedText, evidence: Evidence[] = []): Outcome {
  return { status: 'fail', message, evidence, fix }
}

export function notApplicable(message: LocalisedText): Outcome {
  return { status: 'not-applicable', message, evidence: [] }
}
