// The licences of the synthetic world: how each forge names them, and the opening of their text for
// LICENSE files (an excerpt is what the licence detector is built to recognise). `NOASSERTION` is
// GitHub's word for a licence file its detector (Licensee) does not recognise: here the Licence
// Ouverte and CeCILL-B, both common in French public code and unknown to Licensee.

export interface Licence {
  /** GitHub's `spdx_id` (GitHub keeps the short GPL ids: `GPL-3.0`, not `GPL-3.0-only`). */
  githubSpdxId: string
  /** Canonical SPDX id (what Gitea reports), null when unrecognised. */
  spdxId: string | null
  /** Licensee's key, shared by GitHub and GitLab (`other` when unrecognised). */
  key: string
  name: string
  nickname: string | null
}

export const LICENCES: Record<string, Licence> = {
  MIT: { githubSpdxId: 'MIT', spdxId: 'MIT', key: 'mit', name: 'MIT License', nickname: null },
  'Apache-2.0': { githubSpdxId: 'Apache-2.0', spdxId: 'Apache-2.0', key: 'apache-2.0', name: 'Apache License 2.0', nickname: null },
  'GPL-3.0': { githubSpdxId: 'GPL-3.0', spdxId: 'GPL-3.0-only', key: 'gpl-3.0', name: 'GNU General Public License v3.0', nickname: 'GNU GPLv3' },
  'AGPL-3.0': { githubSpdxId: 'AGPL-3.0', spdxId: 'AGPL-3.0-only', key: 'agpl-3.0', name: 'GNU Affero General Public License v3.0', nickname: 'GNU AGPLv3' },
  'LGPL-3.0': { githubSpdxId: 'LGPL-3.0', spdxId: 'LGPL-3.0-only', key: 'lgpl-3.0', name: 'GNU Lesser General Public License v3.0', nickname: 'GNU LGPLv3' },
  'EUPL-1.2': { githubSpdxId: 'EUPL-1.2', spdxId: 'EUPL-1.2', key: 'eupl-1.2', name: 'European Union Public License 1.2', nickname: null },
  'MPL-2.0': { githubSpdxId: 'MPL-2.0', spdxId: 'MPL-2.0', key: 'mpl-2.0', name: 'Mozilla Public License 2.0', nickname: null },
  'BSD-3-Clause': { githubSpdxId: 'BSD-3-Clause', spdxId: 'BSD-3-Clause', key: 'bsd-3-clause', name: 'BSD 3-Clause "New" or "Revised" License', nickname: null },
  'CECILL-2.1': { githubSpdxId: 'CECILL-2.1', spdxId: 'CECILL-2.1', key: 'cecill-2.1', name: 'CeCILL Free Software License Agreement v2.1', nickname: null },
  NOASSERTION: { githubSpdxId: 'NOASSERTION', spdxId: null, key: 'other', name: 'Other', nickname: null },
}

/** Share of each licence among repositories; `null`: no licence file at all. */
export const LICENCE_WEIGHTS: ReadonlyArray<readonly [string | null, number]> = [
  ['MIT', 24], ['AGPL-3.0', 11], ['Apache-2.0', 9], ['GPL-3.0', 8], ['EUPL-1.2', 7], ['LGPL-3.0', 2], ['MPL-2.0', 3],
  ['BSD-3-Clause', 3], ['CECILL-2.1', 3], ['NOASSERTION', 4], [null, 26],
]

/**
 * Openings of the licence texts (from the SPDX texts, wrapped as LICENSE files are), long enough for
 * a licence detector to recognise them as excerpts. `etalab-2.0` and `CECILL-B` are the texts behind
 * NOASSERTION. GPL-3.0's opening is not enough for Socle's detector, which tells it from LGPL-3.0
 * (whose SPDX text embeds the GPL) only on most of the text: like a real crawl, it finds GPL-3.0
 * repositories through the forge's licence field rather than the file.
 */
