import type { Kysely } from 'kysely'
import { inBatches } from '../batches.ts'
import type { DB, NewOrganisation, Organisation } from '../schema.ts'

export type OrganisationRecord = Organisation & { repository_count: number }

/** Public bodies: ministries, agencies, local authorities… and the accounts they publish from. */
export class OrganisationStore {
  constructor(private readonly db: Kysely<DB>) {}

  private withCounts() {
    return this.db
      .selectFrom('organisation as o')
      .selectAll('o')
      .select((eb) =>
        eb
          .selectFrom('repository as r')
          .whereRef('r.organisation_id', '=', 'o.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('repository_count'),
      )
  }

  async list(): Promise<OrganisationRecord[]> {
    const rows = await this.withCounts().orderBy('o.name').execute()
    return rows.map((row) => ({ ...row, repository_count: row.repository_count ?? 0 }))
  }

  async bySlug(slug: string): Promise<Organisation | undefined> {
    return await this.db.selectFrom('organisation').selectAll().where('slug', '=', slug).executeTakeFirst()
  }

  /** Inserts the bodies and answers their ids by slug. */
  async insert(rows: NewOrganisation[]): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map()
    const inserted = await this.db.insertInto('organisation').values(rows).returning(['id', 'slug']).execute()
    return new Map(inserted.map((row) => [row.slug, row.id]))
  }

  /** Adds the bodies or updates them by slug; answers every id by slug. */
  async upsert(rows: NewOrganisation[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>()
    for (const row of rows) {
      const saved = await this.db
        .insertInto('organisation')
        .values(row)
        .onConflict((oc) =>
          oc.column('slug').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            acronym: eb.ref('excluded.acronym'),
            kind: eb.ref('excluded.kind'),
            siren: eb.ref('excluded.siren'),
            website: eb.ref('excluded.website'),
            updated_at: new Date(),
          })),
        )
        .returning(['id', 'slug'])
        .executeTakeFirstOrThrow()
      ids.set(saved.slug, saved.id)
    }
    return ids
  }

  async setParent(childSlug: string, parentSlug: string): Promise<void> {
    await this.db
      .updateTable('organisation')
      .set((eb) => ({ parent_id: eb.selectFrom('organisation').select('id').where('slug', '=', parentSlug) }))
      .where('slug', '=', childSlug)
      .execute()
  }

  all(): AsyncGenerator<OrganisationRecord> {
    return inBatches((afterId, limit) => {
      let query = this.withCounts()
      if (afterId) query = query.where('o.id', '>', afterId)
      return query
        .orderBy('o.id')
        .limit(limit)
        .execute()
        .then((rows) => rows.map((row) => ({ ...row, repository_count: row.repository_count ?? 0 })))
    })
  }
}
