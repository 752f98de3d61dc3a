import { describe, expect, it } from 'vitest'
import { normaliseLicence } from './normalise.ts'

describe('normaliseLicence', () => {
  it.each([
    ['MIT', 'MIT', 'valid'],
    ['GPL-2.0-only WITH Classpath-exception-2.0', 'GPL-2.0-only WITH Classpath-exception-2.0', 'valid'],
    ['MIT OR Apache-2.0', 'MIT OR Apache-2.0', 'valid'],
    ['(MIT OR Apache-2.0) AND BSD-3-Clause', '(MIT OR Apache-2.0) AND BSD-3-Clause', 'valid'],
    ['Apache-1.0+', 'Apache-1.0+', 'valid'],
  ])('keeps the canonical SPDX expression %j', (text, expression, reason) => {
    expect(normaliseLicence(text)).toEqual({ expression, reason })
  })

  it.each([
    ['GPL-2.0+', 'GPL-2.0-or-later'],
    ['GPL-3.0', 'GPL-3.0-only'],
    ['LGPL-2.1+', 'LGPL-2.1-or-later'],
    ['AGPL-3.0', 'AGPL-3.0-only'],
    ['GPL-2.0-with-classpath-exception', 'GPL-2.0-only WITH Classpath-exception-2.0'],
    ['wxWindows', 'LGPL-2.0-or-later WITH WxWindows-exception-3.1'],
    ['BSD-2-Clause-FreeBSD', 'BSD-2-Clause'],
    ['mit', 'MIT'],
    ['apache-2.0 or mit', 'Apache-2.0 OR MIT'],
    ['((MIT))', 'MIT'],
    ['MIT AND ISC OR Apache-2.0', '(MIT AND ISC) OR Apache-2.0'],
  ])('rewrites loose or deprecated SPDX %j', (text, expression) => {
    expect(normaliseLicence(text)).toEqual({ expression, reason: 'normalised' })
  })

  it.each([
    ['GPL V2.0', 'GPL-2.0-only'],
    ['GNU GPL v3', 'GPL-3.0-only'],
    ['GPLv3+', 'GPL-3.0-or-later'],
    ['GPL v2 or later', 'GPL-2.0-or-later'],
    ['GPL v2 ou toute version ultérieure', 'GPL-2.0-or-later'],
    ['GNU Lesser General Public License v2.1 or later', 'LGPL-2.1-or-later'],
    ['GNU Affero General Public License v3.0', 'AGPL-3.0-only'],
    ['AGPLv3', 'AGPL-3.0-only'],
    ['LGPL-v2.1', 'LGPL-2.1-only'],
    ['CeCILL v2.1', 'CECILL-2.1'],
    ['licence CeCILL version 2.1', 'CECILL-2.1'],
    ['CeCILL-C v1', 'CECILL-C'],
    ['Licence Ouverte 2.0', 'etalab-2.0'],
    ['Licence Ouverte / Open Licence version 2.0', 'etalab-2.0'],
    ['Etalab 2.0', 'etalab-2.0'],
    ['Apache License, Version 2.0', 'Apache-2.0'],
    ['Apache 2', 'Apache-2.0'],
    ['MPL 2.0', 'MPL-2.0'],
    ['Mozilla Public License 2.0', 'MPL-2.0'],
    ['EUPL v1.2', 'EUPL-1.2'],
    ['The Unlicense', 'Unlicense'],
    ['ISC License', 'ISC'],
    ['MIT License (MIT)', 'MIT'],
    ['Expat', 'MIT'],
    ['New BSD License', 'BSD-3-Clause'],
    ['BSD-3.0', 'BSD-3-Clause'],
    ['CC0', 'CC0-1.0'],
  ])('maps the licence name %j', (text, expression) => {
    expect(normaliseLicence(text)).toEqual({ expression, reason: 'mapped' })
  })

  it.each([
    ['MPL 2.0 et EPL 1.0', 'MPL-2.0 AND EPL-1.0'],
    ['MIT and Apache 2.0', 'MIT AND Apache-2.0'],
    ['MIT ou Apache 2.0', 'MIT OR Apache-2.0'],
    ['MIT/Apache-2.0', 'MIT OR Apache-2.0'],
    ['LGPL-2.1, LGPL-2.0,  LGPL-3.0', 'LGPL-2.1-only AND LGPL-2.0-only AND LGPL-3.0-only'],
    ['MIT, GPL-2.0 or later', 'MIT AND GPL-2.0-or-later'],
    // AND binds tighter than OR, as in SPDX; the output says so with parentheses.
    ['MIT, ISC ou Apache 2.0', '(MIT AND ISC) OR Apache-2.0'],
  ])('joins the licences of %j', (text, expression) => {
    expect(normaliseLicence(text)).toEqual({ expression, reason: 'mapped' })
  })

  it.each([
    '',
    '   ',
    'N/A',
    'UNLICENSED',
    'SEE LICENSE IN LICENSE.md',
    'Public domain',
    // A family without its version: never guessed.
    'GPL',
    'LGPL',
    'CeCILL',
    'Licence Ouverte',
    'Apache',
    'BSD',
    'EUPL',
    // Versions that do not exist.
    'CeCILL-2.2',
    'GPL-4.0',
    // One unknown part makes the whole unknown.
    'MIT, CeCILL-2.2',
    'CPA',
  ])('reports %j as unknown', (text) => {
    expect(normaliseLicence(text)).toEqual({ expression: null, reason: 'unknown' })
  })
})
