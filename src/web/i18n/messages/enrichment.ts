// Where the software page's facts came from, and what the enrichment jobs add to it.
export const fr = {
  'software.source': 'source :',
  'software.source.manual': 'saisie par une personne',
  'software.source.sill': 'SILL',
  'software.source.wikidata': 'Wikidata',
  'software.source.comptoir': 'Comptoir du Libre',
  'software.source.registry': 'son dépôt, dans le registre',
  'software.developers': 'Développement',
  'software.providers': 'Prestataires de services',
  'software.providersSource': 'Selon le Comptoir du Libre (utilisateurs qui l’y déclarent : {count}).',
} as const

export const en: Record<keyof typeof fr, string> = {
  'software.source': 'source:',
  'software.source.manual': 'entered by a person',
  'software.source.sill': 'SILL',
  'software.source.wikidata': 'Wikidata',
  'software.source.comptoir': 'Comptoir du Libre',
  'software.source.registry': 'its repository, in the registry',
  'software.developers': 'Developed by',
  'software.providers': 'Service providers',
  'software.providersSource': 'According to Comptoir du Libre (users declaring it there: {count}).',
}
