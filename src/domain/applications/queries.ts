import type { ExpressionBuilder } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { Database } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { candidateSees, selectApplications, type ApplicationRow } from './access.js';
import { openApplicationStates } from './states.js';

/**
 * The contact lists of the candidate and the employer. The rows carry the candidate's pseudonym
 * (never their name): an employer page reads the candidates through `readCandidates`, which applies
 * the policy, logs the read and counts the daily limit, and falls back on the pseudonym.
 */

export type ContactSide = 'candidate' | 'employer';
export type ContactListItem = ApplicationRow & { candidate_pseudonym: string };
export type ContactListPage = { items: ContactListItem[]; total: number; page: number; pageSize: number };

type Eb = ExpressionBuilder<Database, 'application' | 'candidate' | 'vacancy' | 'employer'>;

/** `candidateSees` (access.ts) as SQL: not an invitation still with the consultant, not a no still to be told. */
const seenByCandidate = (eb: Eb) =>
  eb.and([
    eb.or([eb('application.invitation', 'is', null), eb('application.invitation', '<>', 'with_consultant')]),
    eb.not(
      eb.and([
        eb('candidate.regie_level', '=', 'begeleid'),
        eb('application.decline_told_at', 'is', null),
        eb('application.closed_by', 'is not distinct from', 'employer'),
        eb('application.state', 'in', ['declined', 'withdrawn']),
      ]),
    ),
  ]);

const isOpenSql = (eb: Eb) => eb('application.state', 'in', openApplicationStates);

/**
 * What needs the reader first. The candidate: invitations waiting for their answer, then open
 * contacts, then closed ones. The employer: new interest and proposals (waiting for its answer),
 * then open contacts, then closed ones. Within each, the latest activity first.
 */
function urgency(side: ContactSide) {
  return (eb: Eb) => {
    const first =
      side === 'candidate'
        ? eb.and([isOpenSql(eb), eb('application.invitation', '=', 'with_candidate')])
        : eb.and([eb('application.state', '=', 'new'), eb('application.invitation', 'is', null)]);
    return eb.case().when(first).then(0).when(isOpenSql(eb)).then(1).else(2).end();
  };
}

/**
 * One page of the contacts of the actor on one side: the candidate's own (as far as they see them),
 * or those of every employer the actor works for. Empty for anyone else.
 */
export async function listApplications(
  db: Db,
  actor: Actor,
  side: ContactSide,
  paging: { page: number; pageSize: number },
): Promise<ContactListPage> {
  const empty = { items: [], total: 0, ...paging };
  let base = selectApplications(db);
  if (side === 'candidate') {
    base = base.where('candidate.user_id', '=', actor.userId).where(seenByCandidate);
  } else {
    const employers = employerIds(actor);
    if (employers.length === 0) return empty;
    base = base.where('application.employer_id', 'in', employers);
  }
  const { total } = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  if (Number(total) === 0) return empty;
  const rows = (await base
    .select('candidate.pseudonym as candidate_pseudonym')
    .orderBy(urgency(side))
    .orderBy('application.last_activity_at', 'desc')
    .orderBy('application.id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute()) as ContactListItem[];
  // The SQL above is `candidateSees`; the check again here keeps the two from ever showing more.
  const items = side === 'candidate' ? rows.filter(candidateSees) : rows;
  return { items, total: Number(total), ...paging };
}

/** The candidate's pseudonym for one application's candidate (shown when the policy shows no name). */
export async function candidatePseudonym(db: Db, candidateId: string): Promise<string | null> {
  const row = await db.selectFrom('candidate').select('pseudonym').where('id', '=', candidateId).executeTakeFirst();
  return row?.pseudonym ?? null;
}
