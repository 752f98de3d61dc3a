import { failed, notApplicable, passed, type Rule } from '../rule.ts'
import { lineFinder } from '../snapshot.ts'
import { CONTRIBUTING_NAME, documentName } from './document-names.ts'

const DCO_FILE = documentName('dco(?:[-_]fr)?')
/** What a contribution guide says when it asks for a sign-off. */
const SIGN_OFF = /\bDCO\b|developer(?:'s|’s)? certificate of origin|certificat d['’]origine|signed-off-by|--signoff|\bsign[- ]off\b|git commit -s\b/i
const GUIDE_BYTES = 256 * 1024

/**
 * The policy recommends a Developer's Certificate of Origin for the contributions a project
 * accepts: its guide says so, or a DCO file sits at the root.
 */
export const dcoRule: Rule = {
  id: 'dco',
  level: 'recommended',
  weight: 3,
  title: { en: 'Developer Certificate of Origin', fr: "Certificat d'origine du développeur (DCO)" },
  async check(repository) {
    const dcoFile = repository.find(DCO_FILE, ['']).find((file) => file.size > 0)
    if (dcoFile) return passed({ en: `DCO: ${dcoFile.path}.`, fr: `DCO : ${dcoFile.path}.` }, [{ file: dcoFile.path }])
    const guide = repository.find(CONTRIBUTING_NAME).find((file) => file.size > 0)
    if (!guide) return notApplicable({ en: 'No contribution guide: the sign-off is checked once it exists.', fr: 'Pas de guide de contribution : la signature sera vérifiée quand il existera.' })
    const text = (await repository.text(guide.path, GUIDE_BYTES)) ?? ''
    const offset = text.search(SIGN_OFF)
    if (offset !== -1) {
      return passed({ en: `${guide.path} asks for a sign-off.`, fr: `${guide.path} demande une signature.` }, [{ file: guide.path, line: lineFinder(text)(offset) }])
    }
    return failed(
      { en: `${guide.path} does not ask contributors to certify the origin of their work (DCO).`, fr: `${guide.path} ne demande pas aux contributeurs de certifier l'origine de leur travail (DCO).` },
      {
        en: `State in ${guide.path} that every commit must be signed off under the Developer Certificate of Origin (https://developercertificate.org/) with \`git commit --signoff\`, which adds a Signed-off-by line.`,
        fr: `Indiquez dans ${guide.path} que chaque commit doit être signé selon le certificat d'origine du développeur (DCO, traduction française : https://github.com/DISIC/politique-de-contribution-open-source/blob/master/DCO-fr.txt) avec \`git commit --signoff\`, qui ajoute une ligne Signed-off-by.`,
      },
      [{ file: guide.path }],
    )
  },
}
