#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts): `node bin/run-ts.js FILE [ARGS…]`.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { register } from 'tsx/esm/api'

register()
const [file] = process.argv.splice(2, 1)
if (!file) {
  console.error('Usage: node bin/run-ts.js FILE [ARGS…]')
  process.exit(2)
}
await import(pathToFileURL(path.resolve(file)).href)
