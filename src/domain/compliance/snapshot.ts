/** One file of a repository: its POSIX path relative to the repository's root, and its size in bytes. */
export interface SnapshotFile {
  path: string
  size: number
}

/**
 * Read access to the files of a repository, for the compliance rules. The rules never touch a file
 * system or a network themselves: an adapter (a local folder, a clone) gives them this view.
 */
export interface RepositorySnapshot {
  /** Regular files only (no symlinks, no `.git`), the files of the root first. */
  files: readonly SnapshotFile[]
  /** True when the listing stopped at its cap: files beyond it are not checked. */
  truncated: boolean
  /**
   * At most `maxBytes` from the start of a listed file, or null when the path is not a listed file
   * or cannot be read. Adapters may cap `maxBytes` further.
   */
  read(path: string, maxBytes: number): Promise<Uint8Array | null>
}

/** Bytes looked at to tell a binary file from a text file, as git does. */
const BINARY_PROBE = 8000

/** The start of a file as text, or null when it is missing, unreadable or binary (a NUL byte near its start). */
export async function readText(snapshot: RepositorySnapshot, path: string, maxBytes: number): Promise<string | null> {
  const bytes = await snapshot.read(path, maxBytes)
  if (bytes === null || bytes.subarray(0, BINARY_PROBE).includes(0)) return null
  return new TextDecoder('utf-8').decode(bytes)
}

/** The file's name: the last segment of its path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** The folder of a path, `''` for the root. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/** The 1-based line number of any character offset of a text, each in O(log lines) once built. */
export function lineFinder(text: string): (offset: number) => number {
  const breaks: number[] = []
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i)
  return (offset) => {
    let low = 0
    let high = breaks.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((breaks[middle] as number) < offset) low = middle + 1
      else high = middle
    }
    return low + 1
  }
}
