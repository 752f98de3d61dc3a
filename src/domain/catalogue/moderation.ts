/**
 * The catalogue's moderation: what a software form must hold, who may see a software awaiting a
 * decision, and what moderators write when they decide. Pure rules, no I/O.
 */
import { type AgentRole, hasRole } from '../agents/agents.ts'
import { normaliseLicence } from '../licences/index.ts'
import { OPERATING_SYSTEMS, PLATFORMS } from './facets.ts'

export const MODERATION_STATES = ['pending', 'accepted', 'rejected'] as const
export type ModerationState = (typeof MODERATION_STATES)[number]

/** Who looks at a software: an agent (id and role), the administrator token (every role), or a visitor (null). */
export type Viewer = { id: string; role: AgentRole } | 'administrator' | null

/** Accepted software is public; one awaiting a decision, or rejected, is seen by who added it and by moderators. */
export function canView(software: { moderation: string; submitted_by: string | null }, viewer: Viewer): boolean {
  if (software.moderation === 'accepted') return true
  if (viewer === null) return false
  if (viewer === 'administrator' || hasRole(viewer.role, 'moderator')) return true
  return software.submitted_by !== null && software.submitted_by === viewer.id
}

/** A moderator decides once on a software awaiting moderation; a rejected one may still be accepted later. */
export function canDecide(current: string, decision: 'accepted' | 'rejected'): boolean {
  return current === 'pending' || (current === 'rejected' && decision === 'accepted')
}

/** What is wrong with a field; `taken`: another software of the catalogue already has this Wikidata id. */
export type FieldError = 'required' | 'tooLong' | 'invalid' | 'licence' | 'url' | 'wikidata' | 'taken'

/** What the software form holds, as typed (shown again with the errors). */
export interface SoftwareFormValues {
  name: string
  description_fr: string
  description_en: string
  licence: string
  website: string
  documentation_url: string
  repository_url: string
  wikidata_id: string
  categories: string
  keywords: string
  platforms: string[]
  os: string[]
}

/** A sound software form: what is stored. */
export interface SoftwareFields {
  name: string
  description_fr: string
  description_en: string
  /** A canonical SPDX expression. */
  licence: string | null
  website: string | null
  documentation_url: string | null
  repository_url: string | null
  wikidata_id: string | null
  categories: string[]
  keywords: string[]
  platforms: string[]
  os: string[]
}

export type SoftwareFormErrors = Partial<Record<keyof SoftwareFormValues, FieldError>>

const LIMITS = { name: 200, description: 5000, url: 2000, words: 500, word: 100 }

const text = (raw: Record<string, unknown>, key: string): string => {
  const value = raw[key]
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : ''
}
const list = (raw: Record<string, unknown>, key: string): string[] => {
  const value = raw[key]
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
}

/** The form's fields as typed, from a posted form (anything unreadable is empty). */
export function softwareFormValues(raw: Record<string, unknown>): SoftwareFormValues {
  return {
    name: text(raw, 'name'),
    description_fr: text(raw, 'description_fr'),
    description_en: text(raw, 'description_en'),
    licence: text(raw, 'licence'),
    website: text(raw, 'website'),
    documentation_url: text(raw, 'documentation_url'),
    repository_url: text(raw, 'repository_url'),
    wikidata_id: text(raw, 'wikidata_id'),
    categories: text(raw, 'categories'),
    keywords: text(raw, 'keywords'),
    platforms: list(raw, 'platforms'),
    os: list(raw, 'os'),
  }
}

/** `Q123`, `q123` or a Wikidata page address → `Q123`; undefined when it is none of these. */
export function wikidataId(value: string): string | undefined {
  const match = /^(?:https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/)?(q[1-9]\d{0,11})$/i.exec(value.trim())
  return match ? match[1]!.toUpperCase() : undefined
}

