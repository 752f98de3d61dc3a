import { type Kysely, sql } from 'kysely'

// Who signs in, and how:
// - agent: a public servant with an account. The email is the one identity shared by every way of
//   signing in, kept lower-case so that one address is one account. Deleting an account deletes the
//   row (GDPR): identities and sessions go with it, audit entries keep only the agent's id, set null.
// - agent_identity: one agent may sign in through several OpenID Connect providers (provider, subject).
// - session: the hash of the cookie's random token (a database leak gives no usable cookie). A null
//   agent_id is a session opened with the administrator token (SOCLE_ADMIN_TOKEN).
// - email_sign_in: one-time sign-in links, by the hash of their token; the requester's address (ip)
//   counts requests for the rate limit, and rows are purged a day after they expire.
// - audit_log: who did what to which subject; agent_id null for the system or the administrator token.
//   Details must hold no personal data: they outlive the agent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table agent (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (email = lower(email) and email like '%_@_%'),
      name text not null default '',
      organisation text,
      about text,
      is_public boolean not null default false,
      role text not null default 'agent' check (role in ('agent', 'moderator', 'admin')),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz
    );

    create table agent_identity (
      provider text not null,
      subject text not null,
      agent_id uuid not null references agent(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      primary key (provider, subject)
    );
    create index agent_identity_agent on agent_identity(agent_id);

    create table session (
      id text primary key,
      agent_id uuid references agent(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      user_agent text
    );
    create index session_agent on session(agent_id) where revoked_at is null;

    create table email_sign_in (
      token_hash text primary key,
      email text not null,
      ip text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    );
    create index email_sign_in_email on email_sign_in(email, created_at);
    create index email_sign_in_ip on email_sign_in(ip, created_at);

    create table audit_log (
      id uuid primary key default gen_random_uuid(),
      agent_id uuid references agent(id) on delete set null,
      action text not null,
      subject_type text not null,
      subject_id text,
      details jsonb not null default '{}',
      at timestamptz not null default now()
    );
    create index audit_log_subject on audit_log(subject_type, subject_id, at desc);
    create index audit_log_agent on audit_log(agent_id, at desc);
    create index audit_log_at on audit_log(at desc);
  `.execute(db)
}
