// Helpers shared by the forge-sim tests: HTTP calls and Link headers, as a crawler reads them.

export interface Reply {
  status: number
  headers: Headers
  text: string
  json(): any
}

export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, { redirect: 'manual', ...init })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

/** `<url>; rel="next", …` → { next: url, … } */
export function parseLink(header: string | null): Record<string, string> {
  const links: Record<string, string> = {}
  for (const part of header?.split(',') ?? []) {
    const match = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim())
    if (match) links[match[2]!] = match[1]!
  }
  return links
}

/** Follows rel="next" from `url` and returns every item of every page. */
export async function walk<T>(url: string, init: RequestInit = {}, items: (body: any) => T[] = (body) => body): Promise<{ items: T[]; pages: number }> {
  const all: T[] = []
  let pages = 0
  for (let next: string | undefined = url; next; ) {
    const reply = await call(next, init)
    if (reply.status !== 200) throw new Error(`${next}: ${reply.status} ${reply.text}`)
    all.push(...items(reply.json()))
    pages += 1
    next = parseLink(reply.headers.get('link')).next
  }
  return { items: all, pages }
}
