// A qualifier names the licence or the part it covers (LICENSE-MIT, COPYING.LESSER); the extension, if
// any, is that of a text (LICENSE.md), not of code (license-checker.js).
const LICENCE_FILE = /^(?:un)?(?:licen[cs]e|copying)(?:[-.][a-z0-9]+)?(?:\.(?:md|markdown|txt|rst|html?|adoc|org))?$/i

/** Whether a file name is one that holds a work's licence: LICENSE, LICENCE, COPYING, UNLICENSE… */
export function isLicenceFileName(name: string): boolean {
  return LICENCE_FILE.test(name.replace(/^.*[\\/]/, ''))
}
