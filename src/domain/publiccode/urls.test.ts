import { describe, expect, it } from 'vitest'
import { collectUrls, validatePublicCode } from './index.ts'

const LONG = 'A long description of the software. '.repeat(6)
const text = `publiccodeYmlVersion: "0"
name: Medusa
url: "https://github.com/italia/medusa.git"
landingURL: "https://medusa.example.org"
logo: img/logo.svg
platforms: [web]
developmentStatus: stable
softwareType: "standalone/web"
description:
  en:
    shortDescription: Short
    longDescription: "${LONG}"
    documentation: "https://docs.example.org"
    features: [One]
    screenshots: ["img/shot.png", "https://example.org/shot.png"]
legal:
  license: EUPL-1.2
maintenance:
  type: none
localisation:
  localisationReady: false
  availableLanguages: [en]
`

describe('collectUrls', () => {
  const { document } = validatePublicCode(text)
  if (!document) throw new Error('the document should be valid')

  it('lists the absolute URLs a network checker must verify', () => {
    expect(collectUrls(document)).toEqual([
      { key: 'url', url: 'https://github.com/italia/medusa.git', kind: 'url' },
      { key: 'landingURL', url: 'https://medusa.example.org', kind: 'url' },
      { key: 'description.en.documentation', url: 'https://docs.example.org', kind: 'url' },
      { key: 'description.en.screenshots[1]', url: 'https://example.org/shot.png', kind: 'image' },
    ])
  })

  it('resolves the repository paths against the raw files base when given', () => {
    const urls = collectUrls(document, { rawBaseUrl: 'https://raw.example.org/medusa/main/' })
    expect(urls).toContainEqual({ key: 'logo', url: 'https://raw.example.org/medusa/main/img/logo.svg', kind: 'image' })
    expect(urls).toContainEqual({ key: 'description.en.screenshots[0]', url: 'https://raw.example.org/medusa/main/img/shot.png', kind: 'image' })
  })
})
