import { type Kysely, sql } from 'kysely'
import type { DB, NewSoftware } from '../src/adapters/db/schema.ts'

/** A deterministic pseudo-random sequence, so that every run measures the same catalogue. */
function generator(seed: number) {
  // mulberry32: 32-bit integer arithmetic throughout (Math.imul), so no precision is lost.
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const some = <T,>(list: readonly T[], most: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(next() * most) }, () => pick(list)))]
  return { next, pick, some }
}

const PREFIXES = ['Open', 'Libre', 'Geo', 'Data', 'Cloud', 'Net', 'Doc', 'Mail', 'Visio', 'Secure', 'Map', 'Form', 'Archi', 'Compta', 'Agenda', 'Pad', 'Wiki', 'Chat', 'Stat', 'Code']
const SUFFIXES = ['Office', 'Server', 'Desk', 'Suite', 'Hub', 'Box', 'Flow', 'Lab', 'Base', 'Kit', 'Sync', 'Manager', 'Studio', 'Viewer', 'Portal', 'Vault', 'Board', 'Track', 'Note', 'Scan']
const CATEGORIES = ['Bureautique', 'Cartographie', 'Messagerie', 'Travail collaboratif', 'Base de données', 'Sécurité', 'Développement', 'Gestion de parc', 'Multimédia', 'Graphisme', 'Éducation', 'Archivage', 'Statistiques', 'Administration système', 'Réseau', 'Comptabilité', 'Ressources humaines', 'Gestion documentaire', 'Visioconférence', 'Sites web']
const FR = ['logiciel', 'gestion', 'suite', 'bureautique', 'cartographie', 'messagerie', 'électronique', 'données', 'partage', 'fichiers', 'agenda', 'partagé', 'sécurité', 'réseau', 'documents', 'archives', 'statistiques', 'tableur', 'traitement', 'texte', 'visioconférence', 'collaboratif', 'serveur', 'web', 'interface', 'administration', 'parc', 'informatique', 'authentification', 'sauvegarde', 'supervision', 'formulaires', 'enquêtes', 'comptabilité', 'publique', 'agents', 'usagers', 'collectivités']
const EN = ['software', 'management', 'office', 'suite', 'maps', 'email', 'data', 'file', 'sharing', 'calendar', 'security', 'network', 'documents', 'archives', 'statistics', 'spreadsheet', 'word', 'processor', 'video', 'conferencing', 'collaborative', 'server', 'web', 'interface', 'administration', 'asset', 'authentication', 'backup', 'monitoring', 'forms', 'surveys', 'accounting', 'public', 'sector']
const LICENCES = ['MIT', 'Apache-2.0', 'GPL-3.0-or-later', 'GPL-2.0-or-later', 'AGPL-3.0-or-later', 'LGPL-2.1-or-later', 'MPL-2.0', 'EUPL-1.2', 'CECILL-2.1', 'CECILL-B', 'CECILL-C', 'BSD-3-Clause', 'BSD-2-Clause', 'EPL-2.0', 'ISC', 'PostgreSQL', 'GPL-2.0-only', 'Zlib']
const STATUSES = ['recommended', 'recommended', 'recommended', 'observation', 'dereferenced'] as const
const PLATFORMS = ['web', 'desktop', 'mobile'] as const
const SYSTEMS = ['windows', 'linux', 'macos', 'android', 'ios'] as const
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024]
const ORGANISATIONS = ['Ministère de l’Intérieur', 'Ministère des Armées', 'DINUM', 'Ville de Paris', 'Région Bretagne', 'Université de Lyon', 'CNRS', 'INRIA', 'Préfecture du Rhône', 'Département de la Gironde', 'CHU de Nantes', 'Cour des comptes', 'Ministère de la Culture', 'Ville de Grenoble', 'Académie de Versailles']

/**
 * Fills a catalogue with generated software and declarations (users 70 %, referents 20 %, instances
 * 10 %, by 2,000 agents), the same at every run.
 */
