import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import { fileURLToPath } from 'node:url'

const socleBin = fileURLToPath(new URL('../../bin/socle.js', import.meta.url))

export interface SocleProcess {
  child: ChildProcess
  /** Everything written to stdout and stderr so far. */
  output(): string
  exited: Promise<number | null>
}

/** Runs `socle ARGS` as a real process, with only the environment given (plus PATH and HOME). */
export function spawnSocle(args: string[], env: Record<string, string | undefined>): SocleProcess {
  const child = spawn(process.execPath, [socleBin, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, SOCLE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

export async function runSocle(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; output: string }> {
  const process_ = spawnSocle(args, env)
  const code = await process_.exited
  return { code, output: process_.output() }
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** Polls until `check` holds, or fails after `timeoutMs` with the last error. */
export async function waitFor<T>(check: () => Promise<T | undefined | false>, timeoutMs = 60_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      const value = await check()
      if (value) return value
    } catch (error) {
      lastError = error
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`)
}

export function waitForHttp(url: string, timeoutMs = 60_000): Promise<Response> {
  return waitFor(async () => {
    const response = await fetch(url)
    return response.ok ? response : undefined
  }, timeoutMs, url)
}
