import fs from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import { safeFetch } from '../../adapters/http/safe-fetch.ts'
import { loadConfig } from '../../config.ts'
import { openContext } from '../../context.ts'
import { SillFormatError, type SillProblem } from '../../domain/catalogue/sill-legacy.ts'
import { importSill } from '../../usecases/catalogue/import-sill.ts'
import { CommandError } from '../errors.ts'

/** Catalogi's export of a large catalogue runs to megabytes: well above safeFetch's default cap. */
const MAX_BYTES = 64 * 1024 * 1024
const CHANGE_LOG = 'sill-updates.json'
const FORMATS = { 'sill-2022': 'SILL 2022 format', 'catalogi-v2': 'Catalogi format' } as const

/** `socle import sill FILE|URL [--updates FILE|URL]`: the SILL into the catalogue. */
export function addImportSillCommand(importCommand: Command): void {
  importCommand
    .command('sill')
    .description(`import the SILL: its 2022 JSON file (with the ${CHANGE_LOG} beside it) or a Catalogi export (/v2/catalogi.json)`)
    .argument('<source>', 'a JSON file, or an http(s) URL to fetch')
    .option('--updates <source>', `the change log, file or URL (default: ${CHANGE_LOG} beside a local file, when there is one)`)
    .action(async (source: string, options: { updates?: string }) => {
      const config = loadConfig()
      const read = (from: string) => readJson(from, config.fetchAllowedAddresses)
      const json = await read(source)
      const updatesSource = options.updates ?? (await changeLogBeside(source))
      const updates = updatesSource === undefined ? undefined : await read(updatesSource)
      const context = await openContext({ ...config, demo: false }, 'command')
      try {
        const result = await importSill(context.database.db, { json, updates })
        for (const problem of result.problems) process.stderr.write(`${describeProblem(problem)}\n`)
        process.stdout.write(
          `${result.format ? FORMATS[result.format] : 'Empty file'}: ${result.imported} software imported, ${result.updated} updated, ${result.unchanged} unchanged; ` +
            `${result.changes} change-log line(s) recorded${updatesSource ? ` from ${updatesSource}` : ''}; ${result.problems.length} problem(s).\n`,
        )
      } catch (error) {
        throw error instanceof SillFormatError ? new CommandError(error.message) : error
      } finally {
        await context.close()
      }
    })
}

function describeProblem(problem: SillProblem): string {
  // Names are the file's text: quoted, so that no control character reaches the terminal as such.
  return `SILL id ${problem.id ?? '?'}${problem.name === null ? '' : ` ${JSON.stringify(problem.name)}`}: ${problem.field}: ${problem.reason}`
}

async function changeLogBeside(source: string): Promise<string | undefined> {
  if (isUrl(source) || path.basename(source) === CHANGE_LOG) return undefined
  const beside = path.join(path.dirname(source), CHANGE_LOG)
  return (await fs.stat(beside).catch(() => undefined))?.isFile() ? beside : undefined
}

const isUrl = (source: string): boolean => /^https?:\/\//i.test(source)

async function readJson(source: string, allowedAddresses: readonly string[]): Promise<unknown> {
  return parseJson(isUrl(source) ? await fetchText(source, allowedAddresses) : await readText(source), source)
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    throw new CommandError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`)
  }
}

async function fetchText(url: string, allowedAddresses: readonly string[]): Promise<string> {
  let response
  try {
    response = await safeFetch(url, { allowedAddresses, maxBytes: MAX_BYTES, timeoutMs: 60_000, headers: { accept: 'application/json' } })
  } catch (error) {
    throw new CommandError(`Cannot fetch ${url}: ${(error as Error).message}`)
  }
  if (response.status < 200 || response.status > 299) throw new CommandError(`Cannot fetch ${url}: it answered HTTP ${response.status}.`)
  return response.body.toString('utf8')
}

function parseJson(text: string, source: string): unknown {
  const json = text.replace(/^\uFEFF/, '')
  try {
    return JSON.parse(json)
  } catch (error) {
    const at = syntaxErrorOffset(json)
    const lines = json.slice(0, at).split('\n')
    const where = at === undefined ? '' : ` at line ${lines.length}, column ${lines.at(-1)!.length + 1} (offset ${at})`
    // Node's message, without the position it gives in some versions and not in others.
    const reason = (error as Error).message.split('\n')[0]!.replace(/ in JSON at position \d+.*$/, '')
    throw new CommandError(`${source} is not valid JSON${where}: ${reason}.`)
  }
}

/**
 * Where the first JSON syntax error is: JSON.parse says what it is but, in Node 20, not where. A
 * scanner of the JSON grammar, run only once JSON.parse has failed; undefined if it finds none.
 */
function syntaxErrorOffset(text: string): number | undefined {
  let i = 0
  const token = (pattern: RegExp): boolean => {
    pattern.lastIndex = i
    if (!pattern.test(text)) return false
    i = pattern.lastIndex
    return true
  }
  const space = /[ \t\n\r]*/y
  const scalar = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y
  const expect = (char: string): void => {
    token(space)
    if (text[i] !== char) throw i
    i++
  }
  const list = (close: string, item: () => void): void => {
    token(space)
    if (text[i] === close) return void i++
    for (;;) {
      item()
      token(space)
      if (text[i] === ',') i++
      else return expect(close)
    }
  }
  const value = (): void => {
    token(space)
    if (text[i] === '{') {
      i++
      list('}', () => {
        token(space)
        if (text[i] !== '"' || !token(scalar)) throw i
        expect(':')
        value()
      })
    } else if (text[i] === '[') {
      i++
      list(']', value)
    } else if (!token(scalar)) throw i
  }
  try {
    value()
    token(space)
    return i < text.length ? i : undefined
  } catch (offset) {
    return typeof offset === 'number' ? offset : undefined
  }
}
