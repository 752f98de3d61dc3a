// Throughput of the publiccode.yml validator over the conformance cases (read once, then validated
// round-robin for about two seconds, network checks off, without repository files).
import { readFileSync } from 'node:fs'
import { validatePublicCode } from '../src/domain/publiccode/index.ts'

const CASES = new URL('../../shared/conformance/publiccode/', import.meta.url)
const DURATION_MS = 2000

export async function benchPublicCode(): Promise<{ name: string; value: number; unit: string }[]> {
  const files = Object.keys(JSON.parse(readFileSync(new URL('cases.json', CASES), 'utf8')) as Record<string, unknown>)
  const inputs = files.map((file) => readFileSync(new URL(file, CASES)))
  // One pass first, so that the measure does not include compiling the validator's code.
  for (const input of inputs) validatePublicCode(input)
  let validations = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < DURATION_MS) {
    for (const input of inputs) validatePublicCode(input)
    validations += inputs.length
    elapsed = performance.now() - start
  }
  return [
    { name: 'publiccode.yml validations per second', value: Math.round((validations / elapsed) * 1000), unit: 'validations/s' },
    { name: 'publiccode.yml mean validation time', value: Number((elapsed / validations).toFixed(3)), unit: 'ms' },
  ]
}
