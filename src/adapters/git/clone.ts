import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CloneFailed } from './clone-errors.ts'
import { cloneTarget, type CloneTarget } from './clone-target.ts'
import { isLargerThan } from './folder-size.ts'

export interface CloneOptions {
  /** Addresses reachable although not public (and the only ones git:// may reach): tests only. */
  allowedAddresses?: readonly string[]
  /** The whole clone, connection included (default 60 s). */
  timeoutMs?: number
  /** Size the clone may reach on disk, .git included (default 200 MiB). */
  maxBytes?: number
}

interface Limits {
  timeoutMs: number
  maxBytes: number
}

const DEFAULT_TIMEOUT_MS = 60_000
const DEFAULT_MAX_BYTES = 200 * 1024 * 1024
/** How often the size of the clone is measured while git writes it. */
const SIZE_POLL_MS = 250
/** The end of git's error output kept for the message. */
const STDERR_TAIL = 4096

/**
 * Clones a repository (shallow: the last commit of the default branch, no tags, no submodules) into
 * a temporary folder, hands the folder to `use`, and removes it afterwards, whatever happens.
 */
export async function withClone<T>(url: string, options: CloneOptions, use: (folder: string) => Promise<T>): Promise<T> {
  const limits = { timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES }
  const target = await cloneTarget(url, options.allowedAddresses ?? [])
  const temporary = await fs.mkdtemp(path.join(os.tmpdir(), 'socle-clone-'))
  try {
    const folder = path.join(temporary, 'repository')
    await runClone(url, target, folder, limits)
    // A clone done before the first measure is measured once done.
    if (await isLargerThan(folder, limits.maxBytes)) throw new CloneFailed(tooLarge(url, limits))
    return await use(folder)
  } finally {
    await fs.rm(temporary, { recursive: true, force: true })
  }
}

function tooLarge(url: string, limits: Limits): string {
  return `${url} is larger than ${Number((limits.maxBytes / 1024 / 1024).toFixed(1))} MiB.`
}

/**
 * Runs git in its own process group (git starts helpers: git-remote-https, index-pack), so that a
 * timeout or the size guard stops all of them. git reads no user or system configuration (no
 * `url.insteadOf`, proxy or credential helper), asks for no credentials, follows no redirect and
 * speaks no other protocol than the target's (no submodules, no `ext::`).
 */
function runClone(url: string, target: CloneTarget, folder: string, limits: Limits): Promise<void> {
  const protocol = new URL(target.url).protocol.slice(0, -1)
  const args = [
    '-c', 'protocol.allow=never',
    '-c', `protocol.${protocol}.allow=always`,
    '-c', 'http.followRedirects=false',
    '-c', 'credential.helper=',
    ...target.config,
    'clone', '--depth', '1', '--no-tags', '--single-branch', '--no-recurse-submodules', '--template=', '--quiet',
    '--', target.url, folder,
  ]
  const home = path.dirname(folder)
  const child = spawn('git', args, {
    cwd: home,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    // HOME is the temporary folder: no ~/.gitconfig, no ~/.netrc credentials sent to the host.
    env: { PATH: process.env.PATH, HOME: home, LANG: 'C', GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL)))

  let stopped: string | undefined
  const stop = (reason: string) => {
    stopped ??= reason
    try {
      process.kill(-(child.pid as number), 'SIGKILL')
    } catch {
      // already gone
    }
  }
  const timer = setTimeout(() => stop(`Cloning ${url} took more than ${Math.round(limits.timeoutMs / 1000)} s.`), limits.timeoutMs)
  let running = true
  void (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, SIZE_POLL_MS))
      if (running && (await isLargerThan(folder, limits.maxBytes))) stop(tooLarge(url, limits))
    }
  })()

  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      running = false
      clearTimeout(timer)
      if (error) reject(error)
      else resolve()
    }
    child.on('error', (error) => finish(new CloneFailed(`git could not be started: ${error.message}`)))
    child.on('close', (code) => {
      if (stopped) return finish(new CloneFailed(stopped))
      if (code === 0) return finish()
      const reason = stderr.trim().split('\n').filter(Boolean).at(-1)?.replace(/^fatal: /, '') ?? `git exited with code ${code}`
      finish(new CloneFailed(`${url} could not be cloned: ${reason}`))
    })
  })
}
