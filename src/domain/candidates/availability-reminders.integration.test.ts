import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#app/config.js';
import { jobDefinitions } from '#app/jobs/definitions.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../../test/support/fixtures.js';
import { confirmAvailability } from './commands.js';
import { sendAvailabilityReminders } from './availability-reminders.js';

const hour = 3600_000;
const day = 24 * hour;

let app: TestApp;
let world: World;
const db = () => app.database.db;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

/** A candidate of `consultant` (with an account unless said otherwise) whose availability expires at `expiresAt`. */
async function candidateExpiringAt(expiresAt: Date, options: { login?: boolean; consultant?: World['consulent'] } = {}) {
  const made = await makeCandidate(app, options.consultant ?? world.consulent, { withLogin: options.login ?? true });
  await db().updateTable('candidate').set({ availability_expires_at: expiresAt }).where('id', '=', made.id).execute();
  return made;
}

const notificationsOf = (userId: string) =>
  db().selectFrom('notification').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
const mailsOf = (email: string) => db().selectFrom('mail_outbox').selectAll().where('to_address', '=', email).execute();
const eventsOf = (candidateId: string, action: string) =>
  db().selectFrom('event').selectAll().where('subject_id', '=', candidateId).where('action', '=', action).execute();
/** The consultant's summary of the day `isoDay` (at most one). */
const summariesOf = async (userId: string, isoDay: string) =>
  (await notificationsOf(userId)).filter((n) => n.kind === 'availability_expired_summary' && n.dedupe_key?.endsWith(`:${isoDay}`));

// Every test has a moment of its own, years apart, so one test's candidates fall outside another's windows.
describe('the reminder before expiry', () => {
  const now = new Date('2031-03-10T11:00:00Z');

  it('goes to a candidate with an account, 7 days ahead, once per expiry date', async () => {
    const soon = await candidateExpiringAt(new Date(now.getTime() + 3 * day));
    const later = await candidateExpiringAt(new Date(now.getTime() + 10 * day));
    const noAccount = await candidateExpiringAt(new Date(now.getTime() + 3 * day), { login: false });

    const report = await sendAvailabilityReminders(db(), now);
    expect(report.before).toBe(1);

    const [note] = await notificationsOf(soon.user!.userId);
    expect(note).toMatchObject({ kind: 'availability_expiring', link: '/kandidaat', read_at: null });
    expect(note!.params).toEqual({ expiresAt: new Date(now.getTime() + 3 * day).toISOString() });
    const [mail] = await mailsOf(soon.user!.email);
    expect(mail!.subject).toBe('Je beschikbaarheid verloopt op 13 maart 2031');
    expect(mail!.link).toBe('/kandidaat');
    expect(await eventsOf(soon.id, 'availability.reminder_before')).toHaveLength(1);
    expect(await notificationsOf(later.user!.userId)).toEqual([]);
    expect(await eventsOf(noAccount.id, 'availability.reminder_before')).toEqual([]);

    // The job runs again (a retry, a restart, the next day): nothing new for the same expiry.
    expect((await sendAvailabilityReminders(db(), now)).before).toBe(0);
    expect((await sendAvailabilityReminders(db(), new Date(now.getTime() + day))).before).toBe(0);
    expect(await notificationsOf(soon.user!.userId)).toHaveLength(1);
    expect(await mailsOf(soon.user!.email)).toHaveLength(1);
    expect(await eventsOf(soon.id, 'availability.reminder_before')).toHaveLength(1);

    // Three days on, the other candidate's expiry is 7 days away: now they get theirs.
    expect((await sendAvailabilityReminders(db(), new Date(now.getTime() + 3 * day + hour))).before).toBe(1);
    expect(await notificationsOf(later.user!.userId)).toHaveLength(1);
  });

  it('follows the instantie setting for how many days ahead', async () => {
    const moment = new Date('2032-05-04T11:00:00Z');
    await db()
      .updateTable('instantie')
      .set({ settings: JSON.stringify({ availabilityReminderDays: 14 }) })
      .where('id', '=', 'rotterdam')
      .execute();
    try {
      const inTwelveDays = await candidateExpiringAt(new Date(moment.getTime() + 12 * day));
      expect((await sendAvailabilityReminders(db(), moment)).before).toBe(1);
      expect(await notificationsOf(inTwelveDays.user!.userId)).toHaveLength(1);
    } finally {
      await db()
        .updateTable('instantie')
        .set({ settings: JSON.stringify({}) })
        .where('id', '=', 'rotterdam')
        .execute();
    }
  });

  it('starts afresh when availability is confirmed: a new expiry gets its own reminder', async () => {
    const moment = new Date('2033-01-20T11:00:00Z');
    const candidate = await candidateExpiringAt(new Date(moment.getTime() + 2 * day));
    await sendAvailabilityReminders(db(), moment);
    expect(await notificationsOf(candidate.user!.userId)).toHaveLength(1);

    const confirmed = await confirmAvailability(db(), world.consulent, candidate.id, new Date(moment.getTime() + day));
    if (!confirmed.ok) throw new Error('confirm failed');
    // Just confirmed: nothing to remind of.
    expect((await sendAvailabilityReminders(db(), new Date(moment.getTime() + day))).before).toBe(0);
    // Eight weeks later the new expiry comes near.
    const nearNewExpiry = new Date(confirmed.value.expiresAt.getTime() - 5 * day);
    expect((await sendAvailabilityReminders(db(), nearNewExpiry)).before).toBe(1);
    const notes = await notificationsOf(candidate.user!.userId);
    expect(notes.map((n) => n.params.expiresAt)).toEqual([
      new Date(moment.getTime() + 2 * day).toISOString(),
      confirmed.value.expiresAt.toISOString(),
    ]);
  });
});

