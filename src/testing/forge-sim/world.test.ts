import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { createWorld } from './world.ts'

describe('createWorld', () => {
  it('is deterministic: the same seed gives the same world, another seed another', () => {
    const a = createWorld({ seed: 'x', accounts: 60, repositories: 500 })
    const b = createWorld({ seed: 'x', accounts: 60, repositories: 500 })
    const c = createWorld({ seed: 'y', accounts: 60, repositories: 500 })
    expect(JSON.stringify(a.repositories())).toBe(JSON.stringify(b.repositories()))
    expect(JSON.stringify(a.accounts())).toBe(JSON.stringify(b.accounts()))
    const repo = a.repositories()[42]!
    expect(a.fileText(repo, 'README.md')).toBe(b.fileText(b.repository(repo.id)!, 'README.md'))
    expect(JSON.stringify(c.repositories())).not.toBe(JSON.stringify(a.repositories()))
  })

  it('has the asked sizes, every forge, GitLab subgroups and a skewed distribution', () => {
    const world = createWorld({ seed: 3, accounts: 400, repositories: 8000 })
    expect(world.accounts()).toHaveLength(400)
    expect(world.repositories()).toHaveLength(8000)
    const kinds = new Set(world.hosts().map((h) => h.forge))
    expect([...kinds].sort()).toEqual(['git', 'gitea', 'github', 'gitlab'])
    expect(world.hosts().map((h) => h.host)).toEqual(expect.arrayContaining(['github.com', 'gitlab.com', 'codeberg.org']))
    expect(world.accounts({ forge: 'gitlab' }).some((a) => a.parentId !== null && a.fullPath.includes('/'))).toBe(true)
    const counts = world.accounts().map((a) => world.repositoriesOf(a).length).sort((x, y) => x - y)
    const median = counts[200]!
    expect(median).toBeLessThan(20)
    expect(counts.at(-1)!).toBeGreaterThan(10 * median)
  })

  it('describes public bodies with valid SIRENs and parents', () => {
    const world = createWorld({ seed: 5, accounts: 300, repositories: 1000 })
    const luhn = (digits: string): boolean =>
      [...digits].reverse().reduce((sum, d, i) => {
        const n = Number(d) * (i % 2 ? 2 : 1)
        return sum + (n > 9 ? n - 9 : n)
      }, 0) % 10 === 0
    const sirens = world.bodies.flatMap((b) => (b.siren ? [b.siren] : []))
    expect(sirens.length).toBeGreaterThan(world.bodies.length / 2)
    expect(sirens.every((s) => /^\d{9}$/.test(s) && luhn(s))).toBe(true)
    expect(new Set(world.bodies.map((b) => b.kind))).toEqual(new Set(['ministry', 'agency', 'operator', 'local-authority', 'university', 'hospital']))
    expect(world.bodies.some((b) => b.parentId !== null && world.body(b.parentId).kind === 'ministry')).toBe(true)
    expect(new Set(world.bodies.map((b) => b.slug)).size).toBe(world.bodies.length)
  })

  it('renders files: licences, manifests and publiccode.yml (valid for most, a few invalid)', () => {
    const world = createWorld({ seed: 7, accounts: 200, repositories: 4000 })
    const repos = world.repositories()
    const mit = repos.find((r) => r.license === 'MIT')!
    expect(world.fileText(mit, 'LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /)
    const eupl = repos.find((r) => r.license === 'EUPL-1.2')!
    expect(world.fileText(eupl, 'LICENSE')).toContain('EUROPEAN UNION PUBLIC LICENCE v. 1.2')
    expect(repos.some((r) => r.license === 'NOASSERTION')).toBe(true)
    expect(repos.some((r) => r.license === null && !r.files.includes('LICENSE'))).toBe(true)

    const withPubliccode = repos.filter((r) => r.publiccode)
    expect(withPubliccode.length / repos.length).toBeGreaterThan(0.1)
    expect(withPubliccode.length / repos.length).toBeLessThan(0.2)
    const valid = withPubliccode.filter((r) => r.publiccode === 'valid')
    expect(valid.length / withPubliccode.length).toBeGreaterThan(0.75)
    for (const repo of valid.slice(0, 50)) {
      const document = parse(world.fileText(repo, 'publiccode.yml')!)
      expect(document).toMatchObject({ publiccodeYmlVersion: '0.4', name: repo.name, developmentStatus: expect.any(String), description: { fr: { shortDescription: expect.any(String) } } })
      expect(document.description.fr.longDescription.length).toBeGreaterThan(150)
    }

    const manifests = ['package.json', 'requirements.txt', 'pyproject.toml', 'pom.xml', 'go.mod', 'Cargo.toml', 'composer.json', 'Gemfile']
    for (const manifest of manifests) {
      const repo = repos.find((r) => r.files.includes(manifest))
      expect(repo, manifest).toBeDefined()
      expect(world.fileText(repo!, manifest)!.length).toBeGreaterThan(20)
    }
    const node = repos.find((r) => r.files.includes('package.json'))!
    expect(JSON.parse(world.fileText(node, 'package.json')!)).toMatchObject({ name: node.name, dependencies: expect.any(Object) })
    expect(world.fileText(node, 'no-such-file')).toBeNull()
  })

  it('mutates: push, star, rename, transfer, remove, removeAccount, addRepository', () => {
    const world = createWorld({ seed: 11, accounts: 50, repositories: 400 })
    const github = world.accounts({ forge: 'github' }).filter((a) => world.repositoriesOf(a).length > 1)
    const [owner, other] = [github[0]!, github[1]!]
    const repo = world.repositoriesOf(owner).find((r) => r.files.includes('README.md'))!
    const readme = world.fileText(repo, 'README.md')
    const head = world.headCommit(repo).oid

    world.push(repo)
    expect(repo.pushedAt).toBe(world.now)
    expect(world.fileText(repo, 'README.md')).not.toBe(readme)
    expect(world.headCommit(repo).oid).not.toBe(head)

    const stars = repo.stars
    world.star(repo, 5)
    expect(repo.stars).toBe(stars + 5)

    const oldName = repo.name
    world.rename(repo, 'renamed-repository')
    expect(world.findRepository(owner.host, owner.login, 'renamed-repository')).toBe(repo)
    expect(world.findRepository(owner.host, owner.login, oldName)).toBeUndefined()
    expect(world.movedRepository(owner.host, owner.login, oldName)).toBe(repo)

    world.transfer(repo, other)
    expect(world.fullName(repo)).toBe(`${other.login}/renamed-repository`)
    expect(world.movedRepository(owner.host, owner.login, 'renamed-repository')).toBe(repo)
    expect(world.repositoriesOf(other)).toContain(repo)
    expect(world.repositoriesOf(owner)).not.toContain(repo)

    world.remove(repo)
    expect(world.repository(repo.id)).toBeUndefined()
    expect(world.movedRepository(owner.host, owner.login, oldName)).toBeUndefined()

    const added = world.addRepository(owner, { name: 'brand-new', stars: 0 })
    expect(added.createdAt).toBe(world.now)
    expect(world.findRepository(owner.host, owner.login, 'brand-new')).toBe(added)
    expect(() => world.addRepository(owner, { name: 'brand-new' })).toThrow(/already exists/)

    const before = world.repositories().length
    const removed = world.repositoriesOf(other).length
    world.removeAccount(other)
    expect(world.findAccount(other.host, other.login)).toBeUndefined()
    expect(world.repositories().length).toBe(before - removed)
  })

  it('removes a GitLab group with its subgroups and lists folders', () => {
    const world = createWorld({ seed: 13, accounts: 120, repositories: 1500, forges: { gitlab: 1 } })
    const parent = world.accounts().find((a) => world.subgroupsOf(a).length > 0)!
    const nested = world.repositoriesOf(parent, { includeSubgroups: true })
    expect(nested.length).toBeGreaterThan(world.repositoriesOf(parent).length)
    world.removeAccount(parent)
    expect(nested.every((r) => world.repository(r.id) === undefined)).toBe(true)

    const repo = world.repositories().find((r) => r.files.some((f) => f.startsWith('src/')))!
    expect(world.tree(repo)!.find((e) => e.name === 'src')).toEqual({ name: 'src', path: 'src', type: 'tree' })
    expect(world.tree(repo, 'src')!.every((e) => e.path.startsWith('src/') && e.type === 'blob')).toBe(true)
    expect(world.tree(repo, 'nowhere')).toBeNull()
  })

  it('gives the plain git share', () => {
    const world = createWorld({ seed: 17, accounts: 100, repositories: 800 })
    const plain = world.plainGitRepositories()
    expect(plain.length).toBeGreaterThan(0)
    expect(plain.every((r) => world.ownerOf(r).forge === 'git')).toBe(true)
  })
})
