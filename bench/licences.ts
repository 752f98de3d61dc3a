import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { detectLicence } from '../src/domain/licences/index.ts'
import { declaredLicenceFiles } from '../src/domain/licences/licence-corpus.ts'
import type { BenchResult } from './measure.ts'

const LOOP_MS = 2_000

/** Licence detection speed on the licence files of the installed npm packages. */
export async function benchLicences(): Promise<BenchResult[]> {
  const nodeModules = fileURLToPath(new URL('../node_modules', import.meta.url))
  const files = declaredLicenceFiles(nodeModules).map(({ path }) => ({ text: readFileSync(path, 'utf8'), name: basename(path) }))
  const [first] = files
  if (!first) throw new Error(`no licence file under ${nodeModules}`)

  // The first detection builds the index of the SPDX licence texts.
  const buildStart = performance.now()
  detectLicence(first.text, first.name)
  const firstDetection = performance.now() - buildStart

  let detected = 0
  const start = performance.now()
  while (performance.now() - start < LOOP_MS) {
    for (const { text, name } of files) detectLicence(text, name)
    detected += files.length
  }
  const seconds = (performance.now() - start) / 1000
  return [
    { name: 'licence detection, first call (index build)', value: firstDetection, unit: 'ms' },
    { name: `licence detection (${files.length} node_modules licence files)`, value: detected / seconds, unit: 'files/s' },
  ]
}
