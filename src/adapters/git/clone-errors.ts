/** The URL may not be cloned: not http(s), credentials, or an address that is not public. */
export class CloneRefused extends Error {}

/** git could not clone the repository: unreachable, not a repository, too slow or too large. */
export class CloneFailed extends Error {}
