import type { RepositoryFacts } from '../facts.ts'
import { mapLimit } from '../map-limit.ts'
import type { Evidence } from '../report.ts'
import { failed, passed, type Rule } from '../rule.ts'
import { baseName, lineFinder, type SnapshotFile } from '../snapshot.ts'
import { envAssignments, findSecrets, isEnvFile } from './secret-patterns.ts'

/** Bytes of each file searched: secrets sit in configuration and code, not deep in large files. */
const SCAN_BYTES = 1024 * 1024
/** Bytes searched in all: a bound on the time a check takes, reported when it is reached. */
const SCAN_BUDGET = 512 * 1024 * 1024
const SHOWN_FINDINGS = 50
/** Findings counted per file: past this, the file is plainly a store of secrets. */
const MAX_FINDINGS_PER_FILE = 100
const CONCURRENT_READS = 16

/** Formats that hold no text: not read at all. */
const BINARY_EXTENSION =
  /\.(?:png|jpe?g|gif|webp|avif|ico|bmp|tiff?|psd|mp[34]|m4a|ogg|wav|flac|webm|mov|avi|mkv|woff2?|ttf|otf|eot|zip|gz|tgz|bz2|xz|zst|7z|rar|jar|war|class|so|dylib|dll|exe|o|a|wasm|pyc|pdf|docx?|xlsx?|pptx?|odt|ods|odp|sqlite|db)$/i

async function scan(repository: RepositoryFacts, file: SnapshotFile): Promise<Evidence[]> {
  const text = await repository.text(file.path, SCAN_BYTES)
  if (text === null) return []
  if (isEnvFile(baseName(file.path))) {
    return envAssignments(text).slice(0, MAX_FINDINGS_PER_FILE).map(({ line, masked }) => ({ file: file.path, line, excerpt: `.env value: ${masked}` }))
  }
  const line = lineFinder(text)
  return findSecrets(text)
    .slice(0, MAX_FINDINGS_PER_FILE)
    .map(({ kind, offset, masked }) => ({ file: file.path, line: line(offset), excerpt: `${kind}: ${masked}` }))
}

/**
 * No secret is committed (the policy's security section): private keys, cloud and forge tokens,
 * `.env` files with values. Findings give the file, the line and what the secret is, never the
 * secret itself.
 */
export const secretsRule: Rule = {
  id: 'no-secrets',
  level: 'required',
  weight: 20,
  title: { en: 'No committed secrets', fr: 'Aucun secret publié' },
  async check(repository) {
    const candidates = repository.snapshot.files.filter((file) => file.size > 0 && !BINARY_EXTENSION.test(file.path))
    const scanned: SnapshotFile[] = []
    let budget = SCAN_BUDGET
    for (const file of candidates) {
      budget -= Math.min(file.size, SCAN_BYTES)
      if (budget < 0) break
      scanned.push(file)
    }
    const findings = (await mapLimit(scanned, CONCURRENT_READS, (file) => scan(repository, file))).flat()
    const unscanned = candidates.length - scanned.length
    const limit = unscanned > 0 ? { en: ` ${unscanned} files beyond the scan budget were not searched.`, fr: ` ${unscanned} fichiers au-delà du budget d'analyse n'ont pas été examinés.` } : { en: '', fr: '' }
    if (findings.length === 0) {
      return passed({ en: `No secret found in ${scanned.length} files.${limit.en}`, fr: `Aucun secret trouvé dans ${scanned.length} fichiers.${limit.fr}` })
    }
    const files = new Set(findings.map((finding) => finding.file)).size
    return failed(
      {
        en: `${findings.length} secret(s) found in ${files} file(s).${limit.en}`,
        fr: `${findings.length} secret(s) trouvé(s) dans ${files} fichier(s).${limit.fr}`,
      },
      {
        en: 'Revoke and replace every secret found now: once published it is compromised, even after deletion. Then remove it from the files and from the history (git filter-repo), and read secrets from the environment or from a file listed in .gitignore.',
        fr: "Révoquez et remplacez dès maintenant chaque secret trouvé : publié, il est compromis, même une fois supprimé. Retirez-le ensuite des fichiers et de l'historique (git filter-repo), et lisez les secrets dans l'environnement ou dans un fichier listé dans .gitignore.",
      },
      findings.slice(0, SHOWN_FINDINGS),
    )
  },
}
