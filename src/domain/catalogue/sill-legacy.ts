import { z } from 'zod'
import { normaliseLicence } from '../licences/index.ts'
import { slugify } from '../shared/slug.ts'

/**
 * Reads the SILL as it was published, into Socle's catalogue shape. Two formats, told apart by their
 * keys:
 * - `sill-2022`: the legacy open data of sill.etalab.gouv.fr (May 2022, repository etalab/sill-contents),
 *   an array of entries with short keys (`id`, `i` name, `st` status…), and its change log
 *   `sill-updates.json`;
 * - `catalogi-v2`: the public export of Catalogi, the SILL's current software (codegouvfr/catalogi,
 *   `/v2/catalogi.json`): `id`, `name`, `description`, `license`, `dereferencing`, `customAttributes`
 *   (versionMin, isPresentInSupportContract, isFromFrenchPublicService), `similarSoftwares`… Its
 *   declarations of users and referents, providers and platforms have no place in Socle yet and are
 *   not read. The SILL ids continue from one format to the other (7zip is 1 in both).
 *
 * Nothing is guessed silently: whatever cannot be mapped soundly is left out and reported as a
 * problem, and the few sound-but-loose matches (a parent named by part of its name, a change-log id
 * that names another software) are mapped and reported so that an editor can check them.
 */

export type SillFormat = 'sill-2022' | 'catalogi-v2'
export type CatalogueStatus = 'recommended' | 'observation' | 'dereferenced'
export type ChangeKind = 'added' | 'removed' | 'updated'

/** One software of the SILL, in the catalogue's terms. Days are 'YYYY-MM-DD'. */
export interface SillEntry {
  sillId: string
  /** Unique within the file (a repeated name gets its SILL id appended). */
  slug: string
  name: string
  descriptionFr: string | null
  descriptionEn: string | null
  function: string | null
  /** SPDX expression, null when the text has no sound mapping (see normaliseLicence). */
  licence: string | null
  licenceText: string | null
  website: string | null
  documentationUrl: string | null
  repositoryUrl: string | null
  logoUrl: string | null
  wikidataId: string | null
  categories: string[]
  keywords: string[]
  status: CatalogueStatus
  referencedOn: string | null
  dereferencedOn: string | null
  dereferencedReason: string | null
  lastRecommendedVersion: string | null
  minVersion: string | null
  maxVersion: string | null
  latestVersion: string | null
  sillYears: number[]
  sillGroup: string | null
  supportMarket: boolean | null
  fromPublicService: boolean | null
  comptoirDuLibreId: number | null
  framalibreSlug: string | null
  catalogueNumeriqueUrl: string | null
  usageContext: string | null
  parentSillId: string | null
  similarSillIds: string[]
}

/** One line of the change log; `sillId` null when the software is not in the catalogue read. */
export interface SillChange {
  sillId: string | null
  softwareName: string
  kind: ChangeKind
  version: string | null
  comment: string | null
  occurredOn: string
}

/** What could not be mapped, or was mapped loosely: `field` is the source's key. */
export interface SillProblem {
  id: string | null
  name: string | null
  field: string
  reason: string
}

export interface SillCatalogue {
  /** Null for an empty array, which says nothing of its format. */
  format: SillFormat | null
  /** Fields the format does not have at all (null or empty in every entry): not news of any change. */
  absentFields: readonly (keyof SillEntry)[]
  entries: SillEntry[]
  changes: SillChange[]
  problems: SillProblem[]
}

/** The input as a whole is not the SILL: nothing of it can be imported. */
export class SillFormatError extends Error {}

