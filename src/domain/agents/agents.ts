/** Agents: the public servants who sign in. Pure rules, no I/O. */

export const roles = ['agent', 'moderator', 'admin'] as const
export type AgentRole = (typeof roles)[number]

export function isRole(value: unknown): value is AgentRole {
  return (roles as readonly unknown[]).includes(value)
}

/** Each role can do what the roles before it can: an admin moderates too. */
export function hasRole(role: AgentRole, required: AgentRole): boolean {
  return roles.indexOf(role) >= roles.indexOf(required)
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/

/** An address as accounts are keyed by: trimmed and lower-case; undefined when it is not one. */
export function normaliseEmail(value: string): string | undefined {
  const email = value.trim().toLowerCase()
  return email.length <= 254 && EMAIL.test(email) ? email : undefined
}

/**
 * Whether an address may receive sign-in links: its domain matches one of the patterns, each a domain
 * (`gouv.fr`: that domain only) or a wildcard (`*.gouv.fr`: any subdomain of it, not the domain itself).
 */
export function emailDomainAllowed(email: string, patterns: readonly string[]): boolean {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase()
  return patterns.some((pattern) => {
    const p = pattern.trim().toLowerCase()
    return p.startsWith('*.') ? domain.endsWith(p.slice(1)) && domain.length > p.length - 1 : domain === p
  })
}

/** The name an agent is shown by, from what an identity provider says (ProConnect: given_name and usual_name). */
export function displayName(claims: { name?: unknown; given_name?: unknown; usual_name?: unknown; family_name?: unknown }, email: string): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  const full = text(claims.name) || [text(claims.given_name), text(claims.usual_name) || text(claims.family_name)].filter(Boolean).join(' ')
  return (full || email.slice(0, email.indexOf('@'))).slice(0, 200)
}
