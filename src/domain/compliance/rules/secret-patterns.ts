/**
 * Secrets that have a recognisable shape: the providers' token formats and private keys. Each
 * pattern's `public` group is the part that says what the secret is (its documented prefix), the
 * only part ever shown; the rest is masked.
 */
interface SecretPattern {
  kind: string
  pattern: RegExp
}

const PATTERNS: readonly SecretPattern[] = [
  // The header of a PEM or PGP private key, followed by key material (or a PEM header line), also
  // inside a JSON string (a GCP service account file) where line breaks are written `\n`.
  { kind: 'Private key', pattern: /(?<public>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)(?:\s|\\[rn])+(?:[A-Za-z0-9+/=]{40,}|[A-Z][A-Za-z-]+:)/g },
  { kind: 'AWS access key ID', pattern: /\b(?<public>AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { kind: 'AWS secret access key', pattern: /(?<public>aws_?secret_?access_?key["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/gi },
  { kind: 'Google Cloud API key', pattern: /\b(?<public>AIza)[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'Azure storage account key', pattern: /(?<public>AccountKey=)[A-Za-z0-9+/]{86}==/g },
  { kind: 'Azure client secret', pattern: /(?<![A-Za-z0-9_~.-])(?<public>[A-Za-z0-9_~.]{3}\dQ~)[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g },
  { kind: 'GitHub token', pattern: /\b(?<public>gh[pousr]_)[A-Za-z0-9]{36}\b/g },
  { kind: 'GitHub token', pattern: /\b(?<public>github_pat_)[A-Za-z0-9_]{82}\b/g },
  { kind: 'GitLab token', pattern: /\b(?<public>gl(?:pat|dt|rt|ptt|soat|cbt|imt|oas|ft)-)[A-Za-z0-9_-]{20,}/g },
  { kind: 'Slack token', pattern: /\b(?<public>xox[abposr]-)[A-Za-z0-9-]{10,}/g },
  { kind: 'Slack webhook', pattern: /(?<public>https:\/\/hooks\.slack\.com\/services\/)T[A-Za-z0-9_]+\/B[A-Za-z0-9_]+\/[A-Za-z0-9_]+/g },
]

/** Documentation's sample keys (AWS's AKIAIOSFODNN7EXAMPLE…) are not secrets. */
const SAMPLE = /EXAMPLE/

/** The masked form of a secret: what it is, never any of its secret characters. */
function maskSecret(shown: string): string {
  return `${shown}********`
}

export interface SecretFound {
  kind: string
  /** Offset in the text, for the line number. */
  offset: number
  masked: string
}

export function findSecrets(text: string): SecretFound[] {
  const found: SecretFound[] = []
  for (const { kind, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (SAMPLE.test(match[0])) continue
      found.push({ kind, offset: match.index, masked: maskSecret(match.groups?.public ?? '') })
    }
  }
  return found.sort((a, b) => a.offset - b.offset)
}

/** `.env` files hold a deployment's settings; their example versions are meant to be committed. */
const ENV_FILE = /^\.env(?:\.[\w.-]+)?$/
const ENV_EXAMPLE = /\.(?:example|sample|template|dist|defaults?|tpl)$/i
const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/

export function isEnvFile(name: string): boolean {
  return ENV_FILE.test(name) && !ENV_EXAMPLE.test(name)
}

/** The variables of an `.env` file that have a value, by line, the value masked. */
export function envAssignments(text: string): { line: number; masked: string }[] {
  return text.split(/\r?\n/).flatMap((raw, index) => {
    const match = ASSIGNMENT.exec(raw)
    if (!match) return []
    const value = (match[2] ?? '')
      .replace(/(?:^|\s)#.*$/, '')
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
    return value === '' ? [] : [{ line: index + 1, masked: maskSecret(`${match[1]}=`) }]
  })
}
