import { type ScriptedReply, type ScriptedServer, startScriptedServer } from './scripted-server.ts'

/**
 * A local stand-in for Wikidata's action API (tests only): `wbgetentities` and `wbsearchentities`
 * answered from items built here in the shapes Wikidata answers (format=json, formatversion 1), and
 * scripted trouble (429 with Retry-After, maxlag, server errors, a hang, invalid JSON) served first.
 */
type Json = Record<string, unknown>

let statementCount = 0

function snak(property: string, datavalue: Json, datatype: string): Json {
  return { snaktype: 'value', property, hash: `h${++statementCount}`, datavalue, datatype }
}

function statement(id: string, mainsnak: Json, rank: 'preferred' | 'normal' | 'deprecated', qualifiers?: Record<string, Json[]>): Json {
  return {
    mainsnak,
    type: 'statement',
    ...(qualifiers ? { qualifiers, 'qualifiers-order': Object.keys(qualifiers) } : {}),
    id: `${id}$${(++statementCount).toString(16).padStart(8, '0')}-5b6a-4c2e-9a1f-c0ffee000000`,
    rank,
    references: [],
  }
}

/** Claims of an item, written as what they say. */
export interface ItemClaims {
  logo?: string
  website?: string[]
  repository?: string[]
  licences?: string[]
  versions?: { name: string; date?: string; rank?: 'preferred' | 'normal' | 'deprecated' }[]
  developers?: string[]
  spdx?: string
}

