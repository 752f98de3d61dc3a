#!/usr/bin/env node
// Runs Socle's TypeScript sources directly: tsx compiles each module on load (and caches it).
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
