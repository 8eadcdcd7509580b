import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { Actor } from '../accounts/actor.js';
import { employerStanding, type EmployerStanding } from '../employers/standing.js';
import { instantieSettingsSchema, profileViewRule, type ProfileViewRule } from '../instanties/settings.js';
import { todayIso } from '../vacancies/rules.js';
import { recordEvent } from './events.js';

/**
 * No scraping (docs/decisions/013-no-scraping.md): an employer user sees a limited number of
 * candidate profiles a day — a detail view and every row of a list count as one — and the
 * beheerder hears of users who come near that limit.
 */

/** Employers page through the pool at most this many candidates at a time: no bulk export by paging. */
export const maxPoolPageSize = 20;

/**
 * The daily rule for an employer user about to see candidates of these instanties: per instantie
 * the best category of the user's employers there, and of those the highest limit.
 */
export async function profileViewRuleFor(
  db: Db,
  actor: Actor,
  instantieIds: readonly string[],
  known?: EmployerStanding,
): Promise<ProfileViewRule> {
  const { bestCategoryAt, instanties } = known ?? (await employerStanding(db, actor));
  const rules = instanties
    .filter((instantie) => instantieIds.includes(instantie.id))
    .map((instantie) => profileViewRule(instantie.settings, bestCategoryAt(instantie.id)));
  return (
    rules.reduce<ProfileViewRule | null>((best, rule) => (best && best.limit >= rule.limit ? best : rule), null) ??
    profileViewRule(instantieSettingsSchema.parse({}), 'business_as_usual')
  );
}

export type ViewCharge = { allowed: true; views: number; flagged: boolean } | { allowed: false };

/**
 * Counts `count` more views for the user today, only when the total stays within the limit. One
 * statement decides and counts, so parallel requests cannot both pass: PostgreSQL re-checks the
 * condition against the row another transaction just committed. Call it inside the transaction
 * that also logs the reads, so a refused or failed read counts nothing.
 */
export async function chargeProfileViews(trx: Db, userId: string, count: number, rule: ProfileViewRule, day: string): Promise<ViewCharge> {
  if (count > rule.limit) return { allowed: false };
  const row = await trx
    .insertInto('profile_view_count')
    .values({ user_id: userId, day, views: count })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'day'])
        .doUpdateSet({ views: sql<number>`profile_view_count.views + excluded.views` })
        .where(sql<number>`profile_view_count.views + excluded.views`, '<=', rule.limit),
    )
    .returning('views')
    .executeTakeFirst();
  if (!row) return { allowed: false };
  if (row.views < rule.flagAt) return { allowed: true, views: row.views, flagged: false };
  // One flag per user and day: the first request at or over the threshold raises it.
  const flag = await trx
    .insertInto('scraping_flag')
    .values({ user_id: userId, day, views: row.views, daily_limit: rule.limit })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (flag) {
    await recordEvent(trx, {
      actorUserId: null,
      subjectType: 'user',
      subjectId: userId,
      action: 'profile_views_flagged',
      data: { flagId: flag.id, day, views: row.views, limit: rule.limit, flagAt: rule.flagAt },
    });
  }
  return { allowed: true, views: row.views, flagged: flag !== undefined };
}

/**
 * Shows candidate profiles to an employer user within their daily limit: `instantieIds` holds the
 * instantie of every profile about to be shown to them as an employer (empty for staff and the
 * candidate, who are not limited). Counts them and runs `logReads` in one transaction; false when
 * the limit refuses, and then nothing is counted or logged.
 */
export async function withinProfileViewLimit(
  db: Db,
  actor: Actor,
  instantieIds: readonly string[],
  options: { now?: Date; standing?: EmployerStanding },
  logReads: (db: Db) => Promise<void>,
): Promise<boolean> {
  if (instantieIds.length === 0) {
    await logReads(db);
    return true;
  }
  const now = options.now ?? new Date();
  const rule = await profileViewRuleFor(db, actor, [...new Set(instantieIds)], options.standing);
  const run = async (trx: Db) => {
    const charge = await chargeProfileViews(trx, actor.userId, instantieIds.length, rule, todayIso(now));
    if (charge.allowed) await logReads(trx);
    return charge.allowed;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Seconds until the next day starts in the Netherlands, when the count starts again (for Retry-After). */
export function secondsUntilNextDay(now: Date = new Date()): number {
  const today = todayIso(now);
  // Midnight in the Netherlands is 22:00 or 23:00 UTC of the day before (summer or winter time).
  for (const hour of ['22', '23']) {
    const candidate = new Date(`${today}T${hour}:00:00Z`);
    if (todayIso(candidate) !== today) return Math.max(1, Math.ceil((candidate.getTime() - now.getTime()) / 1000));
  }
  return 3600;
}
