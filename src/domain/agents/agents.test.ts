import { describe, expect, it } from 'vitest'
import { displayName, emailDomainAllowed, hasRole, normaliseEmail } from './agents.ts'

describe('agents', () => {
  it('ranks roles: an admin moderates, an agent does neither', () => {
    expect(hasRole('admin', 'moderator')).toBe(true)
    expect(hasRole('moderator', 'moderator')).toBe(true)
    expect(hasRole('agent', 'moderator')).toBe(false)
    expect(hasRole('moderator', 'admin')).toBe(false)
  })

  it('normalises addresses and refuses what is not one', () => {
    expect(normaliseEmail('  Jeanne.Martin@Numerique.GOUV.fr ')).toBe('jeanne.martin@numerique.gouv.fr')
    for (const bad of ['', 'jeanne', 'a@b', 'a b@c.fr', '<a@b.fr>', 'a@-b.fr', `${'a'.repeat(250)}@b.fr`]) expect(normaliseEmail(bad), bad).toBeUndefined()
  })

  it('matches domains and wildcard subdomains', () => {
    const patterns = ['*.gouv.fr', 'gouv.fr', 'example.org']
    expect(emailDomainAllowed('a@numerique.gouv.fr', patterns)).toBe(true)
    expect(emailDomainAllowed('a@gouv.fr', patterns)).toBe(true)
    expect(emailDomainAllowed('a@example.org', patterns)).toBe(true)
    expect(emailDomainAllowed('a@sub.example.org', patterns)).toBe(false)
    expect(emailDomainAllowed('a@notgouv.fr', patterns)).toBe(false)
    expect(emailDomainAllowed('a@gouv.fr.evil.com', patterns)).toBe(false)
    expect(emailDomainAllowed('a@gouv.fr', ['*.gouv.fr'])).toBe(false)
    expect(emailDomainAllowed('a@gouv.fr', [])).toBe(false)
  })

  it('names agents from ProConnect and generic claims', () => {
    expect(displayName({ given_name: 'Jeanne', usual_name: 'Martin' }, 'j@x.fr')).toBe('Jeanne Martin')
    expect(displayName({ name: 'Jeanne Martin' }, 'j@x.fr')).toBe('Jeanne Martin')
    expect(displayName({ given_name: 'Jeanne', family_name: 'Martin' }, 'j@x.fr')).toBe('Jeanne Martin')
    expect(displayName({}, 'jeanne.martin@x.fr')).toBe('jeanne.martin')
  })
})
