import type { RepositorySnapshot } from './snapshot.ts'

/** A snapshot of files held in memory (path → content): tests, and the root files a crawl read. */
export function memorySnapshot(files: Readonly<Record<string, string | Uint8Array>>): RepositorySnapshot {
  const contents = new Map(Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? new TextEncoder().encode(content) : content]))
  const depth = (path: string) => path.split('/').length
  return {
    files: [...contents].map(([path, bytes]) => ({ path, size: bytes.length })).sort((a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path)),
    truncated: false,
    read: async (path, maxBytes) => contents.get(path)?.subarray(0, maxBytes) ?? null,
  }
}
