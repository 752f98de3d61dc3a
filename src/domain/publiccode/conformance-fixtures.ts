// The reference validator's conformance cases in ../shared (test support: read by the conformance
// tests of the validator and of the network checks).
import { existsSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RepositoryFiles } from './result.ts'

export const conformanceRoot = new URL('../../../../shared/conformance/publiccode/', import.meta.url)

export interface ConformanceCase {
  verdict: 'valid' | 'invalid'
  errors: string[] | null
  warnings: string[] | null
  network: boolean
}

export function conformanceCases(): Record<string, ConformanceCase> {
  return JSON.parse(readFileSync(new URL('cases.json', conformanceRoot), 'utf8'))
}

export function readCase(file: string): Buffer {
  return readFileSync(new URL(file, conformanceRoot))
}

/** The repository the case's file sits in, as the reference sees it when validating a local file. */
export function filesBeside(file: string): RepositoryFiles {
  const folder = dirname(fileURLToPath(new URL(file, conformanceRoot)))
  return {
    read: (path) => {
      const target = `${folder}/${path}`
      return existsSync(target) ? readFileSync(target) : null
    },
  }
}