export function readSill(json: unknown, updates?: unknown): SillCatalogue {
  if (!Array.isArray(json)) throw new SillFormatError(`The SILL must be a JSON array of software entries, not ${kindOf(json)}.`)
  const problems: SillProblem[] = []
  const format = detectFormat(json)
  const readEntry = format === 'catalogi-v2' ? readCatalogiEntry : readLegacyEntry
  const drafts = json.flatMap((raw) => readEntry(raw, problems))
  if (format === 'sill-2022') dereferenceAbsentEntries(drafts)
  const entries = linkEntries(uniqueDrafts(drafts, problems), format === 'catalogi-v2' ? 'similarSoftwares' : 'si', problems)
  const changes = updates === undefined ? [] : readChangeLog(updates, entries, problems)
  datesFromChanges(entries, changes)
  return { format, absentFields: format ? ABSENT_FIELDS[format] : [], entries, changes, problems }
}

const ABSENT_FIELDS: Readonly<Record<SillFormat, readonly (keyof SillEntry)[]>> = {
  'sill-2022': ['wikidataId', 'latestVersion'],
  'catalogi-v2': ['function', 'maxVersion', 'sillYears', 'sillGroup', 'catalogueNumeriqueUrl', 'usageContext', 'parentSillId'],
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

function detectFormat(json: unknown[]): SillFormat | null {
  const first = json.find(isRecord)
  if (!first) {
    if (json.length === 0) return null
    throw new SillFormatError('The SILL entries must be JSON objects.')
  }
  if ('i' in first) return 'sill-2022'
  if ('name' in first && typeof first.id === 'number') return 'catalogi-v2'
  throw new SillFormatError('Unknown SILL format: entries have neither `i` (SILL 2022) nor a numeric `id` with a `name` (Catalogi).')
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

// ——— Reading entries ———

/** An entry read, before slugs and links between entries are resolved. */
type Draft = Omit<SillEntry, 'slug' | 'parentSillId' | 'similarSillIds'> & {
  parent: string | null
  /** SILL ids or names, as the source gives them. */
  similar: { sillId?: string; name: string }[]
}

type Report = (field: string, reason: string) => void

const text = z.string().nullish()
const sillId = z.union([z.string().trim().regex(/^\d+$/), z.number().int().nonnegative()], {
  error: 'required: a number or a string of digits',
})

/**
 * Parses one entry against `schema`, reporting every field that does not fit: a required field
 * drops the entry, any other is read as absent.
 */
function readFields<S extends z.ZodObject>(schema: S, raw: unknown, required: readonly string[], report: Report): z.infer<S> | null {
  if (!isRecord(raw)) {
    report('entry', `not an object but ${kindOf(raw)}`)
    return null
  }
  const first = schema.safeParse(raw)
  if (first.success) return first.data
  const bad = new Set<string>()
  for (const issue of first.error.issues) {
    const field = String(issue.path[0] ?? 'entry')
    if (!bad.has(field)) report(field, issue.message)
    bad.add(field)
  }
  if (required.some((field) => bad.has(field))) return null
  const second = schema.safeParse(Object.fromEntries(Object.entries(raw).filter(([key]) => !bad.has(key))))
  return second.success ? second.data : null
}

/** Reports problems of one raw entry, named by its id and name fields as far as they can be read. */
function reporter(raw: unknown, idField: string, nameField: string, problems: SillProblem[]): Report {
  const record = isRecord(raw) ? raw : {}
  const id = record[idField]
  const name = record[nameField]
  return (field, reason) =>
    problems.push({
      id: typeof id === 'string' || typeof id === 'number' ? String(id) : null,
      name: typeof name === 'string' ? name : isRecord(name) ? localized(name) : null,
      field,
      reason,
    })
}

/** Trimmed text; empty and placeholder values ("N/A", "-") say nothing and read as null. */
function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? ''
  return trimmed === '' || /^(?:n\/?a|-|none|aucune?)$/i.test(trimmed) ? null : trimmed
}

const LegacyEntry = z.object({
  id: sillId,
  i: z.string({ error: 'required: the name' }).trim().min(1, 'required: the name'),
  'fr-desc': text,
  'en-desc': text,
  f: text,
  c: text,
  se: text,
  l: text,
  st: text,
  'v-': text,
  'v+': text,
  y: text,
  su: text,
  co: text,
  g: text,
  p: text,
  u: text,
  a: text,
  si: text,
  la: text,
  website: text,
  sources: text,
  doc: text,
  logo: text,
  frama: z.object({ 'encoded-name': text }).nullish(),
})

/** R and O are the SILL's own statuses; FR, "fin de recommandation", is a software on its way out. */
const LEGACY_STATUS: Readonly<Record<string, CatalogueStatus>> = { R: 'recommended', O: 'observation', FR: 'dereferenced' }
const END_OF_RECOMMENDATION = 'Fin de recommandation'

function readLegacyEntry(raw: unknown, problems: SillProblem[]): Draft[] {
  const report = reporter(raw, 'id', 'i', problems)
  const e = readFields(LegacyEntry, raw, ['id', 'i'], report)
  if (!e) return []
  const fn = clean(e.f)
  const statusCode = clean(e.st)?.toUpperCase() ?? ''
  let status = LEGACY_STATUS[statusCode]
  if (!status) {
    report('st', `unknown status ${JSON.stringify(e.st ?? null)}: read as observation`)
    status = 'observation'
  }
  const minVersion = clean(e['v-'])
  const maxVersion = clean(e['v+'])
  return [
    {
      sillId: String(e.id),
      name: e.i,
      // The SILL's function is the description it gives when Wikidata had none.
      descriptionFr: clean(e['fr-desc']) ?? fn,
      descriptionEn: clean(e['en-desc']),
      function: fn,
      ...licenceOf(e.l, 'l', report),
      website: urlOf(e.website, 'website', WEB, report),
      documentationUrl: urlOf(e.doc, 'doc', WEB, report),
      repositoryUrl: urlOf(e.sources, 'sources', REPOSITORY, report),
      logoUrl: urlOf(e.logo, 'logo', WEB, report),
      wikidataId: null,
      categories: [clean(e.c), clean(e.se)].filter((label) => label !== null),
      // The function words make the entry findable by what it does.
      keywords: fn ? [fn] : [],
      status,
      referencedOn: null,
      dereferencedOn: null,
      dereferencedReason: status === 'dereferenced' ? END_OF_RECOMMENDATION : null,
      lastRecommendedVersion: status === 'dereferenced' ? (maxVersion ?? minVersion) : null,
      minVersion,
      maxVersion,
      latestVersion: null,
      sillYears: yearsOf(e.y, report),
      sillGroup: clean(e.g),
      supportMarket: flagOf(e.su, 'su', report),
      fromPublicService: flagOf(e.a, 'a', report),
      comptoirDuLibreId: comptoirIdOf(e.co, 'co', report),
      framalibreSlug: clean(e.frama?.['encoded-name']),
      catalogueNumeriqueUrl: urlOf(e.la, 'la', WEB, report),
      usageContext: clean(e.u),
      parent: clean(e.p),
      similar: (e.si ?? '')
        .split(/[;,]/)
        .map((token) => token.trim())
        .filter((token) => token !== '')
        .map((token) => (/^\d+$/.test(token) ? { sillId: token, name: token } : { name: token })),
    },
  ]
}

/**
 * A 2022 file lists every software ever in the SILL with the years it was in it: one left out of the
 * latest year is no longer recommended, whatever its status says.
 */
function dereferenceAbsentEntries(drafts: Draft[]): void {
  const latest = Math.max(...drafts.flatMap((draft) => draft.sillYears))
  for (const draft of drafts) {
    if (draft.status === 'dereferenced' || draft.sillYears.length === 0 || draft.sillYears.includes(latest)) continue
    draft.status = 'dereferenced'
    draft.dereferencedReason = `Absent du SILL ${latest}`
    draft.lastRecommendedVersion = draft.maxVersion ?? draft.minVersion
  }
}

const localizedText = z.union([z.string(), z.object({ fr: text, en: text })])
const identifier = z.object({ value: z.string(), additionalType: text, subjectOf: z.object({ additionalType: text }).nullish() })

const CatalogiEntry = z.object({
  id: sillId,
  name: localizedText,
  description: localizedText.nullish(),
  image: text,
  url: text,
  codeRepositoryUrl: text,
  softwareHelp: text,
  license: text,
  latestVersion: z.object({ version: text }).nullish(),
  addedTime: z.iso.datetime({ offset: true }).nullish(),
  dereferencing: z.object({ reason: text, time: z.iso.datetime({ offset: true }), lastRecommendedVersion: text }).nullish(),
  customAttributes: z
    .object({ versionMin: text, isPresentInSupportContract: z.boolean().nullish(), isFromFrenchPublicService: z.boolean().nullish() })
    .nullish(),
  applicationCategories: z.array(z.string()).nullish(),
  // Older entries hold Wikidata item references among their keywords: only the words are kept.
  keywords: z.array(z.unknown()).nullish(),
  externalId: text,
  sourceSlug: text,
  identifiers: z.array(identifier).nullish(),
  similarSoftwares: z
    .array(z.object({ name: localizedText, externalId: text, isInCatalogi: z.boolean().nullish(), softwareId: z.number().int().nullish() }))
    .nullish(),
})

function readCatalogiEntry(raw: unknown, problems: SillProblem[]): Draft[] {
  const report = reporter(raw, 'id', 'name', problems)
  const e = readFields(CatalogiEntry, raw, ['id', 'name'], report)
  if (!e) return []
  const name = localized(e.name)
  if (!name) {
    report('name', 'required: the name')
    return []
  }
  const description = typeof e.description === 'string' ? { fr: e.description, en: null } : e.description
  const identifierOf = (source: string) =>
    e.identifiers?.find((id) => id.subjectOf?.additionalType?.toLowerCase() === source && (id.additionalType ?? 'Software') === 'Software')?.value ?? null
  const wikidata = clean(e.sourceSlug === 'wikidata' ? e.externalId : identifierOf('wikidata'))
  const dereferencing = e.dereferencing
  return [
    {
      sillId: String(e.id),
      name,
      descriptionFr: clean(description?.fr),
      descriptionEn: clean(description?.en),
      function: null,
      ...licenceOf(e.license, 'license', report),
      website: urlOf(e.url, 'url', WEB, report),
      documentationUrl: urlOf(e.softwareHelp, 'softwareHelp', WEB, report),
      repositoryUrl: urlOf(e.codeRepositoryUrl, 'codeRepositoryUrl', REPOSITORY, report),
      logoUrl: urlOf(e.image, 'image', WEB, report),
      wikidataId: wikidataIdOf(wikidata, report),
      categories: (e.applicationCategories ?? []).map(clean).filter((label) => label !== null),
      keywords: (e.keywords ?? []).flatMap((keyword) => (typeof keyword === 'string' && clean(keyword) ? [keyword.trim()] : [])),
      status: dereferencing ? 'dereferenced' : 'recommended',
      referencedOn: e.addedTime ? dayOf(e.addedTime) : null,
      dereferencedOn: dereferencing ? dayOf(dereferencing.time) : null,
      dereferencedReason: clean(dereferencing?.reason),
      lastRecommendedVersion: clean(dereferencing?.lastRecommendedVersion),
      minVersion: clean(e.customAttributes?.versionMin),
      maxVersion: null,
      latestVersion: clean(e.latestVersion?.version),
      sillYears: [],
      sillGroup: null,
      supportMarket: e.customAttributes?.isPresentInSupportContract ?? null,
      fromPublicService: e.customAttributes?.isFromFrenchPublicService ?? null,
      comptoirDuLibreId: comptoirIdOf(identifierOf('comptoirdulibre'), 'identifiers', report),
      framalibreSlug: clean(identifierOf('framalibre')),
      catalogueNumeriqueUrl: null,
      usageContext: null,
      parent: null,
      similar: (e.similarSoftwares ?? []).map((similar) => {
        const label = localized(similar.name) ?? similar.externalId ?? '?'
        const shown = similar.externalId ? `${label} (${similar.externalId})` : label
        return similar.isInCatalogi && similar.softwareId != null ? { sillId: String(similar.softwareId), name: shown } : { name: shown }
      }),
    },
  ]
}

/** A name or description given as text or as translations: French first. */
function localized(value: string | { fr?: unknown; en?: unknown }): string | null {
  if (typeof value === 'string') return clean(value)
  const pick = (text: unknown) => (typeof text === 'string' ? clean(text) : null)
  return pick(value.fr) ?? pick(value.en)
}

// ——— Field rules ———

function licenceOf(value: string | null | undefined, field: string, report: Report): { licence: string | null; licenceText: string | null } {
  const written = value?.trim() || null
  if (!written) return { licence: null, licenceText: null }
  const { expression } = normaliseLicence(written)
  if (!expression) report(field, `licence ${JSON.stringify(written)} has no sound SPDX mapping: kept as written only`)
  return { licence: expression, licenceText: written }
}

const WEB = ['http:', 'https:']
const REPOSITORY = ['http:', 'https:', 'git:']

/** A link is kept only with a scheme a browser or git can safely follow. */
function urlOf(value: string | null | undefined, field: string, schemes: readonly string[], report: Report): string | null {
  const link = clean(value)
  if (!link) return null
  let protocol: string
  try {
    protocol = new URL(link).protocol
  } catch {
    report(field, `${JSON.stringify(link)} is not a URL`)
    return null
  }
  if (schemes.includes(protocol)) return link
  report(field, `${JSON.stringify(link)} is not an ${schemes.map((s) => s.slice(0, -1)).join(' or ')} URL`)
  return null
}

/** "2018 ; 2019 ; 2020 ;" → [2018, 2019, 2020]. */
function yearsOf(value: string | null | undefined, report: Report): number[] {
  const years = new Set<number>()
  for (const token of (value ?? '').split(/[;,]/).map((t) => t.trim())) {
    if (token === '') continue
    const year = /^\d{4}$/.test(token) ? Number(token) : NaN
    if (year >= 2000 && year <= 2100) years.add(year)
    else report('y', `${JSON.stringify(token)} is not a year`)
  }
  return [...years].sort((a, b) => a - b)
}

/** The 2022 file marks a yes with "Oui" and leaves a no empty. */
function flagOf(value: string | null | undefined, field: string, report: Report): boolean | null {
  const flag = value?.trim().toLowerCase() ?? ''
  if (['oui', 'yes', 'true', 'x'].includes(flag)) return true
  if (['', 'non', 'no', 'false'].includes(flag)) return false
  report(field, `${JSON.stringify(value)} is neither "Oui" nor empty`)
  return null
}

function comptoirIdOf(value: string | null | undefined, field: string, report: Report): number | null {
  const id = clean(value)
  if (!id) return null
  if (/^\d{1,9}$/.test(id)) return Number(id)
  report(field, `Comptoir du Libre id ${JSON.stringify(id)} is not a number`)
  return null
}

function wikidataIdOf(value: string | null, report: Report): string | null {
  if (!value || /^Q\d+$/.test(value)) return value
  report('externalId', `${JSON.stringify(value)} is not a Wikidata id`)
  return null
}

/** The calendar day (UTC) of an ISO timestamp. */
const dayOf = (timestamp: string): string => new Date(timestamp).toISOString().slice(0, 10)

// ——— Links between entries ———

/** Comparable names: "Mozilla Firefox ESR" → "mozilla-firefox-esr". */
const nameKey = (name: string): string => slugify(name)

function indexByName<T extends { name: string }>(items: T[]): Map<string, T[]> {
  const index = new Map<string, T[]>()
  for (const item of items) index.set(nameKey(item.name), [...(index.get(nameKey(item.name)) ?? []), item])
  return index
}

function uniqueDrafts(drafts: Draft[], problems: SillProblem[]): Draft[] {
  const ids = new Set<string>()
  const wikidata = new Map<string, string>()
  return drafts.filter((draft) => {
    const report = (field: string, reason: string) => problems.push({ id: draft.sillId, name: draft.name, field, reason })
    if (ids.has(draft.sillId)) {
      report('id', `SILL id ${draft.sillId} is already used by an earlier entry: entry left out`)
      return false
    }
    ids.add(draft.sillId)
    if (draft.wikidataId) {
      const holder = wikidata.get(draft.wikidataId)
      if (holder) {
        report('externalId', `Wikidata id ${draft.wikidataId} is already that of SILL id ${holder}: left out`)
        draft.wikidataId = null
      } else wikidata.set(draft.wikidataId, draft.sillId)
    }
    return true
  })
}

/** Slugs, parents and similar software, resolved by SILL id, then by name. */
function linkEntries(drafts: Draft[], similarField: string, problems: SillProblem[]): SillEntry[] {
  const byId = new Map(drafts.map((draft) => [draft.sillId, draft]))
  const byName = indexByName(drafts)
  const labels = canonicalLabels(drafts.flatMap((draft) => draft.categories))
  const slugs = new Set<string>()

  return drafts.map(({ parent, similar, ...draft }) => {
    const report = (field: string, reason: string) => problems.push({ id: draft.sillId, name: draft.name, field, reason })
    const base = slugify(draft.name) || `sill-${draft.sillId}`
    const slug = slugs.has(base) ? `${base}-${draft.sillId}` : base
    slugs.add(slug)

    let parentSillId: string | null = null
    if (parent) {
      const found = byId.get(parent) ?? onlyOne(byName.get(nameKey(parent)))
      const loose = found ? undefined : onlyOne(drafts.filter((d) => d !== draft && `-${nameKey(d.name)}-`.includes(`-${nameKey(parent)}-`)))
      const resolved = found ?? loose
      if (!resolved) report('p', `parent ${JSON.stringify(parent)} is not in the catalogue`)
      else if (resolved.sillId === draft.sillId) report('p', 'a software cannot be its own parent')
      else {
        parentSillId = resolved.sillId
        if (loose) report('p', `parent ${JSON.stringify(parent)} matched by part of the name of ${JSON.stringify(resolved.name)} (SILL id ${resolved.sillId}): check it`)
      }
    }

    const similarSillIds: string[] = []
    for (const reference of similar) {
      const found = reference.sillId ? byId.get(reference.sillId) : onlyOne(byName.get(nameKey(reference.name)))
      if (!found) report(similarField, `similar software ${JSON.stringify(reference.sillId ?? reference.name)} is not in the catalogue`)
      else if (found.sillId === draft.sillId) report(similarField, 'a software is not similar to itself')
      else if (!similarSillIds.includes(found.sillId)) similarSillIds.push(found.sillId)
    }

    return { ...draft, slug, categories: unique(draft.categories.map((label) => labels.get(label) ?? label)), parentSillId, similarSillIds }
  })
}

const onlyOne = <T>(list: T[] | undefined): T | undefined => (list?.length === 1 ? list[0] : undefined)
const unique = <T>(list: T[]): T[] => [...new Set(list)]

/**
 * The SILL spells some categories several ways ("Conception & Développement", "Conception et
 * développement"): each label becomes the most used spelling of its words.
 */
function canonicalLabels(labels: string[]): Map<string, string> {
  const key = (label: string) => slugify(label.replace(/&/g, ' et '))
  const counts = new Map<string, Map<string, number>>()
  for (const label of labels) {
    const spellings = counts.get(key(label)) ?? new Map<string, number>()
    spellings.set(label, (spellings.get(label) ?? 0) + 1)
    counts.set(key(label), spellings)
  }
  const chosen = new Map<string, string>()
  for (const label of new Set(labels)) {
    const spellings = [...counts.get(key(label))!]
    chosen.set(label, spellings.reduce((best, next) => (next[1] > best[1] ? next : best))[0])
  }
  return chosen
}

// ——— The change log ———

const ChangeLine = z.object({
  type: z.string({ error: 'required: the kind of change' }),
  logiciel: z.string({ error: 'required: the software name' }).trim().min(1, 'required: the software name'),
  id: z.union([z.string(), z.number()]).nullish(),
  version: text,
  commentaire: text,
  date: z.string({ error: 'required: the date' }),
})

const CHANGE_KINDS: Readonly<Record<string, ChangeKind>> = { ajout: 'added', suppression: 'removed', 'mise à jour': 'updated' }

function readChangeLog(updates: unknown, entries: SillEntry[], problems: SillProblem[]): SillChange[] {
  if (!Array.isArray(updates)) throw new SillFormatError(`The SILL change log must be a JSON array, not ${kindOf(updates)}.`)
  const byId = new Map(entries.map((entry) => [entry.sillId, entry]))
  const byName = indexByName(entries)
  const seen = new Set<string>()
  const changes: SillChange[] = []

  for (const raw of updates) {
    const reportLine = reporter(raw, 'id', 'logiciel', problems)
    const report: Report = (field, reason) => reportLine(`updates.${field}`, reason)
    const line = readFields(ChangeLine, raw, ['type', 'logiciel', 'date'], report)
    if (!line) continue
    const kind = CHANGE_KINDS[line.type.trim().toLowerCase()]
    if (!kind) {
      report('type', `unknown kind of change ${JSON.stringify(line.type)}: line left out`)
      continue
    }
    const occurredOn = calendarDay(line.date)
    if (!occurredOn) {
      report('date', `${JSON.stringify(line.date)} is not a date: line left out`)
      continue
    }
    const change: SillChange = {
      sillId: resolveChange(line.logiciel, line.id == null ? null : String(line.id).trim(), byId, byName, report),
      softwareName: line.logiciel,
      kind,
      version: clean(line.version),
      comment: clean(line.commentaire),
      occurredOn,
    }
    const key = JSON.stringify([change.occurredOn, change.kind, change.softwareName, change.version, change.comment])
    if (!seen.has(key)) changes.push(change)
    seen.add(key)
  }
  return changes
}

/**
 * The log names the software and gives its id, and each may be wrong: a software renamed since keeps
 * its id ("Fitness" is Fitnesse), and an id may point to another software (Shinken is given SOAP UI's
 * id): an exact name wins over an id that names something else.
 */
function resolveChange(name: string, id: string | null, byId: Map<string, SillEntry>, byName: Map<string, SillEntry[]>, report: Report): string | null {
  const withId = id ? byId.get(id) : undefined
  if (withId && nameKey(withId.name) === nameKey(name)) return withId.sillId
  const named = onlyOne(byName.get(nameKey(name)))
  if (named) {
    if (id) report('id', `id ${id} is ${withId ? JSON.stringify(withId.name) : 'not in the catalogue'}: linked by name to SILL id ${named.sillId}`)
    return named.sillId
  }
  if (withId) return withId.sillId
  report('id', `${id ? `id ${id}` : 'the software'} is not in the catalogue: change kept without a link`)
  return null
}

/** "<2020-02-10 lun.>" (an Org mode timestamp) or "2020-02-10" → "2020-02-10". */
function calendarDay(value: string): string | null {
  const match = /^<?\s*(\d{4})-(\d{2})-(\d{2})(?:\s[^>]*)?>?$/.exec(value.trim())
  if (!match) return null
  const day = `${match[1]}-${match[2]}-${match[3]}`
  const date = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day) ? day : null
}

/**
 * The change log dates what the 2022 entries do not: the day a software was first added, and for one
 * dereferenced, the day it was last removed. Dates given by the entry itself are kept.
 */
function datesFromChanges(entries: SillEntry[], changes: SillChange[]): void {
  const days = (sillId: string, kind: ChangeKind) =>
    changes
      .filter((change) => change.sillId === sillId && change.kind === kind)
      .map((change) => change.occurredOn)
      .sort()
  for (const entry of entries) {
    entry.referencedOn ??= days(entry.sillId, 'added')[0] ?? null
    if (entry.status === 'dereferenced') entry.dereferencedOn ??= days(entry.sillId, 'removed').at(-1) ?? null
  }
}
