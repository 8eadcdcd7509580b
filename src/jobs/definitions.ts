import type { Config } from '#app/config.js';
import type { Db } from '#app/db/connection.js';
import { expireIdleApplications } from '#app/domain/applications/commands.js';
import { sendAvailabilityReminders } from '#app/domain/candidates/availability-reminders.js';
import { purgeExpiredMatchLog } from '#app/domain/matching/queries.js';
import { purgeOldMail } from '#app/domain/notifications/outbox.js';
import { deliverNewMatches, runWeeklyAlerts } from '#app/domain/matching/saved-searches.js';
import { startPlacementsWithoutObjection } from '#app/domain/placements/commands.js';
import { remindPlacementEnds } from '#app/domain/placements/end-reminders.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { deliverMail } from './mail.js';

/** What a job body gets: the database, the configuration, and the moment it runs. */
export type JobContext = { db: Db; config: Config; now: Date };

export type JobDefinition = {
  /** The pg-boss queue, kebab-case. */
  name: string;
  /** When it runs by itself: a cron expression in Dutch time (Europe/Amsterdam). */
  schedule?: string;
  /** Also once at every start of the app, for work that should not wait for the first scheduled run. */
  runAtStart?: boolean;
  /** The work itself. It must be safe to run twice or at the same time: pg-boss retries failed jobs. */
  run: (context: JobContext) => Promise<unknown>;
};

/**
 * Every background job of Werkregie, in one list: src/jobs/boss.ts creates a queue, a worker and
 * the schedule for each. Tests call the bodies directly (`run`, or the domain function it calls).
 */
export const jobDefinitions: JobDefinition[] = [
  {
    name: 'mail-deliver',
    schedule: '* * * * *',
    run: ({ db, config }) => deliverMail(db, config),
  },
  {
    name: 'availability-reminders',
    schedule: '0 7 * * *',
    runAtStart: true,
    run: ({ db, now }) => sendAvailabilityReminders(db, now),
  },
  {
    name: 'saved-search-alerts',
    schedule: '0 8 * * 1',
    run: ({ db, now }) => runWeeklyAlerts(db, now, deliverNewMatches),
  },
  {
    name: 'match-log-purge',
    schedule: '30 3 * * *',
    runAtStart: true,
    run: ({ db, now }) => purgeExpiredMatchLog(db, todayIso(now)),
  },
  {
    // Sent mail (and mail given up on) leaves the outbox after sentMailRetentionDays.
    name: 'mail-outbox-purge',
    schedule: '45 3 * * *',
    run: ({ db, now }) => purgeOldMail(db, now),
  },
  {
    // Open applications without any action for the instantie's number of days (default 60) expire.
    name: 'application-expiry',
    schedule: '15 6 * * *',
    runAtStart: true,
    run: ({ db, now }) => expireIdleApplications(db, now),
  },
  {
    // A committed partner's placement starts by itself once its working days pass without objection.
    name: 'placement-auto-start',
    schedule: '*/15 * * * *',
    runAtStart: true,
    run: ({ db, now }) => startPlacementsWithoutObjection(db, now),
  },
  {
    // The employer and the consultant hear when a running placement's end date is near, or has passed.
    name: 'placement-end-reminders',
    schedule: '30 7 * * *',
    runAtStart: true,
    run: ({ db, now }) => remindPlacementEnds(db, now),
  },
];
