// Compliance of a repository with the State's contribution policy (DINUM) and the licences French
// law authorises: pure rules over a RepositorySnapshot that an adapter provides.
export { ROOT_FILE_RULES, RULES, runRules, score } from './run-rules.ts'
export { memorySnapshot } from './memory-snapshot.ts'
export type { ComplianceReport, Evidence, LocalisedText, RuleLevel, RuleResult, RuleStatus } from './report.ts'
export type { RepositorySnapshot, SnapshotFile } from './snapshot.ts'