export async function fillCatalogue(db: Kysely<DB>, softwareCount: number, declarationCount: number): Promise<void> {
  const random = generator(42)
  const sentence = (words: readonly string[], length: number) => Array.from({ length }, () => random.pick(words)).join(' ')
  const rows: NewSoftware[] = Array.from({ length: softwareCount }, (_, i) => {
    const name = `${random.pick(PREFIXES)}${random.pick(SUFFIXES)} ${i}`
    return {
      slug: `bench-${i}`,
      name,
      description_fr: `${sentence(FR, 8)}.`,
      description_en: `${sentence(EN, 8)}.`,
      licence: random.next() < 0.05 ? null : random.pick(LICENCES),
      categories: random.some(CATEGORIES, 2),
      keywords: random.some(FR, 4),
      status: random.pick(STATUSES),
      platforms: random.some(PLATFORMS, 2),
      os: random.some(SYSTEMS, 3),
      sill_years: random.next() < 0.3 ? [] : random.some(YEARS, 4).sort(),
      support_market: random.next() < 0.2,
      latest_release_on: random.next() < 0.2 ? null : `20${String(15 + Math.floor(random.next() * 10))}-0${1 + Math.floor(random.next() * 9)}-1${Math.floor(random.next() * 9)}`,
      latest_version: `${Math.floor(random.next() * 20)}.${Math.floor(random.next() * 10)}`,
    }
  })
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('software').values(rows.slice(i, i + 500)).execute()
  const ids = (await db.selectFrom('software').select('id').orderBy('slug').execute()).map((r) => r.id)

  const agents = Array.from({ length: 2000 }, (_, i) => ({ email: `agent-${i}@bench.example.gouv.fr`, name: `Agent ${i}`, is_public: random.next() < 0.5 }))
  for (let i = 0; i < agents.length; i += 500) await db.insertInto('agent').values(agents.slice(i, i + 500)).execute()
  const agentIds = (await db.selectFrom('agent').select('id').execute()).map((r) => r.id)

  // Most software have a few declarations, a few have many: a power law over the catalogue.
  const popular = () => ids[Math.floor(ids.length * random.next() ** 2)]!
  const users = Array.from({ length: Math.round(declarationCount * 0.7) }, () => ({
    software_id: popular(),
    agent_id: random.pick(agentIds),
    organisation: random.pick(ORGANISATIONS),
    use_case: sentence(FR, 5),
    version: `${Math.floor(random.next() * 20)}.${Math.floor(random.next() * 10)}`,
    os: random.pick(SYSTEMS),
  }))
  const referentPairs = new Map<string, { software_id: string; agent_id: string; is_expert: boolean; use_case: string }>()
  while (referentPairs.size < Math.round(declarationCount * 0.2)) {
    const software_id = popular()
    const agent_id = random.pick(agentIds)
    referentPairs.set(`${software_id} ${agent_id}`, { software_id, agent_id, is_expert: random.next() < 0.3, use_case: sentence(FR, 5) })
  }
  const instances = Array.from({ length: declarationCount - users.length - referentPairs.size }, (_, i) => ({
    software_id: popular(),
    agent_id: random.pick(agentIds),
    organisation: random.pick(ORGANISATIONS),
    audience: sentence(FR, 3),
    url: `https://instance-${i}.bench.example`,
    is_public: random.next() < 0.6,
  }))
  for (let i = 0; i < users.length; i += 1000) await db.insertInto('software_user').values(users.slice(i, i + 1000)).execute()
  const referents = [...referentPairs.values()]
  for (let i = 0; i < referents.length; i += 1000) await db.insertInto('software_referent').values(referents.slice(i, i + 1000)).execute()
  for (let i = 0; i < instances.length; i += 1000) await db.insertInto('software_instance').values(instances.slice(i, i + 1000)).execute()
  // As autovacuum would after such a load: the planner needs the tables' statistics, index-only scans the visibility map.
  await sql`vacuum analyze`.execute(db)
}
