import type { NewOrganisation, NewRepository } from '../adapters/db/schema.ts'

/**
 * Demo public bodies and repositories. They are invented, say so in their names, and live on forge
 * hosts under the reserved `.invalid` domain, so no link can lead to a real account.
 */
export const demoOrganisations: NewOrganisation[] = [
  { slug: 'demo-ministere-numerique', name: 'Ministère de démonstration du Numérique (démo)', acronym: 'MDN', kind: 'ministry', description: 'Organisme fictif de démonstration.' },
  { slug: 'demo-direction-logiciels-libres', name: 'Direction démo des logiciels libres (démo)', acronym: 'DDLL', kind: 'agency', description: 'Direction fictive rattachée au ministère de démonstration.' },
  { slug: 'demo-ville-exemple', name: 'Ville d’Exemple-sur-Démo (démo)', kind: 'local-authority', description: 'Collectivité fictive de démonstration.' },
  { slug: 'demo-universite', name: 'Université de Démonstration (démo)', kind: 'university', description: 'Établissement fictif de démonstration.' },
].map((o) => ({ ...o, is_demo: true }))

/** Which demo body each demo body reports to. */
export const demoParents: Record<string, string> = {
  'demo-direction-logiciels-libres': 'demo-ministere-numerique',
}

const forges = {
  github: 'github.demo.invalid',
  gitlab: 'gitlab.demo.invalid',
  gitea: 'gitea.demo.invalid',
} as const

type DemoRepository = [owner: string, forge: keyof typeof forges, name: string, language: string, licence: string, description: string, topics: string[]]

const repositories: DemoRepository[] = [
  ['demo-ministere-numerique', 'github', 'formulaires-en-ligne', 'TypeScript', 'MIT', 'Générateur de formulaires en ligne accessibles pour les démarches administratives (démo).', ['formulaires', 'accessibilite']],
  ['demo-ministere-numerique', 'github', 'annuaire-agents', 'Python', 'EUPL-1.2', 'Annuaire des agents et des services, avec API (démo).', ['annuaire', 'api']],
  ['demo-ministere-numerique', 'github', 'design-composants', 'TypeScript', 'MIT', 'Bibliothèque de composants web conformes au système de design de l’État (démo).', ['dsfr', 'composants']],
  ['demo-ministere-numerique', 'github', 'api-adresses', 'Go', 'Apache-2.0', 'Service de géocodage d’adresses postales (démo).', ['geocodage', 'api']],
  ['demo-ministere-numerique', 'github', 'tableau-de-bord-budget', 'Python', 'AGPL-3.0-or-later', 'Tableau de bord de suivi budgétaire (démo).', ['budget', 'donnees']],
  ['demo-ministere-numerique', 'github', 'publication-open-data', 'Python', 'MIT', 'Scripts de publication de jeux de données ouverts (démo).', ['open-data']],
  ['demo-direction-logiciels-libres', 'gitlab', 'outil-conformite-licences', 'Rust', 'EUPL-1.2', 'Vérifie que les dépôts publiés portent une licence autorisée (démo).', ['licences', 'conformite']],
  ['demo-direction-logiciels-libres', 'gitlab', 'catalogue-logiciels', 'TypeScript', 'MIT', 'Catalogue des logiciels libres recommandés (démo).', ['catalogue', 'logiciels-libres']],
  ['demo-direction-logiciels-libres', 'gitlab', 'veille-securite', 'Python', 'GPL-3.0-or-later', 'Agrégateur d’avis de sécurité pour les logiciels du catalogue (démo).', ['securite']],
  ['demo-direction-logiciels-libres', 'gitlab', 'modele-publiccode', 'Shell', 'CC0-1.0', 'Modèle de fichier publiccode.yml commenté (démo).', ['publiccode']],
  ['demo-direction-logiciels-libres', 'gitlab', 'guide-contribution', 'HTML', 'etalab-2.0', 'Guide de contribution aux logiciels libres pour les agents (démo).', ['guide', 'contribution']],
  ['demo-ville-exemple', 'gitea', 'portail-citoyen', 'PHP', 'AGPL-3.0-or-later', 'Portail des démarches en ligne de la ville (démo).', ['portail', 'demarches']],
  ['demo-ville-exemple', 'gitea', 'cartographie-voirie', 'JavaScript', 'MIT', 'Carte interactive des travaux de voirie (démo).', ['cartographie', 'voirie']],
  ['demo-ville-exemple', 'gitea', 'reservation-salles', 'Java', 'CECILL-2.1', 'Réservation des salles municipales (démo).', ['reservation']],
  ['demo-ville-exemple', 'gitea', 'budget-participatif', 'Ruby', 'AGPL-3.0-or-later', 'Plateforme de budget participatif (démo).', ['participation', 'democratie']],
  ['demo-universite', 'gitlab', 'emploi-du-temps', 'Java', 'CECILL-B', 'Gestion des emplois du temps des formations (démo).', ['enseignement']],
  ['demo-universite', 'gitlab', 'depot-theses', 'Python', 'GPL-3.0-or-later', 'Dépôt et diffusion des thèses (démo).', ['recherche', 'archives-ouvertes']],
  ['demo-universite', 'gitlab', 'calcul-scientifique', 'C++', 'CECILL-C', 'Bibliothèque de calcul scientifique parallèle (démo).', ['hpc', 'recherche']],
  ['demo-universite', 'gitlab', 'plateforme-mooc', 'JavaScript', 'AGPL-3.0-or-later', 'Plateforme de cours en ligne ouverts (démo).', ['mooc', 'enseignement']],
  ['demo-universite', 'gitlab', 'archive-donnees-recherche', 'Go', 'Apache-2.0', 'Archivage des données de la recherche (démo).', ['donnees', 'recherche']],
]

/** Fixed dates, so that the demo looks the same on every machine. */
const DAY = 86_400_000
const EPOCH = Date.UTC(2026, 9, 1)

export function demoRepositories(organisationIds: Map<string, string>): NewRepository[] {
  return repositories.map(([owner, forge, name, language, licence, description, topics], index) => {
    const host = forges[forge]
    return {
      forge,
      forge_host: host,
      owner,
      name,
      url: `https://${host}/${owner}/${name}`,
      description,
      topics,
      language,
      licence,
      default_branch: 'main',
      stars: (index * 37) % 120,
      forks: (index * 11) % 25,
      open_issues: (index * 7) % 15,
      created_on_forge: new Date(EPOCH - (400 + index * 45) * DAY),
      pushed_at: new Date(EPOCH - index * 9 * DAY),
      organisation_id: organisationIds.get(owner) ?? null,
      is_demo: true,
    }
  })
}
