import type { Db } from '#app/db/connection.js';
import type { Actor } from '../accounts/actor.js';

/**
 * The id of the candidate profile that belongs to the actor's own account, or null. Candidate
 * pages take no candidate id from the request: a candidate only ever works on this row.
 */
export async function ownCandidateId(db: Db, actor: Actor): Promise<string | null> {
  const row = await db.selectFrom('candidate').select('id').where('user_id', '=', actor.userId).executeTakeFirst();
  return row?.id ?? null;
}
