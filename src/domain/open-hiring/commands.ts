import type { Db } from '#app/db/connection.js';
import type { Actor } from '../accounts/actor.js';
import { findApplication } from '../applications/access.js';
import { insertApplication, tellParties } from '../applications/commands.js';
import { ownCandidateId } from '../candidates/own-candidate.js';
import { isUuid } from '../ids.js';
import { recordEvent } from '../privacy/events.js';
import { conflict, forbidden, invalid, issuesToErrors, notFound, ok, type CommandResult } from '../results.js';
import { mayManageVacancies, mayReadVacancy } from '../vacancies/policy.js';
import { isOpenHiring, isPubliclyListed, todayIso } from '../vacancies/rules.js';
import { findListVacancy } from './queries.js';
import { alreadyInContact, alreadyWaiting, joinSchema, nobodyWaiting, notOpenHiring, vacancyNotOpen } from './rules.js';

const openStates = ['new', 'in_conversation', 'offer'] as const;

/**
 * A candidate joins the waiting list of an open-hiring vacancy, on their own profile, after confirming
 * that they read the physical requirements and can do the work. No CV, no interview, no selection:
 * first come, first served. Once per vacancy while waiting (the unique index decides a double click).
 */
export async function joinWaitingList(db: Db, actor: Actor, vacancyId: string, input: unknown): Promise<CommandResult<{ id: string }>> {
  const candidateId = await ownCandidateId(db, actor);
  if (!candidateId) return forbidden;
  const vacancy = await findListVacancy(db, vacancyId);
  if (!vacancy || !isPubliclyListed({ status: vacancy.status, publishedUntil: vacancy.published_until }, todayIso())) return notFound;
  if (!isOpenHiring(vacancy)) return conflict(notOpenHiring);
  const parsed = joinSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));

  return db.transaction().execute(async (trx): Promise<CommandResult<{ id: string }>> => {
    const contact = await trx
      .selectFrom('application')
      .select('id')
      .where('candidate_id', '=', candidateId)
      .where('vacancy_id', '=', vacancy.id)
      .where('state', 'in', openStates)
      .executeTakeFirst();
    if (contact) return conflict(alreadyInContact);
    const row = await trx
      .insertInto('waiting_list_entry')
      .values({ vacancy_id: vacancy.id, candidate_id: candidateId, requirements_accepted_at: new Date() })
      .onConflict((oc) => oc.columns(['vacancy_id', 'candidate_id']).where('status', '=', 'waiting').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return conflict(alreadyWaiting);
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'waiting_list_entry',
      subjectId: row.id,
      action: 'waiting_list.joined',
      data: { vacancyId: vacancy.id, candidateId, requirementsRead: true },
    });
    return ok({ id: row.id });
  });
}

/** The candidate takes themself off the waiting list; it counts as a withdrawal. Not found when they are not waiting. */
export async function leaveWaitingList(db: Db, actor: Actor, vacancyId: string): Promise<CommandResult> {
  const candidateId = await ownCandidateId(db, actor);
  if (!candidateId) return forbidden;
  if (!isUuid(vacancyId)) return notFound;
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    // An entry the employer is taking right now is locked: this waits for it, then finds it taken.
    const left = await trx
      .updateTable('waiting_list_entry')
      .set({ status: 'withdrawn', left_at: new Date() })
      .where('vacancy_id', '=', vacancyId)
      .where('candidate_id', '=', candidateId)
      .where('status', '=', 'waiting')
      .returning('id')
      .executeTakeFirst();
    if (!left) return notFound;
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'waiting_list_entry',
      subjectId: left.id,
      action: 'waiting_list.left',
      data: { vacancyId, candidateId },
    });
    return ok(undefined);
  });
}

/**
 * A user of the vacancy's employer takes the next in line: the first waiting entry (by joined_at, id)
 * is locked with `for update skip locked`, so two people taking at once get two different candidates.
 * It becomes 'taken' and a contact (application, started_by 'waiting_list', state 'new') opens with the
 * candidate's name shown: they chose to join. The employer registers the placement from that contact.
 */
export async function takeNextInLine(
  db: Db,
  actor: Actor,
  vacancyId: string,
): Promise<CommandResult<{ applicationId: string; entryId: string }>> {
  const vacancy = await findListVacancy(db, vacancyId);
  if (!vacancy) return notFound;
  if (!mayManageVacancies(actor, vacancy.employer_id)) {
    const facts = { employerId: vacancy.employer_id, status: vacancy.status, publishedUntil: vacancy.published_until };
    return mayReadVacancy(actor, facts, todayIso()) ? forbidden : notFound;
  }
  if (!isOpenHiring(vacancy)) return conflict(notOpenHiring);
  if (vacancy.status !== 'open') return conflict(vacancyNotOpen);

  return db.transaction().execute(async (trx): Promise<CommandResult<{ applicationId: string; entryId: string }>> => {
    const entry = await trx
      .selectFrom('waiting_list_entry')
      .innerJoin('candidate', 'candidate.id', 'waiting_list_entry.candidate_id')
      .select(['waiting_list_entry.id', 'waiting_list_entry.candidate_id', 'candidate.instantie_id'])
      .where('waiting_list_entry.vacancy_id', '=', vacancy.id)
      .where('waiting_list_entry.status', '=', 'waiting')
      .orderBy('waiting_list_entry.joined_at')
      .orderBy('waiting_list_entry.id')
      .limit(1)
      .forUpdate('waiting_list_entry')
      .skipLocked()
      .executeTakeFirst();
    if (!entry) return conflict(nobodyWaiting);

    const created = await insertApplication(
      trx,
      actor,
      {
        candidateId: entry.candidate_id,
        vacancy: { id: vacancy.id, employer_id: vacancy.employer_id, title: vacancy.title },
        instantieId: entry.instantie_id,
        startedBy: 'waiting_list',
        invitation: null,
        identityRevealed: true,
        state: 'new',
      },
      'werkgever',
    );
    // The candidate may have shown interest after joining: then that open contact is theirs to go on with.
    const applicationId =
      created ??
      (
        await trx
          .selectFrom('application')
          .select('id')
          .where('candidate_id', '=', entry.candidate_id)
          .where('vacancy_id', '=', vacancy.id)
          .where('state', 'in', openStates)
          .executeTakeFirstOrThrow()
      ).id;
    await trx
      .updateTable('waiting_list_entry')
      .set({ status: 'taken', left_at: new Date(), application_id: applicationId })
      .where('id', '=', entry.id)
      .execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'waiting_list_entry',
      subjectId: entry.id,
      action: 'waiting_list.taken',
      data: { vacancyId: vacancy.id, candidateId: entry.candidate_id, applicationId, newContact: created !== null },
    });
    const application = (await findApplication(trx, applicationId))!;
    await tellParties(trx, application, ['candidate'], 'waiting_list_turn', {
      vacancyTitle: vacancy.title,
      employerName: vacancy.employer_name,
    });
    return ok({ applicationId, entryId: entry.id });
  });
}
