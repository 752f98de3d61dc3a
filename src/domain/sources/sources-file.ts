import { LineCounter, parseDocument } from 'yaml'
import { z } from 'zod'
import { slugify } from '../shared/slug.ts'
import { type ForgeAccount, parseAccountUrl } from './account-url.ts'
import { defaultApiUrl, defaultForges, type ForgeInstance, forgeKinds } from './forge-kinds.ts'

/** A public body as the sources file describes it, with its accounts. */
export interface SourceBody {
  slug: string
  name: string
  acronym: string | null
  kind: string
  parent: string | null
  siren: string | null
  website: string | null
  accounts: ForgeAccount[]
}

export interface SourcesProblem {
  file: string
  line: number | null
  url: string
  reason: string
}

export interface SourcesFile {
  forges: ForgeInstance[]
  bodies: SourceBody[]
  /** Accounts listed without a body (the plain list format). */
  accounts: ForgeAccount[]
  problems: SourcesProblem[]
}

export const bodyKinds = ['ministry', 'agency', 'operator', 'local-authority', 'university', 'research', 'hospital', 'court', 'other'] as const

const SourcesYaml = z.object({
  forges: z
    .array(z.object({ host: z.string().min(1), kind: z.enum(forgeKinds), api_url: z.url().optional() }))
    .default([]),
  bodies: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9-]+$/).optional(),
        name: z.string().min(1),
        acronym: z.string().optional(),
        kind: z.enum(bodyKinds).default('other'),
        parent: z.string().optional(),
        siren: z.string().regex(/^\d{9}(\d{5})?$/, 'a SIREN has 9 digits (or a SIRET 14)').optional(),
        website: z.url().optional(),
        accounts: z.array(z.string()).default([]),
      }),
    )
    .default([]),
})

/**
 * Reads a sources file: Socle's YAML (`forges:` and `bodies:` with their `accounts:`), or a plain list
 * with one account URL a line (the format of the 2021 public accounts list; in a CSV with a header,
 * the first column). Every URL is mapped or reported with its reason and line.
 */
export function parseSourcesFile(fileName: string, text: string): SourcesFile {
  return /\.ya?ml$/i.test(fileName) ? parseYamlSources(fileName, text) : parseListSources(fileName, text)
}

function parseListSources(file: string, text: string): SourcesFile {
  const accounts: ForgeAccount[] = []
  const problems: SourcesProblem[] = []
  const lines = text.split(/\r?\n/)
  const csv = /^[a-z_-]+,/i.test(lines[0] ?? '')
  lines.forEach((raw, index) => {
    const line = (csv ? raw.split(',')[0]! : raw).trim()
    if (!line || line.startsWith('#') || (csv && index === 0)) return
    const result = parseAccountUrl(line, defaultForges)
    if (result.ok) accounts.push(result.account)
    else problems.push({ file, line: index + 1, url: result.url, reason: result.reason })
  })
  return { forges: [], bodies: [], accounts, problems }
}

function parseYamlSources(file: string, text: string): SourcesFile {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false })
  const problems: SourcesProblem[] = []
  const fail = (line: number | null, reason: string): SourcesFile => ({ forges: [], bodies: [], accounts: [], problems: [{ file, line, url: '', reason }] })
  if (document.errors.length > 0) {
    const error = document.errors[0]!
    return fail(lineCounter.linePos(error.pos[0]).line, `invalid YAML: ${error.message.split('\n')[0]}`)
  }
  let data: unknown
  try {
    // A YAML bomb (aliases expanding exponentially) is stopped by the parser's alias budget.
    data = document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    return fail(null, `refused: ${(error as Error).message}`)
  }
  const parsed = SourcesYaml.safeParse(data)
  if (!parsed.success) {
    return {
      forges: [],
      bodies: [],
      accounts: [],
      problems: parsed.error.issues.map((issue) => ({ file, line: null, url: '', reason: `${issue.path.join('.')}: ${issue.message}` })),
    }
  }
  const forges = [
    ...parsed.data.forges.map((f) => ({ host: f.host.toLowerCase(), kind: f.kind, apiUrl: (f.api_url ?? defaultApiUrl(f.kind, f.host)).replace(/\/$/, '') })),
    ...defaultForges,
  ]
  const bodies = parsed.data.bodies.map((body, index) => {
    const accounts: ForgeAccount[] = []
    for (const url of body.accounts) {
      const result = parseAccountUrl(url, forges)
      if (result.ok) accounts.push(result.account)
      else problems.push({ file, line: null, url, reason: `bodies[${index}] (${body.name}): ${result.reason}` })
    }
    return {
      slug: body.slug ?? slugify(body.acronym ? `${body.acronym}` : body.name),
      name: body.name,
      acronym: body.acronym ?? null,
      kind: body.kind,
      parent: body.parent ?? null,
      siren: body.siren ?? null,
      website: body.website ?? null,
      accounts,
    }
  })
  return { forges, bodies, accounts: [], problems }
}
