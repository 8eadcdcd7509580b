import type { Db } from '#app/db/connection.js';
import type { AvailabilityReminderKind } from '#app/db/schema.js';
import { listInstanties } from '../instanties/queries.js';
import { notify } from '../notifications/notify.js';
import { recordEvent } from '../privacy/events.js';
import { todayIso } from '../vacancies/rules.js';

const dayMs = 24 * 60 * 60 * 1000;
/**
 * How far back an expiry still gets its notice at expiry: a job that did not run for some days
 * catches up, but a first run never mails everyone whose availability lapsed long ago.
 */
const expiredNoticeWindowDays = 7;
const batchSize = 200;

/** Where a candidate confirms their availability (the button on their overview page). */
const confirmAvailabilityPath = '/kandidaat';
/** The consultant's list of candidates whose availability expired. */
const expiredListPath = '/consulent/verlopen';

export type ReminderReport = { before: number; expired: number; consultants: number };

/** Thrown inside a transaction to undo it: the day's summary to this consultant already exists. */
class AlreadySummarisedToday extends Error {}

/**
 * The daily availability reminders (issue 3 §7). A candidate with an account gets one some days
 * before their availability expires (the instantie's availabilityReminderDays) and one at expiry;
 * their consultant gets one summary a day of how many of their candidates expired. Each goes out
 * once per expiry date: the availability_reminder row is written in the same transaction as the
 * notification, and a second or concurrent run finds the row and sends nothing.
 */
export async function sendAvailabilityReminders(db: Db, now = new Date()): Promise<ReminderReport> {
  const report: ReminderReport = { before: 0, expired: 0, consultants: 0 };
  const since = new Date(now.getTime() - expiredNoticeWindowDays * dayMs);
  for (const instantie of await listInstanties(db)) {
    const until = new Date(now.getTime() + instantie.settings.availabilityReminderDays * dayMs);
    report.before += await remindCandidates(db, instantie.id, 'before', { after: now, upTo: until });
    report.expired += await remindCandidates(db, instantie.id, 'expired', { after: since, upTo: now });
  }
  report.consultants = await noticeConsultants(db, { after: since, upTo: now, today: todayIso(now) });
  return report;
}

type Window = { after: Date; upTo: Date };

/**
 * Candidates whose expiry falls in the window and who did not get this reminder for it yet. The
 * claim copies the expiry inside the database: a timestamp read into JavaScript loses its
 * microseconds and would never match again.
 */
function pending(db: Db, kind: AvailabilityReminderKind, window: Window) {
  return db
    .selectFrom('candidate')
    .where('candidate.availability_expires_at', '>', window.after)
    .where('candidate.availability_expires_at', '<=', window.upTo)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('availability_reminder as r')
            .select('r.candidate_id')
            .whereRef('r.candidate_id', '=', 'candidate.id')
            .where('r.kind', '=', kind)
            .whereRef('r.expires_at', '=', 'candidate.availability_expires_at'),
        ),
      ),
    );
}

/**
 * Records the reminder rows for what `candidates` selects and returns the ones this run claimed.
 * The row is the claim: a concurrent run waits for this transaction and then inserts nothing.
 */
function claim(trx: Db, kind: AvailabilityReminderKind, candidates: ReturnType<typeof pending>) {
  return trx
    .insertInto('availability_reminder')
    .columns(['candidate_id', 'kind', 'expires_at'])
    .expression(
      candidates.select((eb) => ['candidate.id', eb.val(kind).as('kind'), 'candidate.availability_expires_at']).orderBy('candidate.id'),
    )
    .onConflict((conflict) => conflict.doNothing())
    .returning(['candidate_id', 'expires_at'])
    .execute();
}

async function remindCandidates(db: Db, instantieId: string, kind: 'before' | 'expired', window: Window): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const rows = await claim(
        trx,
        kind,
        pending(trx, kind, window)
          .where('candidate.instantie_id', '=', instantieId)
          .where('candidate.user_id', 'is not', null)
          .limit(batchSize),
      );
      if (rows.length === 0) return 0;
      const accounts = await trx
        .selectFrom('candidate')
        .select(['id', 'user_id'])
        .where(
          'id',
          'in',
          rows.map((row) => row.candidate_id),
        )
        .execute();
      const userOf = new Map(accounts.map((row) => [row.id, row.user_id!]));
      for (const row of rows) {
        const expiresAt = row.expires_at.toISOString();
        await notify(trx, {
          userId: userOf.get(row.candidate_id)!,
          kind: kind === 'before' ? 'availability_expiring' : 'availability_expired',
          params: { expiresAt },
          link: confirmAvailabilityPath,
        });
        await recordEvent(trx, {
          actorUserId: null,
          subjectType: 'candidate',
          subjectId: row.candidate_id,
          action: kind === 'before' ? 'availability.reminder_before' : 'availability.reminder_expired',
          data: { expiresAt },
        });
      }
      return rows.length;
    });
    // Nothing claimed: all done, or a run beside this one has the rest.
    if (claimed === 0) return sent;
    sent += claimed;
  }
}

/**
 * One summary a day per consultant: the candidates (still of their instantie) whose availability
 * expired and who were not counted before. When today's summary already exists, the new ones
 * wait for tomorrow's.
 */
async function noticeConsultants(db: Db, window: Window & { today: string }): Promise<number> {
  const ofTheirInstantie = (from: Db) =>
    pending(from, 'consultant', window).innerJoin('membership', (join) =>
      join
        .onRef('membership.user_id', '=', 'candidate.consultant_user_id')
        .onRef('membership.instantie_id', '=', 'candidate.instantie_id')
        .on('membership.role', '=', 'consulent'),
    );
  const consultants = await ofTheirInstantie(db).select('candidate.consultant_user_id').distinct().execute();
  let notified = 0;
  for (const { consultant_user_id: consultantId } of consultants) {
    if (!consultantId) continue;
    try {
      notified += await db.transaction().execute(async (trx) => {
        const claimed = await claim(trx, 'consultant', ofTheirInstantie(trx).where('candidate.consultant_user_id', '=', consultantId));
        if (claimed.length === 0) return 0;
        const id = await notify(trx, {
          userId: consultantId,
          kind: 'availability_expired_summary',
          params: { count: claimed.length },
          link: expiredListPath,
          dedupeKey: `availability_expired_summary:${consultantId}:${window.today}`,
        });
        if (!id) throw new AlreadySummarisedToday();
        for (const row of claimed) {
          await recordEvent(trx, {
            actorUserId: null,
            subjectType: 'candidate',
            subjectId: row.candidate_id,
            action: 'availability.consultant_notified',
            data: { expiresAt: row.expires_at.toISOString(), consultantUserId: consultantId },
          });
        }
        return 1;
      });
    } catch (error) {
      if (!(error instanceof AlreadySummarisedToday)) throw error;
    }
  }
  return notified;
}
