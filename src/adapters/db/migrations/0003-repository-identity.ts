import { type Kysely, sql } from 'kysely'

// A repository keeps its row across renames and transfers: the forge's own id identifies it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index repository_forge_identity on repository(forge_host, forge_id) where forge_id is not null`.execute(db)
}
