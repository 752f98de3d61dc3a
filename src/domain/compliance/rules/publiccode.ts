import { failed, passed, type Rule } from '../rule.ts'

const EDITOR = 'https://publiccode-editor.developers.italia.it/'
/** Errors shown as evidence; the message counts them all. */
const SHOWN_ERRORS = 10

/** code.gouv.fr lists the repositories that describe themselves with a publiccode.yml at their root. */
export const publicCodeRule: Rule = {
  id: 'publiccode',
  level: 'recommended',
  weight: 8,
  title: { en: 'Valid publiccode.yml', fr: 'publiccode.yml valide' },
  async check(repository) {
    const publicCode = await repository.publicCode()
    if (!publicCode) {
      return failed(
        { en: 'No publiccode.yml at the root of the repository.', fr: 'Pas de publiccode.yml à la racine du dépôt.' },
        {
          en: `Add a publiccode.yml at the root describing the software (name, description, licence, maintenance), for instance with the editor ${EDITOR}, then check it with \`socle publiccode validate publiccode.yml\`.`,
          fr: `Ajoutez à la racine un publiccode.yml décrivant le logiciel (nom, description, licence, maintenance), par exemple avec l'éditeur ${EDITOR}, puis vérifiez-le avec \`socle publiccode validate publiccode.yml\`.`,
        },
      )
    }
    const { path, result } = publicCode
    if (result.valid) {
      return passed({ en: `${path} is valid (version ${result.version}).`, fr: `${path} est valide (version ${result.version}).` }, [{ file: path }])
    }
    const evidence = result.errors.slice(0, SHOWN_ERRORS).map((issue) => ({
      file: path,
      ...(issue.line === null ? {} : { line: issue.line }),
      excerpt: issue.key ? `${issue.key}: ${issue.message}` : issue.message,
    }))
    const count = result.errors.length
    return failed(
      { en: `${path} is invalid: ${count} error(s).`, fr: `${path} est invalide : ${count} erreur(s).` },
      {
        en: `Correct the errors listed (run \`socle publiccode validate ${path}\` to see them all), following the standard https://yml.publiccode.tools/.`,
        fr: `Corrigez les erreurs indiquées (\`socle publiccode validate ${path}\` les affiche toutes), en suivant le standard https://yml.publiccode.tools/.`,
      },
      evidence,
    )
  },
}
