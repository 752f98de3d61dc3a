import { SPDX_IDS } from './expression.ts'
import { phraseText } from './text.ts'

/**
 * Licences recognised by distinctive phrases rather than by comparing whole texts:
 *
 * - CeCILL and the Etalab Open Licence, in French and in English. Both languages are official
 *   (CeCILL: "les deux versions linguistiques ayant même valeur juridique") but the SPDX list holds
 *   one: English for CeCILL 2.0, 2.1, B and C, French for the Open Licence 2.0. Each variant is named
 *   by its title, by the preamble sentence that differs between variants and, for CeCILL 2.x, by a
 *   marker of the version; all of them sit in the first paragraphs, so a text cut after its preamble
 *   is still recognised, in either language;
 * - the standard notices that place a file under a licence without quoting it: the GNU notice
 *   ("… either version 2 of the License, or (at your option) any later version"), the Apache-2.0 and
 *   MPL-2.0 file headers, and the CeCILL-B / CeCILL-C ones (the plain CeCILL header names no version,
 *   so it maps to nothing).
 */

interface Signature {
  id: string
  /** Every group must be found; a group is found when any one of its phrases is. */
  groups: readonly (readonly string[])[]
}

// A phrase is matched on whole words, so the CeCILL title below is also found in "… CeCILL-B": the
// preamble group is what tells the variants apart.
const CECILL_TITLE = ['contrat de licence de logiciel libre CeCILL', 'CeCILL free software license agreement']
const CECILL_2_PREAMBLE = [
  "conférer aux utilisateurs la liberté de modification et de redistribution du logiciel régi par cette licence dans le cadre d'un modèle de diffusion en logiciel libre",
  'grant users the right to modify and redistribute the software governed by this license within the framework of an open source distribution model',
]

const SIGNATURES: readonly Signature[] = [
  {
    id: 'CECILL-2.1',
    groups: [
      CECILL_TITLE,
      CECILL_2_PREAMBLE,
      ['version 2.1 du 2013-06-21', 'version 2.1 dated 2013-06-21', 'énergies alternatives'],
    ],
  },
  {
    id: 'CECILL-2.0',
    groups: [
      CECILL_TITLE,
      CECILL_2_PREAMBLE,
      ['version 2.0 du 2006-09-05', 'version 2.0 dated 2006-09-05', "Commissariat à l'Energie Atomique - CEA"],
    ],
  },
  {
    id: 'CECILL-B',
    groups: [
      ['contrat de licence de logiciel libre CeCILL-B', 'CeCILL-B free software license agreement'],
      [
        'conférer aux utilisateurs une très large liberté de modification et de redistribution du logiciel',
        'intended to give users significant freedom to modify and redistribute the software',
      ],
    ],
  },
  {
    id: 'CECILL-C',
    groups: [
      ['contrat de licence de logiciel libre CeCILL-C', 'CeCILL-C free software license agreement'],
      [
        'conférer aux utilisateurs la liberté de modifier et de réutiliser le logiciel',
        'grant users the right to modify and re-use the software',
      ],
    ],
  },
  {
    id: 'etalab-2.0',
    groups: [
      [
        'Le « Concédant » concède au « Réutilisateur » un droit non exclusif et gratuit de libre « Réutilisation »',
        'The "Grantor" grants the "Reuser" the free, non-exclusive right to "Reuse"',
      ],
      ['version 2.0', 'licence ouverte 2.0', 'open licence 2.0'],
    ],
  },
  {
    id: 'Apache-2.0',
    groups: [['Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance with the License']],
  },
  {
    id: 'MPL-2.0',
    groups: [['This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0']],
  },
  { id: 'CECILL-B', groups: [['governed by the CeCILL-B license under French law', 'régi par la licence CeCILL-B']] },
  { id: 'CECILL-C', groups: [['governed by the CeCILL-C license under French law', 'régi par la licence CeCILL-C']] },
].map(({ id, groups }) => ({ id, groups: groups.map((group) => group.map(phraseText)) }))

/** The GNU notice, on normalised words: family, version (words "2 1" for 2.1) and "or later". */
const GNU_NOTICE =
  / under the terms of the (?:gnu )?(lesser |library |affero )?general public license (?:as published by the free software foundation )?(?:either )?version (\d)(?: (\d))? (?:of the license )?(or at your option any later version)?/g

const GNU_FAMILY: Readonly<Record<string, string>> = { '': 'GPL', 'lesser ': 'LGPL', 'library ': 'LGPL', 'affero ': 'AGPL' }

export interface GnuNotice {
  id: string
  orLater: boolean
}

/** Every GNU notice of a normalised text (see phraseText), with the SPDX id it names. */
export function gnuNotices(words: string): GnuNotice[] {
  const notices: GnuNotice[] = []
  for (const match of words.matchAll(GNU_NOTICE)) {
    const family = GNU_FAMILY[match[1] ?? '']
    const orLater = match[4] !== undefined
    const id = `${family}-${match[2]}.${match[3] ?? '0'}-${orLater ? 'or-later' : 'only'}`
    if (SPDX_IDS.has(id)) notices.push({ id, orLater })
  }
  return notices
}

/** Licences named by the signatures above in a normalised text (see phraseText). */
export function signatureMatches(words: string): string[] {
  return [
    ...new Set(
      SIGNATURES.filter(({ groups }) => groups.every((group) => group.some((phrase) => words.includes(phrase)))).map(
        ({ id }) => id,
      ),
    ),
  ]
}