const itemValue = (q: string) => ({ value: { 'entity-type': 'item', 'numeric-id': Number(q.slice(1)), id: q }, type: 'wikibase-entityid' })
const day = (date: string) => ({ value: { time: `+${date}T00:00:00Z`, timezone: 0, before: 0, after: 0, precision: 11, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' }, type: 'time' })

/** An item as `wbgetentities` answers it. */
export function item(id: string, texts: { labels?: Record<string, string>; descriptions?: Record<string, string> }, claims: ItemClaims = {}): Json {
  const byProperty: Record<string, Json[]> = {}
  const add = (property: string, value: Json, datatype: string, rank: 'preferred' | 'normal' | 'deprecated' = 'normal', qualifiers?: Record<string, Json[]>) => {
    byProperty[property] = [...(byProperty[property] ?? []), statement(id, snak(property, value, datatype), rank, qualifiers)]
  }
  // P31 (instance of) Q7397 (software): every software item has one, and nothing here reads it.
  add('P31', itemValue('Q7397'), 'wikibase-item')
  if (claims.logo) add('P154', { value: claims.logo, type: 'string' }, 'commonsMedia')
  for (const url of claims.website ?? []) add('P856', { value: url, type: 'string' }, 'url')
  for (const url of claims.repository ?? []) add('P1324', { value: url, type: 'string' }, 'url')
  for (const q of claims.licences ?? []) add('P275', itemValue(q), 'wikibase-item')
  for (const v of claims.versions ?? []) add('P348', { value: v.name, type: 'string' }, 'string', v.rank, v.date ? { P577: [snak('P577', day(v.date), 'time')] } : undefined)
  for (const q of claims.developers ?? []) add('P178', itemValue(q), 'wikibase-item')
  if (claims.spdx) add('P2479', { value: claims.spdx, type: 'string' }, 'external-id')
  const textMap = (map: Record<string, string> = {}) => Object.fromEntries(Object.entries(map).map(([language, value]) => [language, { language, value }]))
  return {
    pageid: 10_000 + Number(id.slice(1)) % 1_000_000,
    ns: 0,
    title: id,
    lastrevid: 2_250_000_000 + Number(id.slice(1)) % 1000,
    modified: '2024-10-12T08:41:03Z',
    type: 'item',
    id,
    labels: textMap(texts.labels),
    descriptions: textMap(texts.descriptions),
    aliases: {},
    claims: byProperty,
    sitelinks: {},
  }
}

/** A few real software items (abridged: other claims, references and languages left out), their licences and developers. */
export function wikidataItems(): Json[] {
  return [
    item(
      'Q10135',
      { labels: { fr: 'LibreOffice', en: 'LibreOffice', de: 'LibreOffice' }, descriptions: { fr: 'suite bureautique libre', en: 'free and open-source office suite' } },
      {
        logo: 'LibreOffice 7.5 Logo Flat.svg',
        website: ['https://www.libreoffice.org/'],
        repository: ['https://git.libreoffice.org/core', 'https://github.com/LibreOffice/core'],
        licences: ['Q25428413'],
        versions: [
          { name: '24.2.6', date: '2024-09-05' },
          { name: '24.8.2', date: '2024-10-03', rank: 'preferred' },
          { name: '24.8.1', date: '2024-09-12' },
          { name: '3.3.0', date: '2011-01-25', rank: 'deprecated' },
        ],
        developers: ['Q1201283'],
      },
    ),
    item(
      'Q171477',
      { labels: { fr: 'VLC media player', en: 'VLC media player' }, descriptions: { fr: 'lecteur multimédia libre', en: 'free and open-source media player' } },
      {
        logo: 'VLC Icon.svg',
        website: ['https://www.videolan.org/vlc/'],
        repository: ['https://code.videolan.org/videolan/vlc'],
        licences: ['Q27016752'],
        versions: [{ name: '3.0.20', date: '2023-11-01' }, { name: '3.0.21', date: '2024-06-10' }],
        developers: ['Q1046479', 'Q7397000'],
      },
    ),
    // Two licences: a choice or a mix, which only a person can write as one expression.
    item('Q698', { labels: { fr: 'Mozilla Firefox', en: 'Firefox' }, descriptions: { en: 'free and open-source web browser' } }, { website: ['https://www.mozilla.org/firefox/'], licences: ['Q25428413', 'Q27016752'] }),
    item('Q25428413', { labels: { fr: 'Mozilla Public License 2.0', en: 'Mozilla Public License, version 2.0' } }, { spdx: 'MPL-2.0' }),
    item('Q27016752', { labels: { fr: 'GNU GPL version 2 ou ultérieure', en: 'GNU General Public License, version 2.0 or later' } }, { spdx: 'GPL-2.0-or-later' }),
    item('Q1201283', { labels: { fr: 'The Document Foundation', en: 'The Document Foundation' } }),
    item('Q1046479', { labels: { en: 'VideoLAN' } }),
    // Q7397000 has no French nor English label: shown by its id.
    item('Q7397000', { labels: { de: 'Entwickler' } }),
  ]
}

export type { ScriptedReply }

export interface WikidataServer extends ScriptedServer {
  items: Map<string, Json>
}

function pick(map: unknown, languages: string[]): Json {
  return Object.fromEntries(Object.entries((map ?? {}) as Json).filter(([language]) => languages.includes(language)))
}

function answer(url: URL, items: Map<string, Json>): Json {
  const action = url.searchParams.get('action')
  if (action === 'wbgetentities') {
    const ids = (url.searchParams.get('ids') ?? '').split('|').filter(Boolean)
    if (ids.length > 50) return { error: { code: 'toomanyvalues', info: 'Too many values supplied for parameter "ids". The limit is 50.', parameter: 'ids', limit: 50 } }
    const invalid = ids.find((id) => !/^Q[1-9]\d*$/.test(id))
    if (invalid) return { error: { code: 'no-such-entity', info: `Could not find an entity with the ID "${invalid}".`, id: invalid, messages: [{ name: 'wikibase-api-no-such-entity', parameters: [] }] } }
    const props = (url.searchParams.get('props') ?? 'info|sitelinks|aliases|labels|descriptions|claims|datatype').split('|')
    const languages = (url.searchParams.get('languages') ?? 'fr|en').split('|')
    const entities: Json = {}
    for (const id of ids) {
      const found = items.get(id)
      if (!found) {
        entities[id] = { id, missing: '' }
        continue
      }
      entities[id] = {
        type: 'item',
        id,
        ...(props.includes('labels') ? { labels: pick(found.labels, languages) } : {}),
        ...(props.includes('descriptions') ? { descriptions: pick(found.descriptions, languages) } : {}),
        ...(props.includes('claims') ? { claims: found.claims } : {}),
      }
    }
    return { entities, success: 1 }
  }
  if (action === 'wbsearchentities') {
    const search = (url.searchParams.get('search') ?? '').toLowerCase()
    const language = url.searchParams.get('language') ?? 'en'
    const hits = [...items.values()].filter((entity) => Object.values(entity.labels as Json).some((l) => String((l as Json).value).toLowerCase().includes(search)))
    return {
      searchinfo: { search: url.searchParams.get('search') },
      search: hits.map((entity) => {
        const labels = entity.labels as Record<string, { value: string }>
        const descriptions = entity.descriptions as Record<string, { value: string }>
        const shown = labels[language] ?? labels.en ?? Object.values(labels)[0]!
        return {
          id: entity.id,
          title: entity.id,
          pageid: entity.pageid,
          display: { label: { value: shown.value, language } },
          repository: 'wikidata',
          url: `//www.wikidata.org/wiki/${String(entity.id)}`,
          concepturi: `http://www.wikidata.org/entity/${String(entity.id)}`,
          label: shown.value,
          ...(descriptions[language] ?? descriptions.en ? { description: (descriptions[language] ?? descriptions.en)!.value } : {}),
          match: { type: 'label', language, text: shown.value },
        }
      }),
      'search-continue': hits.length,
      success: 1,
    }
  }
  return { error: { code: 'badvalue', info: `Unrecognized value for parameter "action": ${action}.` } }
}

export async function startWikidataServer(items: Json[] = wikidataItems()): Promise<WikidataServer> {
  const known = new Map(items.map((entity) => [String(entity.id), entity]))
  const server = await startScriptedServer({
    path: '/w/api.php',
    contentType: 'application/json; charset=utf-8',
    record: (url) => `${url.pathname}${url.search}`,
    answer: (url) => answer(url, known),
  })
  return Object.assign(server, { items: known })
}

/** Wikidata's answer when replication lags past the client's maxlag (HTTP 200, with Retry-After). */
export function maxlagReply(seconds = 1): ScriptedReply {
  return {
    headers: { 'retry-after': String(seconds), 'x-database-lag': '7' },
    body: JSON.stringify({ error: { code: 'maxlag', info: 'Waiting for 10.64.48.35: 7 seconds lagged.', host: '10.64.48.35', lag: 7, type: 'db' }, servedby: 'mw-api-ext.eqiad.main-7b9c4f8d5-x2x7q' }),
  }
}
