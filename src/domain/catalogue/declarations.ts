/**
 * What agents declare about a catalogue software (they use it, they vouch for it, they run an
 * instance of it), read from a posted form, and who may change a declaration. Pure rules, no I/O.
 */
import { type AgentRole, hasRole, isRole, normaliseEmail } from '../agents/agents.ts'

export const declarationKinds = ['user', 'referent', 'instance'] as const
export type DeclarationKind = (typeof declarationKinds)[number]

export function isDeclarationKind(value: unknown): value is DeclarationKind {
  return (declarationKinds as readonly unknown[]).includes(value)
}

export const operatingSystems = ['windows', 'linux', 'macos', 'android', 'ios', 'other'] as const

/** The fields of each kind, as stored. */
export interface DeclaredFields {
  user: { organisation: string; use_case: string | null; version: string | null; os: string | null; service_url: string | null }
  referent: { is_expert: boolean; use_case: string | null; service_url: string | null }
  instance: { organisation: string; audience: string | null; url: string | null; is_public: boolean }
}

/** The form's fields of each kind, in the order the form shows them. */
export const declarationFields = {
  user: ['organisation', 'use_case', 'version', 'os', 'service_url'],
  referent: ['is_expert', 'use_case', 'service_url'],
  instance: ['organisation', 'audience', 'url', 'is_public'],
} as const satisfies { [K in DeclarationKind]: readonly (keyof DeclaredFields[K])[] }

export type DeclarationField = (typeof declarationFields)[DeclarationKind][number]

/** Longest accepted value of each text field (the organisation's bound is the database's too). */
export const fieldMaxLength = { organisation: 300, use_case: 2000, version: 100, audience: 500, service_url: 2000, url: 2000 } as const

/** Why a field was refused; its message is `declarations.error.<code>` in both languages. */
export type FieldErrorCode = 'required' | 'tooLong' | 'tooShort' | 'url' | 'os' | 'email' | 'invalid'
export type FieldErrors<F extends string = string> = Partial<Record<F, FieldErrorCode>>

/** The values as typed, to show the form again around its errors (checkboxes: 'on' or ''). */
export type FormValues = Partial<Record<DeclarationField, string>>

export type DeclarationForm<K extends DeclarationKind> = { ok: true; fields: DeclaredFields[K]; values: FormValues } | { ok: false; errors: FieldErrors<DeclarationField>; values: FormValues }

/**
 * A posted form is whatever the client sent: a field may be missing, repeated (an array), or not
 * text. Answers the text, `undefined` when absent, or `null` when it is not one string.
 */
function formText(body: Record<string, unknown>, name: string): string | undefined | null {
  const value = body[name]
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : null
}

/** Text a database can hold: no NUL character (PostgreSQL refuses it). */
const storable = (text: string) => !text.includes('\0')

function readText(body: Record<string, unknown>, name: keyof typeof fieldMaxLength, errors: FieldErrors, values: FormValues, required = false): string | null {
  const raw = formText(body, name)
  if (raw === null || (raw !== undefined && !storable(raw))) {
    errors[name] = 'invalid'
    return null
  }
  const text = (raw ?? '').trim()
  values[name] = text.slice(0, fieldMaxLength[name] + 100)
  if (text.length > fieldMaxLength[name]) errors[name] = 'tooLong'
  else if (required && text === '') errors[name] = 'required'
  return text || null
}

/** A web address typed by an agent: http or https only (never `javascript:`), with a host. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== ''
  } catch {
    return false
  }
}

function readUrl(body: Record<string, unknown>, name: 'service_url' | 'url', errors: FieldErrors, values: FormValues): string | null {
  const text = readText(body, name, errors, values)
  if (text !== null && !errors[name] && !isWebAddress(text)) errors[name] = 'url'
  return text
}

/** A checkbox: absent is no, 'on' (or 'true') is yes, anything else is not a checkbox. */
function readCheckbox(body: Record<string, unknown>, name: 'is_expert' | 'is_public', errors: FieldErrors, values: FormValues): boolean {
  const raw = formText(body, name)
  if (raw === undefined || raw === '') return false
  if (raw === 'on' || raw === 'true') {
    values[name] = 'on'
    return true
  }
  errors[name] = 'invalid'
  return false
}

