import { element } from './xml.ts'

/** An Atom 1.0 feed (RFC 4287). */
export interface AtomFeed {
  /** A permanent IRI: the feed's own address does. */
  id: string
  title: string
  subtitle?: string
  /** Where the feed lives (rel="self") and the page it belongs to (rel="alternate"). */
  selfUrl: string
  pageUrl: string
  lang: string
  /** Every feed has an author, so entries may go without. */
  author: string
  /** When the feed last changed; the newest entry's date when it has entries. */
  updated: Date
  entries: AtomEntry[]
}

export interface AtomEntry {
  /** A permanent IRI that never changes for this entry (`urn:uuid:…`). */
  id: string
  title: string
  url: string
  updated: Date
  published?: Date | undefined
  summary?: string | null | undefined
  author?: string | null | undefined
  categories?: string[] | undefined
}

/** The feed as XML text: every text escaped, characters XML cannot hold removed. */
export function atomFeed(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang === 'en' ? 'en' : 'fr'}">`,
    element('id', feed.id),
    element('title', feed.title),
    feed.subtitle ? element('subtitle', feed.subtitle) : '',
    element('link', null, { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
    element('link', null, { rel: 'alternate', type: 'text/html', href: feed.pageUrl }),
    element('updated', feed.updated.toISOString()),
    `<author>${element('name', feed.author)}</author>`,
    ...feed.entries.map(atomEntry),
    '</feed>',
  ]
  return `${lines.filter(Boolean).join('\n')}\n`
}

function atomEntry(entry: AtomEntry): string {
  return [
    '<entry>',
    element('id', entry.id),
    element('title', entry.title),
    element('link', null, { rel: 'alternate', type: 'text/html', href: entry.url }),
    element('updated', entry.updated.toISOString()),
    entry.published ? element('published', entry.published.toISOString()) : '',
    entry.author ? `<author>${element('name', entry.author)}</author>` : '',
    ...(entry.categories ?? []).map((term) => element('category', null, { term })),
    entry.summary ? element('summary', entry.summary, { type: 'text' }) : '',
    '</entry>',
  ]
    .filter(Boolean)
    .join('')
}