/** An http(s) address, or undefined. */
export function httpAddress(value: string): string | undefined {
  try {
    const url = new URL(value.trim())
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** Comma- or line-separated words, trimmed, without duplicates. */
function words(value: string): string[] {
  return [...new Set(value.split(/[,\n]/).map((w) => w.trim()).filter(Boolean))]
}

/**
 * Reads a software form: the fields to store, or what is wrong with each field. The licence must be
 * an SPDX expression (written loosely is fine: it is stored canonical); addresses must be http(s).
 */
export function readSoftwareForm(values: SoftwareFormValues): { fields: SoftwareFields } | { errors: SoftwareFormErrors } {
  const errors: SoftwareFormErrors = {}
  const name = values.name.trim()
  if (!name) errors.name = 'required'
  else if (name.length > LIMITS.name) errors.name = 'tooLong'
  for (const key of ['description_fr', 'description_en'] as const) if (values[key].trim().length > LIMITS.description) errors[key] = 'tooLong'

  let licence: string | null = null
  if (values.licence.trim()) {
    const normalised = values.licence.length <= 500 ? normaliseLicence(values.licence) : { expression: null, reason: 'unknown' }
    // Free text mapped by rules is a guess: the form asks for SPDX, so only SPDX written loosely passes.
    if (normalised.expression && normalised.reason !== 'mapped') licence = normalised.expression
    else errors.licence = 'licence'
  }
  const address = (key: 'website' | 'documentation_url' | 'repository_url'): string | null => {
    const value = values[key].trim()
    if (!value) return null
    if (value.length > LIMITS.url) errors[key] = 'tooLong'
    else if (!httpAddress(value)) errors[key] = 'url'
    return httpAddress(value) ?? null
  }
  const website = address('website')
  const documentation_url = address('documentation_url')
  const repository_url = address('repository_url')

  let wikidata: string | null = null
  if (values.wikidata_id.trim()) {
    wikidata = wikidataId(values.wikidata_id) ?? null
    if (!wikidata) errors.wikidata_id = 'wikidata'
  }
  const categories = words(values.categories)
  const keywords = words(values.keywords)
  for (const [key, items] of [['categories', categories], ['keywords', keywords]] as const) {
    if (values[key].length > LIMITS.words || items.some((w) => w.length > LIMITS.word)) errors[key] = 'tooLong'
  }
  const platforms = [...new Set(values.platforms)]
  const os = [...new Set(values.os)]
  if (platforms.some((p) => !(PLATFORMS as readonly string[]).includes(p))) errors.platforms = 'invalid'
  if (os.some((o) => !(OPERATING_SYSTEMS as readonly string[]).includes(o))) errors.os = 'invalid'

  if (Object.keys(errors).length > 0) return { errors }
  return {
    fields: {
      name,
      description_fr: values.description_fr.trim(),
      description_en: values.description_en.trim(),
      licence,
      website,
      documentation_url,
      repository_url,
      wikidata_id: wikidata,
      categories,
      keywords,
      platforms,
      os,
    },
  }
}

/** The form of a stored software, for editing. */
export function formValuesOf(software: SoftwareFields): SoftwareFormValues {
  return {
    name: software.name,
    description_fr: software.description_fr,
    description_en: software.description_en,
    licence: software.licence ?? '',
    website: software.website ?? '',
    documentation_url: software.documentation_url ?? '',
    repository_url: software.repository_url ?? '',
    wikidata_id: software.wikidata_id ?? '',
    categories: software.categories.join(', '),
    keywords: software.keywords.join(', '),
    platforms: software.platforms,
    os: software.os,
  }
}

/** Why a moderator rejects or dereferences: a sentence, required. */
export function readReason(value: string): { reason: string } | { error: FieldError } {
  const reason = value.trim()
  if (!reason) return { error: 'required' }
  return reason.length > 1000 ? { error: 'tooLong' } : { reason }
}

export interface Dereferencing {
  reason: string
  last_recommended_version: string | null
  /** 'YYYY-MM-DD' */
  on: string
}

/** A dereferencing: its reason (required), the last recommended version, its day (today when left empty). */
export function readDereferencing(
  values: { reason: string; last_recommended_version: string; on: string },
  today: string,
): { dereferencing: Dereferencing } | { errors: Partial<Record<keyof typeof values, FieldError>> } {
  const errors: Partial<Record<keyof typeof values, FieldError>> = {}
  const reason = readReason(values.reason)
  if ('error' in reason) errors.reason = reason.error
  const version = values.last_recommended_version.trim()
  if (version.length > 100) errors.last_recommended_version = 'tooLong'
  const on = values.on.trim() || today
  if (!isCalendarDay(on)) errors.on = 'invalid'
  if ('error' in reason || Object.keys(errors).length > 0) return { errors }
  return { dereferencing: { reason: reason.reason, last_recommended_version: version || null, on } }
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
