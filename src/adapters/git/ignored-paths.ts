import { execFile } from 'node:child_process'

/**
 * What git ignores in a folder of a work tree (node_modules, build output, `.env`…): files that are
 * not published, so not checked. Paths are relative to the folder, as their bytes read in latin1
 * (one character a byte, whatever their encoding), folders with a trailing `/`. Outside a work tree,
 * or without git, nothing is ignored.
 */
export function gitIgnoredPaths(folder: string): Promise<Set<string>> {
  return new Promise((resolve) => {
    execFile(
      'git',
      // fsmonitor would run a program named by the repository's configuration: off.
      ['-c', 'core.fsmonitor=false', 'ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory'],
      { cwd: folder, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 30_000, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout) => {
        if (error) return resolve(new Set())
        const paths = new Set<string>()
        for (let start = 0, end = stdout.indexOf(0); end !== -1; start = end + 1, end = stdout.indexOf(0, start)) {
          paths.add(stdout.toString('latin1', start, end))
        }
        resolve(paths)
      },
    )
  })
}
