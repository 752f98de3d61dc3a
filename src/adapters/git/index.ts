// Repositories as snapshots for the compliance rules: a local folder, or a shallow clone of a URL.
export { withClone, type CloneOptions } from './clone.ts'
export { CloneFailed, CloneRefused } from './clone-errors.ts'
export { FolderNotFound, readFolder, type FolderSnapshotOptions } from './folder-snapshot.ts'
