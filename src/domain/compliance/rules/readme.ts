import type { Evidence, LocalisedText } from '../report.ts'
import { failed, passed, type Rule } from '../rule.ts'
import { documentName } from './document-names.ts'

/** README.md, README.fr.md, LISEZMOI.md… */
const README_NAME = documentName(String.raw`(?:readme|lisez[-_]?moi)(?:\.[a-z]{2}(?:[-_][a-z]{2})?)?`)
const README_BYTES = 256 * 1024
/** A sentence long enough to say what a project is, rather than a title, a badge or a link. */
const MIN_PROSE_WORDS = 8

/**
 * What the policy asks of a README, each found by a heading (French or English, accents ignored) or
 * by the text itself.
 */
interface Aspect {
  label: LocalisedText
  /** The section to add when it is missing. */
  section: LocalisedText
  heading: RegExp
  /** A line outside headings that shows the aspect too. */
  line(text: string, inCode: boolean): boolean
}

const ASPECTS: readonly Aspect[] = [
  {
    label: { en: 'what the project does', fr: 'ce que fait le projet' },
    section: { en: 'a first paragraph saying what the software does and for whom', fr: 'un premier paragraphe disant ce que fait le logiciel et pour qui' },
    heading: /\b(?:about|description|overview|introduction|purpose|what is|features|presentation|a propos|objectifs?|fonctionnalites|contexte|context)\b/,
    line: (text, inCode) => !inCode && proseWords(text) >= MIN_PROSE_WORDS,
  },
  {
    label: { en: 'how to install it', fr: "comment l'installer" },
    section: { en: '"Installation" with the commands to install and run it', fr: "« Installation » avec les commandes pour l'installer et le lancer" },
    heading:
      /\b(?:install\w*|setup|set up|getting started|get started|quick ?start|demarr\w*|deploi\w*|deploy\w*|mise en (?:place|oeuvre|route)|prerequis|prerequisites?|requirements|build(?:ing)?|compil\w*|run(?:ning)? locally)\b/,
    line: (text) =>
      /(?:^|[\s$`>])(?:npm (?:ci|install|i)|yarn install|pnpm (?:install|i)|pip3? install|poetry install|composer install|bundle install|gem install|go (?:install|get|build)|cargo (?:install|build)|mvn |\.?\/?gradlew? |docker[- ]compose|docker (?:run|build)|make install|apt(?:-get)? install|dnf install|brew install|dotnet (?:restore|build)|helm install|conda (?:install|env create))\b/.test(text),
  },
  {
    label: { en: 'how to contribute', fr: 'comment contribuer' },
    section: { en: '"Contributing" linking to CONTRIBUTING.md', fr: '« Contribuer » renvoyant vers CONTRIBUTING.md' },
    heading: /\b(?:contribu\w*|participer|participez|participate|get involved|how to help|comment aider)\b/,
    line: (text, inCode) => !inCode && /\bcontributing\b|\bcontribuer\.md\b|\b(?:pull|merge) requests?\b|demandes? de fusion/i.test(text),
  },
]

/** Lower case without accents, so that "À propos" and "Démarrage" match plain patterns. */
function plain(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

/** A line without its markup: images and badges, links' targets, HTML tags, bare URLs. */
function withoutMarkup(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
}

function proseWords(line: string): number {
  return withoutMarkup(line).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/
const ASCIIDOC_HEADING = /^={1,6}\s+(.+)$/
const HTML_HEADING = /<h[1-6][^>]*>(.*?)<\/h[1-6]>/i
/** The underline of a Markdown setext or reStructuredText heading. */
const UNDERLINE = /^\s*([=\-~^"'`#*+])\1{2,}\s*$/
const FENCE = /^\s*(?:```|~~~)/
/** Characters of a line looked at: headings and install commands are short, and the patterns stay linear. */
const MAX_LINE = 1000

interface ReadmeLine {
  line: number
  text: string
  heading: string | null
  inCode: boolean
}

function readmeLines(text: string): ReadmeLine[] {
  const lines = text.split(/\r?\n/).map((line) => line.slice(0, MAX_LINE))
  let inCode = false
  return lines.map((raw, index) => {
    if (FENCE.test(raw)) {
      inCode = !inCode
      return { line: index + 1, text: raw, heading: null, inCode: true }
    }
    const next = lines[index + 1] ?? ''
    const heading = inCode
      ? null
      : (ATX_HEADING.exec(raw)?.[1] ??
        ASCIIDOC_HEADING.exec(raw)?.[1] ??
        HTML_HEADING.exec(raw)?.[1] ??
        (raw.trim() && !UNDERLINE.test(raw) && UNDERLINE.test(next) ? raw.trim() : null))
    return { line: index + 1, text: raw, heading, inCode }
  })
}

/**
 * The README says what the project does, how to install it and how to contribute (the policy's
 * README and CONTRIBUTING files), in French or in English.
 */
export const readmeRule: Rule = {
  id: 'readme',
  level: 'required',
  weight: 10,
  title: { en: 'README', fr: 'README' },
  async check(repository) {
    const file = repository.find(README_NAME).find((candidate) => candidate.size > 0)
    if (!file) {
      return failed(
        { en: 'The repository has no README.', fr: "Le dépôt n'a pas de README." },
        {
          en: 'Add a README.md at the root: what the software does and for whom, the administration that publishes it, how to install and run it, how to contribute (link to CONTRIBUTING.md).',
          fr: "Ajoutez un README.md à la racine : ce que fait le logiciel et pour qui, l'administration qui le publie, comment l'installer et le lancer, comment contribuer (lien vers CONTRIBUTING.md).",
        },
      )
    }
    const lines = readmeLines((await repository.text(file.path, README_BYTES)) ?? '')
    const found = new Map<Aspect, Evidence>()
    for (const aspect of ASPECTS) {
      const hit =
        lines.find((line) => line.heading !== null && aspect.heading.test(plain(withoutMarkup(line.heading)))) ??
        lines.find((line) => line.heading === null && aspect.line(line.text, line.inCode))
      if (hit) found.set(aspect, { file: file.path, line: hit.line })
    }
    const missing = ASPECTS.filter((aspect) => !found.has(aspect))
    const evidence = [...found.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    if (missing.length === 0) {
      return passed(
        { en: `${file.path} says what the project does, how to install it and how to contribute.`, fr: `${file.path} dit ce que fait le projet, comment l'installer et comment contribuer.` },
        evidence,
      )
    }
    const list = (language: keyof LocalisedText) => missing.map((aspect) => aspect.label[language]).join(', ')
    return failed(
      { en: `${file.path} does not say ${list('en')}.`, fr: `${file.path} ne dit pas ${list('fr')}.` },
      {
        en: `Add to ${file.path} a section for each: ${missing.map((aspect) => aspect.section.en).join('; ')}.`,
        fr: `Ajoutez à ${file.path} une section pour chacun : ${missing.map((aspect) => aspect.section.fr).join(' ; ')}.`,
      },
      evidence.length > 0 ? evidence : [{ file: file.path }],
    )
  },
}
