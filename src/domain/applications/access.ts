import type { Db } from '#app/db/connection.js';
import type { Selectable } from 'kysely';
import type { ApplicationMessageTable, ApplicationTable } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { isUuid } from '../ids.js';

export type ApplicationRow = Selectable<ApplicationTable> & {
  candidate_user_id: string | null;
  candidate_consultant_user_id: string | null;
  candidate_regie_level: 'zelf' | 'samen' | 'begeleid';
  vacancy_title: string;
  employer_name: string;
};

/** The side an actor is on in an application. */
export type ApplicationParty = 'candidate' | 'employer' | 'consultant';

type ShieldFacts = Pick<ApplicationRow, 'candidate_regie_level' | 'candidate_user_id'>;

/**
 * A 'begeleid' candidate (or one without an account) hears a no from their consultant, in person,
 * never as a bare message from the system.
 */
export function isShielded(application: ShieldFacts): boolean {
  return application.candidate_regie_level === 'begeleid' || application.candidate_user_id === null;
}

/**
 * A no from the employer (a decline, or an invitation taken back) that the consultant of a shielded
 * candidate still has to pass on; the candidate sees it once the consultant marks it told.
 */
export function awaitsTelling(application: ShieldFacts & Pick<ApplicationRow, 'state' | 'closed_by' | 'decline_told_at'>): boolean {
  return (
    isShielded(application) &&
    application.decline_told_at === null &&
    application.closed_by === 'employer' &&
    (application.state === 'declined' || application.state === 'withdrawn')
  );
}

/**
 * Does the candidate see this application? Not an invitation still with their consultant, and not a
 * no their consultant has yet to tell them.
 */
export function candidateSees(application: ApplicationRow): boolean {
  return application.candidate_user_id !== null && application.invitation !== 'with_consultant' && !awaitsTelling(application);
}

/**
 * Who the actor is in this application: the candidate, a user of the employer, or staff of the
 * candidate's instantie (consultant, beheerder, auditor: they read; only consultants and beheerders act).
 * What the candidate does not see yet (`candidateSees`) is not theirs: they are no party to it.
 */
export function partyOf(actor: Actor | null, application: ApplicationRow): ApplicationParty | null {
  if (!actor) return null;
  if (application.candidate_user_id !== null && application.candidate_user_id === actor.userId) {
    return candidateSees(application) ? 'candidate' : null;
  }
  if (employerIds(actor).includes(application.employer_id)) return 'employer';
  const staff = actor.memberships.some(
    (m) => (m.role === 'consulent' || m.role === 'beheerder' || m.role === 'auditor') && m.instantieId === application.instantie_id,
  );
  return staff ? 'consultant' : null;
}

/** Staff who may act on an application (not the auditor, who only reads). */
export function mayActForInstantie(actor: Actor, instantieId: string): boolean {
  return actor.memberships.some((m) => (m.role === 'consulent' || m.role === 'beheerder') && m.instantieId === instantieId);
}

const applicationColumns = [
  'application.id',
  'application.candidate_id',
  'application.vacancy_id',
  'application.employer_id',
  'application.instantie_id',
  'application.started_by',
  'application.invitation',
  'application.state',
  'application.identity_revealed',
  'application.consultant_reads',
  'application.closed_reason',
  'application.closed_by',
  'application.decline_told_at',
  'application.created_by',
  'application.created_at',
  'application.state_changed_at',
  'application.last_activity_at',
  'candidate.user_id as candidate_user_id',
  'candidate.consultant_user_id as candidate_consultant_user_id',
  'candidate.regie_level as candidate_regie_level',
  'vacancy.title as vacancy_title',
  'employer.name as employer_name',
] as const;

export function selectApplications(db: Db) {
  return db
    .selectFrom('application')
    .innerJoin('candidate', 'candidate.id', 'application.candidate_id')
    .innerJoin('vacancy', 'vacancy.id', 'application.vacancy_id')
    .innerJoin('employer', 'employer.id', 'application.employer_id')
    .select(applicationColumns);
}

/** One application, locked for a change when `forUpdate`; null for anything that is not an id. */
export async function findApplication(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<ApplicationRow | null> {
  if (!isUuid(id)) return null;
  let query = selectApplications(db).where('application.id', '=', id);
  if (options.forUpdate) query = query.forUpdate('application');
  return ((await query.executeTakeFirst()) as ApplicationRow | undefined) ?? null;
}

/** The candidate and the employer read their conversation; staff of the instantie only while the candidate lets them. */
export function mayReadMessages(application: ApplicationRow, party: ApplicationParty): boolean {
  return party !== 'consultant' || application.consultant_reads;
}

export type ApplicationMessage = Selectable<ApplicationMessageTable>;
export type Conversation = {
  application: ApplicationRow;
  party: ApplicationParty;
  /** Oldest first; null when the actor may not read them (staff, when the candidate does not let them). */
  messages: ApplicationMessage[] | null;
};

/** One application with its conversation as the actor may read it; null for anyone who is no party to it. */
export async function readConversation(db: Db, actor: Actor | null, id: string): Promise<Conversation | null> {
  const application = await findApplication(db, id);
  const party = application ? partyOf(actor, application) : null;
  if (!application || !party) return null;
  if (!mayReadMessages(application, party)) return { application, party, messages: null };
  const messages = await db
    .selectFrom('application_message')
    .selectAll()
    .where('application_id', '=', application.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { application, party, messages };
}
