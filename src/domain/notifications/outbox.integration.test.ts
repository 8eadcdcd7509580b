import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverMail } from '#app/jobs/mail.js';
import { loadConfig } from '#app/config.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeUser } from '../../../test/support/fixtures.js';
import { closedSmtpUrl, startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp.js';
import { notify } from './notify.js';
import { deliverOutbox, maxMailAttempts, purgeOldMail, retryDelayMs, sentMailRetentionDays, type MailTransport } from './outbox.js';
import { smtpTransport } from './smtp.js';

let app: TestApp;
let smtp: TestSmtpServer;
let person: { userId: string; email: string };
const db = () => app.database.db;
const baseUrl = 'https://werkregie.example.nl';
const from = 'Werkregie <noreply@test.werkregie.nl>';
const row = (id: string) => db().selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** One notification with its e-mail; returns the outbox row's id. */
async function queueMail(): Promise<string> {
  const id = await notify(db(), {
    userId: person.userId,
    kind: 'availability_expired',
    params: { expiresAt: '2026-12-12T08:00:00.000Z' },
    link: '/kandidaat',
  });
  return (await db().selectFrom('mail_outbox').select('id').where('notification_id', '=', id!).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await createTestApp({ smtpUrl: smtp.url });
  person = await makeUser(app, 'Ahmed El Amrani', []);
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});
// Each test starts from an empty outbox, so one test's mail is not another's.
beforeEach(async () => {
  await db().deleteFrom('mail_outbox').execute();
  smtp.received.length = 0;
});

describe('delivery over SMTP', () => {
  it('sends the outbox through a real SMTP server and records it as sent', async () => {
    const id = await queueMail();
    const report = await deliverMail(db(), { ...loadConfig({}), baseUrl, mail: { smtpUrl: smtp.url, from } });
    expect(report).toEqual({ sent: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual([person.email]);
    expect(mail!.from).toBe('noreply@test.werkregie.nl');
    expect(mail!.subject).toBe('Je beschikbaarheid is verlopen');
    expect(mail!.text).toContain('Hallo Ahmed El Amrani,');
    expect(mail!.text).toContain('Je beschikbaarheid liep af op 12 december 2026.');
    expect(mail!.text).toContain('Dat is één klik.');
    expect(mail!.text).toContain(`Bevestig je beschikbaarheid:\n${baseUrl}/kandidaat`);
    expect(mail!.html).toBeNull();

    const stored = await row(id);
    expect(stored.sent_at).toBeInstanceOf(Date);
    expect(stored.attempts).toBe(1);
    expect(stored.last_error).toBeNull();

    // Sent is sent: a second run sends nothing.
    expect(await deliverMail(db(), { ...loadConfig({}), baseUrl, mail: { smtpUrl: smtp.url, from } })).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('passes an HTML part along when the row has one', async () => {
    const { id } = await db()
      .insertInto('mail_outbox')
      .values({
        to_address: person.email,
        subject: 'Met opmaak',
        text_body: 'Platte tekst',
        html_body: '<p>Met <strong>opmaak</strong></p>',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const transport = smtpTransport(smtp.url, from);
    expect(await deliverOutbox(db(), transport, { baseUrl })).toEqual({ sent: 1, failed: 0 });
    transport.close();
    expect(smtp.received[0]!.html).toBe('<p>Met <strong>opmaak</strong></p>');
    expect(smtp.received[0]!.text).toContain('Platte tekst');
    expect((await row(id)).sent_at).not.toBeNull();
  });

  it('sends in the order the messages were written, also across batches', async () => {
    const written = Date.parse('2026-11-30T09:00:00Z');
    const subjects = Array.from({ length: 45 }, (_, i) => `Bericht ${i + 1}`);
    await db()
      .insertInto('mail_outbox')
      .values(
        subjects.map((subject, i) => ({
          to_address: person.email,
          subject,
          text_body: subject,
          created_at: new Date(written + i * 1000),
          // All due at the same moment: the order must come from when they were written.
          next_attempt_at: new Date(written),
        })),
      )
      .execute();
    const transport = smtpTransport(smtp.url, from);
    expect(await deliverOutbox(db(), transport, { baseUrl })).toEqual({ sent: 45, failed: 0 });
    transport.close();
    expect(smtp.received.map((mail) => mail.subject)).toEqual(subjects);
  });

  it('keeps the mail in the outbox without SMTP_URL', async () => {
    const id = await queueMail();
    expect(await deliverMail(db(), { ...loadConfig({}), baseUrl, mail: { smtpUrl: null, from } })).toEqual({ sent: 0, failed: 0 });
    expect(await row(id)).toMatchObject({ sent_at: null, attempts: 0, last_error: null });
    expect(smtp.received).toHaveLength(0);
  });
});

describe('when the SMTP server is down', () => {
  it('keeps the mail, records the attempt and the error, and tries again later with a growing wait', async () => {
    const id = await queueMail();
    const down = await closedSmtpUrl();
    const start = new Date();
    const config = { ...loadConfig({}), baseUrl, mail: { smtpUrl: down, from } };
    expect(await deliverMail(db(), config)).toEqual({ sent: 0, failed: 1 });
    const first = await row(id);
    expect(first.sent_at).toBeNull();
    expect(first.attempts).toBe(1);
    expect(first.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(first.next_attempt_at.getTime()).toBeGreaterThanOrEqual(start.getTime() + retryDelayMs(1));

    // Not due yet: a run now leaves it alone.
    expect(await deliverMail(db(), config)).toEqual({ sent: 0, failed: 0 });
    expect((await row(id)).attempts).toBe(1);

    // Later the server is back, and the mail goes out on the next due run.
    const later = () => new Date(first.next_attempt_at.getTime() + 1000);
    const transport = smtpTransport(smtp.url, from);
    expect(await deliverOutbox(db(), transport, { baseUrl, now: later })).toEqual({ sent: 1, failed: 0 });
    transport.close();
    expect(await row(id)).toMatchObject({ attempts: 2, last_error: null });
    expect(smtp.received).toHaveLength(1);
  });

  it('stops trying after the last attempt and keeps the error', async () => {
    const id = await queueMail();
    const failing: MailTransport = {
      send: async () => {
        throw new Error('554 geweigerd door de server');
      },
      close: () => {},
    };
    let now = new Date();
    for (let attempt = 1; attempt <= maxMailAttempts + 2; attempt++) {
      await deliverOutbox(db(), failing, { baseUrl, now: () => now });
      now = new Date(now.getTime() + retryDelayMs(attempt) + 1000);
    }
    expect(await row(id)).toMatchObject({ sent_at: null, attempts: maxMailAttempts, last_error: '554 geweigerd door de server' });
    expect(retryDelayMs(1)).toBe(60_000);
    expect(retryDelayMs(3)).toBe(4 * 60_000);
    expect(retryDelayMs(20)).toBe(120 * 60_000);
  });

  it('sends each message once when two runs deliver at the same time', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => queueMail()));
    const sent: string[] = [];
    const slow: MailTransport = {
      send: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        sent.push(message.to + message.subject);
      },
      close: () => {},
    };
    const reports = await Promise.all([
      deliverOutbox(db(), slow, { baseUrl, batchSize: 2 }),
      deliverOutbox(db(), slow, { baseUrl, batchSize: 2 }),
    ]);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(ids.length);
    expect(sent).toHaveLength(ids.length);
    for (const id of ids) expect((await row(id)).attempts).toBe(1);
  });
});

describe('retention', () => {
  it(`removes mail ${sentMailRetentionDays} days after it was sent or given up on, and keeps the rest`, async () => {
    const now = new Date('2026-12-01T04:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const message = (subject: string, fields: object) => ({ to_address: person.email, subject, text_body: subject, ...fields });
    await db()
      .insertInto('mail_outbox')
      .values([
        message('oud verstuurd', { created_at: daysAgo(100), sent_at: daysAgo(sentMailRetentionDays + 1), attempts: 1 }),
        message('pas verstuurd', { created_at: daysAgo(100), sent_at: daysAgo(sentMailRetentionDays - 1), attempts: 1 }),
        message('oud opgegeven', { created_at: daysAgo(sentMailRetentionDays + 1), attempts: maxMailAttempts }),
        message('oud, nog proberen', { created_at: daysAgo(sentMailRetentionDays + 1), attempts: 2 }),
        message('nieuw', {}),
      ])
      .execute();
    expect(await purgeOldMail(db(), now)).toBe(2);
    const left = await db().selectFrom('mail_outbox').select('subject').orderBy('subject').execute();
    expect(left.map((row) => row.subject)).toEqual(['nieuw', 'oud, nog proberen', 'pas verstuurd']);
    expect(await purgeOldMail(db(), now)).toBe(0);
  });
});
