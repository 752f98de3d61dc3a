// Words the synthetic world is made of: French public bodies, their projects and their stacks.

export const CITIES = [
  'Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nice', 'Nantes', 'Montpellier', 'Strasbourg', 'Bordeaux', 'Lille',
  'Rennes', 'Reims', 'Toulon', 'Grenoble', 'Dijon', 'Angers', 'Nîmes', 'Brest', 'Tours', 'Amiens', 'Limoges',
  'Clermont-Ferrand', 'Besançon', 'Metz', 'Perpignan', 'Orléans', 'Rouen', 'Caen', 'Mulhouse', 'Nancy', 'Poitiers',
  'Pau', 'La Rochelle', 'Avignon', 'Valence', 'Quimper', 'Vannes', 'Lorient', 'Ajaccio', 'Bastia', 'Cayenne',
  'Saint-Denis', 'Fort-de-France', 'Pointe-à-Pitre', 'Chambéry', 'Annecy', 'Troyes', 'Le Mans', 'Niort', 'Laval',
  'Colmar', 'Bayonne', 'Albi', 'Rodez', 'Auxerre', 'Chartres', 'Évry', 'Cergy', 'Créteil', 'Versailles',
] as const

export const REGIONS = [
  'Auvergne-Rhône-Alpes', 'Bourgogne-Franche-Comté', 'Bretagne', 'Centre-Val de Loire', 'Corse', 'Grand Est',
  'Hauts-de-France', 'Île-de-France', 'Normandie', 'Nouvelle-Aquitaine', 'Occitanie', 'Pays de la Loire',
  "Provence-Alpes-Côte d'Azur", 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte',
] as const

export const DEPARTMENTS = [
  'Ain', 'Aisne', 'Allier', 'Ardèche', 'Ariège', 'Aube', 'Aude', 'Aveyron', 'Calvados', 'Cantal', 'Charente',
  'Cher', 'Corrèze', 'Côte-d’Or', 'Creuse', 'Dordogne', 'Doubs', 'Drôme', 'Eure', 'Finistère', 'Gard', 'Gers',
  'Gironde', 'Hérault', 'Indre', 'Isère', 'Jura', 'Landes', 'Loire', 'Loiret', 'Lot', 'Lozère', 'Manche', 'Marne',
  'Mayenne', 'Meuse', 'Morbihan', 'Moselle', 'Nièvre', 'Nord', 'Oise', 'Orne', 'Pas-de-Calais', 'Puy-de-Dôme',
  'Rhône', 'Sarthe', 'Savoie', 'Somme', 'Tarn', 'Var', 'Vaucluse', 'Vendée', 'Vienne', 'Vosges', 'Yonne', 'Essonne',
] as const

export const MINISTRIES = [
  ['Ministère de l’Économie et des Finances', 'MEF'],
  ['Ministère de l’Intérieur', 'MI'],
  ['Ministère des Armées', 'MINARM'],
  ['Ministère de la Culture', 'MC'],
  ['Ministère de l’Éducation nationale', 'MEN'],
  ['Ministère de l’Enseignement supérieur et de la Recherche', 'MESR'],
  ['Ministère de la Justice', 'MJ'],
  ['Ministère du Travail', 'MTRAV'],
  ['Ministère de la Santé', 'MSANTE'],
  ['Ministère de la Transition écologique', 'MTE'],
  ['Ministère de l’Agriculture et de la Souveraineté alimentaire', 'MASA'],
  ['Ministère de l’Europe et des Affaires étrangères', 'MEAE'],
  ['Ministère de la Transformation et de la Fonction publiques', 'MTFP'],
  ['Ministère des Sports', 'MSPORTS'],
  ['Ministère des Outre-mer', 'MOM'],
] as const

