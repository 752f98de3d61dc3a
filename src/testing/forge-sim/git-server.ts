// A plain git server for the world's plain-git share: smart HTTP through `git http-backend`, as cgit
// or gitweb hosts serve it, so that `git ls-remote` and shallow fetches work. Bare repositories are
// made on first request (one `git fast-import` each: a world of thousands costs nothing until asked)
// and catch up with the world on the next request after `world.push(repo)`, with a new commit.
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createStats, type FaultOptions, Faults } from './faults.ts'
import { type ForgeServer, type Route, type SimRequest, type SimResponse, startSimServer } from './http.ts'
import type { Repository, World } from './world.ts'

export interface GitServerOptions {
  /** The world host served (a `git` forge host). Default: the first of the world. */
  host?: string
  faults?: Faults | FaultOptions
  port?: number
}

export interface GitServer extends ForgeServer {
  /** The clone URL of a repository of this host. */
  cloneUrl(repository: Repository): string
  /** Makes (or brings up to date) the bare repository now rather than on first request. */
  materialize(repository: Repository): Promise<string>
}

const AUTHOR = 'Socle forge-sim <forge-sim@example.invalid>'

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: Buffer | string }): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    // A git process that exits before reading all of its input (a client that hung up) is not an error here.
    child.stdin.on('error', () => {})
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout), stderr }))
    child.stdin.end(options.input ?? '')
  })
}

/** A fast-import stream: one commit with every file of the repository as it is now. */
function commitStream(world: World, repository: Repository, parent: boolean): string {
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`
  const when = Math.floor(Date.parse(repository.revision === 0 ? repository.createdAt : repository.pushedAt) / 1000)
  const branch = `refs/heads/${repository.defaultBranch}`
  let stream = `commit ${branch}\nmark :1\nauthor ${AUTHOR} ${when} +0000\ncommitter ${AUTHOR} ${when} +0000\n`
  stream += data(world.headCommit(repository).message)
  // `from <branch>^0` continues the existing history in an incremental import.
  if (parent) stream += `from ${branch}^0\n`
  stream += 'deleteall\n'
  for (const file of repository.files) stream += `M 100644 inline ${file}\n` + data(world.fileText(repository, file) ?? '')
  if (repository.release && !parent) stream += `reset refs/tags/${repository.release.tag}\nfrom :1\n\n`
  return stream
}

export async function startGitServer(world: World, options: GitServerOptions = {}): Promise<GitServer> {
  const host = options.host ?? world.hosts().find((h) => h.forge === 'git')?.host
  if (!host) throw new Error('the world has no plain git host')
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'forge-sim-git-'))
  const stats = createStats()
  const faults = options.faults instanceof Faults ? options.faults : new Faults(options.faults)
  /** Revision each bare repository is at, and the sync under way (one at a time per repository). */
  const synced = new Map<number, number>()
  const syncing = new Map<number, Promise<string>>()
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root }

  const sync = async (repository: Repository): Promise<string> => {
    const dir = path.join(root, `${repository.id}.git`)
    const at = synced.get(repository.id)
    if (at === repository.revision) return dir
    if (at === undefined) {
      const init = await run('git', ['init', '--bare', '--quiet', `--initial-branch=${repository.defaultBranch}`, dir], { env })
      if (init.code !== 0) throw new Error(`git init: ${init.stderr}`)
    }
    const imported = await run('git', ['fast-import', '--quiet', '--force'], { cwd: dir, env, input: commitStream(world, repository, at !== undefined) })
    if (imported.code !== 0) throw new Error(`git fast-import: ${imported.stderr}`)
    synced.set(repository.id, repository.revision)
    return dir
  }
  const materialize = (repository: Repository): Promise<string> => {
    const pending = (syncing.get(repository.id) ?? Promise.resolve('')).then(() => sync(repository))
    syncing.set(repository.id, pending)
    return pending
  }

  const find = (request: SimRequest): Repository | undefined => {
    const repository = world.findRepository(host, request.params.owner!, request.params.repo!.replace(/\.git$/, ''))
    return repository && world.ownerOf(repository).forge === 'git' ? repository : undefined
  }

  /** Runs `git http-backend` as the CGI it is, for the repository's bare directory. */
  const backend = async (request: SimRequest, service: string): Promise<SimResponse> => {
    const repository = find(request)
    if (!repository) return { status: 404, raw: 'Repository not found\n' }
    await materialize(repository)
    const cgi = await run('git', ['http-backend'], {
      env: {
        ...env,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: `/${repository.id}.git/${service}`,
        REQUEST_METHOD: request.method,
        QUERY_STRING: request.query.toString(),
        CONTENT_TYPE: String(request.headers['content-type'] ?? ''),
        CONTENT_LENGTH: String(request.body.length),
        REMOTE_ADDR: '127.0.0.1',
        ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {}),
        ...(request.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(request.headers['content-encoding']) } : {}),
      },
      input: request.body,
    })
    const separator = cgi.stdout.indexOf('\r\n\r\n') !== -1 ? '\r\n\r\n' : '\n\n'
    const end = cgi.stdout.indexOf(separator)
    const headers: Record<string, string> = {}
    let status = 200
    for (const line of cgi.stdout.subarray(0, end).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':')
      const [name, value] = [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]
      if (name === 'status') status = Number.parseInt(value, 10)
      else if (name) headers[name] = value
    }
    const contentType = headers['content-type'] ?? 'text/plain'
    delete headers['content-type']
    return { status, headers, raw: cgi.stdout.subarray(end + separator.length), contentType }
  }

  const routes: Route[] = [
    { method: 'GET', pattern: '/:owner/:repo/info/refs', handler: (request) => backend(request, 'info/refs') },
    { method: 'POST', pattern: '/:owner/:repo/git-upload-pack', handler: (request) => backend(request, 'git-upload-pack') },
  ]

  const server = await startSimServer({
    routes,
    stats,
    faults,
    port: options.port,
    hooks: {
      etag: () => false,
      rateLimited: () => ({ status: 429, raw: 'Too Many Requests\n', headers: { 'retry-after': faults.retryAfterSeconds } }),
      notFound: () => ({ status: 404, raw: 'Not Found\n' }),
    },
  })
  return {
    url: server.url,
    stats,
    faults,
    cloneUrl: (repository) => `${server.url}/${world.fullName(repository)}.git`,
    materialize,
    stop: async () => {
      await server.stop()
      await Promise.allSettled(syncing.values())
      await fs.rm(root, { recursive: true, force: true })
    },
  }
}
