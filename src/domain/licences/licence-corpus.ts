import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isLeaf, parseExpression } from './expression.ts'

/** A licence file of an installed npm package, with the licence its package.json declares. */
export interface DeclaredLicenceFile {
  path: string
  declared: string
}

// The plain licence files; LICENSE-MIT or COPYING.LESSER may hold another licence than the package's.
const PLAIN_LICENCE_FILE = /^(?:licen[cs]e|copying)(?:\.(?:md|txt))?$/i

/**
 * The licence files (PLAIN_LICENCE_FILE) of every package under a node_modules folder (scoped and nested packages
 * included, each real folder once) whose package.json declares a single SPDX id: the real-world
 * corpus of the detection accuracy test and of the benchmark.
 */
export function declaredLicenceFiles(nodeModules: string): DeclaredLicenceFile[] {
  const files: DeclaredLicenceFile[] = []
  const seen = new Set<string>()

  const visitFolder = (folder: string): void => {
    for (const entry of safeList(folder)) {
      if (entry.startsWith('.')) continue
      const path = join(folder, entry)
      if (entry.startsWith('@')) for (const scoped of safeList(path)) visitPackage(join(path, scoped))
      else visitPackage(path)
    }
  }
  const visitPackage = (folder: string): void => {
    const real = safeRealPath(folder)
    if (!real || seen.has(real)) return
    seen.add(real)
    const declared = singleId(folder)
    if (declared) {
      for (const name of safeList(folder).sort()) {
        const path = join(folder, name)
        if (PLAIN_LICENCE_FILE.test(name) && statSync(path).isFile()) files.push({ path, declared })
      }
    }
    visitFolder(join(folder, 'node_modules'))
  }

  visitFolder(nodeModules)
  return files
}

function singleId(folder: string): string | null {
  try {
    const { license } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { license?: unknown }
    const parsed = typeof license === 'string' ? parseExpression(license) : null
    return parsed && isLeaf(parsed) && !parsed.plus && !parsed.exception ? parsed.license : null
  } catch {
    return null
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder)
  } catch {
    return []
  }
}

function safeRealPath(path: string): string | null {
  try {
    return realpathSync(path)
  } catch {
    return null
  }
}
