import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { MailOutboxTable } from '#app/db/schema.js';
import type { Selectable } from 'kysely';
import { defaultLocale } from '#app/i18n.js';
import { mailWords } from './kinds.js';

export type OutboxRow = Selectable<MailOutboxTable>;
export type MailMessage = { to: string; subject: string; text: string; html?: string };
/** Something that delivers one message or throws: SMTP (smtp.ts) in the app, anything at all in a test. */
export type MailTransport = { send: (message: MailMessage) => Promise<void>; close: () => void };

/** After this many failed attempts a message stays in the outbox unsent, with its last error. */
export const maxMailAttempts = 8;
const minuteMs = 60_000;
/** A claimed message is someone's for this long; a process that dies while sending leaves it to the next run. */
const claimMs = 10 * minuteMs;

/** Wait before the next attempt: 1, 2, 4 … minutes after each failure, at most 2 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 120) * minuteMs;
}

/** The message as it goes out: the stored text, the link made absolute with BASE_URL, and the closing line. */
export function composeMail(
  row: Pick<OutboxRow, 'to_address' | 'subject' | 'text_body' | 'html_body' | 'link'>,
  baseUrl: string,
): MailMessage {
  const words = mailWords(defaultLocale);
  const link = row.link ? `\n${new URL(row.link, baseUrl).toString()}` : '';
  return {
    to: row.to_address,
    subject: row.subject,
    text: `${row.text_body}${link}\n\n-- \n${words.footer}\n`,
    ...(row.html_body ? { html: row.html_body } : {}),
  };
}

/**
 * Takes up to `limit` messages that are due at `now`, so that no other run sends them meanwhile.
 * Without `now` the database's own clock decides, the clock that stamped the messages (`now()` as
 * the column default): a message written a moment ago is due, also within the same millisecond.
 */
async function claimDue(db: Db, now: Date | null, limit: number): Promise<OutboxRow[]> {
  const at = now ? sql`${now}::timestamptz` : sql`clock_timestamp()`;
  const { rows } = await sql<OutboxRow>`
    update mail_outbox set next_attempt_at = ${at} + ${claimMs}::float8 * interval '1 millisecond'
    where id in (
      select id from mail_outbox
      where sent_at is null and attempts < ${maxMailAttempts} and next_attempt_at <= ${at}
      order by next_attempt_at, created_at, id
      limit ${limit}
      for update skip locked
    )
    returning *`.execute(db);
  // The order of RETURNING is not the order of the subquery: send in the order the messages were written.
  return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
}

export type DeliveryReport = { sent: number; failed: number };

/**
 * Sends what is due in the outbox and records every attempt: sent, or the error and when to try
 * again. Without a transport (no SMTP_URL) nothing leaves the outbox.
 */
export async function deliverOutbox(
  db: Db,
  transport: MailTransport | null,
  options: { baseUrl: string; now?: () => Date; batchSize?: number },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  if (!transport) return report;
  const now = options.now ?? (() => new Date());
  for (;;) {
    const batch = await claimDue(db, options.now ? options.now() : null, options.batchSize ?? 20);
    if (batch.length === 0) return report;
    for (const row of batch) {
      const attempts = row.attempts + 1;
      try {
        await transport.send(composeMail(row, options.baseUrl));
        await db.updateTable('mail_outbox').set({ sent_at: now(), attempts, last_error: null }).where('id', '=', row.id).execute();
        report.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await db
          .updateTable('mail_outbox')
          .set({ attempts, last_error: message.slice(0, 500), next_attempt_at: new Date(now().getTime() + retryDelayMs(attempts)) })
          .where('id', '=', row.id)
          .execute();
        report.failed++;
      }
    }
  }
}

/**
 * How long the outbox keeps a message once it is done with it: sent, or given up after the last
 * attempt. The notification itself stays in the app (Berichten); the copy of the e-mail is only
 * needed to answer "did it go out?" for a while (docs/decisions/015-notifications-and-jobs.md).
 */
export const sentMailRetentionDays = 90;

/** Removes the messages the outbox is done with for more than `sentMailRetentionDays`. Returns how many. */
export async function purgeOldMail(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - sentMailRetentionDays * 24 * 60 * minuteMs);
  const result = await db
    .deleteFrom('mail_outbox')
    .where((eb) =>
      eb.or([
        eb('sent_at', '<', before),
        eb.and([eb('sent_at', 'is', null), eb('attempts', '>=', maxMailAttempts), eb('created_at', '<', before)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The newest messages of the outbox, sent or not, for the development mailbox: all, or those to one address. */
export async function listOutbox(
  db: Db,
  options: { to: string | null; page: number; pageSize: number },
): Promise<{ items: OutboxRow[]; total: number }> {
  let base = db.selectFrom('mail_outbox');
  if (options.to !== null) base = base.where((eb) => eb(eb.fn('lower', ['to_address']), '=', options.to!.toLowerCase()));
  const [items, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
