/**
 * Licence texts compared as words: the same licence reaches us re-wrapped, re-punctuated, in Markdown,
 * inside comments, with its own copyright lines and list numbering. Those differences say nothing about
 * the licence, so they are removed before comparing, in the spirit of the SPDX matching guidelines.
 */

// A copyright statement: "Copyright (c) 2020 Jane", "Copyright <year> <owner>", "(C) 1999 …", "© Foo",
// "All rights reserved". "copyright notice" at the start of a wrapped line is licence text and stays.
const COPYRIGHT_LINE =
  /^[\s/*#;!-]*(?:copyright\b(?=.*(?:\(c\)|©|\d{4}|[<[{]|\bby\b))|\(c\)\s*\d|©|all rights reserved)/i

// Bullets, list numbers and Markdown markers opening a line: "1.", "(a)", "ii)", "-", "*", "#", ">".
const LINE_MARKER = /^\s*(?:[-*+•·>#|]+\s*|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})[.)]\s+)+/i

// Spelling variants that the same licence text is found in.
const EQUIVALENT_WORDS: ReadonlyMap<string, string> = new Map([
  ['licence', 'license'],
  ['licences', 'licenses'],
  ['licenced', 'licensed'],
  ['acknowledgement', 'acknowledgment'],
  ['acknowledgements', 'acknowledgments'],
  ['http', ''],
  ['https', ''],
  ['www', ''],
])

/** The words of a text after dropping copyright lines, list markers, punctuation, case and accents. */
export function licenceWords(text: string): string[] {
  const plain = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text
  const words: string[] = []
  for (const line of plain.toLowerCase().split('\n')) {
    if (COPYRIGHT_LINE.test(line)) continue
    const tokens = line.replace(LINE_MARKER, '').match(/[a-z0-9]+/g)
    if (!tokens) continue
    for (const token of tokens) {
      const word = EQUIVALENT_WORDS.get(token) ?? token
      if (word !== '') words.push(word)
    }
  }
  return words
}

/**
 * Words joined by single spaces and padded with one, so that a phrase normalised the same way (see
 * phraseText) is found with `includes` on whole words only.
 */
export function joinWords(words: readonly string[]): string {
  return ` ${words.join(' ')} `
}

export function phraseText(text: string): string {
  return joinWords(licenceWords(text))
}
