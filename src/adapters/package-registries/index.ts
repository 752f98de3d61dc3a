import type { LibraryAccount } from '../../domain/registry/library-accounts.ts'
import { NpmRegistry } from './npm.ts'
import type { PackageRegistry, PublishedPackage, RegistryOptions } from './package-registry.ts'
import { PypiRegistry } from './pypi.ts'

export { NpmRegistry } from './npm.ts'
export { type PackageRegistry, type PublishedPackage, RegistryError, type RegistryOptions } from './package-registry.ts'
export { PypiRegistry } from './pypi.ts'

/** Every registry Socle reads, each behind its own base URL: lists any account by its ecosystem. */
export function packageRegistries(options: { npm?: RegistryOptions; pypi?: RegistryOptions } = {}): PackageRegistry {
  const byEcosystem: Record<LibraryAccount['ecosystem'], PackageRegistry> = { npm: new NpmRegistry(options.npm), pypi: new PypiRegistry(options.pypi) }
  return { listPackages: (account: LibraryAccount): Promise<PublishedPackage[]> => byEcosystem[account.ecosystem].listPackages(account) }
}
