import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { Database, VacancyStatus, WaitingListStatus } from '#app/db/schema.js';
import type { Actor } from '../accounts/actor.js';
import { readCandidates } from '../candidates/queries.js';
import { ownCandidateId } from '../candidates/own-candidate.js';
import { isUuid } from '../ids.js';
import { forbidden, notFound, ok, type CommandResult } from '../results.js';
import { mayManageVacancies, mayReadVacancy } from '../vacancies/policy.js';
import { isOpenHiring, isPubliclyListed, todayIso } from '../vacancies/rules.js';
import { queueHeadSize } from './rules.js';

export type ListVacancy = {
  id: string;
  employer_id: string;
  employer_name: string;
  title: string;
  status: VacancyStatus;
  published_until: string | null;
  suitability: string[];
  physical_requirements: string | null;
};

/** The facts of a vacancy the waiting list needs, with its employer's name; null for anything that is not a vacancy. */
export async function findListVacancy(db: Db, id: string): Promise<ListVacancy | null> {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('vacancy')
    .innerJoin('employer', 'employer.id', 'vacancy.employer_id')
    .select([
      'vacancy.id',
      'vacancy.employer_id',
      'employer.name as employer_name',
      'vacancy.title',
      'vacancy.status',
      sql<string | null>`vacancy.published_until::text`.as('published_until'),
      'vacancy.suitability',
      'vacancy.physical_requirements',
    ])
    .where('vacancy.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export type WaitingCounts = { waiting: number; taken: number; withdrawn: number };

/** How many wait, were taken (hires) and withdrew, for one vacancy. */
export async function waitingListCounts(db: Db, vacancyId: string): Promise<WaitingCounts> {
  const counts: WaitingCounts = { waiting: 0, taken: 0, withdrawn: 0 };
  if (!isUuid(vacancyId)) return counts;
  const rows = await db
    .selectFrom('waiting_list_entry')
    .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('vacancy_id', '=', vacancyId)
    .groupBy('status')
    .execute();
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The 1-based place of a waiting entry: the waiting entries of its vacancy before it (by joined_at, then id), plus one. */
const positionSql = (eb: ExpressionBuilder<Database, 'waiting_list_entry'>) =>
  eb
    .selectFrom('waiting_list_entry as ahead')
    .select((inner) => inner.fn.countAll<string>().as('n'))
    .whereRef('ahead.vacancy_id', '=', 'waiting_list_entry.vacancy_id')
    .where('ahead.status', '=', 'waiting')
    .where(sql<boolean>`(ahead.joined_at, ahead.id) <= (waiting_list_entry.joined_at, waiting_list_entry.id)`);

/** The place in line of a waiting entry; null when it is not waiting (taken, withdrawn) or does not exist. */
export async function positionOf(db: Db, entryId: string): Promise<number | null> {
  if (!isUuid(entryId)) return null;
  const row = await db
    .selectFrom('waiting_list_entry')
    .select((eb) => positionSql(eb).as('position'))
    .where('id', '=', entryId)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return row ? Number(row.position) : null;
}

export type OwnPlace = { entryId: string; position: number; waiting: number; joinedAt: Date };

/** The actor's own place on the waiting list of a vacancy, or null when they are no candidate or not waiting there. */
export async function ownPlace(db: Db, actor: Actor, vacancyId: string): Promise<OwnPlace | null> {
  if (!isUuid(vacancyId)) return null;
  const candidateId = await ownCandidateId(db, actor);
  if (!candidateId) return null;
  const row = await db
    .selectFrom('waiting_list_entry')
    .select((eb) => [
      'waiting_list_entry.id',
      'waiting_list_entry.joined_at',
      positionSql(eb).as('position'),
      eb
        .selectFrom('waiting_list_entry as all_waiting')
        .select((inner) => inner.fn.countAll<string>().as('n'))
        .whereRef('all_waiting.vacancy_id', '=', 'waiting_list_entry.vacancy_id')
        .where('all_waiting.status', '=', 'waiting')
        .as('waiting'),
    ])
    .where('waiting_list_entry.vacancy_id', '=', vacancyId)
    .where('waiting_list_entry.candidate_id', '=', candidateId)
    .where('waiting_list_entry.status', '=', 'waiting')
    .executeTakeFirst();
  if (!row) return null;
  return { entryId: row.id, position: Number(row.position), waiting: Number(row.waiting), joinedAt: new Date(row.joined_at) };
}

/**
 * The contact that opened when the employer took the actor from this vacancy's list (the last time),
 * and whether it is still open; null when they were never taken from it.
 */
export async function takenContact(db: Db, actor: Actor, vacancyId: string): Promise<{ applicationId: string; open: boolean } | null> {
  if (!isUuid(vacancyId)) return null;
  const candidateId = await ownCandidateId(db, actor);
  if (!candidateId) return null;
  const row = await db
    .selectFrom('waiting_list_entry')
    .innerJoin('application', 'application.id', 'waiting_list_entry.application_id')
    .select(['application.id', 'application.state'])
    .where('waiting_list_entry.vacancy_id', '=', vacancyId)
    .where('waiting_list_entry.candidate_id', '=', candidateId)
    .where('waiting_list_entry.status', '=', 'taken')
    .orderBy('waiting_list_entry.joined_at', 'desc')
    .executeTakeFirst();
  return row ? { applicationId: row.id, open: row.state === 'new' || row.state === 'in_conversation' || row.state === 'offer' } : null;
}

export type OwnWaitingListItem = {
  entryId: string;
  vacancyId: string;
  vacancyTitle: string;
  employerName: string;
  status: WaitingListStatus;
  /** Only while waiting. */
  position: number | null;
  joinedAt: Date;
  leftAt: Date | null;
  applicationId: string | null;
  /** Whether the vacancy is still publicly listed in open-hiring mode: otherwise its list no longer moves. */
  listOpen: boolean;
};

/** The candidate's own waiting lists, newest first (the last 50): where they wait, and where they were taken or left. */
export async function listOwnWaitingLists(db: Db, actor: Actor): Promise<OwnWaitingListItem[] | null> {
  const candidateId = await ownCandidateId(db, actor);
  if (!candidateId) return null;
  const rows = await db
    .selectFrom('waiting_list_entry')
    .innerJoin('vacancy', 'vacancy.id', 'waiting_list_entry.vacancy_id')
    .innerJoin('employer', 'employer.id', 'vacancy.employer_id')
    .select((eb) => [
      'waiting_list_entry.id',
      'waiting_list_entry.vacancy_id',
      'waiting_list_entry.status',
      'waiting_list_entry.joined_at',
      'waiting_list_entry.left_at',
      'waiting_list_entry.application_id',
      'vacancy.title',
      'vacancy.status as vacancy_status',
      sql<string | null>`vacancy.published_until::text`.as('published_until'),
      'vacancy.suitability',
      'employer.name as employer_name',
      positionSql(eb).as('position'),
    ])
    .where('waiting_list_entry.candidate_id', '=', candidateId)
    .orderBy('waiting_list_entry.joined_at', 'desc')
    .orderBy('waiting_list_entry.id')
    .limit(50)
    .execute();
  const today = todayIso();
  return rows.map((row) => ({
    entryId: row.id,
    vacancyId: row.vacancy_id,
    vacancyTitle: row.title,
    employerName: row.employer_name,
    status: row.status,
    position: row.status === 'waiting' ? Number(row.position) : null,
    joinedAt: new Date(row.joined_at),
    leftAt: row.left_at ? new Date(row.left_at) : null,
    applicationId: row.application_id,
    listOpen: isOpenHiring(row) && isPubliclyListed({ status: row.vacancy_status, publishedUntil: row.published_until }, today),
  }));
}

export type QueueRow = {
  position: number;
  joinedAt: Date;
  /** The candidate's pseudonym as the policy lets the employer see it; null when it may not, or past the daily limit. */
  pseudonym: string | null;
};

export type EmployerWaitingList = {
  vacancy: ListVacancy;
  counts: WaitingCounts;
  /** The first in line (`queueHeadSize`). */
  queue: QueueRow[];
  /** True when the daily limit of profile views kept the pseudonyms back. */
  viewLimitReached: boolean;
};

/**
 * The waiting list of a vacancy as a user of its employer sees it: the counts and the first in line
 * by pseudonym. Candidate data only through `readCandidates` (policy, access log, daily limit).
 * Forbidden for others who may read the vacancy; not found for the rest and for vacancies that are
 * not in open-hiring mode.
 */
export async function readWaitingList(db: Db, actor: Actor, vacancyId: string): Promise<CommandResult<EmployerWaitingList>> {
  const vacancy = await findListVacancy(db, vacancyId);
  if (!vacancy) return notFound;
  if (!mayManageVacancies(actor, vacancy.employer_id)) {
    const facts = { employerId: vacancy.employer_id, status: vacancy.status, publishedUntil: vacancy.published_until };
    return mayReadVacancy(actor, facts, todayIso()) ? forbidden : notFound;
  }
  if (!isOpenHiring(vacancy)) return notFound;
  const [counts, head] = await Promise.all([
    waitingListCounts(db, vacancy.id),
    db
      .selectFrom('waiting_list_entry')
      .select(['candidate_id', 'joined_at'])
      .where('vacancy_id', '=', vacancy.id)
      .where('status', '=', 'waiting')
      .orderBy('joined_at')
      .orderBy('id')
      .limit(queueHeadSize)
      .execute(),
  ]);
  const reads =
    head.length > 0 ? await readCandidates(db, actor, [...new Set(head.map((row) => row.candidate_id))], 'open_hiring.queue') : [];
  const pseudonyms = new Map(reads === 'limit' ? [] : reads.map((read) => [read.candidate.id, read.view.pseudonym]));
  return ok({
    vacancy,
    counts,
    queue: head.map((row, i) => ({
      position: i + 1,
      joinedAt: new Date(row.joined_at),
      pseudonym: pseudonyms.get(row.candidate_id) ?? null,
    })),
    viewLimitReached: reads === 'limit',
  });
}
