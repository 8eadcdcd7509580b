import type { ExpressionBuilder, Selectable } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { ApplicationStepTable, Database, PlacementStatus } from '#app/db/schema.js';
import { isUuid } from '../ids.js';
import { selectApplications, type ApplicationRow } from './access.js';
import { openApplicationStates } from './states.js';

/**
 * The lists of the consultant's contact pages: what waits for the instantie first, then the open
 * contacts of the consultant's own candidates, then those of the rest of the instantie. These rows
 * hold no candidate data beyond ids: pages read the candidates through `readCandidates`.
 */

export type ContactList = { items: ApplicationRow[]; total: number };

type Eb = ExpressionBuilder<Database, 'application' | 'candidate' | 'vacancy' | 'employer'>;

/** An invitation for a 'begeleid' candidate (or one without an account) that waits for the consultant. */
const invitationWithConsultant = (eb: Eb) =>
  eb.and([eb('application.invitation', '=', 'with_consultant'), eb('application.state', 'in', openApplicationStates)]);

/** A no from the employer that the consultant still has to tell in person: `awaitsTelling` (access.ts) as SQL. */
const declineToTell = (eb: Eb) =>
  eb.and([
    eb('application.closed_by', '=', 'employer'),
    eb('application.state', 'in', ['declined', 'withdrawn']),
    eb('application.decline_told_at', 'is', null),
    eb.or([eb('candidate.regie_level', '=', 'begeleid'), eb('candidate.user_id', 'is', null)]),
  ]);

/** Open, and not an invitation waiting for the consultant (that one is on the to-do list). */
const openNotWaiting = (eb: Eb) =>
  eb.and([
    eb('application.state', 'in', openApplicationStates),
    eb.or([eb('application.invitation', 'is', null), eb('application.invitation', '<>', 'with_consultant')]),
  ]);

async function listOf(
  db: Db,
  instantieIds: readonly string[],
  where: (eb: Eb) => ReturnType<Eb['and']>,
  page: { limit: number; offset?: number },
): Promise<ContactList> {
  if (instantieIds.length === 0) return { items: [], total: 0 };
  const base = selectApplications(db).where('application.instantie_id', 'in', instantieIds).where(where);
  const { total } = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('total'))
    .executeTakeFirstOrThrow();
  // Longest waiting first: that is what needs someone's attention.
  const items = (await base
    .orderBy('application.state_changed_at')
    .orderBy('application.id')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute()) as ApplicationRow[];
  return { items, total: Number(total) };
}

/** What waits for staff of these instanties: invitations with the consultant and declines still to tell. */
export function contactsToDo(db: Db, instantieIds: readonly string[], limit: number): Promise<ContactList> {
  return listOf(db, instantieIds, (eb) => eb.or([invitationWithConsultant(eb), declineToTell(eb)]), { limit });
}

/** The open contacts of the consultant's own candidates (`candidate.consultant_user_id`). */
export function caseloadContacts(db: Db, instantieIds: readonly string[], consultantUserId: string, limit: number): Promise<ContactList> {
  return listOf(db, instantieIds, (eb) => eb.and([openNotWaiting(eb), eb('candidate.consultant_user_id', '=', consultantUserId)]), {
    limit,
  });
}

/** The open contacts of the other candidates of these instanties, one page. */
export function instantieContacts(
  db: Db,
  instantieIds: readonly string[],
  consultantUserId: string,
  page: { page: number; pageSize: number },
): Promise<ContactList> {
  return listOf(
    db,
    instantieIds,
    (eb) =>
      eb.and([
        openNotWaiting(eb),
        eb.or([eb('candidate.consultant_user_id', 'is', null), eb('candidate.consultant_user_id', '<>', consultantUserId)]),
      ]),
    { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
  );
}

/** Every contact of one candidate, newest first (at most `limit`), for the consultant's candidate page. */
export async function contactsOfCandidate(db: Db, candidateId: string, limit: number): Promise<ApplicationRow[]> {
  if (!isUuid(candidateId)) return [];
  return (await selectApplications(db)
    .where('application.candidate_id', '=', candidateId)
    .orderBy('application.last_activity_at', 'desc')
    .orderBy('application.id')
    .limit(limit)
    .execute()) as ApplicationRow[];
}

/** The open contact of a candidate about a vacancy, if there is one. */
export async function openContactFor(db: Db, candidateId: string, vacancyId: string): Promise<string | null> {
  if (!isUuid(candidateId) || !isUuid(vacancyId)) return null;
  const row = await db
    .selectFrom('application')
    .select('id')
    .where('candidate_id', '=', candidateId)
    .where('vacancy_id', '=', vacancyId)
    .where('state', 'in', openApplicationStates)
    .executeTakeFirst();
  return row?.id ?? null;
}

export type ApplicationStep = Selectable<ApplicationStepTable>;

/** The steps of an application, oldest first: who did what, when and why. */
export async function applicationSteps(db: Db, applicationId: string): Promise<ApplicationStep[]> {
  return db.selectFrom('application_step').selectAll().where('application_id', '=', applicationId).orderBy('at').orderBy('id').execute();
}

/** The latest placement that came from this application, if any. */
export async function placementOfApplication(db: Db, applicationId: string): Promise<{ id: string; status: PlacementStatus } | null> {
  const row = await db
    .selectFrom('placement')
    .select(['id', 'status'])
    .where('application_id', '=', applicationId)
    .orderBy('registered_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  return row ?? null;
}
