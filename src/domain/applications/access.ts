import type { Db } from '#app/db/connection.js';
import type { Selectable } from 'kysely';
import type { ApplicationTable } from '#app/db/schema.js';
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

/**
 * Who the actor is in this application: the candidate, a user of the employer, or staff of the
 * candidate's instantie (consultant, beheerder, auditor: they read; only consultants and beheerders act).
 * An invitation still with the consultant is not the candidate's yet: they do not see it.
 */
export function partyOf(actor: Actor | null, application: ApplicationRow): ApplicationParty | null {
  if (!actor) return null;
  if (application.candidate_user_id !== null && application.candidate_user_id === actor.userId) {
    return application.invitation === 'with_consultant' ? null : 'candidate';
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
