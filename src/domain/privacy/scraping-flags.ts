import { sql } from 'kysely';
import type { Db } from '#app/db/connection.js';
import { staffInstantie, type Actor } from '../accounts/actor.js';
import { isUuid } from '../ids.js';
import { recordEvent } from './events.js';

/**
 * Flags of unusual numbers of profile views (src/domain/privacy/view-limit.ts), as a beheerder
 * sees them: only of users who act for an employer that works with the beheerder's instantie.
 */

export type ScrapingFlag = {
  id: string;
  userId: string;
  userName: string;
  employerNames: string[];
  /** jjjj-mm-dd, the day in the Netherlands. */
  day: string;
  /** Profiles seen that day, up to now. */
  views: number;
  dailyLimit: number;
  flaggedAt: Date;
  handledAt: Date | null;
  handledByName: string | null;
};

/** How many handled flags the page shows, newest first; open flags are always all shown. */
export const handledFlagsShown = 50;

/** Flags whose user is a member of an employer with a category at this instantie. */
function flagsAt(db: Db, instantieId: string) {
  return db
    .selectFrom('scraping_flag')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('membership')
          .innerJoin('employer_category', 'employer_category.employer_id', 'membership.employer_id')
          .select(sql.lit(1).as('one'))
          .whereRef('membership.user_id', '=', 'scraping_flag.user_id')
          .where('membership.role', '=', 'werkgever')
          .where('employer_category.instantie_id', '=', instantieId),
      ),
    );
}

/** The open flags and the latest handled ones for the beheerder's own instantie; null for anyone else. */
export async function scrapingFlagsFor(db: Db, actor: Actor): Promise<{ open: ScrapingFlag[]; handled: ScrapingFlag[] } | null> {
  const instantieId = staffInstantie(actor, 'beheerder');
  if (!instantieId) return null;
  const columns = (open: boolean) =>
    flagsAt(db, instantieId)
      .innerJoin('user', 'user.id', 'scraping_flag.user_id')
      .leftJoin('user as handler', 'handler.id', 'scraping_flag.handled_by')
      .leftJoin('profile_view_count', (join) =>
        join.onRef('profile_view_count.user_id', '=', 'scraping_flag.user_id').onRef('profile_view_count.day', '=', 'scraping_flag.day'),
      )
      .select([
        'scraping_flag.id',
        'scraping_flag.user_id',
        'user.name as user_name',
        'scraping_flag.day',
        'scraping_flag.views as flagged_views',
        'profile_view_count.views as views',
        'scraping_flag.daily_limit',
        'scraping_flag.flagged_at',
        'scraping_flag.handled_at',
        'handler.name as handled_by_name',
      ])
      .where('scraping_flag.handled_at', open ? 'is' : 'is not', null);
  const [open, handled] = [
    await columns(true).orderBy('scraping_flag.day', 'desc').orderBy('scraping_flag.flagged_at', 'desc').execute(),
    await columns(false).orderBy('scraping_flag.handled_at', 'desc').limit(handledFlagsShown).execute(),
  ];
  const userIds = [...new Set([...open, ...handled].map((row) => row.user_id))];
  const employers =
    userIds.length === 0
      ? []
      : await db
          .selectFrom('membership')
          .innerJoin('employer', 'employer.id', 'membership.employer_id')
          .innerJoin('employer_category', 'employer_category.employer_id', 'employer.id')
          .select(['membership.user_id', 'employer.name'])
          .where('membership.role', '=', 'werkgever')
          .where('membership.user_id', 'in', userIds)
          .where('employer_category.instantie_id', '=', instantieId)
          .orderBy('employer.name')
          .execute();
  const present = (row: (typeof open)[number]): ScrapingFlag => ({
    id: row.id,
    userId: row.user_id,
    userName: row.user_name,
    employerNames: employers.filter((e) => e.user_id === row.user_id).map((e) => e.name),
    day: row.day,
    views: Math.max(row.views ?? 0, row.flagged_views),
    dailyLimit: row.daily_limit,
    flaggedAt: row.flagged_at,
    handledAt: row.handled_at,
    handledByName: row.handled_by_name,
  });
  return { open: open.map(present), handled: handled.map(present) };
}

export type HandleFlagResult = 'handled' | 'already_handled' | 'not_found';

/**
 * A beheerder marks a flag as handled, for a flag of their own instantie's employers only; the
 * event records who did it. Handling twice changes nothing.
 */
export async function handleScrapingFlag(db: Db, actor: Actor, flagId: string): Promise<HandleFlagResult> {
  const instantieId = staffInstantie(actor, 'beheerder');
  if (!instantieId || !isUuid(flagId)) return 'not_found';
  return db.transaction().execute(async (trx) => {
    const flag = await flagsAt(trx, instantieId)
      .select(['scraping_flag.id', 'scraping_flag.user_id', 'scraping_flag.day', 'scraping_flag.handled_at'])
      .where('scraping_flag.id', '=', flagId)
      .forUpdate()
      .executeTakeFirst();
    if (!flag) return 'not_found';
    if (flag.handled_at) return 'already_handled';
    await trx.updateTable('scraping_flag').set({ handled_at: new Date(), handled_by: actor.userId }).where('id', '=', flag.id).execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'user',
      subjectId: flag.user_id,
      action: 'profile_views_flag_handled',
      data: { flagId: flag.id, day: flag.day, instantieId },
    });
    return 'handled';
  });
}
