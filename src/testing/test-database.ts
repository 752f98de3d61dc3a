import fs from 'node:fs/promises'
import { inject } from 'vitest'
import { type Database, openDatabase } from '../adapters/db/database.ts'
import { clonePostgresTemplate } from './postgres-template.ts'

/** Which database the suite runs against: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export const testDatabaseKind: 'postgres' | 'pglite' = process.env.DATABASE_URL ? 'postgres' : 'pglite'

export interface TestDatabase extends Database {
  /** PostgreSQL mode: the URL of this test's own database, for child processes. */
  url: string | undefined
}

/**
 * A fresh, migrated database for one test file, from the run's template (see test/global-setup.ts).
 * Closing it drops it.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL
  if (serverUrl) {
    const clone = await clonePostgresTemplate(serverUrl, inject('postgresTemplate'))
    const database = await openDatabase({ kind: 'postgres', url: clone.url, maxConnections: 4 })
    return {
      ...database,
      url: clone.url,
      async close() {
        await database.close()
        await clone.drop()
      },
    }
  }
  const dump = await fs.readFile(inject('pgliteTemplate'))
  const database = await openDatabase({ kind: 'pglite', loadFrom: new Blob([dump]) })
  return { ...database, url: undefined }
}
