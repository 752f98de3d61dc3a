import type { NewSoftware } from '../adapters/db/schema.ts'
import type { DeclarationFields, DeclarationKind } from '../adapters/db/stores/declaration-store.ts'
import { slugify } from '../domain/shared/slug.ts'

/**
 * Demo catalogue: well-known free software with facts checked against their official sites (licence
 * as the project states it, website, source repository). Wikidata ids are given only where certain;
 * the Wikidata enrichment fills the rest once configured.
 */
type DemoSoftware = Pick<NewSoftware, 'name' | 'licence' | 'website' | 'repository_url' | 'wikidata_id'> & {
  fr: string
  en: string
  categories: string[]
  keywords?: string[]
}

const entries: DemoSoftware[] = [
  { name: 'LibreOffice', licence: 'MPL-2.0', website: 'https://www.libreoffice.org', repository_url: 'https://git.libreoffice.org/core', wikidata_id: 'Q10135', categories: ['office'], keywords: ['traitement de texte', 'tableur', 'word processor', 'spreadsheet'], fr: 'Suite bureautique : traitement de texte, tableur, présentations, dessin et bases de données.', en: 'Office suite: word processor, spreadsheet, presentations, drawing and databases.' },
  { name: 'Mozilla Firefox', licence: 'MPL-2.0', website: 'https://www.mozilla.org/firefox/', repository_url: 'https://github.com/mozilla-firefox/firefox', wikidata_id: 'Q698', categories: ['internet'], keywords: ['navigateur', 'browser'], fr: 'Navigateur web respectueux de la vie privée, développé par la fondation Mozilla.', en: 'Privacy-minded web browser developed by the Mozilla Foundation.' },
  { name: 'Mozilla Thunderbird', licence: 'MPL-2.0', website: 'https://www.thunderbird.net', repository_url: 'https://hg.mozilla.org/comm-central', wikidata_id: 'Q483604', categories: ['communication'], keywords: ['messagerie', 'courriel', 'email', 'calendrier'], fr: 'Client de messagerie électronique et agenda.', en: 'Email client and calendar.' },
  { name: 'VLC media player', licence: 'GPL-2.0-or-later', website: 'https://www.videolan.org/vlc/', repository_url: 'https://code.videolan.org/videolan/vlc', wikidata_id: 'Q171477', categories: ['multimedia'], keywords: ['vidéo', 'audio', 'lecteur', 'player'], fr: 'Lecteur multimédia qui lit la plupart des formats audio et vidéo.', en: 'Media player that plays most audio and video formats.' },
  { name: 'GIMP', licence: 'GPL-3.0-or-later', website: 'https://www.gimp.org', repository_url: 'https://gitlab.gnome.org/GNOME/gimp', wikidata_id: 'Q8038', categories: ['graphics'], keywords: ['image', 'retouche', 'photo'], fr: 'Logiciel de retouche et de création d’images matricielles.', en: 'Raster image editor for photo retouching and image authoring.' },
  { name: 'Inkscape', licence: 'GPL-2.0-or-later', website: 'https://inkscape.org', repository_url: 'https://gitlab.com/inkscape/inkscape', wikidata_id: 'Q8041', categories: ['graphics'], keywords: ['svg', 'dessin vectoriel', 'vector'], fr: 'Éditeur de dessin vectoriel au format SVG.', en: 'Vector graphics editor working natively in SVG.' },
  { name: 'PostgreSQL', licence: 'PostgreSQL', website: 'https://www.postgresql.org', repository_url: 'https://git.postgresql.org/gitweb/?p=postgresql.git', wikidata_id: 'Q192490', categories: ['database'], keywords: ['sql', 'base de données', 'database'], fr: 'Système de gestion de base de données relationnelle et objet.', en: 'Object-relational database management system.' },
  { name: 'Nextcloud', licence: 'AGPL-3.0-or-later', website: 'https://nextcloud.com', repository_url: 'https://github.com/nextcloud/server', wikidata_id: 'Q25874683', categories: ['collaboration'], keywords: ['partage de fichiers', 'cloud', 'file sharing'], fr: 'Plateforme d’hébergement et de partage de fichiers, agendas et contacts.', en: 'Self-hosted platform for file sharing, calendars and contacts.' },
  { name: 'Moodle', licence: 'GPL-3.0-or-later', website: 'https://moodle.org', repository_url: 'https://github.com/moodle/moodle', wikidata_id: 'Q190434', categories: ['education'], keywords: ['formation', 'e-learning', 'cours'], fr: 'Plateforme d’apprentissage en ligne.', en: 'Online learning platform.' },
  { name: 'QGIS', licence: 'GPL-2.0-or-later', website: 'https://qgis.org', repository_url: 'https://github.com/qgis/QGIS', wikidata_id: 'Q1329181', categories: ['gis'], keywords: ['sig', 'cartographie', 'gis', 'maps'], fr: 'Système d’information géographique pour créer, éditer et analyser des données spatiales.', en: 'Geographic information system to create, edit and analyse spatial data.' },
  { name: 'Blender', licence: 'GPL-2.0-or-later', website: 'https://www.blender.org', repository_url: 'https://projects.blender.org/blender/blender', wikidata_id: 'Q173136', categories: ['graphics', 'multimedia'], keywords: ['3d', 'animation', 'rendu'], fr: 'Suite de création 3D : modélisation, animation, rendu et montage vidéo.', en: '3D creation suite: modelling, animation, rendering and video editing.' },
  { name: 'WordPress', licence: 'GPL-2.0-or-later', website: 'https://wordpress.org', repository_url: 'https://github.com/WordPress/wordpress-develop', wikidata_id: 'Q13166', categories: ['web'], keywords: ['cms', 'site web', 'blog'], fr: 'Système de gestion de contenu pour sites web et blogs.', en: 'Content management system for websites and blogs.' },
  { name: 'Drupal', licence: 'GPL-2.0-or-later', website: 'https://www.drupal.org', repository_url: 'https://git.drupalcode.org/project/drupal', wikidata_id: 'Q170855', categories: ['web'], keywords: ['cms', 'site web'], fr: 'Système de gestion de contenu pour sites web complexes.', en: 'Content management system for complex websites.' },
  { name: 'Apache HTTP Server', licence: 'Apache-2.0', website: 'https://httpd.apache.org', repository_url: 'https://github.com/apache/httpd', wikidata_id: 'Q11354', categories: ['web', 'system'], keywords: ['serveur web', 'http'], fr: 'Serveur web HTTP de la fondation Apache.', en: 'HTTP web server from the Apache Software Foundation.' },
  { name: 'nginx', licence: 'BSD-2-Clause', website: 'https://nginx.org', repository_url: 'https://github.com/nginx/nginx', wikidata_id: 'Q306144', categories: ['web', 'system'], keywords: ['serveur web', 'proxy inverse', 'reverse proxy'], fr: 'Serveur web et proxy inverse.', en: 'Web server and reverse proxy.' },
  { name: 'Python', licence: 'PSF-2.0', website: 'https://www.python.org', repository_url: 'https://github.com/python/cpython', wikidata_id: 'Q28865', categories: ['development'], keywords: ['langage de programmation', 'programming language'], fr: 'Langage de programmation interprété et son implémentation de référence.', en: 'Interpreted programming language and its reference implementation.' },
  { name: 'Git', licence: 'GPL-2.0-only', website: 'https://git-scm.com', repository_url: 'https://github.com/git/git', wikidata_id: 'Q186055', categories: ['development'], keywords: ['gestion de versions', 'version control'], fr: 'Logiciel de gestion de versions décentralisé.', en: 'Distributed version control system.' },
  { name: 'Node.js', licence: 'MIT', website: 'https://nodejs.org', repository_url: 'https://github.com/nodejs/node', wikidata_id: 'Q756100', categories: ['development'], keywords: ['javascript'], fr: 'Environnement d’exécution JavaScript côté serveur.', en: 'Server-side JavaScript runtime.' },
  { name: 'Kubernetes', licence: 'Apache-2.0', website: 'https://kubernetes.io', repository_url: 'https://github.com/kubernetes/kubernetes', wikidata_id: 'Q22661306', categories: ['system'], keywords: ['conteneurs', 'orchestration', 'containers'], fr: 'Orchestrateur de conteneurs pour déployer et gérer des applications.', en: 'Container orchestrator to deploy and manage applications.' },
  { name: 'GLPI', licence: 'GPL-3.0-or-later', website: 'https://glpi-project.org', repository_url: 'https://github.com/glpi-project/glpi', categories: ['it-management'], keywords: ['parc informatique', 'assistance', 'helpdesk', 'itsm'], fr: 'Gestion de parc informatique et de centre de services.', en: 'IT asset management and service desk.' },
  { name: 'Jitsi Meet', licence: 'Apache-2.0', website: 'https://jitsi.org/jitsi-meet/', repository_url: 'https://github.com/jitsi/jitsi-meet', categories: ['communication'], keywords: ['visioconférence', 'videoconference'], fr: 'Visioconférence dans le navigateur, sans compte.', en: 'Video conferencing in the browser, no account needed.' },
  { name: 'Rocket.Chat', licence: 'MIT', website: 'https://www.rocket.chat', repository_url: 'https://github.com/RocketChat/Rocket.Chat', categories: ['communication'], keywords: ['messagerie instantanée', 'chat'], fr: 'Messagerie instantanée d’équipe.', en: 'Team chat.' },
  { name: 'Collabora Online', licence: 'MPL-2.0', website: 'https://www.collaboraonline.com', repository_url: 'https://github.com/CollaboraOnline/online', categories: ['office', 'collaboration'], keywords: ['édition collaborative', 'bureautique en ligne'], fr: 'Suite bureautique en ligne fondée sur LibreOffice, pour l’édition collaborative.', en: 'Online office suite based on LibreOffice, for collaborative editing.' },
  { name: 'Keycloak', licence: 'Apache-2.0', website: 'https://www.keycloak.org', repository_url: 'https://github.com/keycloak/keycloak', categories: ['security'], keywords: ['authentification', 'sso', 'openid connect'], fr: 'Gestion des identités et des accès, authentification unique (SSO).', en: 'Identity and access management, single sign-on.' },
  { name: 'Samba', licence: 'GPL-3.0-or-later', website: 'https://www.samba.org', repository_url: 'https://git.samba.org/samba.git', categories: ['system'], keywords: ['partage de fichiers', 'active directory', 'smb'], fr: 'Partage de fichiers et d’imprimantes SMB, contrôleur de domaine Active Directory.', en: 'SMB file and print sharing, Active Directory domain controller.' },
  { name: 'MariaDB Server', licence: 'GPL-2.0-only', website: 'https://mariadb.org', repository_url: 'https://github.com/MariaDB/server', categories: ['database'], keywords: ['sql', 'mysql'], fr: 'Système de gestion de base de données relationnelle issu de MySQL.', en: 'Relational database management system forked from MySQL.' },
  { name: 'Jenkins', licence: 'MIT', website: 'https://www.jenkins.io', repository_url: 'https://github.com/jenkinsci/jenkins', categories: ['development'], keywords: ['intégration continue', 'ci'], fr: 'Serveur d’intégration et de livraison continues.', en: 'Continuous integration and delivery server.' },
  { name: 'Gitea', licence: 'MIT', website: 'https://about.gitea.com', repository_url: 'https://github.com/go-gitea/gitea', categories: ['development'], keywords: ['forge', 'git'], fr: 'Forge logicielle légère auto-hébergée.', en: 'Lightweight self-hosted software forge.' },
  { name: 'Eclipse IDE', licence: 'EPL-2.0', website: 'https://eclipseide.org', repository_url: 'https://github.com/eclipse-platform/eclipse.platform', categories: ['development'], keywords: ['ide', 'java'], fr: 'Environnement de développement intégré.', en: 'Integrated development environment.' },
  { name: 'Jupyter Notebook', licence: 'BSD-3-Clause', website: 'https://jupyter.org', repository_url: 'https://github.com/jupyter/notebook', categories: ['development', 'data'], keywords: ['science des données', 'data science', 'notebook'], fr: 'Carnets interactifs mêlant code, texte et graphiques.', en: 'Interactive notebooks mixing code, text and charts.' },
  { name: 'Wireshark', licence: 'GPL-2.0-or-later', website: 'https://www.wireshark.org', repository_url: 'https://gitlab.com/wireshark/wireshark', categories: ['system', 'security'], keywords: ['réseau', 'analyse de trafic', 'network'], fr: 'Analyseur de protocoles réseau.', en: 'Network protocol analyser.' },
  { name: 'FileZilla', licence: 'GPL-2.0-or-later', website: 'https://filezilla-project.org', repository_url: 'https://svn.filezilla-project.org/filezilla/', categories: ['internet'], keywords: ['ftp', 'sftp', 'transfert de fichiers'], fr: 'Client de transfert de fichiers FTP et SFTP.', en: 'FTP and SFTP file transfer client.' },
  { name: 'Lutece', licence: 'BSD-3-Clause', website: 'https://lutece.paris.fr', repository_url: 'https://github.com/lutece-platform/lutece-core', categories: ['web'], keywords: ['portail', 'téléservices', 'ville de paris'], fr: 'Cadriciel de portails et de téléservices développé par la Ville de Paris.', en: 'Portal and e-service framework developed by the City of Paris.' },
  { name: 'Apache Superset', licence: 'Apache-2.0', website: 'https://superset.apache.org', repository_url: 'https://github.com/apache/superset', categories: ['data'], keywords: ['tableaux de bord', 'visualisation', 'dashboards'], fr: 'Exploration et visualisation de données, tableaux de bord.', en: 'Data exploration and visualisation, dashboards.' },
]

