import { isAuthorised } from '../../licences/index.ts'
import { mapLimit } from '../map-limit.ts'
import { failed, notApplicable, passed, type Rule } from '../rule.ts'
import type { SnapshotFile } from '../snapshot.ts'

/**
 * Share of source files that must carry an `SPDX-License-Identifier` for the rule to pass. The
 * policy (after reuse.software) asks it of every file; 80 % leaves room for generated files and
 * fixtures while still telling a project that adopted the practice from one that did not.
 */
const SPDX_PASS_SHARE = 0.8
/** REUSE puts the header at the top of the file. */
const HEADER_BYTES = 4096
const SHOWN_MISSING = 20
const CONCURRENT_READS = 16

const SOURCE_EXTENSION =
  /\.(?:[cm]?[jt]sx?|vue|svelte|py|rb|php|java|kt|kts|scala|groovy|go|rs|c|h|cc|cpp|cxx|hh|hpp|cs|fs|swift|m|mm|dart|lua|pl|pm|r|jl|ex|exs|erl|hs|ml|clj|sh|bash|zsh|ps1|sql|css|scss|sass|less)$/i
/** Third-party and generated code, whose headers are not the project's to write. */
const NOT_OURS = /(?:^|\/)(?:node_modules|vendor|third[-_]party|dist|build|target|\.venv|venv)\/|\.min\.[a-z]+$|\.d\.ts$/i
const SPDX_HEADER = /SPDX-License-Identifier:/

function isSource(file: SnapshotFile): boolean {
  return file.size > 0 && SOURCE_EXTENSION.test(file.path) && !NOT_OURS.test(file.path)
}

const percent = (share: number) => `${Math.floor(share * 100)} %`

/**
 * Source files state their licence with an SPDX header, or with a REUSE `.license` file next to
 * them. (Licences given in REUSE.toml or .reuse/dep5 are not read.)
 */
export const spdxHeadersRule: Rule = {
  id: 'spdx-headers',
  level: 'recommended',
  weight: 6,
  title: { en: 'SPDX headers in source files', fr: 'En-têtes SPDX dans les fichiers sources' },
  async check(repository) {
    const listed = new Set(repository.snapshot.files.map((file) => file.path))
    const sources = repository.snapshot.files.filter(isSource)
    if (sources.length === 0) return notApplicable({ en: 'No source file.', fr: 'Aucun fichier source.' })
    const covered = await mapLimit(sources, CONCURRENT_READS, async (file) =>
      listed.has(`${file.path}.license`) || SPDX_HEADER.test((await repository.text(file.path, HEADER_BYTES)) ?? ''),
    )
    const missing = sources.filter((_, index) => !covered[index])
    const share = (sources.length - missing.length) / sources.length
    const counts = `${sources.length - missing.length}/${sources.length} (${percent(share)})`
    if (share >= SPDX_PASS_SHARE) {
      return passed({ en: `${counts} source files have an SPDX header.`, fr: `${counts} des fichiers sources ont un en-tête SPDX.` })
    }
    // The example header names the repository's own licence when it is a known, authorised one.
    const licence = (await repository.licenceFiles()).find((file) => file.expression !== null && isAuthorised(file.expression).authorised)?.expression ?? 'EUPL-1.2'
    return failed(
      {
        en: `Only ${counts} source files have an SPDX-License-Identifier header; at least ${percent(SPDX_PASS_SHARE)} should.`,
        fr: `Seuls ${counts} des fichiers sources ont un en-tête SPDX-License-Identifier ; il en faut au moins ${percent(SPDX_PASS_SHARE)}.`,
      },
      {
        en: `Start every source file with a comment holding its copyright and licence, e.g. \`// SPDX-FileCopyrightText: 2024 <administration>\` and \`// SPDX-License-Identifier: ${licence}\`; the \`reuse annotate\` tool (https://reuse.software/) adds them in bulk.`,
        fr: `Commencez chaque fichier source par un commentaire indiquant ses droits et sa licence, par exemple \`// SPDX-FileCopyrightText: 2024 <administration>\` et \`// SPDX-License-Identifier: ${licence}\` ; l'outil \`reuse annotate\` (https://reuse.software/fr/) les ajoute en masse.`,
      },
      missing.slice(0, SHOWN_MISSING).map((file) => ({ file: file.path })),
    )
  },
}
