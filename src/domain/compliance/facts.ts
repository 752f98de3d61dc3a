import { detectLicence, isLicenceFileName } from '../licences/index.ts'
import { validatePublicCode, type RepositoryFiles, type ValidationResult } from '../publiccode/index.ts'
import { baseName, folderOf, readText, type RepositorySnapshot, type SnapshotFile } from './snapshot.ts'

/** Where forges look for a project's community files (README, CONTRIBUTING, SECURITY…), in their order. */
const COMMUNITY_FOLDERS = ['', '.github', 'docs', '.gitlab'] as const

/** Licence texts are a few kilobytes; detectLicence reads no more than this anyway. */
const LICENCE_BYTES = 512 * 1024
/** The validator refuses a publiccode.yml over 1 MiB: one byte more tells it the file is too large. */
const PUBLICCODE_BYTES = 1024 * 1024 + 1
/** The validator reads a file the publiccode.yml points to for its PNG header only (the logo's width). */
const ASSET_PROBE_BYTES = 32
const MAX_ASSET_READS = 100
/** Licence files read at most: a work has a few; thousands would only cost time. */
const MAX_LICENCE_FILES = 20

export interface LicenceFile {
  path: string
  /** The SPDX expression recognised in the file, or null. */
  expression: string | null
}

export interface PublicCodeFile {
  path: string
  text: string
  result: ValidationResult
}

/**
 * A snapshot with the lookups several rules share (licence files, publiccode.yml), each made once
 * per check.
 */
export class RepositoryFacts {
  private folders: Map<string, SnapshotFile[]> | undefined
  private licences: Promise<LicenceFile[]> | undefined
  private publicCodeFile: Promise<PublicCodeFile | null> | undefined

  constructor(readonly snapshot: RepositorySnapshot) {}

  /** The files directly in `folder` (`''` for the root). */
  filesIn(folder: string): readonly SnapshotFile[] {
    if (!this.folders) {
      this.folders = new Map()
      for (const file of this.snapshot.files) {
        const key = folderOf(file.path)
        const list = this.folders.get(key)
        if (list) list.push(file)
        else this.folders.set(key, [file])
      }
    }
    return this.folders.get(folder) ?? []
  }

  /** The files named like `name` in the given folders, the folders' order first. */
  find(name: RegExp, folders: readonly string[] = COMMUNITY_FOLDERS): SnapshotFile[] {
    return folders.flatMap((folder) => this.filesIn(folder).filter((file) => name.test(baseName(file.path))))
  }

  text(path: string, maxBytes: number): Promise<string | null> {
    return readText(this.snapshot, path, maxBytes)
  }

  /**
   * The licence files of the root (LICENSE, COPYING…) with what each holds; without any, those of
   * the LICENSES folder of the REUSE layout, one licence a file.
   */
  licenceFiles(): Promise<LicenceFile[]> {
    this.licences ??= (async () => {
      const atRoot = this.filesIn('').filter((file) => isLicenceFileName(baseName(file.path)))
      const files = (atRoot.length > 0 ? atRoot : this.filesIn('LICENSES')).slice(0, MAX_LICENCE_FILES)
      return await Promise.all(
        files.map(async ({ path }) => {
          const text = await this.text(path, LICENCE_BYTES)
          return { path, expression: text === null ? null : detectLicence(text, baseName(path)).expression }
        }),
      )
    })()
    return this.licences
  }

  /** The publiccode.yml of the root, validated with the files it points to; null when there is none. */
  publicCode(): Promise<PublicCodeFile | null> {
    this.publicCodeFile ??= (async () => {
      const file = this.filesIn('').find((candidate) => /^publiccode\.ya?ml$/.test(candidate.path))
      if (!file) return null
      const bytes = (await this.snapshot.read(file.path, PUBLICCODE_BYTES)) ?? new Uint8Array()
      const options = { fileName: file.path }
      // The validator reads files synchronously: a first pass learns which ones it wants, then
      // they are read and the second pass uses them.
      const wanted = new Set<string>()
      const first = validatePublicCode(bytes, { ...options, files: { read: (path) => (wanted.add(path), null) } })
      const result = wanted.size === 0 ? first : validatePublicCode(bytes, { ...options, files: await this.assets(wanted) })
      return { path: file.path, text: new TextDecoder().decode(bytes), result }
    })()
    return this.publicCodeFile
  }

  /** The files a publiccode.yml points to, as the validator reads them: a listed file has content. */
  private async assets(paths: ReadonlySet<string>): Promise<RepositoryFiles> {
    const listed = new Set(this.snapshot.files.map((file) => file.path))
    const contents = new Map<string, Uint8Array>()
    for (const path of paths) {
      if (!listed.has(path)) continue
      const content = contents.size < MAX_ASSET_READS ? await this.snapshot.read(path, ASSET_PROBE_BYTES) : null
      contents.set(path, content ?? new Uint8Array())
    }
    return { read: (path) => contents.get(path) ?? null }
  }
}
