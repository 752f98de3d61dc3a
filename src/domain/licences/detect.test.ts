import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { combineLicences } from './combine.ts'
import { DETECTION_THRESHOLD, detectLicence } from './detect.ts'

const spdxTexts: Readonly<Record<string, { licenseText: string }>> = createRequire(import.meta.url)('spdx-license-list/full')
const spdxText = (id: string): string => spdxTexts[id]?.licenseText ?? ''

// Openings of the CeCILL licences (title, notice, preamble), as they start real LICENCE files.
const CECILL_21_FR = `CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL

Version 2.1 du 2013-06-21

    Avertissement

Ce contrat est une licence de logiciel libre issue d'une concertation
entre ses auteurs afin que le respect de deux grands principes préside à
sa rédaction:

  * d'une part, le respect des principes de diffusion des logiciels
    libres: accès au code source, droits étendus conférés aux utilisateurs,
  * d'autre part, la désignation d'un droit applicable, le droit
    français, auquel elle est conforme, tant au regard du droit de la
    responsabilité civile que du droit de la propriété intellectuelle et
    de la protection qu'il offre aux auteurs et titulaires des droits
    patrimoniaux sur un logiciel.

Les auteurs de la licence CeCILL (Ce[a] C[nrs] I[nria] L[ogiciel] L[ibre])
sont:

Commissariat à l'énergie atomique et aux énergies alternatives - CEA,
établissement public de recherche à caractère scientifique, technique et
industriel, dont le siège est situé 25 rue Leblanc, immeuble Le Ponant
D, 75015 Paris.

    Préambule

Ce contrat est une licence de logiciel libre dont l'objectif est de
conférer aux utilisateurs la liberté de modification et de
redistribution du logiciel régi par cette licence dans le cadre d'un
modèle de diffusion en logiciel libre.
`

const CECILL_B_FR = `CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL-B

    Avertissement

Ce contrat est une licence de logiciel libre issue d'une concertation
entre ses auteurs afin que le respect de deux grands principes préside à
sa rédaction.

    Préambule

Ce contrat est une licence de logiciel libre dont l'objectif est de
conférer aux utilisateurs une très large liberté de modification et de
redistribution du logiciel régi par cette licence.

L'exercice de cette liberté est assorti d'une obligation forte de
citation à la charge de ceux qui distribueraient un logiciel incorporant
un logiciel régi par la présente licence afin d'assurer que les
contributions de tous soient correctement identifiées et reconnues.
`

const CECILL_C_FR = `CONTRAT DE LICENCE DE LOGICIEL LIBRE CeCILL-C

    Avertissement

Ce contrat est une licence de logiciel libre issue d'une concertation
entre ses auteurs afin que le respect de deux grands principes préside à
sa rédaction.

    Préambule

Ce contrat est une licence de logiciel libre dont l'objectif est de
conférer aux utilisateurs la liberté de modifier et de réutiliser le
logiciel régi par cette licence.

L'exercice de cette liberté est assorti d'une obligation de remettre à
la disposition de la communauté les modifications apportées au code
source du logiciel afin de contribuer à son évolution.
`

const CECILL_21_EN = `CeCILL FREE SOFTWARE LICENSE AGREEMENT

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

    Preamble

The purpose of this Free Software license agreement is to grant users
the right to modify and redistribute the software governed by this
license within the framework of an open source distribution model.
`

const CECILL_B_EN = `CeCILL-B FREE SOFTWARE LICENSE AGREEMENT

    Notice

This Agreement is a Free Software license agreement that is the result
of discussions between its authors in order to ensure compliance with
the two main principles guiding its drafting.

    Preamble

This Agreement is an open source software license intended to give users
significant freedom to modify and redistribute the software licensed
hereunder.
`

const CECILL_C_EN = `CeCILL-C FREE SOFTWARE LICENSE AGREEMENT

    Notice

This Agreement is a Free Software license agreement that is the result
of discussions between its authors in order to ensure compliance with
the two main principles guiding its drafting.

    Preamble

The purpose of this Free Software license agreement is to grant users
the right to modify and re-use the software governed by this license.
`

const OPEN_LICENCE_EN = `# OPEN LICENCE 2.0/LICENCE OUVERTE 2.0

## "Reuse" of the "Information" covered by this licence

The "Grantor" grants the "Reuser" the free, non-exclusive right to "Reuse" the
"Information" subject of this licence, for commercial or non-commercial
purposes, worldwide and for an unlimited period, in accordance with the
conditions stated below.
`

