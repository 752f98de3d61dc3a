import { stringify } from 'yaml'
import type { Forges, World } from './forge-sim/index.ts'

/**
 * The sources file of a simulated world: its forges (pointing at the local servers) and its public
 * bodies with their accounts — top-level accounts only, since a GitLab group's crawl includes its
 * subgroups — and, on plain git servers, one source per repository.
 */
export function sourcesYaml(world: World, forges: Forges): string {
  const bodies = new Map<number, { name: string; slug: string; kind: string; accounts: string[] }>()
  const bodyOf = (id: number) => {
    let body = bodies.get(id)
    if (!body) {
      const b = world.body(id)
      body = { name: b.name, slug: `body-${id}`, kind: 'other', accounts: [] }
      bodies.set(id, body)
    }
    return body
  }
  for (const account of world.accounts()) {
    if (account.forge === 'git' || account.parentId !== null) continue
    bodyOf(account.bodyId).accounts.push(`https://${account.host}/${account.fullPath}`)
  }
  for (const repository of world.plainGitRepositories()) {
    const owner = world.ownerOf(repository)
    bodyOf(owner.bodyId).accounts.push(`https://${owner.host}/${world.fullName(repository)}.git`)
  }
  return stringify({
    forges: forges.instances.map((i) => ({ host: i.host, kind: i.kind, api_url: i.apiUrl })),
    bodies: [...bodies.values()],
  })
}
