import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { atomFeed } from './atom.ts'
import { type SitemapSection, sitemapFiles, sitemapIndex, sitemapUrlset } from './sitemap.ts'
import { xmlText } from './xml.ts'

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml)

describe('xmlText', () => {
  it('escapes markup and removes the characters XML cannot hold', () => {
    expect(xmlText(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;')
    expect(xmlText('a\u0000b\u0007c\u001Fd\tе\n\uFFFE\uFFFF\uD800f😀')).toBe('abcd\tе\nf😀')
  })
})

describe('atomFeed', () => {
  const hostile = '</title><script>alert(1)</script>]]>&amp;\u0001\uDFFF'
  const xml = atomFeed({
    id: 'http://localhost/fr/code/feed.atom',
    title: `Nouveaux dépôts ${hostile}`,
    selfUrl: 'http://localhost/fr/code/feed.atom?x="1"&y=2',
    pageUrl: 'http://localhost/fr/code',
    lang: 'fr',
    author: 'Socle',
    updated: new Date('2026-06-01T00:00:00Z'),
    entries: [
      {
        id: 'urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427',
        title: hostile,
        url: 'http://localhost/fr/code/r/github.com/a/b',
        updated: new Date('2026-06-01T00:00:00Z'),
        published: new Date('2026-05-01T00:00:00Z'),
        summary: `${hostile} summary`,
        author: 'Ministère <b>',
        categories: ['Python', 'a"b'],
      },
    ],
  })

  it('is well-formed Atom 1.0 with ids, dates, links and an author', () => {
    expect(XMLValidator.validate(xml)).toBe(true)
    const { feed } = parse(xml)
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe('http://localhost/fr/code/feed.atom')
    expect(feed.updated).toBe('2026-06-01T00:00:00.000Z')
    expect(feed.author.name).toBe('Socle')
    expect(feed.link.map((l: Record<string, string>) => l['@rel'])).toEqual(['self', 'alternate'])
    expect(feed.entry.id).toBe('urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427')
    expect(feed.entry.published).toBe('2026-05-01T00:00:00.000Z')
    expect(feed.entry.category.map((c: Record<string, string>) => c['@term'])).toEqual(['Python', 'a"b'])
  })

  it('keeps hostile text as text', () => {
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('\u0001')
    expect(xml).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;&amp;amp;')
    expect(xml).toContain('href="http://localhost/fr/code/feed.atom?x=&quot;1&quot;&amp;y=2"')
  })
})

describe('sitemap', () => {
  const section = (prefix: string, count: number): SitemapSection & { reads: number[][] } => {
    const reads: number[][] = []
    return {
      count,
      reads,
      async read(offset, limit) {
        reads.push([offset, limit])
        return Array.from({ length: Math.max(0, Math.min(limit, count - offset)) }, (_, i) => ({ at: (locale: string) => `/${locale}/${prefix}/${offset + i}`, lastmod: new Date(0) }))
      },
    }
  }
  const collect = async (generator: AsyncGenerator<string>) => {
    let text = ''
    for await (const chunk of generator) text += chunk
    return text
  }

  it('lists each address in every language with its alternates', async () => {
    const xml = await collect(sitemapUrlset([section('a', 2)], { baseUrl: 'https://x.gouv.fr', locales: ['fr', 'en'], file: 0 }))
    expect(XMLValidator.validate(xml)).toBe(true)
    const urls = parse(xml).urlset.url
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual(['https://x.gouv.fr/fr/a/0', 'https://x.gouv.fr/en/a/0', 'https://x.gouv.fr/fr/a/1', 'https://x.gouv.fr/en/a/1'])
    expect(urls[0]['xhtml:link'].map((l: Record<string, string>) => l['@hreflang'])).toEqual(['fr', 'en'])
    expect(urls[0].lastmod).toBe('1970-01-01T00:00:00.000Z')
  })

  it('splits into files of at most 50,000 URLs, each reading only its slice of the sections', async () => {
    const sections = [section('s', 3), section('r', 60_000)]
    expect(sitemapFiles(sections, ['fr', 'en'])).toEqual({ perFile: 25_000, files: 3 })
    const second = await collect(sitemapUrlset(sections, { baseUrl: 'https://x', locales: ['fr', 'en'], file: 1 }))
    expect(XMLValidator.validate(second)).toBe(true)
    const locs = [...second.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])
    expect(locs).toHaveLength(50_000)
    expect(locs[0]).toBe('https://x/fr/r/24997')
    expect(locs.at(-1)).toBe('https://x/en/r/49996')
    expect(sections[0]!.reads).toEqual([])
    const last = await collect(sitemapUrlset(sections, { baseUrl: 'https://x', locales: ['fr', 'en'], file: 2 }))
    expect(last.match(/<loc>/g)).toHaveLength(2 * (60_003 - 50_000))
  })

  it('writes an index of the files', () => {
    const xml = sitemapIndex(['https://x/sitemap-1.xml', 'https://x/sitemap-2.xml?a=1&b=2'])
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(parse(xml).sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual(['https://x/sitemap-1.xml', 'https://x/sitemap-2.xml?a=1&b=2'])
  })
})
