// Generation of the synthetic world: public bodies, their accounts on the forges and their
// repositories, each drawn from its own seeded stream so that the same options give the same world.
import { LICENCE_WEIGHTS } from './licences.ts'
import { createRandom, type Random } from './random.ts'
import {
  AGENCY_PATTERNS, CITIES, DEPARTMENTS, DESCRIPTIONS_EN, DESCRIPTIONS_FR, LANGUAGES, MINISTRIES, NAME_PATTERNS,
  NAME_STEMS, OPERATOR_PATTERNS, REGIONS, TEAMS, THEMES, TOPICS,
} from './vocabulary.ts'
import type { Account, BodyKind, ForgeKind, PublicBody, Repository } from './world.ts'
import { slugify } from '../../domain/shared/slug.ts'

const DAY = 86_400_000
const FIRST_ACCOUNT = Date.parse('2009-06-01T00:00:00Z')
/** The largest account of a real crawl has a few thousand repositories. */
const MAX_REPOSITORIES_PER_ACCOUNT = 3000
const FIRST_ACCOUNT_ID = 1_000_000
export const FIRST_REPOSITORY_ID = 10_000_000
const LANGUAGE_WEIGHTS = LANGUAGES.map((l) => [l, l.weight] as const)

export interface GenerateOptions {
  seed: string
  accounts: number
  repositories: number
  forges: Record<ForgeKind, number>
  now: number
}

export interface Generated {
  bodies: PublicBody[]
  accounts: Account[]
  repositories: Repository[]
}

/** ISO 8601 to the second, as the forges write times. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z'
}


export function generate(options: GenerateOptions): Generated {
  const bodies = generateBodies(options.seed, Math.max(1, Math.round(options.accounts * 0.6)))
  const accounts = generateAccounts(options, bodies)
  const repositories: Repository[] = []
  const counts = repositoryCounts(options.seed, accounts.length, options.repositories)
  const byHost = new Map<string, Repository[]>()
  let id = FIRST_REPOSITORY_ID
  accounts.forEach((account, index) => {
    const taken = new Set<string>()
    const forkCandidates = byHost.get(account.host) ?? []
    byHost.set(account.host, forkCandidates)
    const body = bodies[account.bodyId - 1]!
    for (let k = 0; k < counts[index]!; k++) {
      const repository = generateRepository({ seed: options.seed, id: id++, account, body, now: options.now, taken, forkCandidates })
      repositories.push(repository)
      forkCandidates.push(repository)
    }
  })
  return { bodies, accounts, repositories }
}

/** Splits `total` in integer parts proportional to `weights` (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1
  const exact = weights.map((w) => (total * w) / sum)
  const parts = exact.map(Math.floor)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  for (let k = 0, left = total - parts.reduce((a, b) => a + b, 0); k < left; k++) parts[order[k % order.length]![1]]! += 1
  return parts
}

/**
 * Repositories per account: log-normal like real forges (median in single digits, a long tail), with
 * the largest capped and their excess spread over the others, so that the total is exact.
 */
function repositoryCounts(seed: string, accounts: number, total: number): number[] {
  const random = createRandom(seed, 'counts')
  let weights = Array.from({ length: accounts }, () => Math.exp(1.6 * random.normal()))
  const cap = Math.max(MAX_REPOSITORIES_PER_ACCOUNT, Math.ceil(total / accounts))
  for (let round = 0; round < 10; round++) {
    const sum = weights.reduce((a, b) => a + b, 0)
    const over = weights.filter((w) => (total * w) / sum > cap).length
    if (over === 0) break
    const capped = weights.map((w) => (total * w) / sum > cap)
    const freeWeight = weights.reduce((a, w, i) => a + (capped[i] ? 0 : w), 0)
    const freeTotal = total - over * cap
    weights = weights.map((w, i) => (capped[i] ? (cap * freeWeight) / freeTotal : w))
  }
  return apportion(total, weights)
}

function luhnSiren(random: Random): string {
  const digits = [random.pick([1, 2]), ...Array.from({ length: 7 }, () => random.int(0, 9))]
  const sum = digits.reduce((acc, d, i) => {
    // From the right, the check digit is position 0: double the digits at odd positions.
    const doubled = (8 - i) % 2 === 1 ? d * 2 : d
    return acc + (doubled > 9 ? doubled - 9 : doubled)
  }, 0)
  return digits.join('') + String((10 - (sum % 10)) % 10)
}