/** Subjects of agencies and operators: "Agence nationale de …", "Institut national de …". */
export const THEMES = [
  ['la sécurité des systèmes d’information', 'SSI'], ['l’habitat', 'HAB'], ['la cohésion des territoires', 'CT'],
  ['la recherche', 'R'], ['l’information géographique', 'IG'], ['la statistique', 'S'], ['l’eau', 'EAU'],
  ['la biodiversité', 'B'], ['la santé publique', 'SP'], ['l’emploi', 'E'], ['les titres sécurisés', 'TS'],
  ['la rénovation urbaine', 'RU'], ['le numérique', 'N'], ['les données', 'D'], ['la météorologie', 'M'],
  ['l’énergie', 'EN'], ['les transports', 'T'], ['la formation professionnelle', 'FP'], ['la jeunesse', 'J'],
  ['le patrimoine', 'P'], ['les archives', 'A'], ['la mer', 'MER'], ['les forêts', 'F'], ['le sport', 'SPO'],
] as const

export const AGENCY_PATTERNS = ['Agence nationale de', 'Institut national de', 'Office français de', 'Centre national de', 'Direction interministérielle de'] as const
export const OPERATOR_PATTERNS = ['Établissement public de', 'Caisse nationale de', 'Conservatoire de', 'Observatoire de'] as const

/** GitLab subgroups and team accounts. */
export const TEAMS = ['dev', 'data', 'outils', 'sig', 'web', 'infra', 'applications', 'recherche', 'open-source', 'lab', 'mobile', 'api', 'documentation', 'design', 'metiers'] as const

export const NAME_STEMS = [
  'annuaire', 'agenda', 'aides', 'archives', 'budget', 'cadastre', 'carto', 'catalogue', 'collecte', 'comptes',
  'demarches', 'deliberations', 'dossier', 'elections', 'emploi', 'enquetes', 'etat-civil', 'formulaires',
  'geoportail', 'guichet', 'indicateurs', 'inventaire', 'marches', 'mediatheque', 'notifications', 'observatoire',
  'open-data', 'paie', 'parcours', 'patrimoine', 'plu', 'portail', 'rdv', 'recensement', 'referentiel', 'registre',
  'releves', 'reservation', 'scolarite', 'signalement', 'statistiques', 'subventions', 'tableau-de-bord', 'transport',
  'urbanisme', 'voirie', 'dechets', 'energie', 'eau', 'mobilite', 'sante', 'sirene', 'adresse', 'bal', 'ban', 'dsfr',
  'annuaire-sante', 'covoiturage', 'velo', 'ecoles', 'cantine', 'bibliotheque', 'musees', 'stationnement',
] as const

export const NAME_PATTERNS = [
  '{stem}', '{stem}-api', '{stem}-front', '{stem}-back', 'api-{stem}', 'app-{stem}', 'site-{stem}', '{stem}-web',
  '{stem}-etl', '{stem}-data', 'outil-{stem}', '{stem}-admin', '{stem}-mobile', '{stem}-scripts', 'docker-{stem}',
  '{stem}-ansible', '{stem}-terraform', 'plugin-{stem}', '{stem}-widget', 'lib-{stem}', '{stem}-client', '{stem}-docs',
] as const

export const TOPICS = [
  'open-data', 'opendata', 'gouvernement', 'france', 'administration', 'service-public', 'civic-tech', 'api',
  'dsfr', 'accessibilite', 'rgaa', 'data', 'gis', 'sig', 'cartographie', 'python', 'javascript', 'typescript',
  'django', 'react', 'vuejs', 'symfony', 'drupal', 'wordpress', 'docker', 'kubernetes', 'ansible', 'terraform',
  'etl', 'statistics', 'dashboard', 'education', 'sante', 'transport', 'environnement', 'energie', 'beta-gouv',
  'communs-numeriques', 'logiciel-libre', 'publiccode', 'hacktoberfest',
] as const

export interface LanguageProfile {
  name: string
  weight: number
  /** Languages that come with it in a repository. */
  companions: readonly string[]
  /** Dependency manifest, main source file. */
  manifest: string | null
  source: string
}

