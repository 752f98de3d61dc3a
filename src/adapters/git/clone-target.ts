import dns from 'node:dns/promises'
import net from 'node:net'
import { isPublicAddress } from '../http/address-policy.ts'
import { CloneFailed, CloneRefused } from './clone-errors.ts'

/** A URL git may clone, with the address it must connect to. */
export interface CloneTarget {
  /** The URL git is given: the one asked for, or for git:// the same with the address as its host. */
  url: string
  /** `-c` settings that pin the connection to the checked address. */
  config: string[]
}

const DEFAULT_PORTS: Record<string, number> = { 'https:': 443, 'http:': 80, 'git:': 9418 }

/**
 * Checks a repository URL before any connection: https:// or http:// only (git:// for the allowed
 * addresses of tests), no credentials, and every address its host resolves to public. The host is
 * resolved once, here; git then connects to that address and no other (curl's resolve list for
 * http(s), which keeps the name for TLS; the address itself for git://), so a DNS answer that
 * changes between the check and the connection (DNS rebinding) cannot reach a private address.
 */
export async function cloneTarget(input: string, allowedAddresses: readonly string[]): Promise<CloneTarget> {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new CloneRefused(`"${input}" is not a URL.`)
  }
  const port = DEFAULT_PORTS[url.protocol]
  if (port === undefined) throw new CloneRefused(`Only https:// and http:// repositories are cloned, not ${url.protocol}//.`)
  if (url.username || url.password) throw new CloneRefused('URLs with credentials are not cloned.')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const addresses = net.isIP(host) ? [host] : await resolve(host)
  const allowed = (address: string) => allowedAddresses.includes(address)
  const refused = addresses.find((address) => !isPublicAddress(address) && !allowed(address))
  if (refused) throw new CloneRefused(`${host} resolves to ${refused}, which is not a public address.`)
  const address = addresses[0] as string
  const literal = net.isIPv6(address) ? `[${address}]` : address

  if (url.protocol === 'git:') {
    if (!addresses.every(allowed)) throw new CloneRefused('git:// repositories are not cloned: use https://.')
    const pinned = new URL(url)
    pinned.hostname = literal
    return { url: pinned.toString(), config: [] }
  }
  return { url: url.toString(), config: ['-c', `http.curloptResolve=${host}:${url.port || port}:${literal}`] }
}

async function resolve(host: string): Promise<string[]> {
  try {
    const addresses = (await dns.lookup(host, { all: true })).map((entry) => entry.address)
    if (addresses.length > 0) return addresses
  } catch {
    // reported below
  }
  throw new CloneFailed(`The host ${host} could not be resolved.`)
}
