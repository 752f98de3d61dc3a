import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { type CrawledRepository, FILE_CAP_BYTES, wantedRootFiles } from '../../domain/registry/crawled.ts'
import { type AccountListing, AccountNotFound, type ForgeAdapter, type ListOptions, type RepositoryDetails } from './forge-adapter.ts'

const run = promisify(execFile)
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true' }

/**
 * A repository on a plain git server: `git ls-remote` tells whether the head moved (one round trip);
 * only then a shallow clone without blobs over 256 KiB and without checkout reads the root files.
 */
export class PlainGitAdapter implements ForgeAdapter {
  /** A git server tells no more than the files: nothing else to read. */
  readonly factsReadWithFiles = [] as const

  constructor(
    /** The server's base URL: the repository is at `${baseUrl}/${owner}`. */
    private readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
  ) {}

  async listAccount(owner: string, _options: ListOptions): Promise<AccountListing> {
    const url = `${this.baseUrl.replace(/\/$/, '')}/${owner}`
    let head: string
    try {
      const { stdout } = await run('git', ['ls-remote', '--symref', url, 'HEAD'], { env: GIT_ENV, timeout: this.timeoutMs })
      const match = stdout.match(/^([0-9a-f]{40,64})\tHEAD$/m)
      if (!match) throw new AccountNotFound(`${url} has no HEAD: an empty repository or not a git repository.`)
      head = match[1]!
      const branch = stdout.match(/^ref: refs\/heads\/(\S+)\tHEAD$/m)?.[1] ?? null
      const segments = owner.replace(/\.git$/, '').split('/')
      const repository: CrawledRepository = {
        forgeId: url,
        owner: segments.slice(0, -1).join('/'),
        name: segments[segments.length - 1]!,
        url,
        cloneUrl: url,
        description: null,
        topics: [],
        homepage: null,
        language: null,
        languages: {},
        licence: null,
        defaultBranch: branch,
        createdAt: null,
        pushedAt: null,
        archived: false,
        fork: false,
        parentFullName: null,
        template: false,
        stars: 0,
        forks: 0,
        watchers: 0,
        openIssues: 0,
        sizeKb: null,
        latestRelease: null,
        headCommit: head,
        rootFiles: null,
      }
      return { account: { type: 'repository', name: repository.name, description: null, avatarUrl: null, website: null, email: null, location: null, createdAt: null }, repositories: [repository], complete: true, total: 1 }
    } catch (error) {
      if (error instanceof AccountNotFound) throw error
      const stderr = (error as { stderr?: string }).stderr ?? ''
      if (/not found|does not appear to be a git repository|repository .* not found/i.test(stderr)) throw new AccountNotFound(`${url}: ${stderr.trim().split('\n')[0]}`)
      throw new Error(`git ls-remote ${url} failed: ${stderr.trim().split('\n')[0] || (error as Error).message}`)
    }
  }

  async readDetails(requests: { repository: CrawledRepository; names: string[] | null }[]): Promise<Map<string, RepositoryDetails>> {
    const files = new Map<string, RepositoryDetails>()
    for (const { repository } of requests) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'socle-git-'))
      try {
        await run('git', ['clone', '--quiet', '--depth', '1', '--no-checkout', '--filter=blob:limit=256k', '--no-tags', repository.cloneUrl!, dir], { env: GIT_ENV, timeout: this.timeoutMs })
        const { stdout } = await run('git', ['-C', dir, 'ls-tree', '--name-only', 'HEAD'], { env: GIT_ENV, timeout: this.timeoutMs })
        const contents: Record<string, string> = {}
        for (const name of wantedRootFiles(stdout.split('\n').filter(Boolean))) {
          const { stdout: text } = await run('git', ['-C', dir, 'show', `HEAD:${name}`], { env: GIT_ENV, timeout: this.timeoutMs, maxBuffer: 4 * FILE_CAP_BYTES }).catch(() => ({ stdout: '' }))
          if (text) contents[name] = text.slice(0, FILE_CAP_BYTES)
        }
        files.set(repository.forgeId, { files: contents, facts: {} })
      } finally {
        await fs.rm(dir, { recursive: true, force: true })
      }
    }
    return files
  }
}
