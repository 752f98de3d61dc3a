import fs, { constants } from 'node:fs'
import fsPromises from 'node:fs/promises'
import type { RepositorySnapshot, SnapshotFile } from '../../domain/compliance/index.ts'
import { gitIgnoredPaths } from './ignored-paths.ts'
import { timeSlicer, walk } from './walk.ts'

export interface FolderSnapshotOptions {
  /** Files listed at most; the listing stops there and says it was truncated. */
  maxFiles?: number
  /** Bytes read at most from one file, whatever a rule asks. */
  maxFileBytes?: number
  /** Leave out the files git ignores, when the folder is in a work tree (default: true). */
  gitIgnore?: boolean
}

export class FolderNotFound extends Error {}

const DEFAULT_MAX_FILES = 100_000
const DEFAULT_MAX_FILE_BYTES = 1024 * 1024
const SLASH = Buffer.from('/')
const GIT = Buffer.from('.git')
/** A file swapped for a symlink after the listing is not followed; a FIFO does not block the open. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK

/**
 * A path for people and rules: UTF-8 when the name is UTF-8, else each byte outside ASCII as `%XX`,
 * so that any file name gives a distinct, printable path.
 */
function displayPath(raw: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw)
  } catch {
    return [...raw].map((byte) => (byte < 0x80 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('')
  }
}

/**
 * A snapshot of a local folder, with bounds fit for any folder: `.git` folders are skipped,
 * symlinks are neither listed nor followed (a link out of the tree is never read), the listing stops
 * at `maxFiles`, reads stop at `maxFileBytes`, and file names need not be UTF-8. Folders are listed
 * breadth first, so the root's files (README, LICENSE…) are listed whatever the cap.
 */
export async function readFolder(folder: string, options: FolderSnapshotOptions = {}): Promise<RepositorySnapshot> {
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  let root: Buffer
  try {
    root = Buffer.from(await fsPromises.realpath(folder))
    if (!(await fsPromises.stat(root)).isDirectory()) throw new Error('not a folder')
  } catch {
    throw new FolderNotFound(`${folder} is not a folder.`)
  }
  const ignored = options.gitIgnore === false ? new Set<string>() : await gitIgnoredPaths(root.toString())

  const files: SnapshotFile[] = []
  const rawPaths = new Map<string, Buffer>()
  let truncated = false
  await walk(root, {
    skip: (relative, entry) => {
      if (entry.name.equals(GIT)) return true
      const key = relative.toString('latin1')
      return ignored.has(key) || ignored.has(`${key}/`)
    },
    file: (relative, stat) => {
      if (files.length >= maxFiles) {
        truncated = true
        return false
      }
      const path = displayPath(relative)
      if (!rawPaths.has(path)) {
        rawPaths.set(path, relative)
        files.push({ path, size: stat.size })
      }
      return true
    },
  })

  const breathe = timeSlicer()
  return {
    files,
    truncated,
    async read(path, maxBytes) {
      const raw = rawPaths.get(path)
      if (!raw) return null
      await breathe()
      let descriptor: number
      try {
        descriptor = fs.openSync(Buffer.concat([root, SLASH, raw]), OPEN_FLAGS)
      } catch {
        return null
      }
      try {
        const stat = fs.fstatSync(descriptor)
        if (!stat.isFile()) return null
        const buffer = Buffer.alloc(Math.max(0, Math.min(maxBytes, maxFileBytes, stat.size)))
        return buffer.subarray(0, buffer.length === 0 ? 0 : fs.readSync(descriptor, buffer, 0, buffer.length, 0))
      } catch {
        return null
      } finally {
        fs.closeSync(descriptor)
      }
    },
  }
}