const GPL_NOTICE = `This program is free software: you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation, either version 3 of the License, or
(at your option) any later version.
`

describe('detectLicence', () => {
  describe('SPDX-License-Identifier headers', () => {
    it('takes the declared expression, normalised', () => {
      expect(detectLicence('// SPDX-License-Identifier: GPL-2.0+\nint main(void);', 'main.c')).toEqual({
        expression: 'GPL-2.0-or-later',
        confidence: 1,
        matches: [{ id: 'GPL-2.0-or-later', confidence: 1 }],
      })
    })

    it('reads headers in any comment style and joins several with AND', () => {
      const source = '/* SPDX-License-Identifier: (MIT OR Apache-2.0) */\n<!-- SPDX-License-Identifier: CC0-1.0 -->\n'
      expect(detectLicence(source, 'index.html').expression).toBe('(MIT OR Apache-2.0) AND CC0-1.0')
    })

    it('ignores a header it cannot read and looks at the text', () => {
      expect(detectLicence('# SPDX-License-Identifier: not a licence\nprint(1)', 'a.py').expression).toBeNull()
    })
  })

  describe('full licence texts', () => {
    it.each(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'ISC', 'MPL-2.0', 'EUPL-1.2', 'EPL-2.0', 'Unlicense', 'CC0-1.0', 'CECILL-2.1', 'CECILL-B', 'CECILL-C', 'etalab-2.0'])(
      'recognises %s',
      (id) => {
        const result = detectLicence(spdxText(id), 'LICENSE')
        expect(result.expression).toBe(id)
        expect(result.confidence).toBeGreaterThan(0.95)
      },
    )

    it('tells apart the GNU licences and reports a bare text -only', () => {
      expect(detectLicence(spdxText('GPL-2.0-only'), 'COPYING').expression).toBe('GPL-2.0-only')
      expect(detectLicence(spdxText('LGPL-2.1-only'), 'COPYING.LIB').expression).toBe('LGPL-2.1-only')
      expect(detectLicence(spdxText('AGPL-3.0-only'), 'LICENSE').expression).toBe('AGPL-3.0-only')
    })

    it('reports -or-later when a notice beyond the licence appendix says "any later version"', () => {
      expect(detectLicence(`${GPL_NOTICE}\n\n${spdxText('GPL-3.0-only')}`, 'COPYING').expression).toBe('GPL-3.0-or-later')
    })

    it('recognises a licence without its optional appendix', () => {
      const text = spdxText('Apache-2.0')
      const withoutAppendix = text.slice(0, text.indexOf('APPENDIX'))
      expect(detectLicence(withoutAppendix, 'LICENSE').expression).toBe('Apache-2.0')
    })

    it('reads the copyright holders and the layout as noise', () => {
      const mit = spdxText('MIT')
        .replace('<year> <copyright holders>', '2024 Ministère de l’Intérieur')
        .replace(/\n/g, '\n> ')
      expect(detectLicence(`# Licence\n\n${mit}`, 'LICENSE.md').expression).toBe('MIT')
    })
  })

  describe('CeCILL and the Open Licence in French and in English', () => {
    it.each([
      ['CeCILL 2.1 in French', CECILL_21_FR, 'CECILL-2.1'],
      ['CeCILL-B in French', CECILL_B_FR, 'CECILL-B'],
      ['CeCILL-C in French', CECILL_C_FR, 'CECILL-C'],
      ['CeCILL 2.1 in English', CECILL_21_EN, 'CECILL-2.1'],
      ['CeCILL-B in English', CECILL_B_EN, 'CECILL-B'],
      ['CeCILL-C in English', CECILL_C_EN, 'CECILL-C'],
      ['the Open Licence in English', OPEN_LICENCE_EN, 'etalab-2.0'],
    ])('recognises %s from its first paragraphs', (_, text, id) => {
      const result = detectLicence(text, 'LICENCE.txt')
      expect(result.expression).toBe(id)
      expect(result.confidence).toBeGreaterThanOrEqual(DETECTION_THRESHOLD)
    })

    it('recognises the CeCILL-B file header', () => {
      const header = `/* Ce logiciel est régi par la licence CeCILL-B soumise au droit français et
 * respectant les principes de diffusion des logiciels libres. */`
      expect(detectLicence(header, 'main.c').expression).toBe('CECILL-B')
    })

    it('does not take another CeCILL version for 2.1', () => {
      const version20 = CECILL_21_FR.replace('Version 2.1 du 2013-06-21', 'Version 2.0 du 2006-09-05').replace(
        "l'énergie atomique et aux énergies alternatives",
        "l'Energie Atomique",
      )
      expect(detectLicence(version20, 'LICENCE').expression).toBe('CECILL-2.0')
    })
  })

  describe('notices and short files', () => {
    it.each([
      [GPL_NOTICE, 'GPL-3.0-or-later'],
      [
        'modify it under the terms of the GNU General Public License version 2 as published by the Free Software Foundation.',
        'GPL-2.0-only',
      ],
      [
        ' * modify it under the terms of the GNU Lesser General Public\n * License as published by the Free Software Foundation; either\n * version 2.1 of the License, or (at your option) any later version.',
        'LGPL-2.1-or-later',
      ],
      [
        '// Licensed under the Apache License, Version 2.0 (the "License");\n// you may not use this file except in compliance with the License.',
        'Apache-2.0',
      ],
      [
        '/* This Source Code Form is subject to the terms of the Mozilla Public\n * License, v. 2.0. If a copy of the MPL was not distributed with this\n * file, You can obtain one at http://mozilla.org/MPL/2.0/. */',
        'MPL-2.0',
      ],
    ])('recognises the notice %#', (text, id) => {
      expect(detectLicence(text, 'source.js').expression).toBe(id)
    })

    it('takes a licence file that holds only a licence name at its word', () => {
      expect(detectLicence('Apache-2.0\n', 'LICENSE')).toMatchObject({ expression: 'Apache-2.0', confidence: 0.8 })
      expect(detectLicence('MIT', 'index.js').expression).toBeNull()
    })

    it('finds a licence text inside a README', () => {
      const readme = `# Outil\n\nUn outil pour les collectivités.\n\n## Licence\n\n${spdxText('BSD-2-Clause')}\n\n## Contribuer\n\nOuvrez une issue.`
      expect(detectLicence(readme, 'README.md').expression).toBe('BSD-2-Clause')
    })

    it('reports no licence for text that is none, with a low confidence', () => {
      const result = detectLicence('# Socle\n\nCatalogue of free software used by French administrations.', 'README.md')
      expect(result.expression).toBeNull()
      expect(result.confidence).toBeLessThan(DETECTION_THRESHOLD)
      expect(detectLicence('', 'LICENSE')).toEqual({ expression: null, confidence: 0, matches: [] })
    })

    it('does not take a few licence-like words for a licence', () => {
      const result = detectLicence('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.', 'NOTES.txt')
      expect(result.expression).toBeNull()
    })
  })
})

