import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { type Database, openDatabase } from '../adapters/db/database.ts'

/** The URL of another database on the same server. */
export function databaseUrl(url: string, name: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${name}`
  return parsed.toString()
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`
}

/** Creates a database, prepares it with `init`, and closes it so it can serve as a template. */
export async function createPostgresTemplate(url: string, init: (database: Database) => Promise<void>): Promise<string> {
  const name = uniqueName('socle_template')
  await admin(url, (client) => client.query(`create database ${name}`))
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl(url, name), maxConnections: 2 })
  try {
    await init(database)
  } finally {
    await database.close()
  }
  return name
}

export async function dropPostgresTemplate(url: string, name: string): Promise<void> {
  await admin(url, (client) => client.query(`drop database if exists ${name} with (force)`))
}

/** A fresh database cloned from the template; `drop` removes it. */
export async function clonePostgresTemplate(url: string, template: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueName('socle_test')
  await admin(url, (client) => client.query(`create database ${name} template ${template}`))
  return { url: databaseUrl(url, name), drop: () => dropPostgresTemplate(url, name) }
}
