import type { LocalisedText, RuleLevel } from '../report.ts'
import { failed, passed, type Rule } from '../rule.ts'
import { CONTRIBUTING_NAME, documentName } from './document-names.ts'

const CONDUCT_NAME = documentName('code[-_ ]?of[-_ ]?conduct|conduct|code[-_ ]?de[-_ ]?conduite')

/** A rule passed by a non-empty file of that name at the root, in .github, docs or .gitlab. */
function communityFileRule(definition: { id: string; level: RuleLevel; weight: number; title: LocalisedText; name: RegExp; missing: LocalisedText; fix: LocalisedText }): Rule {
  const { name, missing, fix, ...rule } = definition
  return {
    ...rule,
    async check(repository) {
      const file = repository.find(name).find((candidate) => candidate.size > 0)
      if (!file) return failed(missing, fix)
      return passed({ en: `${rule.title.en}: ${file.path}.`, fr: `${rule.title.fr} : ${file.path}.` }, [{ file: file.path }])
    },
  }
}

export const contributingRule = communityFileRule({
  id: 'contributing',
  level: 'required',
  weight: 10,
  title: { en: 'Contribution guide', fr: 'Guide de contribution' },
  name: CONTRIBUTING_NAME,
  missing: { en: 'No CONTRIBUTING file says how to take part.', fr: 'Aucun fichier CONTRIBUTING ne dit comment participer.' },
  fix: {
    en: 'Add a CONTRIBUTING.md at the root: how to report a problem, propose a change (branches, review, tests), the licence contributions are made under and the sign-off (DCO) asked of them.',
    fr: 'Ajoutez un CONTRIBUTING.md à la racine : comment signaler un problème, proposer une modification (branches, revue, tests), la licence des contributions et la signature (DCO) demandée.',
  },
})

export const codeOfConductRule = communityFileRule({
  id: 'code-of-conduct',
  level: 'recommended',
  weight: 4,
  title: { en: 'Code of conduct', fr: 'Code de conduite' },
  name: CONDUCT_NAME,
  missing: { en: 'No code of conduct sets the rules of the community.', fr: 'Aucun code de conduite ne fixe les règles de la communauté.' },
  fix: {
    en: 'Add a CODE_OF_CONDUCT.md at the root, for instance the Contributor Covenant (https://www.contributor-covenant.org/), with the address to write to when it is not respected.',
    fr: 'Ajoutez un CODE_OF_CONDUCT.md à la racine, par exemple le Contributor Covenant (https://www.contributor-covenant.org/fr/), avec l\'adresse à qui écrire en cas de manquement.',
  },
})
