import { sql, type Kysely } from 'kysely';

// Notifications in the app and by e-mail (an outbox that the mail job delivers), and the record of
// availability reminders that makes each one go out once. See docs/decisions/ on notifications.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements.split(/;\s*$/m).filter((s) => s.trim())) {
    await sql.raw(statement).execute(db);
  }
}

const statements = `
    -- A message to one user, shown on "Berichten". Pages write the text from kind and params in the
    -- reader's language. A dedupe key makes a notification that must exist once (a daily summary) idempotent.
    create table notification (
      id uuid primary key default gen_random_uuid(),
      user_id text not null,
      kind text not null,
      params jsonb not null default '{}',
      link text,
      dedupe_key text unique,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notification_user on notification (user_id, created_at desc);
    create index notification_unread on notification (user_id) where read_at is null;

    -- E-mail waiting to be sent, or sent. Written in the transaction of what caused it; the mail job
    -- delivers it over SMTP and records each attempt. Without SMTP it stays here (development mailbox).
    create table mail_outbox (
      id uuid primary key default gen_random_uuid(),
      notification_id uuid references notification(id) on delete set null,
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      link text,
      created_at timestamptz not null default now(),
      next_attempt_at timestamptz not null default now(),
      sent_at timestamptz,
      attempts integer not null default 0,
      last_error text
    );
    create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;
    create index mail_outbox_created on mail_outbox (created_at desc);

    -- Which availability reminder went out for which expiry: a candidate's reminder before expiry,
    -- the one at expiry, and the consultant's notice. Confirming availability sets a new expiry,
    -- so the next round starts afresh.
    create table availability_reminder (
      candidate_id uuid not null references candidate(id) on delete cascade,
      kind text not null check (kind in ('before', 'expired', 'consultant')),
      expires_at timestamptz not null,
      sent_at timestamptz not null default now(),
      primary key (candidate_id, kind, expires_at)
    )
`;