function initials(text: string): string {
  return text
    .split(/[\s’'-]+/)
    .filter((w) => w.length > 3 || /^[A-Z]/.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('')
}

function generateBodies(seed: string, count: number): PublicBody[] {
  const bodies: PublicBody[] = []
  const names = new Set<string>()
  const slugs = new Set<string>()
  const ministries = count >= 5 ? Math.min(MINISTRIES.length, Math.max(1, Math.round(count * 0.04))) : 0
  for (let i = 0; i < count; i++) {
    const random = createRandom(seed, 'body', i)
    const kind: BodyKind =
      i < ministries
        ? 'ministry'
        : random.weighted<BodyKind>([['agency', 18], ['operator', 13], ['local-authority', 42], ['university', 15], ['hospital', 12]])
    let name: string
    let acronym: string | null = null
    /** What logins and domains are made of, when the acronym is not. */
    let short: string
    switch (kind) {
      case 'ministry': {
        const [ministry, abbreviation] = MINISTRIES[i]!
        name = ministry
        acronym = abbreviation
        short = abbreviation
        break
      }
      case 'agency':
      case 'operator': {
        const pattern = random.pick(kind === 'agency' ? AGENCY_PATTERNS : OPERATOR_PATTERNS)
        const [theme, abbreviation] = random.pick(THEMES)
        name = `${pattern} ${theme}`
        acronym = initials(pattern) + abbreviation
        short = acronym
        break
      }
      case 'local-authority': {
        const city = random.pick(CITIES)
        const region = random.pick(REGIONS)
        const department = random.pick(DEPARTMENTS)
        const form = random.int(0, 4)
        name = [`Ville de ${city}`, `Métropole de ${city}`, `Région ${region}`, `Département ${department}`, `Communauté d’agglomération de ${city}`][form]!
        acronym = form === 1 ? `M${initials(city) || city[0]}` : form === 4 ? `CA ${city}` : null
        short = [`ville-${city}`, `metropole-${city}`, `region-${region}`, `departement-${department}`, `ca-${city}`][form]!
        break
      }
      case 'university': {
        const city = random.pick(CITIES)
        const form = random.int(0, 3)
        name = [`Université de ${city}`, `Université ${city}-Sud`, `École nationale supérieure de ${city}`, `Institut polytechnique de ${city}`][form]!
        short = [`univ-${city}`, `univ-${city}-sud`, `ens-${city}`, `inp-${city}`][form]!
        break
      }
      case 'hospital': {
        const city = random.pick(CITIES)
        const chu = random.chance(0.5)
        name = `${chu ? 'Centre hospitalier universitaire' : 'Centre hospitalier'} de ${city}`
        acronym = `${chu ? 'CHU' : 'CH'} ${city}`
        short = acronym
        break
      }
    }
    for (let n = 2; names.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`
    names.add(name)
    const base = slugify(short).slice(0, 32).replace(/-+$/, '')
    let slug = base
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`
    slugs.add(slug)
    const domain = kind === 'ministry' ? `${slug}.gouv.fr` : `${slug}.fr`
    const parentId = (kind === 'agency' || kind === 'operator' || kind === 'hospital') && ministries > 0 && random.chance(0.7) ? random.int(1, ministries) : null
    bodies.push({
      id: i + 1,
      slug,
      name,
      acronym,
      kind,
      parentId,
      siren: random.chance(0.65) ? luhnSiren(random) : null,
      website: `https://www.${domain}`,
    })
  }
  return bodies
}

function generateAccounts(options: GenerateOptions, bodies: PublicBody[]): Account[] {
  const { seed, now } = options
  const random = createRandom(seed, 'accounts')
  const kinds = ['github', 'gitlab', 'gitea', 'git'] as const
  const counts = apportion(options.accounts, kinds.map((k) => options.forges[k]))
  const sequence = random.sample(kinds.flatMap((k, i) => Array<ForgeKind>(counts[i]!).fill(k)), options.accounts)
  // Self-hosted instances are run by a body and named after it, as gitlab.univ-lyon.fr is.
  const hostBodies = random.sample(bodies, bodies.length)
  const selfHosted = (kind: ForgeKind, prefix: string, perHost: number, offset: number): string[] => {
    const accounts = counts[kinds.indexOf(kind)]!
    const n = accounts > 0 ? Math.max(1, Math.round(accounts / perHost)) : 0
    return Array.from({ length: n }, (_, i) => `${prefix}.${hostBodies[(offset + i) % hostBodies.length]!.slug}.fr`)
  }
  const gitlabHosts = selfHosted('gitlab', 'gitlab', 60, 0)
  const giteaHosts = selfHosted('gitea', 'forgejo', 30, 7)
  const gitHosts = selfHosted('git', 'git', 40, 13)
  const pickHost = (forge: ForgeKind, r: Random): string => {
    switch (forge) {
      case 'github':
        return 'github.com'
      case 'gitlab':
        return r.chance(0.6) ? 'gitlab.com' : r.pick(gitlabHosts)
      case 'gitea':
        return r.chance(0.45) ? 'codeberg.org' : r.pick(giteaHosts)
      case 'git':
        return r.pick(gitHosts)
    }
  }
  const bodyOrder = random.sample(bodies, bodies.length)
  const taken = new Set<string>()
  let bodyCursor = 0
  const nestable: Account[] = []
  const accounts: Account[] = []
  for (let i = 0; i < options.accounts; i++) {
    const r = createRandom(seed, 'account', i)
    const forge = sequence[i]!
    const id = FIRST_ACCOUNT_ID + i
    // GitLab groups nest: a third of the GitLab accounts are subgroups (up to 4 levels deep).
    const parent = forge === 'gitlab' && nestable.length > 0 && r.chance(0.35) ? r.pick(nestable) : undefined
    const body = parent ? bodies[parent.bodyId - 1]! : bodyCursor < bodyOrder.length ? bodyOrder[bodyCursor++]! : r.pick(bodies)
    const host = parent?.host ?? pickHost(forge, r)
    const type: Account['type'] = parent
      ? 'group'
      : r.chance(forge === 'github' ? 0.15 : forge === 'gitlab' ? 0.1 : forge === 'gitea' ? 0.2 : 0)
        ? 'user'
        : forge === 'gitlab'
          ? 'group'
          : 'organization'
    const prefix = parent ? `${parent.fullPath}/` : ''
    let login = parent ? r.pick(TEAMS) : body.slug
    for (let n = 0; taken.has(`${host}/${prefix}${login}`); n++) {
      login = parent ? `${r.pick(TEAMS)}-${n + 2}` : `${body.slug.slice(0, 28)}-${n < TEAMS.length ? TEAMS[n] : n}`
    }
    const fullPath = prefix + login
    taken.add(`${host}/${fullPath}`)
    const domain = new URL(body.website).hostname.replace(/^www\./, '')
    const created = FIRST_ACCOUNT + r.next() * Math.max(DAY, now - 200 * DAY - FIRST_ACCOUNT)
    const account: Account = {
      id,
      forge,
      host,
      login,
      fullPath,
      type,
      parentId: parent?.id ?? null,
      bodyId: body.id,
      name: parent ? `${body.acronym ?? body.name} – ${login}` : body.name,
      description: r.chance(0.7) ? `Codes sources ${parent ? `de l’équipe ${login} ` : ''}de ${body.name}` : null,
      avatarUrl: avatarUrl(forge, host, id),
      website: r.chance(0.6) ? body.website : null,
      email: r.chance(0.4) ? `${r.pick(['contact', 'opensource', 'dev', 'dsi'])}@${domain}` : null,
      location: r.chance(0.5) ? r.pick(CITIES) : null,
      createdAt: iso(parent ? Math.max(created, Date.parse(parent.createdAt)) : created),
    }
    if (type === 'group' && fullPath.split('/').length < 4) nestable.push(account)
    accounts.push(account)
  }
  return accounts
}

function avatarUrl(forge: ForgeKind, host: string, id: number): string {
  switch (forge) {
    case 'github':
      return `https://avatars.githubusercontent.com/u/${id}?v=4`
    case 'gitlab':
      return `https://${host}/uploads/-/system/group/avatar/${id}/avatar.png`
    default:
      return `https://${host}/avatars/${id.toString(16).padStart(32, '0')}`
  }
}

export interface RepositoryInput {
  seed: string
  id: number
  account: Account
  body: PublicBody
  now: number
  /** Names already used in the account (lower case); the new name is added. */
  taken: Set<string>
  /** Repositories of the same host a fork may come from. */
  forkCandidates: readonly Repository[]
  /** For a repository added during a test: created now. */
  createdNow?: boolean
}

export function generateRepository(input: RepositoryInput): Repository {
  const { account, body, now } = input
  const r = createRandom(input.seed, 'repository', input.id)
  const stem = r.pick(NAME_STEMS)
  let name = r.pick(NAME_PATTERNS).replace('{stem}', stem)
  for (let attempt = 0; input.taken.has(name) && attempt < 4; attempt++) name = r.pick(NAME_PATTERNS).replace('{stem}', r.pick(NAME_STEMS))
  for (let n = 2; input.taken.has(name); n++) name = `${name.replace(/-\d+$/, '')}-${n}`
  input.taken.add(name)

  const profile = r.chance(0.06) ? null : r.weighted(LANGUAGE_WEIGHTS)
  const languages: Record<string, number> = {}
  if (profile) {
    const main = Math.round(Math.exp(1.5 * r.normal() + 11)) + 500
    languages[profile.name] = main
    for (const companion of r.sample(profile.companions, r.int(0, 3))) languages[companion] = Math.round(main * r.next() * 0.4) + 100
  }
  const license = r.weighted(LICENCE_WEIGHTS)
  const readmeLanguage = r.chance(0.7) ? 'fr' : 'en'
  const archived = !input.createdNow && r.chance(0.12)
  const created = input.createdNow ? now : Date.parse(account.createdAt) + r.next() * Math.max(DAY, now - DAY - Date.parse(account.createdAt))
  const pushed = input.createdNow ? now : archived ? created + (now - created) * r.next() * 0.6 : now - (now - created) * r.next() ** 2
  const updated = input.createdNow ? now : Math.min(now, pushed + r.next() * (now - pushed) * 0.3)
  const stars = Math.max(0, Math.floor(Math.exp(1.7 * r.normal() + 0.5)) - 1)
  // Forks come from a recent repository of another account on the same host.
  const candidate = !input.createdNow && r.chance(0.08) ? input.forkCandidates.at(-1 - r.int(0, 50)) : undefined
  const parent = candidate && candidate.accountId !== account.id ? candidate : undefined
  const templates = readmeLanguage === 'fr' ? DESCRIPTIONS_FR : DESCRIPTIONS_EN
  const publiccode = r.chance(0.15) ? (r.chance(0.85) ? 'valid' : 'invalid') : null

  const files: string[] = []
  if (r.chance(0.96)) files.push('README.md')
  if (license) files.push('LICENSE')
  if (r.chance(0.3)) files.push('CONTRIBUTING.md')
  if (r.chance(0.15)) files.push('CODE_OF_CONDUCT.md')
  if (r.chance(0.1)) files.push('SECURITY.md')
  if (publiccode) files.push('publiccode.yml')
  if (profile?.manifest && r.chance(0.75)) files.push(profile.manifest === 'requirements.txt' && r.chance(0.35) ? 'pyproject.toml' : profile.manifest)
  if (r.chance(0.8)) files.push('.gitignore')
  if (profile) files.push(profile.source)
  files.sort()

  const release = r.chance(0.35)
    ? { tag: `v${r.int(0, 4)}.${r.int(0, 20)}.${r.int(0, 9)}`, publishedAt: iso(created + (pushed - created) * (0.5 + r.next() * 0.5)) }
    : null
  const totalBytes = Object.values(languages).reduce((a, b) => a + b, 0)
  return {
    id: input.id,
    accountId: account.id,
    name,
    description: r.chance(0.85) ? r.pick(templates).replace('{stem}', stem.replaceAll('-', ' ')).replace('{body}', body.acronym ?? body.name) : null,
    topics: r.chance(0.6) ? r.sample(TOPICS, r.int(1, 6)).sort() : [],
    homepage: r.chance(0.2) ? `https://${stem}.${body.website.replace(/^https:\/\/(www\.)?/, '')}` : null,
    language: profile?.name ?? null,
    languages,
    license,
    defaultBranch: r.weighted([['main', 60], ['master', 35], ['develop', 3], ['production', 2]]),
    createdAt: iso(created),
    updatedAt: iso(updated),
    pushedAt: iso(pushed),
    archived,
    fork: parent !== undefined,
    parentId: parent?.id ?? null,
    template: r.chance(0.02),
    stars,
    forks: Math.floor(stars * r.next() * 0.3),
    watchers: Math.floor(stars * 0.1) + r.int(0, 3),
    openIssues: r.chance(0.5) ? 0 : r.int(1, 40),
    sizeKb: Math.round((totalBytes / 1024) * (1.5 + r.next() * 3)),
    release,
    files,
    publiccode,
    readmeLanguage,
    revision: 0,
  }
}