/** Where the demo software run, as their projects state it: for the platform and system facets. */
const desktop = ['windows', 'linux', 'macos']
const everywhere = [...desktop, 'android', 'ios']
const demoPlatforms: Record<string, Pick<NewSoftware, 'platforms' | 'os'>> = {
  libreoffice: { platforms: ['desktop'], os: desktop },
  'mozilla-firefox': { platforms: ['desktop', 'mobile'], os: everywhere },
  'mozilla-thunderbird': { platforms: ['desktop', 'mobile'], os: [...desktop, 'android'] },
  'vlc-media-player': { platforms: ['desktop', 'mobile'], os: everywhere },
  gimp: { platforms: ['desktop'], os: desktop },
  inkscape: { platforms: ['desktop'], os: desktop },
  qgis: { platforms: ['desktop'], os: desktop },
  blender: { platforms: ['desktop'], os: desktop },
  filezilla: { platforms: ['desktop'], os: desktop },
  nextcloud: { platforms: ['web', 'desktop', 'mobile'], os: everywhere },
  moodle: { platforms: ['web', 'mobile'], os: ['android', 'ios'] },
  'jitsi-meet': { platforms: ['web', 'mobile'], os: ['android', 'ios'] },
  'rocket-chat': { platforms: ['web', 'desktop', 'mobile'], os: everywhere },
  'collabora-online': { platforms: ['web'] },
  wordpress: { platforms: ['web'] },
  drupal: { platforms: ['web'] },
  glpi: { platforms: ['web'] },
  keycloak: { platforms: ['web'] },
}

