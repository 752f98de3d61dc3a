import { failed, passed, type Rule } from '../rule.ts'
import { lineFinder } from '../snapshot.ts'
import { documentName } from './document-names.ts'

const SECURITY_NAME = documentName('security')

/**
 * The policy asks for an identified person in charge of security, reachable at an address third
 * parties can write to: a SECURITY file (or security.txt), or a maintainer's e-mail address in
 * publiccode.yml.
 */
export const securityContactRule: Rule = {
  id: 'security-contact',
  level: 'recommended',
  weight: 5,
  title: { en: 'Security contact', fr: 'Contact sécurité' },
  async check(repository) {
    const file = [...repository.find(SECURITY_NAME), ...repository.find(/^security\.txt$/, ['.well-known'])].find((candidate) => candidate.size > 0)
    if (file) return passed({ en: `Security policy: ${file.path}.`, fr: `Politique de sécurité : ${file.path}.` }, [{ file: file.path }])

    const publicCode = await repository.publicCode()
    const maintenance = publicCode?.result.document?.maintenance
    const email = [...(maintenance?.contacts ?? []), ...(maintenance?.contractors ?? [])].find((contact) => contact.email)?.email
    if (publicCode && email) {
      const offset = publicCode.text.indexOf(email)
      return passed(
        { en: `Maintenance contact in ${publicCode.path}.`, fr: `Contact de maintenance dans ${publicCode.path}.` },
        [{ file: publicCode.path, ...(offset === -1 ? {} : { line: lineFinder(publicCode.text)(offset) }) }],
      )
    }
    return failed(
      { en: 'No security contact: no SECURITY file, no maintenance e-mail address in publiccode.yml.', fr: "Pas de contact sécurité : ni fichier SECURITY, ni adresse électronique de maintenance dans publiccode.yml." },
      {
        en: 'Add a SECURITY.md saying how to report a vulnerability privately (a dedicated address, e.g. security@… of the administration) and which versions get fixes; or give maintenance.contacts[].email in publiccode.yml.',
        fr: 'Ajoutez un SECURITY.md indiquant comment signaler une vulnérabilité de façon confidentielle (une adresse dédiée, par exemple securite@… de l\'administration) et quelles versions sont corrigées ; ou renseignez maintenance.contacts[].email dans publiccode.yml.',
      },
    )
  },
}
