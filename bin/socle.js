#!/usr/bin/env node
// Runs Socle's TypeScript sources directly: tsx compiles each module on load (and caches it).
import v8 from 'node:v8'
import { isMainThread, Worker } from 'node:worker_threads'

if (process.argv[2] === 'export' && isMainThread) {
  // An export streams 50,000 rows through a process that lives seconds, PGlite's engine included:
  // - a heap that collects early (--optimize-for-size), where V8's default growth adds 50 MB for no gain;
  // - PGlite's WebAssembly left to its baseline compiler (--liftoff-only): the optimising one, compiling
  //   PostgreSQL's hot functions on background threads, peaks at some 60 MB of compiler memory that the
  //   allocator then keeps; an export reading by index spends its time in JavaScript, not in PostgreSQL,
  //   and is no slower for it;
  // - JavaScript optimised by Maglev at most (--max-opt=2): TurboFan's compilations of the export's hot
  //   functions peak at some 12 MB more, for a run some 10% faster;
  // - a young generation of 4 MB: V8 grows it to 2 × 16 MB under the export's steady allocation, and
  //   its size is fixed when a heap is created, hence the export's own thread, whose heap is created
  //   with that limit (the main thread only waits for it).
  v8.setFlagsFromString('--optimize-for-size')
  v8.setFlagsFromString('--liftoff-only')
  v8.setFlagsFromString('--max-opt=2')
  const worker = new Worker(new URL(import.meta.url), { argv: process.argv.slice(2), resourceLimits: { maxYoungGenerationSizeMb: 4 } })
  worker.on('exit', (code) => (process.exitCode = code))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src/cli/main.ts')
}
