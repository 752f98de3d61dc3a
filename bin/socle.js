#!/usr/bin/env node
// Runs Socle's TypeScript sources directly: tsx compiles each module on load (and caches it).
import v8 from 'node:v8'
import { register } from 'tsx/esm/api'

// An export streams 50,000 rows of garbage through a process that lives seconds: a heap that
// collects early keeps it under 200 MB, where V8's default growth reaches past 250 MB for no gain.
if (process.argv[2] === 'export') v8.setFlagsFromString('--optimize-for-size')

register()
await import('../src/cli/main.ts')
