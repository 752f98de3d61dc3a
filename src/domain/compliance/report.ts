/** A text in both languages of Socle; the CLI prints `en`, pages the visitor's language. */
export interface LocalisedText {
  en: string
  fr: string
}

/** `required`: what the State's contribution policy or the law asks; `recommended`: good practice it names. */
export type RuleLevel = 'required' | 'recommended'
export type RuleStatus = 'pass' | 'fail' | 'not-applicable'

/** Where a rule found what it reports. `excerpt` never holds a secret: secrets are masked. */
export interface Evidence {
  file: string
  line?: number
  excerpt?: string
}

export interface RuleResult {
  id: string
  level: RuleLevel
  /** Points of the score this rule is worth (see RULES). */
  weight: number
  status: RuleStatus
  title: LocalisedText
  message: LocalisedText
  evidence: Evidence[]
  /** What to do to pass; null when the rule passes or does not apply. */
  fix: LocalisedText | null
}

export interface ComplianceReport {
  /** 0–100: the weights of the passing rules over the weights of the rules that apply. */
  score: number
  /** Every required rule passes (a required rule that does not apply counts as passing). */
  compliant: boolean
  rules: RuleResult[]
  /** How much of the repository was looked at. */
  scanned: { files: number; truncated: boolean }
}