describe('an expiry written by the database itself', () => {
  it('is matched to the microsecond, so the reminder goes out once and the run ends', async () => {
    const moment = new Date('2030-07-01T11:00:00Z');
    const candidate = await candidateExpiringAt(moment);
    // Microseconds, as now() + interval gives them; a JavaScript Date would round them away.
    await sql`update candidate set availability_expires_at = ${moment}::timestamptz + interval '3 days 0.123456 seconds' where id = ${candidate.id}`.execute(
      db(),
    );
    expect((await sendAvailabilityReminders(db(), moment)).before).toBe(1);
    expect((await sendAvailabilityReminders(db(), moment)).before).toBe(0);
    expect(await notificationsOf(candidate.user!.userId)).toHaveLength(1);
  });
});

describe('at expiry', () => {
  const now = new Date('2034-06-15T11:00:00Z');
  const today = '2034-06-15';

  it('tells the candidate once, and the consultant once a day how many of their candidates expired', async () => {
    const justExpired = await candidateExpiringAt(new Date(now.getTime() - hour));
    const noAccount = await candidateExpiringAt(new Date(now.getTime() - 2 * day), { login: false });
    const longAgo = await candidateExpiringAt(new Date(now.getTime() - 10 * day));
    const elsewhere = await candidateExpiringAt(new Date(now.getTime() - hour), { consultant: world.otherConsulent });
    // A consultant who is not (or no longer) a consultant of the candidate's instantie hears nothing of them.
    const movedConsultant = await candidateExpiringAt(new Date(now.getTime() - hour));
    await db()
      .updateTable('candidate')
      .set({ consultant_user_id: world.otherConsulent.userId })
      .where('id', '=', movedConsultant.id)
      .execute();

    const report = await sendAvailabilityReminders(db(), now);
    expect(report).toMatchObject({ before: 0, expired: 3, consultants: 2 });

    const [note] = await notificationsOf(justExpired.user!.userId);
    expect(note).toMatchObject({ kind: 'availability_expired', link: '/kandidaat' });
    expect((await mailsOf(justExpired.user!.email))[0]!.subject).toBe('Je beschikbaarheid is verlopen');
    expect(await eventsOf(justExpired.id, 'availability.reminder_expired')).toHaveLength(1);
    expect(await notificationsOf(longAgo.user!.userId)).toEqual([]);

    const [summary] = await summariesOf(world.consulent.userId, today);
    expect(summary).toMatchObject({ link: '/consulent/verlopen', params: { count: 2 } });
    const [summaryMail] = (await mailsOf(world.consulent.email)).filter((m) => m.notification_id === summary!.id);
    expect(summaryMail!.subject).toBe('2 kandidaten hebben een verlopen beschikbaarheid');
    expect(summaryMail!.link).toBe('/consulent/verlopen');
    for (const counted of [justExpired, noAccount]) expect(await eventsOf(counted.id, 'availability.consultant_notified')).toHaveLength(1);
    expect(await eventsOf(longAgo.id, 'availability.consultant_notified')).toEqual([]);
    expect(await eventsOf(movedConsultant.id, 'availability.consultant_notified')).toEqual([]);
    expect((await summariesOf(world.otherConsulent.userId, today))[0]!.params).toEqual({ count: 1 });
    expect(await eventsOf(elsewhere.id, 'availability.consultant_notified')).toHaveLength(1);

    // The same day again: nothing new for anyone.
    expect(await sendAvailabilityReminders(db(), new Date(now.getTime() + hour))).toEqual({ before: 0, expired: 0, consultants: 0 });
    expect(await summariesOf(world.consulent.userId, today)).toHaveLength(1);
    expect(await notificationsOf(justExpired.user!.userId)).toHaveLength(1);

    // Another candidate expires later that day: the candidate hears at once, the consultant in tomorrow's summary.
    const afternoon = await candidateExpiringAt(new Date(now.getTime() + 2 * hour));
    const laterToday = new Date(now.getTime() + 3 * hour);
    expect(await sendAvailabilityReminders(db(), laterToday)).toMatchObject({ expired: 1, consultants: 0 });
    expect(await summariesOf(world.consulent.userId, today)).toHaveLength(1);
    expect(await sendAvailabilityReminders(db(), new Date(now.getTime() + day))).toMatchObject({ expired: 0, consultants: 1 });
    const [tomorrow] = await summariesOf(world.consulent.userId, '2034-06-16');
    expect(tomorrow!.params).toEqual({ count: 1 });
    expect(await eventsOf(afternoon.id, 'availability.consultant_notified')).toHaveLength(1);
  });
});

