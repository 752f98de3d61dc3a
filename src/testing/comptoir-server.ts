import { startScriptedServer, type ScriptedServer } from './scripted-server.ts'

/**
 * A local stand-in for Comptoir du Libre (tests only): its export, in the shape
 * `/public/export/comptoir-du-libre_export_v1.json` has, and scripted trouble served first.
 */
type Json = Record<string, unknown>

function actor(id: number, name: string, type: 'Company' | 'Administration' | 'Person' | 'Association', website: string | null): Json {
  return { id, url: `https://comptoir-du-libre.org/fr/users/${id}`, name, type, external_resources: { website } }
}

function software(id: number, name: string, licence: string, resources: { website: string | null; repository: string | null; wikidata?: string }, providers: Json[], users: Json[]): Json {
  return {
    id,
    created: '2016-12-02T10:31:45+00:00',
    modified: '2024-06-18T14:02:11+00:00',
    url: `https://comptoir-du-libre.org/fr/softwares/${id}`,
    name,
    licence,
    external_resources: {
      website: resources.website,
      repository: resources.repository,
      framalibre: [],
      wikidata: resources.wikidata ? { id: resources.wikidata, url: `https://www.wikidata.org/wiki/${resources.wikidata}`, data: `https://www.wikidata.org/wiki/Special:EntityData/${resources.wikidata}.json` } : [],
      sill: [],
      wikipedia: [],
    },
    providers,
    users,
  }
}

/** A few real entries (abridged: most users and providers left out; names of users are the kinds of bodies that declare). */
export function comptoirExport(): Json {
  const softwares = [
    software(
      33,
      'LibreOffice',
      'Mozilla Public License V2.0',
      { website: 'https://www.libreoffice.org/', repository: 'https://git.libreoffice.org/core', wikidata: 'Q10135' },
      [actor(140, 'Arawa', 'Company', 'https://www.arawa.fr/'), actor(175, 'Libriciel SCOP', 'Company', 'https://www.libriciel.fr/')],
      [actor(23, 'Mairie de Fontaine', 'Administration', null), actor(51, 'Département du Rhône', 'Administration', 'https://www.rhone.fr/'), actor(202, 'Adullact', 'Association', 'https://adullact.org/')],
    ),
    software(62, 'VLC', 'GNU GPL v2', { website: 'https://www.videolan.org/vlc/', repository: 'https://code.videolan.org/videolan/vlc' }, [], [actor(23, 'Mairie de Fontaine', 'Administration', null)]),
    software(82, 'Firefox', 'Mozilla Public License V2.0', { website: null, repository: null }, [actor(140, 'Arawa', 'Company', 'https://www.arawa.fr/')], []),
  ]
  return { date_of_export: '2024-10-14T03:00:02+00:00', number_of_software: softwares.length, softwares }
}

export type ComptoirServer = ScriptedServer

export async function startComptoirServer(exported: Json = comptoirExport()): Promise<ComptoirServer> {
  return await startScriptedServer({
    path: '/public/export/comptoir-du-libre_export_v1.json',
    contentType: 'application/json',
    record: (url) => url.pathname,
    answer: () => exported,
  })
}
