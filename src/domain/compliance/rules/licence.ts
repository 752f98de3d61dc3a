import { gnuId, leaves, parseExpression } from '../../licences/expression.ts'
import { AUTHORISED_LICENCES, isAuthorised, normaliseLicence } from '../../licences/index.ts'
import type { LicenceFile } from '../facts.ts'
import type { LocalisedText } from '../report.ts'
import { failed, notApplicable, passed, type Rule } from '../rule.ts'
import { lineFinder } from '../snapshot.ts'

const LICENCES_PAGE = 'https://www.data.gouv.fr/fr/pages/legal/licences/'
const listed = (scope: 'software' | 'information') =>
  AUTHORISED_LICENCES.filter((licence) => licence.scope === scope).map((licence) => licence.id).join(', ')

const ADD_LICENCE: LocalisedText = {
  en: `Add a LICENSE file at the root of the repository with the full, unmodified text of a licence authorised for administrations: ${listed('software')} for code (${LICENCES_PAGE}).`,
  fr: `Ajoutez à la racine du dépôt un fichier LICENSE contenant le texte intégral et non modifié d'une licence autorisée pour les administrations : ${listed('software')} pour du code (${LICENCES_PAGE}).`,
}

const paths = (files: readonly LicenceFile[]) => files.map((file) => file.path).join(', ')

export const licenceFileRule: Rule = {
  id: 'licence-file',
  level: 'required',
  weight: 10,
  title: { en: 'Licence file', fr: 'Fichier de licence' },
  async check(repository) {
    const files = await repository.licenceFiles()
    if (files.length === 0) {
      return failed({ en: 'The repository has no licence file (LICENSE, COPYING or a LICENSES folder).', fr: "Le dépôt n'a pas de fichier de licence (LICENSE, COPYING ou dossier LICENSES)." }, ADD_LICENCE)
    }
    return passed({ en: `Licence file: ${paths(files)}.`, fr: `Fichier de licence : ${paths(files)}.` }, files.map(({ path }) => ({ file: path })))
  },
}

/** Documents and data of a repository may be under the licences of information (etalab-2.0, ODbL-1.0). */
function authorisation(expression: string): { authorised: boolean; reason: string } {
  const software = isAuthorised(expression, 'software')
  if (software.authorised) return software
  const information = isAuthorised(expression, 'information')
  return information.authorised ? information : software
}

/**
 * Each licence file applies to the work (or, in a LICENSES folder, to some of its files), so each
 * must hold a licence that CRPA art. D323-2-1 authorises, for software or for information.
 */
export const authorisedLicenceRule: Rule = {
  id: 'licence-authorised',
  level: 'required',
  weight: 20,
  title: { en: 'Authorised licence', fr: 'Licence autorisée' },
  async check(repository) {
    const files = await repository.licenceFiles()
    if (files.length === 0) {
      return failed({ en: 'No licence file, so no licence can be recognised.', fr: 'Sans fichier de licence, aucune licence ne peut être reconnue.' }, ADD_LICENCE)
    }
    const recognised = files.filter((file): file is LicenceFile & { expression: string } => file.expression !== null)
    if (recognised.length === 0) {
      return failed(
        { en: `The text of ${paths(files)} is not recognised as a licence.`, fr: `Le texte de ${paths(files)} n'est pas reconnu comme une licence.` },
        {
          en: `Replace the content of ${paths(files)} with the unmodified text of an authorised licence (${listed('software')}), as published on https://spdx.org/licenses/.`,
          fr: `Remplacez le contenu de ${paths(files)} par le texte non modifié d'une licence autorisée (${listed('software')}), tel que publié sur https://spdx.org/licenses/.`,
        },
        files.map(({ path }) => ({ file: path })),
      )
    }
    const refused = recognised.filter((file) => !authorisation(file.expression).authorised)
    const evidence = (refused.length > 0 ? refused : recognised).map(({ path, expression }) => ({ file: path, excerpt: expression }))
    if (refused.length > 0) {
      const found = refused.map((file) => `${file.path}: ${file.expression}`).join('; ')
      return failed(
        {
          en: `Not a licence authorised for administrations (CRPA art. D323-2-1): ${refused.map((file) => `${file.path}: ${authorisation(file.expression).reason}`).join('; ')}.`,
          fr: `Licence non autorisée pour les administrations (CRPA art. D323-2-1) : ${found}.`,
        },
        {
          en: `Publish under an authorised licence: ${listed('software')} for code, ${listed('information')} for documents and data (${LICENCES_PAGE}). Any other licence needs a homologation (CRPA art. D323-2-2).`,
          fr: `Publiez sous une licence autorisée : ${listed('software')} pour du code, ${listed('information')} pour des documents et des données (${LICENCES_PAGE}). Toute autre licence doit être homologuée (CRPA art. D323-2-2).`,
        },
        evidence,
      )
    }
    const found = recognised.map((file) => `${file.expression} (${file.path})`).join(', ')
    return passed({ en: `Authorised licence: ${found}.`, fr: `Licence autorisée : ${found}.` }, evidence)
  },
}

