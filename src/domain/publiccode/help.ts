// Short help for each top-level key of publiccode.yml, in French and English, for the editor form.
// Summaries of the standard (https://yml.publiccode.tools), not a translation of it.
import type { PublicCode } from './model.ts'

export interface FieldHelp {
  fr: string
  en: string
}

export const fieldHelp: Readonly<Record<string, FieldHelp>> = {
  publiccodeYmlVersion: {
    fr: 'Version du standard publiccode.yml suivie par le fichier. Utilisez "0".',
    en: 'Version of the publiccode.yml standard the file follows. Use "0".',
  },
  name: {
    fr: 'Nom court du logiciel, celui sous lequel il est connu.',
    en: 'Short name of the software, the one people know it by.',
  },
  applicationSuite: {
    fr: 'Nom de la suite logicielle dont le logiciel fait partie, le cas échéant.',
    en: 'Name of the suite the software belongs to, if any.',
  },
  url: {
    fr: 'Adresse du dépôt de code source (git, svn…) : elle identifie le logiciel.',
    en: 'URL of the source code repository (git, svn…): it identifies the software.',
  },
  landingURL: {
    fr: "Page d'accueil à montrer aux visiteurs quand l'adresse du dépôt n'est pas une page lisible.",
    en: 'Page to show visitors when the repository URL is not a human-readable page.',
  },
  isBasedOn: {
    fr: "Dépôt(s) du logiciel d'origine si celui-ci en est une variante ou une bifurcation.",
    en: 'Repository (or repositories) of the original software, if this one is a variant or fork.',
  },
  softwareVersion: {
    fr: 'Dernière version stable publiée (texte libre, par exemple "1.0").',
    en: 'Latest stable version released (free text, e.g. "1.0").',
  },
  releaseDate: {
    fr: 'Date de publication de cette version, au format AAAA-MM-JJ.',
    en: 'Release date of that version, as YYYY-MM-DD.',
  },
  logo: {
    fr: 'Logo du logiciel (SVG de préférence, ou PNG d’au moins 1000 px de large) : chemin dans le dépôt ou adresse.',
    en: 'Logo of the software (preferably SVG, or a PNG at least 1000px wide): path in the repository or URL.',
  },
  monochromeLogo: {
    fr: 'Logo monochrome. Clé dépréciée : utilisez "logo".',
    en: 'Monochrome logo. Deprecated key: use "logo".',
  },
  organisation: {
    fr: "Organisation qui publie le logiciel : son URI (adresse ou URN, urn:x-italian-pa:… pour l'Italie) et son nom.",
    en: 'Organisation publishing the software: its URI (URL or URN, urn:x-italian-pa:… in Italy) and name.',
  },
  inputTypes: {
    fr: 'Types MIME acceptés en entrée. Clé dépréciée, à supprimer.',
    en: 'MIME types accepted as input. Deprecated key, safe to drop.',
  },
  outputTypes: {
    fr: 'Types MIME produits en sortie. Clé dépréciée, à supprimer.',
    en: 'MIME types produced as output. Deprecated key, safe to drop.',
  },
  platforms: {
    fr: 'Plateformes sur lesquelles les utilisateurs se servent du logiciel : web, windows, mac, linux, ios, android ou autre.',
    en: 'Platforms users run the software on: web, windows, mac, linux, ios, android or other.',
  },
  categories: {
    fr: 'Catégories décrivant le logiciel, tirées de la liste du standard.',
    en: "Categories describing the software, from the standard's list.",
  },
  usedBy: {
    fr: 'Administrations notables qui utilisent le logiciel.',
    en: 'Notable public administrations using the software.',
  },
  fundedBy: {
    fr: 'Organisations qui financent le développement, chacune avec son URI et son nom.',
    en: 'Organisations funding the development, each with its URI and name.',
  },
  roadmap: {
    fr: 'Adresse de la feuille de route publique.',
    en: 'URL of the public roadmap.',
  },
  developmentStatus: {
    fr: 'État du développement : concept, development, beta, stable ou obsolete.',
    en: 'Development status: concept, development, beta, stable or obsolete.',
  },
  softwareType: {
    fr: 'Nature du logiciel : application autonome (web, mobile, bureau…), extension, bibliothèque ou fichiers de configuration.',
    en: 'Kind of software: standalone application (web, mobile, desktop…), add-on, library or configuration files.',
  },
  supports: {
    fr: 'Normes, réglementations ou systèmes pris en charge : alias du standard (alias:gdpr…) ou URI.',
    en: "Standards, regulations or systems supported: the standard's aliases (alias:gdpr…) or URIs.",
  },
  intendedAudience: {
    fr: "Public visé : domaines d'application et pays (codes ISO à deux lettres) pris en charge ou non.",
    en: 'Intended audience: fields of application, and countries (two-letter ISO codes) supported or not.',
  },
  description: {
    fr: 'Description par langue (code BCP 47 : fr, en, it…) : résumé, description longue (150 à 10 000 caractères), fonctionnalités, documentation, captures.',
    en: 'Description per language (BCP 47 tag: fr, en, it…): summary, long description (150 to 10,000 characters), features, documentation, screenshots.',
  },
  legal: {
    fr: 'Licence (expression SPDX, par exemple EUPL-1.2) et titulaire principal des droits.',
    en: 'Licence (SPDX expression, e.g. EUPL-1.2) and main copyright owner.',
  },
  maintenance: {
    fr: 'Maintenance : interne, sous contrat (prestataires et échéance), communautaire ou aucune, avec ses contacts.',
    en: 'Maintenance: internal, contract (contractors and end date), community or none, with its contacts.',
  },
  localisation: {
    fr: 'Prêt pour la traduction ? Langues disponibles (codes BCP 47).',
    en: 'Ready for translation? Languages available (BCP 47 tags).',
  },
  dependsOn: {
    fr: "Dépendances à installer pour l'exécuter : libres, propriétaires ou matérielles, avec leurs versions.",
    en: 'Dependencies needed to run it: open source, proprietary or hardware, with their versions.',
  },
  IT: {
    fr: "Section propre à l'Italie : version de l'extension, plateformes nationales (SPID, pagoPA, CIE, ANPR, IO).",
    en: 'Section for Italy: extension version, national platforms (SPID, pagoPA, CIE, ANPR, IO).',
  },
  it: {
    fr: 'Ancienne orthographe de la section "IT", dépréciée : utilisez "IT".',
    en: 'Former spelling of the "IT" section, deprecated: use "IT".',
  },
} satisfies Record<keyof PublicCode, FieldHelp>
