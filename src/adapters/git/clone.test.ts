import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import dns from 'node:dns/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { cloneTarget } from './clone-target.ts'
import { CloneFailed, CloneRefused, withClone } from './index.ts'
import { createGitRepository, startGitDaemon, startGitHttpServer, startSilentServer, temporaryFolder, type TestServer } from './test-servers.ts'

const loopback = { allowedAddresses: ['127.0.0.1'] }
let base: { folder: string; remove(): Promise<void> }
let daemon: TestServer
let web: TestServer

beforeAll(async () => {
  base = await temporaryFolder()
  await createGitRepository(base.folder, 'small', { 'README.md': '# Small\n', 'src/index.ts': 'export {}\n' })
  await createGitRepository(base.folder, 'large', { 'noise.bin': randomBytes(512 * 1024) })
  daemon = await startGitDaemon(base.folder)
  web = await startGitHttpServer(base.folder)
})
afterAll(async () => {
  await daemon?.stop()
  await web?.stop()
  await base?.remove()
})

const listing = (folder: string) => fs.readdirSync(folder).sort()

describe('withClone', () => {
  it('clones over git:// when the address is allowed, and removes the clone afterwards', async () => {
    let cloned = ''
    const files = await withClone(`${daemon.base}/small`, loopback, async (folder) => {
      cloned = folder
      return listing(folder)
    })
    expect(files).toEqual(['.git', 'README.md', 'src'])
    expect(fs.existsSync(cloned)).toBe(false)
    expect(fs.existsSync(path.dirname(cloned))).toBe(false)
  })

  it('clones over smart HTTP, by address or by a name pinned to its checked address', async () => {
    expect(await withClone(`${web.base}/small`, loopback, async (folder) => listing(folder))).toContain('README.md')
    const [first] = await dns.lookup('localhost', { all: true })
    if (first?.address === '127.0.0.1') {
      expect(await withClone(`${web.base.replace('127.0.0.1', 'localhost')}/small`, loopback, async (folder) => listing(folder))).toContain('README.md')
    }
  })

  it('refuses private, loopback and link-local addresses, other schemes and credentials, before any connection', async () => {
    const refused = [
      `${web.base}/small`,
      'http://localhost/repository.git',
      'https://10.1.2.3/repository.git',
      'https://[::1]/repository.git',
      'http://169.254.169.254/latest/meta-data',
      'https://[::ffff:192.168.1.1]/repository.git',
      'file:///etc',
      'ssh://git@example.org/repository.git',
      `${daemon.base.replace('127.0.0.1', '93.184.215.14')}/small`,
      'https://user:secret@example.org/repository.git',
      'not a url',
    ]
    for (const url of refused) await expect(withClone(url, {}, async () => 'cloned'), url).rejects.toBeInstanceOf(CloneRefused)
    await expect(withClone(`${daemon.base}/small`, {}, async () => 'cloned')).rejects.toThrow('127.0.0.1, which is not a public address')
  })

  it('stops a server that never answers at the timeout', async () => {
    const silent = await startSilentServer()
    try {
      const start = performance.now()
      await expect(withClone(`${silent.base}/repository.git`, { ...loopback, timeoutMs: 1500 }, async () => 'cloned')).rejects.toThrow(/took more than 2 s/)
      expect(performance.now() - start).toBeLessThan(10_000)
    } finally {
      await silent.stop()
    }
  })

  it('stops a clone that grows past the size limit', async () => {
    await expect(withClone(`${daemon.base}/large`, { ...loopback, maxBytes: 200 * 1024 }, async () => 'cloned')).rejects.toThrow(/larger than/)
  })

  it('says why git failed', async () => {
    const error = await withClone(`${web.base}/missing`, loopback, async () => 'cloned').catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(CloneFailed)
    expect((error as Error).message).toMatch(/could not be cloned: .*not found/i)
  })
})

describe('cloneTarget', () => {
  it('pins an http(s) host to the address it checked, and puts the address in a git:// URL', async () => {
    expect(await cloneTarget('https://localhost:8443/org/repository.git', ['127.0.0.1'])).toEqual({
      url: 'https://localhost:8443/org/repository.git',
      config: ['-c', 'http.curloptResolve=localhost:8443:127.0.0.1'],
    })
    expect((await cloneTarget('https://[2a01:e0a:1::1]/repository.git', [])).config).toEqual(['-c', 'http.curloptResolve=2a01:e0a:1::1:443:[2a01:e0a:1::1]'])
    expect(await cloneTarget('git://localhost/repository', ['127.0.0.1'])).toEqual({ url: 'git://127.0.0.1/repository', config: [] })
  })

  it('relies on git connecting where http.curloptResolve says, whatever the name resolves to', async () => {
    const port = new URL(web.base).port
    const { stdout } = await promisify(execFile)('git', ['-c', `http.curloptResolve=socle-pinned.invalid:${port}:127.0.0.1`, 'ls-remote', `http://socle-pinned.invalid:${port}/small`])
    expect(stdout).toMatch(/refs\/heads\/main/)
  })
})