export const LANGUAGES: readonly LanguageProfile[] = [
  { name: 'JavaScript', weight: 17, companions: ['HTML', 'CSS', 'Shell'], manifest: 'package.json', source: 'src/index.js' },
  { name: 'Python', weight: 16, companions: ['Shell', 'Dockerfile', 'HTML', 'Makefile'], manifest: 'requirements.txt', source: 'src/main.py' },
  { name: 'TypeScript', weight: 11, companions: ['JavaScript', 'CSS', 'HTML', 'Dockerfile'], manifest: 'package.json', source: 'src/index.ts' },
  { name: 'Java', weight: 8, companions: ['Shell', 'HTML', 'JavaScript'], manifest: 'pom.xml', source: 'src/main/java/App.java' },
  { name: 'PHP', weight: 8, companions: ['Twig', 'JavaScript', 'CSS', 'Shell'], manifest: 'composer.json', source: 'src/index.php' },
  { name: 'HTML', weight: 6, companions: ['CSS', 'JavaScript'], manifest: null, source: 'index.html' },
  { name: 'Go', weight: 4, companions: ['Shell', 'Makefile', 'Dockerfile'], manifest: 'go.mod', source: 'main.go' },
  { name: 'Shell', weight: 4, companions: ['Dockerfile', 'Makefile'], manifest: null, source: 'install.sh' },
  { name: 'Vue', weight: 4, companions: ['JavaScript', 'TypeScript', 'CSS', 'SCSS'], manifest: 'package.json', source: 'src/App.vue' },
  { name: 'Jupyter Notebook', weight: 4, companions: ['Python'], manifest: 'requirements.txt', source: 'notebooks/analyse.ipynb' },
  { name: 'Ruby', weight: 3, companions: ['HTML', 'JavaScript', 'SCSS'], manifest: 'Gemfile', source: 'app/main.rb' },
  { name: 'R', weight: 3, companions: ['HTML', 'TeX'], manifest: null, source: 'R/main.R' },
  { name: 'Rust', weight: 2, companions: ['Shell'], manifest: 'Cargo.toml', source: 'src/main.rs' },
  { name: 'C', weight: 2, companions: ['Makefile', 'C++', 'Shell'], manifest: null, source: 'src/main.c' },
  { name: 'C++', weight: 2, companions: ['C', 'CMake'], manifest: null, source: 'src/main.cpp' },
  { name: 'Kotlin', weight: 2, companions: ['Java'], manifest: null, source: 'app/src/Main.kt' },
  { name: 'C#', weight: 1, companions: ['HTML', 'JavaScript'], manifest: null, source: 'src/Program.cs' },
  { name: 'HCL', weight: 1, companions: ['Shell'], manifest: null, source: 'main.tf' },
  { name: 'Dockerfile', weight: 1, companions: ['Shell'], manifest: null, source: 'Dockerfile' },
]

export const DESCRIPTIONS_FR = [
  'Application de gestion des {stem} pour {body}',
  'API ouverte exposant les données {stem} de {body}',
  'Site web du service {stem}',
  'Outil interne de suivi des {stem}',
  'Scripts de traitement et de publication des données {stem} en open data',
  'Interface de consultation {stem} construite avec le Système de design de l’État',
  'Connecteur entre le référentiel {stem} et les applications métier',
  'Tableau de bord des indicateurs {stem}',
] as const

export const DESCRIPTIONS_EN = [
  '{stem} management application for {body}',
  'Open API serving {body} {stem} data',
  'Data pipeline publishing {stem} datasets',
  'Command-line tools for {stem}',
  'Dashboard of {stem} indicators',
] as const

export const PUBLICCODE_CATEGORIES = [
  'data-collection', 'data-analytics', 'document-management', 'geographic-information-systems', 'website-builder',
  'appointment-scheduling', 'contact-management', 'content-management', 'digital-citizenship', 'online-booking',
] as const