/** The licences an expression names, GNU ones by family and version (`-only` and `-or-later` share one text). */
function licenceIds(expression: string): Set<string> | null {
  const normalised = normaliseLicence(expression).expression
  const parsed = normalised ? parseExpression(normalised) : null
  if (!parsed) return null
  return new Set(leaves(parsed).map(({ license }) => {
    const gnu = gnuId(license)
    return gnu ? `${gnu.family}-${gnu.version}` : license
  }))
}

function sameLicences(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id))
}

/**
 * The licence publiccode.yml declares (legal.license) names the licences the licence files hold.
 * Only the licences are compared, not how they combine: two files LICENSE-MIT and LICENSE-APACHE
 * agree with `MIT OR Apache-2.0`.
 */
export const publicCodeLicenceRule: Rule = {
  id: 'publiccode-licence',
  level: 'recommended',
  weight: 4,
  title: { en: 'Licence of publiccode.yml agrees with the licence file', fr: 'Licence de publiccode.yml conforme au fichier de licence' },
  async check(repository) {
    const publicCode = await repository.publicCode()
    const declared = publicCode?.result.document?.legal.license
    if (!publicCode || !declared) {
      return notApplicable({ en: 'No valid publiccode.yml declares a licence.', fr: 'Aucun publiccode.yml valide ne déclare de licence.' })
    }
    const files = (await repository.licenceFiles()).filter((file) => file.expression !== null)
    if (files.length === 0) {
      return notApplicable({ en: 'No licence is recognised in a licence file to compare with.', fr: 'Aucune licence reconnue dans un fichier de licence pour comparer.' })
    }
    const detected = files.map((file) => file.expression).join(' AND ')
    const offset = publicCode.text.search(/^[ \t]+license[ \t]*:/m)
    const evidence = [{ file: publicCode.path, ...(offset === -1 ? {} : { line: lineFinder(publicCode.text)(offset) }), excerpt: declared }, ...files.map(({ path }) => ({ file: path }))]
    const declaredIds = licenceIds(declared)
    const detectedIds = licenceIds(detected)
    if (declaredIds && detectedIds && sameLicences(declaredIds, detectedIds)) {
      return passed({ en: `publiccode.yml declares ${declared}, as the licence files say.`, fr: `publiccode.yml déclare ${declared}, comme les fichiers de licence.` }, evidence)
    }
    return failed(
      { en: `publiccode.yml declares ${declared}, but the licence files hold ${detected}.`, fr: `publiccode.yml déclare ${declared}, mais les fichiers de licence contiennent ${detected}.` },
      {
        en: `Set legal.license in ${publicCode.path} to the SPDX expression of the licence files (${detected}), or change the licence files if the declaration is the right one.`,
        fr: `Indiquez dans legal.license de ${publicCode.path} l'expression SPDX des fichiers de licence (${detected}), ou changez les fichiers de licence si la déclaration est la bonne.`,
      },
      evidence,
    )
  },
}
