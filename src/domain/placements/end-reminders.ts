import type { Db } from '#app/db/connection.js';
import { findApplication } from '../applications/access.js';
import { recipientsOf } from '../applications/commands.js';
import { notifyAll, type NotifyInput } from '../notifications/notify.js';
import { listInstanties } from '../instanties/queries.js';
import { todayIso } from '../vacancies/rules.js';
import { placementLink } from './commands.js';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The daily reminder of placements' end dates (decision 029). A running placement with an end date
 * within its instantie's `placementEndNoticeDays` (14 unless it set its own) gets one notice to the
 * employer's users and the candidate's consultant ("stopt op …": talk about how it went, then
 * record what follows); one whose end date has passed while it still runs gets one more ("had
 * moeten stoppen"). Recording the end is the employer's or the instantie's part (`endPlacement`), so
 * the candidate is not asked. Each notice exists once per person, placement, end date and moment
 * (the notification's dedupe key), so a second or concurrent run writes nothing, and a changed end
 * date is announced again. Returns how many notices were written.
 */
export async function remindPlacementEnds(db: Db, now: Date): Promise<number> {
  const today = todayIso(now);
  // The last end date each instantie hears of today; the query reads up to the latest of them.
  const lastNoticedBy = new Map(
    (await listInstanties(db)).map((instantie) => [
      instantie.id,
      todayIso(new Date(now.getTime() + instantie.settings.placementEndNoticeDays * dayMs)),
    ]),
  );
  const running = await db
    .selectFrom('placement')
    .select(['id', 'instantie_id', 'application_id', 'end_date'])
    .where('status', '=', 'active')
    .where('end_date', 'is not', null)
    .where('end_date', '<=', [today, ...lastNoticedBy.values()].sort().at(-1)!)
    .orderBy('id')
    .execute();
  const due = running.filter((placement) => placement.end_date! <= (lastNoticedBy.get(placement.instantie_id) ?? today));
  let written = 0;
  for (const placement of due) {
    const endDate = placement.end_date!;
    const moment = endDate < today ? 'passed' : 'near';
    written += await db.transaction().execute(async (trx) => {
      const application = (await findApplication(trx, placement.application_id))!;
      const recipients = await recipientsOf(trx, application, ['employer', 'consultant']);
      const inputs: NotifyInput<'placement_ending'>[] = (['employer', 'consultant'] as const).flatMap((side) =>
        recipients[side].map((userId) => ({
          userId,
          kind: 'placement_ending' as const,
          params: { vacancyTitle: application.vacancy_title, endDate, moment },
          link: placementLink(side, placement.id),
          dedupeKey: `placement_ending:${placement.id}:${endDate}:${moment}:${userId}`,
        })),
      );
      return (await notifyAll(trx, inputs)).filter((id) => id !== null).length;
    });
  }
  return written;
}