const OPENINGS: Record<string, string> = {
  'Apache-2.0': `Apache License
Version 2.0, January 2004
http://www.apache.org/licenses/

TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

1. Definitions.

"License" shall mean the terms and conditions for use, reproduction, and
distribution as defined by Sections 1 through 9 of this document.

"Licensor" shall mean the copyright owner or entity authorized by the
copyright owner that is granting the License.

"Legal Entity" shall mean the union of the acting entity and all other
entities that control, are controlled by, or are under common control with
that entity. For the purposes of this definition, "control" means (i) the
power, direct or indirect, to cause the direction or management of such
entity, whether by contract or otherwise, or (ii) ownership of fifty percent
(50%) or more of the outstanding shares, or (iii) beneficial ownership of
such entity.

"You" (or "Your") shall mean an individual or Legal Entity exercising
permissions granted by this License.

"Source" form shall mean the preferred form for making modifications,
including but not limited to software source code, documentation source, and
configuration files.

"Object" form shall mean any form resulting from mechanical transformation
or translation of a Source form, including but not limited to compiled
object code, generated documentation, and conversions to other media types.

"Work" shall mean the work of authorship, whether in Source or Object form,
made available under the License, as indicated by a copyright notice that is
included in or attached to the work (an example is provided in the Appendix
below).

"Derivative Works" shall mean any work, whether in Source or Object form,
that is based on (or derived from) the Work and for which the editorial
revisions, annotations, elaborations, or other modifications represent, as a
whole, an original work of authorship. For the purposes of this License,
Derivative Works shall not include works that remain separable from, or
merely link (or bind by name) to the interfaces of, the Work and Derivative
Works thereof.
`,
  'GPL-3.0': `GNU GENERAL PUBLIC LICENSE
Version 3, 29 June 2007

Copyright © 2007 Free Software Foundation, Inc. <https://fsf.org/>

Everyone is permitted to copy and distribute verbatim copies of this license
document, but changing it is not allowed.

Preamble

The GNU General Public License is a free, copyleft license for software and
other kinds of works.

The licenses for most software and other practical works are designed to
take away your freedom to share and change the works. By contrast, the GNU
General Public License is intended to guarantee your freedom to share and
change all versions of a program--to make sure it remains free software for
all its users. We, the Free Software Foundation, use the GNU General Public
License for most of our software; it applies also to any other work released
this way by its authors. You can apply it to your programs, too.

When we speak of free software, we are referring to freedom, not price. Our
General Public Licenses are designed to make sure that you have the freedom
to distribute copies of free software (and charge for them if you wish),
that you receive source code or can get it if you want it, that you can
change the software or use pieces of it in new free programs, and that you
know you can do these things.

To protect your rights, we need to prevent others from denying you these
rights or asking you to surrender the rights. Therefore, you have certain
responsibilities if you distribute copies of the software, or if you modify
it: responsibilities to respect the freedom of others.
`,
  'AGPL-3.0': `GNU AFFERO GENERAL PUBLIC LICENSE
Version 3, 19 November 2007

Copyright (C) 2007 Free Software Foundation, Inc. <http://fsf.org/>

Everyone is permitted to copy and distribute verbatim copies of this license
document, but changing it is not allowed.

                            Preamble

The GNU Affero General Public License is a free, copyleft license for
software and other kinds of works, specifically designed to ensure
cooperation with the community in the case of network server software.

The licenses for most software and other practical works are designed to
take away your freedom to share and change the works. By contrast, our
General Public Licenses are intended to guarantee your freedom to share and
change all versions of a program--to make sure it remains free software for
all its users.

When we speak of free software, we are referring to freedom, not price. Our
General Public Licenses are designed to make sure that you have the freedom
to distribute copies of free software (and charge for them if you wish),
that you receive source code or can get it if you want it, that you can
change the software or use pieces of it in new free programs, and that you
know you can do these things.

Developers that use our General Public Licenses protect your rights with two
steps: (1) assert copyright on the software, and (2) offer you this License
which gives you legal permission to copy, distribute and/or modify the
software.

A secondary benefit of defending all users' freedom is that improvements
made in alternate versions of the program, if they receive widespread use,
become available for other developers to incorporate. Many developers of
free software are heartened and encouraged by the resulting cooperation.
However, in the case of software used on network servers, this result may
fail to come about. The GNU General Public License permits making a modified
version and letting the public access it on a server without ever releasing
its source code to the public.
`,
  'LGPL-3.0': `GNU LESSER GENERAL PUBLIC LICENSE
Version 3, 29 June 2007

Copyright (C) 2007 Free Software Foundation, Inc. <http://fsf.org/>

Everyone is permitted to copy and distribute verbatim copies of this license
document, but changing it is not allowed.

This version of the GNU Lesser General Public License incorporates the terms
and conditions of version 3 of the GNU General Public License, supplemented
by the additional permissions listed below.

0. Additional Definitions.

As used herein, "this License" refers to version 3 of the GNU Lesser General
Public License, and the "GNU GPL" refers to version 3 of the GNU General
Public License.

"The Library" refers to a covered work governed by this License, other than
an Application or a Combined Work as defined below.

An "Application" is any work that makes use of an interface provided by the
Library, but which is not otherwise based on the Library. Defining a
subclass of a class defined by the Library is deemed a mode of using an
interface provided by the Library.

A "Combined Work" is a work produced by combining or linking an Application
with the Library. The particular version of the Library with which the
Combined Work was made is also called the "Linked Version".

The "Minimal Corresponding Source" for a Combined Work means the
Corresponding Source for the Combined Work, excluding any source code for
portions of the Combined Work that, considered in isolation, are based on
the Application, and not on the Linked Version.

The "Corresponding Application Code" for a Combined Work means the object
code and/or source code for the Application, including any data and utility
programs needed for reproducing the Combined Work from the Application, but
excluding the System Libraries of the Combined Work.
`,
  'EUPL-1.2': `EUROPEAN UNION PUBLIC LICENCE v. 1.2
EUPL © the European Union 2007, 2016

This European Union Public Licence (the ‘EUPL’) applies to the Work (as
defined below) which is provided under the
terms of this Licence. Any use of the Work, other than as authorised under
this Licence is prohibited (to the extent such
use is covered by a right of the copyright holder of the Work).
The Work is provided under the terms of this Licence when the Licensor (as
defined below) has placed the following
notice immediately following the copyright notice for the Work:
                          Licensed under the EUPL
or has expressed by any other means his willingness to license under the EUPL.

1.Definitions
In this Licence, the following terms have the following meaning:
— ‘The Licence’:this Licence.
— ‘The Original Work’:the work or software distributed or communicated by
the Licensor under this Licence, available
as Source Code and also as Executable Code as the case may be.
— ‘Derivative Works’:the works or software that could be created by the
Licensee, based upon the Original Work or
modifications thereof. This Licence does not define the extent of
modification or dependence on the Original Work
required in order to classify a work as a Derivative Work; this extent is
determined by copyright law applicable in
the country mentioned in Article 15.
— ‘The Work’:the Original Work or its Derivative Works.
— ‘The Source Code’:the human-readable form of the Work which is the most
convenient for people to study and
modify.
— ‘The Executable Code’:any code which has generally been compiled and which
is meant to be interpreted by
a computer as a program.
— ‘The Licensor’:the natural or legal person that distributes or
communicates the Work under the Licence.
— ‘Contributor(s)’:any natural or legal person who modifies the Work under
the Licence, or otherwise contributes to
the creation of a Derivative Work.
— ‘The Licensee’ or ‘You’:any natural or legal person who makes any usage of
the Work under the terms of the
Licence.
— ‘Distribution’ or ‘Communication’:any act of selling, giving, lending,
renting, distributing, communicating,
transmitting, or otherwise making available, online or offline, copies of
the Work or providing access to its essential
functionalities at the disposal of any other natural or legal person.
`,
  'MPL-2.0': `Mozilla Public License Version 2.0
==================================

1. Definitions
--------------

1.1. "Contributor"
    means each individual or legal entity that creates, contributes to
    the creation of, or owns Covered Software.

1.2. "Contributor Version"
    means the combination of the Contributions of others (if any) used
    by a Contributor and that particular Contributor's Contribution.

1.3. "Contribution"
    means Covered Software of a particular Contributor.

1.4. "Covered Software"
    means Source Code Form to which the initial Contributor has attached
    the notice in Exhibit A, the Executable Form of such Source Code
    Form, and Modifications of such Source Code Form, in each case
    including portions thereof.

1.5. "Incompatible With Secondary Licenses"
    means

    (a) that the initial Contributor has attached the notice described
        in Exhibit B to the Covered Software; or

    (b) that the Covered Software was made available under the terms of
        version 1.1 or earlier of the License, but not also under the
        terms of a Secondary License.

1.6. "Executable Form"
    means any form of the work other than Source Code Form.

1.7. "Larger Work"
    means a work that combines Covered Software with other material, in 
    a separate file or files, that is not Covered Software.

1.8. "License"
    means this document.

1.9. "Licensable"
    means having the right to grant, to the maximum extent possible,
    whether at the time of the initial grant or subsequently, any and
    all of the rights conveyed by this License.

1.10. "Modifications"
    means any of the following:

    (a) any file in Source Code Form that results from an addition to,
        deletion from, or modification of the contents of Covered
        Software; or

    (b) any new file in Source Code Form that contains any Covered
        Software.
`,
  'CECILL-2.1': `CeCILL FREE SOFTWARE LICENSE AGREEMENT

Version 2.1 dated 2013-06-21

    Notice

This Agreement is a Free Software license agreement that is the result
of discussions between its authors in order to ensure compliance with
the two main principles guiding its drafting:

  * firstly, compliance with the principles governing the distribution
    of Free Software: access to source code, broad rights granted to users,
  * secondly, the election of a governing law, French law, with which it
    is conformant, both as regards the law of torts and intellectual
    property law, and the protection that it offers to both authors and
    holders of the economic rights over software.

The authors of the CeCILL (for Ce[a] C[nrs] I[nria] L[ogiciel] L[ibre])
license are:

Commissariat à l'énergie atomique et aux énergies alternatives - CEA, a
public scientific, technical and industrial research establishment,
having its principal place of business at 25 rue Leblanc, immeuble Le
Ponant D, 75015 Paris, France.

Centre National de la Recherche Scientifique - CNRS, a public scientific
and technological establishment, having its principal place of business
at 3 rue Michel-Ange, 75794 Paris cedex 16, France.

Institut National de Recherche en Informatique et en Automatique -
Inria, a public scientific and technological establishment, having its
principal place of business at Domaine de Voluceau, Rocquencourt, BP
105, 78153 Le Chesnay cedex, France.

    Preamble

The purpose of this Free Software license agreement is to grant users
the right to modify and redistribute the software governed by this
license within the framework of an open source distribution model.

The exercising of this right is conditional upon certain obligations for
users so as to preserve this status for all subsequent redistributions.
`,
  'etalab-2.0': `LICENCE OUVERTE / OPEN LICENCE
===================================================================

- Version 2.0
- Avril 2017

« RÉUTILISATION » DE L’« INFORMATION » SOUS CETTE LICENCE
-------------------------------------------------------------------

Le « Concédant » concède au « Réutilisateur » un droit non exclusif et gratuit
de libre « Réutilisation » de l’« Information » objet de la présente licence,
à des fins commerciales ou non, dans le monde entier et pour une durée
illimitée, dans les conditions exprimées ci-dessous.

Le « Réutilisateur » est libre de réutiliser l’« Information » :

- de la reproduire, la copier,
- de l’adapter, la modifier, l’extraire et la transformer, pour créer des
« Informations dérivées », des produits ou des services,
- de la communiquer, la diffuser, la redistribuer, la publier et la transmettre,
- de l’exploiter à titre commercial, par exemple en la combinant avec d’autres
informations, ou en l’incluant dans son propre produit ou application.

Sous réserve de :

- mentionner la paternité de l’« Information » : sa source (au moins le nom du
« Concédant ») et la date de dernière mise à jour de l’« Information »
réutilisée.

Le « Réutilisateur » peut notamment s’acquitter de cette condition en renvoyant,
par un lien hypertexte, vers la source de « l’Information » et assurant une
mention effective de sa paternité.

Par exemple :

« Ministère de xxx - Données originales téléchargées sur
http://www.data.gouv.fr/fr/datasets/xxx/, mise à jour du 14 février 2017 ».

Cette mention de paternité ne confère aucun caractère officiel à la
« Réutilisation » de l’« Information », et ne doit pas suggérer une quelconque
reconnaissance ou caution par le « Concédant », ou par toute autre entité
publique, du « Réutilisateur » ou de sa « Réutilisation ».
`,
  'CECILL-B': `CeCILL-B FREE SOFTWARE LICENSE AGREEMENT

    Notice

This Agreement is a Free Software license agreement that is the result
of discussions between its authors in order to ensure compliance with
the two main principles guiding its drafting:

    * firstly, compliance with the principles governing the distribution
      of Free Software: access to source code, broad rights granted to
      users,
    * secondly, the election of a governing law, French law, with which
      it is conformant, both as regards the law of torts and
      intellectual property law, and the protection that it offers to
      both authors and holders of the economic rights over software.

The authors of the CeCILL-B (for Ce[a] C[nrs] I[nria] L[ogiciel] L[ibre])
license are:

Commissariat à l'Energie Atomique - CEA, a public scientific, technical
and industrial research establishment, having its principal place of
business at 25 rue Leblanc, immeuble Le Ponant D, 75015 Paris, France.

Centre National de la Recherche Scientifique - CNRS, a public scientific
and technological establishment, having its principal place of business
at 3 rue Michel-Ange, 75794 Paris cedex 16, France.

Institut National de Recherche en Informatique et en Automatique -
INRIA, a public scientific and technological establishment, having its
principal place of business at Domaine de Voluceau, Rocquencourt, BP
105, 78153 Le Chesnay cedex, France.

    Preamble

This Agreement is an open source software license intended to give users
significant freedom to modify and redistribute the software licensed
hereunder.

The exercising of this freedom is conditional upon a strong obligation
of giving credits for everybody that distributes a software
incorporating a software ruled by the current license so as all
contributions to be properly identified and acknowledged.
`,
}

/** The text of a LICENSE file; `holder` and `year` fill the copyright lines of MIT and BSD. */
export function licenceText(id: string, holder: string, year: number, variant: number): string {
  switch (id) {
    case 'MIT':
      return `MIT License

Copyright (c) ${year} ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`
    case 'BSD-3-Clause':
      return `Copyright (c) ${year}, ${holder}

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice,
this list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
this list of conditions and the following disclaimer in the documentation
and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
contributors may be used to endorse or promote products derived from this
software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE
LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR
CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS
INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN
CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE)
ARISING IN ANY WAY OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE
POSSIBILITY OF SUCH DAMAGE.
`
    case 'NOASSERTION':
      return OPENINGS[variant % 2 === 0 ? 'etalab-2.0' : 'CECILL-B']!
    default: {
      const opening = OPENINGS[id]
      if (!opening) throw new Error(`no text for licence ${id}`)
      return opening
    }
  }
}