describe('combineLicences', () => {
  it('joins the licences of several files with AND, once each', () => {
    const combined = combineLicences([
      detectLicence(spdxText('MIT'), 'LICENSE-MIT'),
      detectLicence(spdxText('Apache-2.0'), 'LICENSE-APACHE'),
      detectLicence(spdxText('MIT'), 'LICENSE.md'),
    ])
    expect(combined.expression).toBe('MIT AND Apache-2.0')
    expect(combined.confidence).toBeGreaterThan(0.95)
  })

  it('lets an "or later" notice decide for a bare GNU text of the same version', () => {
    const combined = combineLicences([
      detectLicence(spdxText('GPL-3.0-only'), 'COPYING'),
      detectLicence(GPL_NOTICE, 'README'),
      detectLicence(spdxText('LGPL-3.0-only'), 'COPYING.LESSER'),
    ])
    expect(combined.expression).toBe('GPL-3.0-or-later AND LGPL-3.0-only')
  })

  it('leaves out files without a licence and keeps the lowest confidence', () => {
    const combined = combineLicences([
      detectLicence('Nothing to see here.', 'NOTICE'),
      detectLicence(GPL_NOTICE, 'COPYING'),
      detectLicence('// SPDX-License-Identifier: MIT OR Apache-2.0', 'lib.rs'),
    ])
    expect(combined.expression).toBe('GPL-3.0-or-later AND (MIT OR Apache-2.0)')
    expect(combined.confidence).toBe(0.9)
    expect(combineLicences([])).toEqual({ expression: null, confidence: 0, matches: [] })
  })
})