export const demoSoftware: NewSoftware[] = entries.map(({ fr, en, name, ...rest }) => ({
  ...rest,
  name,
  slug: slugify(name),
  description_fr: fr,
  description_en: en,
  keywords: rest.keywords ?? [],
  ...demoPlatforms[slugify(name)],
  is_demo: true,
}))

/**
 * Demo declarations by the fictitious demo bodies (no agent: they were not made by anyone who signs
 * in). Addresses are under `.example`, which no one can own.
 */
export const demoDeclarations: DemoDeclaration[] = [
  ['libreoffice', 'user', { organisation: 'Ministère de démonstration du Numérique (démo)', use_case: 'Bureautique de tous les agents', version: '24.8', os: 'windows' }],
  ['libreoffice', 'user', { organisation: 'Ville d’Exemple-sur-Démo (démo)', use_case: 'Postes des services municipaux', version: '7.6', os: 'linux' }],
  ['libreoffice', 'referent', { is_expert: true, use_case: 'Déploiement et modèles de documents' }],
  ['nextcloud', 'user', { organisation: 'Université de Démonstration (démo)', use_case: 'Partage de fichiers des laboratoires', version: '29', service_url: 'https://nuage.universite-demo.example' }],
  ['nextcloud', 'instance', { organisation: 'Université de Démonstration (démo)', audience: 'Personnels et étudiants', url: 'https://nuage.universite-demo.example', is_public: true }],
  ['moodle', 'user', { organisation: 'Université de Démonstration (démo)', use_case: 'Cours en ligne', version: '4.4' }],
  ['moodle', 'instance', { organisation: 'Université de Démonstration (démo)', audience: 'Étudiants', url: 'https://cours.universite-demo.example', is_public: true }],
  ['jitsi-meet', 'user', { organisation: 'Ministère de démonstration du Numérique (démo)', use_case: 'Visioconférence des agents' }],
  ['jitsi-meet', 'instance', { organisation: 'Ministère de démonstration du Numérique (démo)', audience: 'Agents du ministère', url: 'https://visio.numerique-demo.example', is_public: false }],
  ['jitsi-meet', 'referent', { is_expert: false, use_case: 'Animation de réunions à distance' }],
  ['qgis', 'user', { organisation: 'Ville d’Exemple-sur-Démo (démo)', use_case: 'Cadastre et urbanisme', version: '3.34', os: 'windows' }],
  ['glpi', 'user', { organisation: 'Direction démo des logiciels libres (démo)', use_case: 'Parc informatique et assistance', version: '10.0' }],
  ['glpi', 'referent', { is_expert: true, use_case: 'Administration et inventaire', service_url: 'https://assistance.ddll-demo.example' }],
]

type DemoDeclaration = { [K in DeclarationKind]: [software: string, kind: K, fields: DeclarationFields[K]] }[DeclarationKind]