function readOs(body: Record<string, unknown>, errors: FieldErrors, values: FormValues): string | null {
  const raw = formText(body, 'os')
  if (raw === null) {
    errors.os = 'invalid'
    return null
  }
  const os = (raw ?? '').trim()
  if (os === '') return null
  if (!(operatingSystems as readonly string[]).includes(os)) {
    errors.os = 'os'
    return null
  }
  values.os = os
  return os
}

/** Reads a posted declaration of this kind: its fields, or an error for each field that is wrong. */
export function readDeclarationForm<K extends DeclarationKind>(kind: K, body: unknown): DeclarationForm<K> {
  const form = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  const errors: FieldErrors<DeclarationField> = {}
  const values: FormValues = {}
  let fields: DeclaredFields[DeclarationKind]
  if (kind === 'user') {
    fields = {
      organisation: readText(form, 'organisation', errors, values, true) ?? '',
      use_case: readText(form, 'use_case', errors, values),
      version: readText(form, 'version', errors, values),
      os: readOs(form, errors, values),
      service_url: readUrl(form, 'service_url', errors, values),
    }
  } else if (kind === 'referent') {
    fields = {
      is_expert: readCheckbox(form, 'is_expert', errors, values),
      use_case: readText(form, 'use_case', errors, values),
      service_url: readUrl(form, 'service_url', errors, values),
    }
  } else {
    fields = {
      organisation: readText(form, 'organisation', errors, values, true) ?? '',
      audience: readText(form, 'audience', errors, values),
      url: readUrl(form, 'url', errors, values),
      is_public: readCheckbox(form, 'is_public', errors, values),
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, fields: fields as DeclaredFields[K], values }
}

/** A stored declaration as the form shows it for editing. */
export function declarationValues(kind: DeclarationKind, stored: Record<string, unknown>): FormValues {
  const values: FormValues = {}
  for (const name of declarationFields[kind]) {
    const value = stored[name]
    if (typeof value === 'boolean') values[name] = value ? 'on' : ''
    else if (typeof value === 'string') values[name] = value
  }
  return values
}

export interface Actor {
  id: string
  role: string
}

/** An agent changes (edits, withdraws) what they declared; moderators and admins change any declaration. */
export function mayChangeDeclaration(actor: Actor | undefined, declaration: { agentId: string | null }): boolean {
  if (!actor) return false
  if (declaration.agentId !== null && declaration.agentId === actor.id) return true
  return isRole(actor.role) && hasRole(actor.role as AgentRole, 'moderator')
}

/** A message to a referent: at most this long, so that a mail stays a mail. */
export const CONTACT_MESSAGE_MAX = 4000
export const CONTACT_MESSAGE_MIN = 10
const CONTACT_NAME_MAX = 200

export type ContactField = 'email' | 'name' | 'message'
export type ContactForm = { ok: true; email: string | undefined; name: string | null; message: string; values: Partial<Record<ContactField, string>> } | { ok: false; errors: FieldErrors<ContactField>; values: Partial<Record<ContactField, string>> }

/**
 * Reads the contact form. Signed-in agents write from their own address, which they do not type;
 * visitors give the address the referent will answer to.
 */
export function readContactForm(body: unknown, options: { signedIn: boolean }): ContactForm {
  const form = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  const errors: FieldErrors<ContactField> = {}
  const values: Partial<Record<ContactField, string>> = {}
  const text = (name: ContactField, max: number): string => {
    const raw = formText(form, name)
    if (raw === null || (raw !== undefined && !storable(raw))) {
      errors[name] = 'invalid'
      return ''
    }
    const value = (raw ?? '').trim()
    values[name] = value.slice(0, max + 100)
    if (value.length > max) errors[name] = 'tooLong'
    return value
  }
  const message = text('message', CONTACT_MESSAGE_MAX)
  if (!errors.message && message.length < CONTACT_MESSAGE_MIN) errors.message = message === '' ? 'required' : 'tooShort'
  const name = text('name', CONTACT_NAME_MAX)
  let email: string | undefined
  if (!options.signedIn) {
    const typed = text('email', 254)
    email = normaliseEmail(typed)
    if (!errors.email && !email) errors.email = typed === '' ? 'required' : 'email'
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, email, name: name || null, message, values }
}
