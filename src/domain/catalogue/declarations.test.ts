import { describe, expect, it } from 'vitest'
import { declarationValues, isWebAddress, mayChangeDeclaration, readContactForm, readDeclarationForm } from './declarations.ts'

describe('reading a declaration form', () => {
  it('reads a user declaration, trimming text and leaving empty fields null', () => {
    const form = readDeclarationForm('user', { organisation: '  DINUM ', use_case: 'Bureautique', version: '', os: 'linux', service_url: 'https://bureau.numerique.gouv.fr/', _csrf: 'x' })
    expect(form).toEqual({
      ok: true,
      fields: { organisation: 'DINUM', use_case: 'Bureautique', version: null, os: 'linux', service_url: 'https://bureau.numerique.gouv.fr/' },
      values: { organisation: 'DINUM', use_case: 'Bureautique', version: '', os: 'linux', service_url: 'https://bureau.numerique.gouv.fr/' },
    })
  })

  it('requires the organisation of users and instances, and bounds it to 300 characters', () => {
    expect(readDeclarationForm('user', {})).toMatchObject({ ok: false, errors: { organisation: 'required' } })
    expect(readDeclarationForm('instance', { organisation: '   ' })).toMatchObject({ ok: false, errors: { organisation: 'required' } })
    expect(readDeclarationForm('user', { organisation: 'x'.repeat(300) }).ok).toBe(true)
    expect(readDeclarationForm('user', { organisation: 'x'.repeat(301) })).toMatchObject({ ok: false, errors: { organisation: 'tooLong' } })
  })

  it('accepts only http and https service addresses', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/', 'example.org', 'data:text/html,<script>', 'http://']) {
      expect(readDeclarationForm('referent', { service_url: url }), url).toMatchObject({ ok: false, errors: { service_url: 'url' } })
    }
    expect(readDeclarationForm('instance', { organisation: 'A', url: 'http://intranet.example/' }).ok).toBe(true)
    expect(isWebAddress('https://a.example/x?y')).toBe(true)
  })

  it('accepts only the listed operating systems', () => {
    expect(readDeclarationForm('user', { organisation: 'A', os: 'other' }).ok).toBe(true)
    expect(readDeclarationForm('user', { organisation: 'A', os: 'beos' })).toMatchObject({ ok: false, errors: { os: 'os' } })
  })

  it('reads checkboxes: absent is no, on is yes, anything else is an error', () => {
    expect(readDeclarationForm('referent', {})).toMatchObject({ ok: true, fields: { is_expert: false, use_case: null, service_url: null } })
    expect(readDeclarationForm('referent', { is_expert: 'on' })).toMatchObject({ ok: true, fields: { is_expert: true } })
    expect(readDeclarationForm('instance', { organisation: 'A', is_public: 'on' })).toMatchObject({ ok: true, fields: { is_public: true } })
    expect(readDeclarationForm('referent', { is_expert: 'yes please' })).toMatchObject({ ok: false, errors: { is_expert: 'invalid' } })
  })

  it('refuses repeated fields, non-text values and NUL characters field by field, keeping the rest', () => {
    const form = readDeclarationForm('user', { organisation: ['A', 'B'], use_case: { a: 1 }, version: 'a\0b', os: ['linux'], service_url: 'https://ok.example/' })
    expect(form).toMatchObject({ ok: false, errors: { organisation: 'invalid', use_case: 'invalid', version: 'invalid', os: 'invalid' } })
    expect(form.values.service_url).toBe('https://ok.example/')
    expect(readDeclarationForm('user', null)).toMatchObject({ ok: false, errors: { organisation: 'required' } })
    expect(readDeclarationForm('user', ['organisation'])).toMatchObject({ ok: false, errors: { organisation: 'required' } })
  })

  it('keeps the values typed, so that the form shows them again', () => {
    const form = readDeclarationForm('instance', { organisation: '<b>Mairie</b>', audience: 'x'.repeat(600), url: 'nope', is_public: 'on' })
    expect(form).toMatchObject({ ok: false, errors: { audience: 'tooLong', url: 'url' }, values: { organisation: '<b>Mairie</b>', url: 'nope', is_public: 'on' } })
  })

  it('shows a stored declaration in the form', () => {
    expect(declarationValues('referent', { id: 'x', is_expert: true, use_case: null, service_url: 'https://a.example/' })).toEqual({ is_expert: 'on', service_url: 'https://a.example/' })
  })
})

describe('who may change a declaration', () => {
  const mine = { agentId: 'a1' }
  it('lets the declaring agent change it', () => {
    expect(mayChangeDeclaration({ id: 'a1', role: 'agent' }, mine)).toBe(true)
  })
  it('lets moderators and admins change any, imported ones included', () => {
    expect(mayChangeDeclaration({ id: 'm', role: 'moderator' }, mine)).toBe(true)
    expect(mayChangeDeclaration({ id: 'm', role: 'admin' }, { agentId: null })).toBe(true)
  })
  it('refuses everybody else', () => {
    expect(mayChangeDeclaration({ id: 'a2', role: 'agent' }, mine)).toBe(false)
    expect(mayChangeDeclaration({ id: 'a2', role: 'agent' }, { agentId: null })).toBe(false)
    expect(mayChangeDeclaration({ id: 'a2', role: 'superuser' }, mine)).toBe(false)
    expect(mayChangeDeclaration(undefined, mine)).toBe(false)
  })
})

describe('reading a contact form', () => {
  it('asks visitors for their address, not signed-in agents', () => {
    expect(readContactForm({ message: 'Bonjour, une question.' }, { signedIn: true })).toMatchObject({ ok: true, email: undefined, message: 'Bonjour, une question.' })
    expect(readContactForm({ message: 'Bonjour, une question.' }, { signedIn: false })).toMatchObject({ ok: false, errors: { email: 'required' } })
    expect(readContactForm({ message: 'Bonjour, une question.', email: 'not an address' }, { signedIn: false })).toMatchObject({ ok: false, errors: { email: 'email' } })
    expect(readContactForm({ message: 'Bonjour, une question.', email: ' Jo@Example.org ', name: 'Jo' }, { signedIn: false })).toMatchObject({ ok: true, email: 'jo@example.org', name: 'Jo' })
  })
  it('bounds the message', () => {
    expect(readContactForm({}, { signedIn: true })).toMatchObject({ ok: false, errors: { message: 'required' } })
    expect(readContactForm({ message: 'Salut' }, { signedIn: true })).toMatchObject({ ok: false, errors: { message: 'tooShort' } })
    expect(readContactForm({ message: 'x'.repeat(4001) }, { signedIn: true })).toMatchObject({ ok: false, errors: { message: 'tooLong' } })
    expect(readContactForm({ message: ['a message', 'twice over'] }, { signedIn: true })).toMatchObject({ ok: false, errors: { message: 'invalid' } })
  })
})
