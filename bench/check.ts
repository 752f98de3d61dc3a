// Time of `socle check` on a generated tree of 10,000 source files (a fifth with an SPDX header, a
// few with fake secrets, every one read by the SPDX and secret rules) and on Socle's own repository.
// Each is checked once first, so that the measure leaves out loading the licence texts.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { compliantRepository } from '../src/domain/compliance/fixtures.ts'
import { checkRepository } from '../src/usecases/opening/check-repository.ts'
import type { BenchResult } from './measure.ts'

const FILES = 10_000
const PER_FOLDER = 100
const RUNS = 3

async function generateTree(root: string): Promise<void> {
  for (const [file, content] of Object.entries(compliantRepository())) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true })
    await fs.writeFile(path.join(root, file), content)
  }
  for (let folder = 0; folder < FILES / PER_FOLDER; folder++) {
    const dir = path.join(root, 'src', `module${folder}`)
    await fs.mkdir(dir, { recursive: true })
    await Promise.all(
      Array.from({ length: PER_FOLDER }, (_, i) => {
        const header = i % 5 === 0 ? '// SPDX-License-Identifier: EUPL-1.2\n' : ''
        const body = `export function f${i}(value: number): number {\n  return value * ${i}\n}\n`.repeat(20)
        return fs.writeFile(path.join(dir, `file${i}.ts`), header + body)
      }),
    )
  }
}

async function bestTime(target: string): Promise<number> {
  await checkRepository(target)
  let best = Infinity
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    await checkRepository(target)
    best = Math.min(best, performance.now() - start)
  }
  return Math.round(best)
}

export async function benchCheck(): Promise<BenchResult[]> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'socle-bench-check-'))
  try {
    await generateTree(root)
    return [
      { name: 'check of a generated 10,000-file tree', value: await bestTime(root), unit: 'ms' },
      { name: "check of Socle's own repository", value: await bestTime(fileURLToPath(new URL('..', import.meta.url))), unit: 'ms' },
    ]
  } finally {
    await fs.rm(root, { recursive: true, force: true })
  }
}
