import { walk } from './walk.ts'

/**
 * Whether a folder holds more than `limit` bytes, `.git` included, stopping as soon as the limit is
 * passed. Files that vanish meanwhile (git renames its temporary files) count for nothing.
 */
export async function isLargerThan(folder: string, limit: number): Promise<boolean> {
  let total = 0
  await walk(Buffer.from(folder), {
    skip: () => false,
    file: (_relative, stat) => (total += stat.size) <= limit,
  })
  return total > limit
}
