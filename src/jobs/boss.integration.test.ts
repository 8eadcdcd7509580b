import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '#app/domain/notifications/notify.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../test/support/fixtures.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/support/smtp.js';
import { jobDefinitions } from './definitions.js';

let app: TestApp;
let smtp: TestSmtpServer;
let world: World;
const db = () => app.database.db;

/** Waits until `check` holds, looking every 200 ms, for at most 30 s (workers poll every 5 s). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('did not happen within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  app = await createTestApp({ jobs: true, smtpUrl: smtp.url });
  world = await makeWorld(app);
});
afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('background jobs in the app', () => {
  it('has a queue for every job and the schedules of the list', async () => {
    // pg-boss keeps queues of its own too (named __pgboss__…).
    const queues = await sql<{ name: string }>`select name from pgboss.queue where name not like '\_\_pgboss%'`.execute(db());
    expect(queues.rows.map((q) => q.name).sort()).toEqual(jobDefinitions.map((j) => j.name).sort());
    const schedules = await sql<{ name: string; cron: string; timezone: string }>`select name, cron, timezone from pgboss.schedule`.execute(
      db(),
    );
    expect(schedules.rows.map((s) => [s.name, s.cron, s.timezone]).sort()).toEqual(
      jobDefinitions
        .filter((j) => j.schedule)
        .map((j) => [j.name, j.schedule, 'Europe/Amsterdam'])
        .sort(),
    );
  });

  it('delivers the outbox by the mail job, over SMTP', async () => {
    const id = await notify(db(), {
      userId: world.consulent.userId,
      kind: 'availability_expired_summary',
      params: { count: 4 },
      link: '/consulent/verlopen',
    });
    await app.jobs!.send('mail-deliver');
    // The SMTP server has the message a moment before the job records it as sent.
    const sentAt = async () =>
      (await db().selectFrom('mail_outbox').select('sent_at').where('notification_id', '=', id!).executeTakeFirstOrThrow()).sent_at;
    await eventually(async () => (await sentAt()) !== null);
    const mail = smtp.received.find((m) => m.subject === '4 kandidaten hebben een verlopen beschikbaarheid')!;
    expect(mail.to).toEqual([world.consulent.email]);
    expect(mail.text).toContain('http://localhost:3000/consulent/verlopen');
  });

  it('runs the availability reminders', async () => {
    const candidate = await makeCandidate(app, world.consulent, { withLogin: true });
    await db()
      .updateTable('candidate')
      .set({ availability_expires_at: new Date(Date.now() + 2 * 24 * 3600_000) })
      .where('id', '=', candidate.id)
      .execute();
    await app.jobs!.send('availability-reminders');
    await eventually(async () => {
      const notes = await db().selectFrom('notification').select('kind').where('user_id', '=', candidate.user!.userId).execute();
      return notes.some((n) => n.kind === 'availability_expiring');
    });
  });

  it('refuses a job that is not in the list', async () => {
    await expect(app.jobs!.send('bestaat-niet')).rejects.toThrow('Onbekende achtergrondtaak');
  });
});
