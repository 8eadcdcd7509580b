import type { Db } from '#app/db/connection.js';
import { eventsFor } from '../privacy/events.js';

export type CandidateEvent = Awaited<ReturnType<typeof eventsFor>>[number];

/**
 * What happened to a candidate, newest first: the candidate's own events and those of their
 * consents (a consent is an event subject of its own, so withdrawing it can be traced exactly).
 */
export async function candidateHistory(db: Db, candidateId: string, limit = 50): Promise<CandidateEvent[]> {
  const consents = await db.selectFrom('consent').select('id').where('candidate_id', '=', candidateId).execute();
  const lists = [await eventsFor(db, 'candidate', candidateId, limit)];
  for (const consent of consents) lists.push(await eventsFor(db, 'consent', consent.id, limit));
  return lists
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime() || Number(BigInt(b.id) - BigInt(a.id)))
    .slice(0, limit);
}

/** Whether the candidate has an active consent, and since when. */
export async function activeConsent(db: Db, candidateId: string): Promise<{ givenAt: Date; recordedAs: string } | null> {
  const row = await db
    .selectFrom('consent')
    .select(['given_at', 'recorded_as'])
    .where('candidate_id', '=', candidateId)
    .where('withdrawn_at', 'is', null)
    .orderBy('given_at', 'desc')
    .executeTakeFirst();
  return row ? { givenAt: row.given_at, recordedAs: row.recorded_as } : null;
}
