import { CloneFailed, CloneRefused, FolderNotFound, readFolder, withClone, type CloneOptions } from '../../adapters/git/index.ts'
import { runRules, type ComplianceReport } from '../../domain/compliance/index.ts'

/** The compliance report of one repository, as the CLI's --json, the API and the page give it. */
export interface CheckReport extends ComplianceReport {
  /** The folder or URL checked, as given. */
  target: string
}

/**
 * Why a check could not be made: `refused`, a URL Socle does not fetch (scheme, private address);
 * `not-found`, no such folder; `failed`, the clone failed (unreachable, too slow, too large);
 * `busy`, too many clones at once.
 */
export class CheckError extends Error {
  constructor(
    readonly kind: 'refused' | 'not-found' | 'failed' | 'busy',
    message: string,
  ) {
    super(message)
  }
}

export type RemoteCheckOptions = CloneOptions

/** Clones at once in one process: each takes a git process, disk and up to a minute. */
const MAX_CONCURRENT_CLONES = 4
let clonesRunning = 0

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i
/** `git@forge:org/repository.git`: an SSH address, which needs keys Socle does not have. */
const SCP_LIKE = /^[\w.-]+@[\w.-]+:/

/** Checks a local folder or, for a URL, a shallow clone of it: what `socle check` runs. */
export function checkRepository(target: string, options: RemoteCheckOptions = {}): Promise<CheckReport> {
  return URL_LIKE.test(target) ? checkRemoteRepository(target, options) : checkLocalRepository(target)
}

/** Checks a folder as it would be published: the files git ignores are left out. */
export async function checkLocalRepository(folder: string): Promise<CheckReport> {
  let snapshot
  try {
    snapshot = await readFolder(folder)
  } catch (error) {
    if (!(error instanceof FolderNotFound)) throw error
    if (SCP_LIKE.test(folder)) throw new CheckError('refused', `${folder} is an SSH address: give the https:// URL of the repository.`)
    throw new CheckError('not-found', error.message)
  }
  return { target: folder, ...(await runRules(snapshot)) }
}

/**
 * Checks the repository at a URL (https:// or http://), from a shallow clone removed afterwards. The
 * only check a web request may ask for: it never reads a folder of the server.
 */
export async function checkRemoteRepository(url: string, options: RemoteCheckOptions = {}): Promise<CheckReport> {
  if (clonesRunning >= MAX_CONCURRENT_CLONES) throw new CheckError('busy', 'Too many repositories are being checked right now: try again in a minute.')
  clonesRunning++
  try {
    // A clone holds the files of one commit: nothing in it is ignored.
    return await withClone(url, options, async (folder) => ({ target: url, ...(await runRules(await readFolder(folder, { gitIgnore: false }))) }))
  } catch (error) {
    if (error instanceof CloneRefused) throw new CheckError('refused', error.message)
    if (error instanceof CloneFailed) throw new CheckError('failed', error.message)
    throw error
  } finally {
    clonesRunning--
  }
}
