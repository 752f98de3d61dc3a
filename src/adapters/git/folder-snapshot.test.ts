import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FolderNotFound, readFolder } from './folder-snapshot.ts'
import { createGitRepository, temporaryFolder, writeFiles } from './test-servers.ts'

let base: { folder: string; remove(): Promise<void> }
beforeAll(async () => {
  base = await temporaryFolder()
})
afterAll(async () => {
  await base.remove()
})

const decode = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes))

describe('readFolder', () => {
  it('lists regular files, the root first, without .git', async () => {
    const folder = path.join(base.folder, 'plain')
    await writeFiles(folder, { 'z.md': 'z', 'a/b/c.txt': 'c', 'a/x.txt': 'x', '.git/config': '[core]', 'sub/.git/HEAD': 'ref' })
    const snapshot = await readFolder(folder)
    expect(snapshot.files).toEqual([
      { path: 'z.md', size: 1 },
      { path: 'a/x.txt', size: 1 },
      { path: 'a/b/c.txt', size: 1 },
    ])
    expect(snapshot.truncated).toBe(false)
    expect(decode(await snapshot.read('a/b/c.txt', 100))).toBe('c')
    expect(await snapshot.read('.git/config', 100)).toBeNull()
    expect(await snapshot.read('../plain/z.md', 100)).toBeNull()
  })

  it('leaves out what git ignores in a work tree, as it is not published', async () => {
    const folder = await createGitRepository(base.folder, 'work-tree', { '.gitignore': '.env\nnode_modules/\n', 'README.md': '# R\n' })
    await writeFiles(folder, { '.env': 'TOKEN=x\n', 'node_modules/dep/index.js': 'x', 'new.txt': 'not committed yet' })
    const paths = (await readFolder(folder)).files.map((file) => file.path)
    expect(paths).toEqual(['.gitignore', 'README.md', 'new.txt'])
    expect((await readFolder(folder, { gitIgnore: false })).files.map((file) => file.path)).toContain('.env')
  })

  it('never follows a symlink, to a file or to a folder out of the tree', async () => {
    const outside = path.join(base.folder, 'outside')
    await writeFiles(outside, { 'secret.txt': 'do not read' })
    const folder = path.join(base.folder, 'links')
    await writeFiles(folder, { 'README.md': 'readme' })
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(folder, 'LICENSE'))
    fs.symlinkSync(outside, path.join(folder, 'linked'))
    fs.symlinkSync('README.md', path.join(folder, 'inside'))
    const snapshot = await readFolder(folder)
    expect(snapshot.files.map((file) => file.path)).toEqual(['README.md'])
    for (const file of ['LICENSE', 'linked/secret.txt', 'inside']) expect(await snapshot.read(file, 100)).toBeNull()
  })

  it('reads file names that are not UTF-8', async () => {
    const folder = path.join(base.folder, 'latin1')
    fs.mkdirSync(folder)
    fs.writeFileSync(Buffer.from(`${folder}/caf\xe9.txt`, 'latin1'), 'café')
    fs.writeFileSync(path.join(folder, 'été.txt'), 'été')
    const snapshot = await readFolder(folder)
    expect(snapshot.files.map((file) => file.path)).toEqual(['caf%E9.txt', 'été.txt'])
    expect(decode(await snapshot.read('caf%E9.txt', 100))).toBe('café')
  })

  it('reads at most maxFileBytes of a 200 MB file, in bounded time', async () => {
    const folder = path.join(base.folder, 'large')
    fs.mkdirSync(folder)
    const file = path.join(folder, 'disk.img')
    fs.writeFileSync(file, '')
    fs.truncateSync(file, 200 * 1024 * 1024)
    const start = performance.now()
    const snapshot = await readFolder(folder)
    const bytes = await snapshot.read('disk.img', Number.MAX_SAFE_INTEGER)
    console.log(`200 MB sparse file listed and read in ${(performance.now() - start).toFixed(0)} ms`)
    expect(snapshot.files).toEqual([{ path: 'disk.img', size: 200 * 1024 * 1024 }])
    expect(bytes?.length).toBe(1024 * 1024)
  })

  it('stops listing at maxFiles and says so, after the root files', async () => {
    const folder = path.join(base.folder, 'many')
    await writeFiles(folder, { 'README.md': 'r', 'a/1': '', 'a/2': '', 'b/3': '' })
    const snapshot = await readFolder(folder, { maxFiles: 2 })
    expect(snapshot.files.map((file) => file.path)).toEqual(['README.md', 'a/1'])
    expect(snapshot.truncated).toBe(true)
  })

  it('lists 100,000 files', async () => {
    const folder = path.join(base.folder, 'hundred-thousand')
    // Empty files, created synchronously: the quickest way from JavaScript (a few seconds).
    for (let d = 0; d < 100; d++) {
      fs.mkdirSync(path.join(folder, `d${d}`), { recursive: true })
      for (let f = 0; f < 1000; f++) fs.closeSync(fs.openSync(path.join(folder, `d${d}`, String(f)), 'w'))
    }
    fs.writeFileSync(path.join(folder, 'README.md'), '')
    const start = performance.now()
    const snapshot = await readFolder(folder)
    console.log(`100,001 files listed in ${(performance.now() - start).toFixed(0)} ms`)
    expect(snapshot.files).toHaveLength(100_000)
    expect(snapshot.files[0]?.path).toBe('README.md')
    expect(snapshot.truncated).toBe(true)
  })

  it('refuses what is not a folder', async () => {
    await expect(readFolder(path.join(base.folder, 'nothing'))).rejects.toBeInstanceOf(FolderNotFound)
    await expect(readFolder(path.join(base.folder, 'plain', 'z.md'))).rejects.toBeInstanceOf(FolderNotFound)
  })
})