describe('runs at the same time', () => {
  it('send every reminder once', async () => {
    const now = new Date('2035-09-01T11:00:00Z');
    const expiring = await Promise.all([1, 2, 3].map((d) => candidateExpiringAt(new Date(now.getTime() + d * day))));
    const expired = await Promise.all([1, 2].map((h) => candidateExpiringAt(new Date(now.getTime() - h * hour))));
    const reports = await Promise.all([
      sendAvailabilityReminders(db(), now),
      sendAvailabilityReminders(db(), now),
      sendAvailabilityReminders(db(), now),
    ]);
    expect(reports.reduce((sum, r) => sum + r.before, 0)).toBe(3);
    expect(reports.reduce((sum, r) => sum + r.expired, 0)).toBe(2);
    expect(reports.reduce((sum, r) => sum + r.consultants, 0)).toBe(1);
    for (const candidate of [...expiring, ...expired]) expect(await notificationsOf(candidate.user!.userId)).toHaveLength(1);
    expect((await summariesOf(world.consulent.userId, '2035-09-01'))[0]!.params).toEqual({ count: 2 });
  });
});

describe('the job', () => {
  it('is listed with a daily schedule and runs the same body', async () => {
    const job = jobDefinitions.find((j) => j.name === 'availability-reminders')!;
    expect(job.schedule).toBe('0 7 * * *');
    const now = new Date('2036-02-02T11:00:00Z');
    const candidate = await candidateExpiringAt(new Date(now.getTime() + day));
    await job.run({ db: db(), config: loadConfig({}), now });
    expect(await notificationsOf(candidate.user!.userId)).toHaveLength(1);
  });
});
