// Every forge of a world on local servers: one GitHub, one GitLab per GitLab host (gitlab.com and the
// self-hosted instances), one Gitea per Gitea/Forgejo host and one git server per plain git host,
// sharing one set of fault switches. `instances` is what Socle's sources file lists as `forges:`.
import { type FaultOptions, Faults, type Stats } from './faults.ts'
import { startGiteaServer, type GiteaServerOptions } from './gitea-server.ts'
import { startGitHubServer, type GitHubServer, type GitHubServerOptions } from './github-server.ts'
import { startGitLabServer, type GitLabServerOptions } from './gitlab-server.ts'
import { type GitServer, startGitServer } from './git-server.ts'
import type { ForgeServer } from './http.ts'
import type { ForgeKind, World } from './world.ts'

export { createWorld, gitBlobSha, World } from './world.ts'
export type { Account, ForgeKind, PublicBody, Repository, WorldOptions } from './world.ts'
export { FAULT_KINDS, Faults, type FaultKind, type FaultOptions, type Stats } from './faults.ts'
export { startGitHubServer, type GitHubServer, type GitHubServerOptions } from './github-server.ts'
export { startGitLabServer, type GitLabServerOptions } from './gitlab-server.ts'
export { startGiteaServer, type GiteaServerOptions } from './gitea-server.ts'
export { startGitServer, type GitServer, type GitServerOptions } from './git-server.ts'
export type { ForgeServer } from './http.ts'

export interface ForgesOptions {
  github?: Omit<GitHubServerOptions, 'host' | 'faults'>
  gitlab?: Omit<GitLabServerOptions, 'host' | 'faults'>
  gitea?: Omit<GiteaServerOptions, 'host' | 'faults'>
  /** Shared by every server (a Faults instance, or the options of a new one). */
  faults?: Faults | FaultOptions
}

/** A forge instance as Socle's sources file declares it: web host, kind, API base URL. */
export interface ForgeInstance {
  host: string
  kind: ForgeKind
  apiUrl: string
}

export interface Forges {
  /** Absent when the world has no GitHub account. */
  github?: GitHubServer
  gitlab: Record<string, ForgeServer>
  gitea: Record<string, ForgeServer>
  git: Record<string, GitServer>
  instances: ForgeInstance[]
  faults: Faults
  /** Stats of every server, by host. */
  stats(): Record<string, Stats>
  stop(): Promise<void>
}

const running = new Set<Forges>()

export async function startForges(world: World, options: ForgesOptions = {}): Promise<Forges> {
  const faults = options.faults instanceof Faults ? options.faults : new Faults(options.faults)
  const servers = await Promise.all(
    world.hosts().map(async ({ host, forge }) => {
      switch (forge) {
        case 'github':
          return { host, forge, server: await startGitHubServer(world, { ...options.github, host, faults }) }
        case 'gitlab':
          return { host, forge, server: await startGitLabServer(world, { ...options.gitlab, host, faults }) }
        case 'gitea':
          return { host, forge, server: await startGiteaServer(world, { ...options.gitea, host, faults }) }
        case 'git':
          return { host, forge, server: await startGitServer(world, { host, faults }) }
      }
    }),
  )
  const byKind = <T extends ForgeServer>(kind: ForgeKind): Record<string, T> =>
    Object.fromEntries(servers.filter((s) => s.forge === kind).map((s) => [s.host, s.server as T]))
  const forges: Forges = {
    github: servers.find((s) => s.forge === 'github')?.server as GitHubServer | undefined,
    gitlab: byKind('gitlab'),
    gitea: byKind('gitea'),
    git: byKind<GitServer>('git'),
    instances: servers.map(({ host, forge, server }) => ({ host, kind: forge, apiUrl: server.url })),
    faults,
    stats: () => Object.fromEntries(servers.map((s) => [s.host, s.server.stats])),
    stop: async () => {
      running.delete(forges)
      await Promise.all(servers.map((s) => s.server.stop()))
    },
  }
  running.add(forges)
  return forges
}

/** Stops `forges`, or every set started and not yet stopped (for an afterAll). */
export async function stopForges(forges?: Forges): Promise<void> {
  await Promise.all((forges ? [forges] : [...running]).map((f) => f.stop()))
}
