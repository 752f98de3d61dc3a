import { type Kysely, sql } from 'kysely'

// Limits shared by every web process (contact messages to referents): one row per event, for an hour.
// Keys are hashes (see RateEventStore): no address is kept, even for that hour.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rate_event (
      key text not null,
      at timestamptz not null default now()
    );
    create index rate_event_key on rate_event (key, at);
    create index rate_event_at on rate_event (at);
  `.execute(db)
}
