import { element } from './xml.ts'

/** A page of the site, listed in every language: `at('fr')` is its path in French (`/fr/catalogue/qgis`). */
export interface SitemapAddress {
  at(locale: string): string
  lastmod?: Date | undefined
}

/** A kind of page: how many there are, and a slice of them in a stable order. */
export interface SitemapSection {
  count: number
  read(offset: number, limit: number): Promise<SitemapAddress[]>
}

/** The protocol's limit is 50,000 URLs a file; each address is listed once per language. */
export const URLS_PER_FILE = 50_000
const WRITE_BATCH = 1_000

const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'

/** How many addresses one file holds, and how many files the sections fill. */
export function sitemapFiles(sections: readonly SitemapSection[], locales: readonly string[]): { perFile: number; files: number } {
  const perFile = Math.floor(URLS_PER_FILE / locales.length)
  const total = sections.reduce((sum, section) => sum + section.count, 0)
  return { perFile, files: Math.max(1, Math.ceil(total / perFile)) }
}

/**
 * One file of the sitemap (0-based), streamed: each section's slice is read, then written in chunks,
 * each address in every language with its alternates (hreflang).
 */
export async function* sitemapUrlset(
  sections: readonly SitemapSection[],
  options: { baseUrl: string; locales: readonly string[]; file: number },
): AsyncGenerator<string> {
  const { perFile } = sitemapFiles(sections, options.locales)
  yield URLSET_OPEN
  let skip = options.file * perFile
  let left = perFile
  for (const section of sections) {
    if (left === 0) break
    if (skip >= section.count) {
      skip -= section.count
      continue
    }
    // One query per section and file (offsets re-scan what they skip: reading in many slices costs more
    // than holding one file's rows, at most 50,000 / locales short ones), written out in chunks.
    const addresses = await section.read(skip, left)
    for (let start = 0; start < addresses.length; start += WRITE_BATCH) {
      yield addresses
        .slice(start, start + WRITE_BATCH)
        .map((address) => urlEntries(address, options))
        .join('')
    }
    left -= addresses.length
    skip = 0
  }
  yield '</urlset>\n'
}

function urlEntries(address: SitemapAddress, options: { baseUrl: string; locales: readonly string[] }): string {
  const url = (locale: string) => `${options.baseUrl}${address.at(locale)}`
  const alternates = options.locales.map((locale) => element('xhtml:link', null, { rel: 'alternate', hreflang: locale, href: url(locale) })).join('')
  const lastmod = address.lastmod ? element('lastmod', address.lastmod.toISOString()) : ''
  return options.locales.map((locale) => `<url>${element('loc', url(locale))}${lastmod}${alternates}</url>\n`).join('')
}

/** The index of the sitemap's files. */
export function sitemapIndex(fileUrls: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...fileUrls.map((url) => `<sitemap>${element('loc', url)}</sitemap>`),
    '</sitemapindex>',
    '',
  ].join('\n')
}
