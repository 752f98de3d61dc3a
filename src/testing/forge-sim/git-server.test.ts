import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type GitServer, startGitServer } from './git-server.ts'
import { createWorld, type World } from './world.ts'

const git = async (...args: string[]): Promise<string> => (await promisify(execFile)('git', args, { env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } })).stdout

describe('plain git server', () => {
  let world: World
  let server: GitServer
  let scratch: string

  beforeAll(async () => {
    world = createWorld({ seed: 'git', accounts: 30, repositories: 300, forges: { git: 1 } })
    server = await startGitServer(world)
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'forge-sim-clone-'))
  })
  afterAll(async () => {
    await server.stop()
    await fs.rm(scratch, { recursive: true, force: true })
  })

  const served = () => world.plainGitRepositories().filter((r) => world.ownerOf(r).host === world.hosts().find((h) => h.forge === 'git')!.host)

  it('answers git ls-remote and a shallow clone with the repository’s files', async () => {
    const repository = served().find((r) => r.release && r.files.includes('README.md'))!
    const refs = await git('ls-remote', server.cloneUrl(repository))
    expect(refs).toMatch(new RegExp(`^[0-9a-f]{40}\\tHEAD\\n`))
    expect(refs).toContain(`refs/heads/${repository.defaultBranch}`)
    expect(refs).toContain(`refs/tags/${repository.release!.tag}`)
    const dir = path.join(scratch, 'clone')
    await git('clone', '--quiet', '--depth=1', server.cloneUrl(repository), dir)
    expect(await fs.readFile(path.join(dir, 'README.md'), 'utf8')).toBe(world.fileText(repository, 'README.md'))
    const files = (await git('-C', dir, 'ls-files')).trim().split('\n').sort()
    expect(files).toEqual([...repository.files].sort())
  })

  it('adds a commit after world.push, and 404s unknown repositories', async () => {
    const repository = served()[0]!
    const before = (await git('ls-remote', server.cloneUrl(repository), 'HEAD')).slice(0, 40)
    world.push(repository)
    const after = (await git('ls-remote', server.cloneUrl(repository), 'HEAD')).slice(0, 40)
    expect(after).not.toBe(before)
    const dir = path.join(scratch, 'pushed')
    await git('clone', '--quiet', '--depth=2', server.cloneUrl(repository), dir)
    expect((await git('-C', dir, 'rev-list', '--count', 'HEAD')).trim()).toBe('2')
    await expect(git('ls-remote', `${server.url}/nobody/nothing.git`)).rejects.toThrow()
    expect(server.stats.byStatus[404]).toBeGreaterThanOrEqual(1)
  })
})
