// Test support: git repositories served on the loopback interface (git daemon, and smart HTTP
// through `git http-backend`), and a server that accepts connections and never answers.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort, waitFor } from '../../testing/processes.ts'

const run = promisify(execFile)
const GIT_IDENTITY = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' }

/** Writes files (path → content) under a folder, creating the folders they need. */
export async function writeFiles(folder: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(folder, file)), { recursive: true })
    await fs.writeFile(path.join(folder, file), content)
  }
}

/** A git repository named `name` under `base`, with one commit holding the files. */
export async function createGitRepository(base: string, name: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const folder = path.join(base, name)
  await writeFiles(folder, files)
  const git = (...args: string[]) => run('git', ['-c', 'init.defaultBranch=main', ...args], { cwd: folder, env: { ...process.env, ...GIT_IDENTITY } })
  await git('init', '--quiet')
  await git('add', '--all')
  await git('commit', '--quiet', '--message', 'Initial commit')
  return folder
}

export interface TestServer {
  /** Base URL of the repositories, e.g. `git://127.0.0.1:9418`. */
  base: string
  stop(): Promise<void>
}

/** `git daemon` serving every repository under `base` at git://127.0.0.1:PORT/NAME. */
export async function startGitDaemon(base: string): Promise<TestServer> {
  const port = await freePort()
  const daemon: ChildProcess = spawn('git', ['daemon', '--export-all', `--base-path=${base}`, `--port=${port}`, '--listen=127.0.0.1', '--reuseaddr', base], { stdio: 'ignore' })
  await waitFor(() => canConnect(port), 10_000, 'git daemon')
  return {
    base: `git://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        daemon.once('exit', () => resolve())
        daemon.kill()
      }),
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

/** Smart HTTP: each request runs `git http-backend` as a CGI program. */
export async function startGitHttpServer(base: string): Promise<TestServer> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const backend = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: base,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: request.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: request.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(request.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: '127.0.0.1',
      },
    })
    request.pipe(backend.stdin)
    let head = Buffer.alloc(0)
    let headersSent = false
    backend.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) return void response.write(chunk)
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end === -1) return
      const headers: Record<string, string> = {}
      let status = 200
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const [name = '', ...value] = line.split(': ')
        if (name.toLowerCase() === 'status') status = Number.parseInt(value.join(': '), 10)
        else headers[name] = value.join(': ')
      }
      response.writeHead(status, headers)
      headersSent = true
      response.write(head.subarray(end + 4))
    })
    backend.stdout.on('end', () => response.end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { base: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, stop: () => closeServer(server) }
}

/** A TCP server that accepts connections and never answers a byte. */
export async function startSilentServer(): Promise<TestServer> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    stop: () => {
      for (const socket of sockets) socket.destroy()
      return closeServer(server)
    },
  }
}

function closeServer(server: net.Server): Promise<void> {
  if ('closeAllConnections' in server) (server as http.Server).closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}

/** A temporary folder, removed by the returned function. */
export async function temporaryFolder(prefix = 'socle-test-'): Promise<{ folder: string; remove(): Promise<void> }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix))
  return { folder, remove: () => fs.rm(folder, { recursive: true, force: true }) }
}
