import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CatalogueText } from '../../../domain/catalogue/catalogue-text.ts'
import { createTestContext, type TestContext } from '../../../testing/test-context.ts'
import { importSill } from '../../../usecases/catalogue/import-sill.ts'
import { relevance, textQuery } from '../search.ts'

const sill = JSON.parse(readFileSync(new URL('../../../../../shared/data/sill-2022/sill.json', import.meta.url), 'utf8')) as unknown

let context: TestContext
beforeAll(async () => {
  context = await createTestContext()
  await importSill(context.database.db, { json: sill })
})
afterAll(() => context.close())

/** What PostgreSQL answers: the matches of `@@` or `%`, ranked by ts_rank plus similarity. */
async function databaseRanks(q: string): Promise<Map<string, number>> {
  const text = textQuery(q)
  const { rows } = await sql<{ id: string; rank: number }>`
    select s.id, ${relevance(sql.ref('s.search'), sql.ref('s.name_plain'), text)} as rank
    from software s where s.search @@ ${text.query} or s.name_plain % ${text.plain}
  `.execute(context.database.db)
  return new Map(rows.map((row) => [row.id, Number(row.rank)]))
}

describe('the catalogue’s text index', () => {
  it('matches and ranks the SILL’s 240 software exactly as PostgreSQL does', async () => {
    const { rows } = await sql<{ id: string; vector: string; plainName: string }>`select id, search::text as vector, name_plain as "plainName" from software`.execute(context.database.db)
    const index = new CatalogueText(rows)
    const queries = ['libreoffice', 'LibreOfice', 'bureautique', 'traitement de texte', 'navigateur web', 'données', 'donnees', 'Éditeur', 'office suite', 'base de données relationnelle', 'postgre', 'le', 'vidéo OR audio', 'gestion électronique de documents', "l'archivage", 'C++', 'firefox thunderbird']
    let compared = 0
    for (const q of queries) {
      const text = textQuery(q)
      const { rows: [words] } = await sql<{ query: string; plain: string }>`select (${text.query})::text as query, ${text.plain} as plain`.execute(context.database.db)
      const found = index.search(words!.query, words!.plain)
      if (!found) continue
      compared++
      const expected = await databaseRanks(q)
      const ranks = new Map([...found].map(([doc, rank]) => [rows[doc]!.id, rank]))
      expect([...ranks.keys()].sort(), q).toEqual([...expected.keys()].sort())
      for (const [id, rank] of expected) expect(ranks.get(id), `${q}: ${id}`).toBeCloseTo(rank, 4)
    }
    // Only a query that is an AND at its top is left to the database here.
    expect(compared).toBeGreaterThanOrEqual(queries.length - 2)
  })
})
