import { capturePasswordToken, passwordLinkValidSeconds, type Auth } from '#app/auth.js';
import type { Db } from '#app/db/connection.js';
import type { Actor } from './actor.js';
import { createUserWithoutPassword, findUserIdByEmail } from './users.js';
import { findCandidate } from '../candidates/queries.js';
import { mayEditCandidate } from '../candidates/policy.js';
import { recordEvent } from '../privacy/events.js';

export type PasswordLinkResult =
  { ok: true; token: string; validUntil: Date } | { ok: false; reason: 'not_found' | 'no_email' | 'email_taken' };

/**
 * A consultant makes it possible for a candidate to log in: the candidate gets an account for the
 * e-mail address in the profile (if not yet), and a one-time link to choose a password, valid for a week.
 */
export async function createCandidatePasswordLink(db: Db, auth: Auth, actor: Actor, candidateId: string): Promise<PasswordLinkResult> {
  const candidate = await findCandidate(db, candidateId);
  if (!candidate || mayEditCandidate(actor, { instantieId: candidate.instantie_id, userId: candidate.user_id }) !== 'consulent') {
    return { ok: false, reason: 'not_found' };
  }
  if (!candidate.email) return { ok: false, reason: 'no_email' };
  let userId = candidate.user_id;
  if (!userId) {
    if (await findUserIdByEmail(db, candidate.email)) return { ok: false, reason: 'email_taken' };
    userId = await db.transaction().execute(async (trx) => {
      const id = await createUserWithoutPassword(trx, { email: candidate.email!, name: `${candidate.first_name} ${candidate.last_name}` });
      await trx
        .insertInto('membership')
        .values({ user_id: id, role: 'kandidaat', instantie_id: candidate.instantie_id, employer_id: null })
        .execute();
      await trx.updateTable('candidate').set({ user_id: id, updated_at: new Date() }).where('id', '=', candidateId).execute();
      await recordEvent(trx, { actorUserId: actor.userId, subjectType: 'candidate', subjectId: candidateId, action: 'account.created' });
      return id;
    });
  }
  const user = await db.selectFrom('user').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
  const token = await capturePasswordToken(() =>
    auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: '/wachtwoord-instellen' } }),
  );
  if (!token) throw new Error('better-auth made no password token');
  await recordEvent(db, {
    actorUserId: actor.userId,
    subjectType: 'candidate',
    subjectId: candidateId,
    action: 'account.password_link_created',
  });
  return { ok: true, token, validUntil: new Date(Date.now() + passwordLinkValidSeconds * 1000) };
}
