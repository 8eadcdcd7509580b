import type { Db } from '#app/db/connection.js';
import type { AgreementParty, PlacementStatus } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { findApplication, partyOf, type ApplicationParty, type ApplicationRow } from '../applications/access.js';
import { isUuid } from '../ids.js';
import type { PlacementRow } from './commands.js';

export type Confirmation = { party: AgreementParty; userId: string; name: string; confirmedAt: Date };

/** From the first contact (the application) to the start of the placement, in system time. */
export type LeadTime = { firstContactAt: Date; startedAt: Date | null; milliseconds: number | null };

export type PlacementView = {
  placement: PlacementRow;
  application: ApplicationRow;
  side: ApplicationParty;
  confirmations: Confirmation[];
  leadTime: LeadTime;
};

export function leadTime(application: { created_at: Date }, placement: { started_at: Date | null }): LeadTime {
  const startedAt = placement.started_at;
  return {
    firstContactAt: application.created_at,
    startedAt,
    milliseconds: startedAt ? startedAt.getTime() - application.created_at.getTime() : null,
  };
}

/**
 * One placement for the candidate, a user of the employer, or staff of the candidate's instantie;
 * null for anyone else (and for anything that is not an id). Reading the candidate's own data is
 * the page's job, through the candidate policy.
 */
export async function readPlacement(db: Db, actor: Actor, id: string): Promise<PlacementView | null> {
  if (!isUuid(id)) return null;
  const placement = await db.selectFrom('placement').selectAll().where('id', '=', id).executeTakeFirst();
  if (!placement) return null;
  const application = await findApplication(db, placement.application_id);
  const side = application ? partyOf(actor, application) : null;
  if (!application || !side) return null;
  const confirmations = await db
    .selectFrom('placement_confirmation')
    .innerJoin('user', 'user.id', 'placement_confirmation.user_id')
    .select(['placement_confirmation.party', 'placement_confirmation.user_id', 'placement_confirmation.confirmed_at', 'user.name'])
    .where('placement_confirmation.placement_id', '=', placement.id)
    .orderBy('placement_confirmation.confirmed_at')
    .execute();
  return {
    placement,
    application,
    side,
    confirmations: confirmations.map((c) => ({ party: c.party, userId: c.user_id, name: c.name, confirmedAt: c.confirmed_at })),
    leadTime: leadTime(application, placement),
  };
}

export type PlacementListItem = PlacementRow & {
  vacancy_title: string;
  employer_name: string;
  application_created_at: Date;
  confirmed_parties: AgreementParty[];
};

export type PlacementScope = { kind: 'employer' } | { kind: 'instantie'; instantieId: string } | { kind: 'candidate' };

/**
 * The placements a scope covers for this actor, as a query to refine; null when it covers none: an
 * employer user those of their employers, staff those of their instantie, a candidate their own.
 */
async function scopedPlacements(db: Db, actor: Actor, scope: PlacementScope, status: PlacementStatus | undefined) {
  let query = db.selectFrom('placement');
  if (scope.kind === 'employer') {
    const ids = employerIds(actor);
    if (ids.length === 0) return null;
    query = query.where('placement.employer_id', 'in', ids);
  } else if (scope.kind === 'instantie') {
    const staff = actor.memberships.some(
      (m) => (m.role === 'consulent' || m.role === 'beheerder' || m.role === 'auditor') && m.instantieId === scope.instantieId,
    );
    if (!staff) return null;
    query = query.where('placement.instantie_id', '=', scope.instantieId);
  } else {
    const own = await db.selectFrom('candidate').select('id').where('user_id', '=', actor.userId).executeTakeFirst();
    if (!own) return null;
    query = query.where('placement.candidate_id', '=', own.id);
  }
  return status ? query.where('placement.status', '=', status) : query;
}

/**
 * The placements an actor follows: an employer user those of their employers, staff those of their
 * instantie, a candidate their own. Waiting ones first, then the newest.
 */
export async function listPlacements(
  db: Db,
  actor: Actor,
  scope: PlacementScope,
  options: { status?: PlacementStatus; limit?: number; offset?: number } = {},
): Promise<PlacementListItem[]> {
  const scoped = await scopedPlacements(db, actor, scope, options.status);
  if (!scoped) return [];
  const rows = await scoped
    .innerJoin('vacancy', 'vacancy.id', 'placement.vacancy_id')
    .innerJoin('employer', 'employer.id', 'placement.employer_id')
    .innerJoin('application', 'application.id', 'placement.application_id')
    .selectAll('placement')
    .select(['vacancy.title as vacancy_title', 'employer.name as employer_name', 'application.created_at as application_created_at'])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('placement_confirmation')
            .select((inner) => inner.fn.agg<AgreementParty[]>('array_agg', ['placement_confirmation.party']).as('parties'))
            .whereRef('placement_confirmation.placement_id', '=', 'placement.id'),
          eb.val<AgreementParty[]>([]),
        )
        .as('confirmed_parties'),
    )
    .orderBy((eb) => eb.case().when('placement.status', '=', 'awaiting_instantie').then(0).else(1).end())
    .orderBy('placement.registered_at', 'desc')
    .orderBy('placement.id')
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .execute();
  return rows as PlacementListItem[];
}

/** How many placements `listPlacements` covers with the same scope and status, for paging. */
export async function countPlacements(db: Db, actor: Actor, scope: PlacementScope, status?: PlacementStatus): Promise<number> {
  const scoped = await scopedPlacements(db, actor, scope, status);
  if (!scoped) return 0;
  const { total } = await scoped.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  return Number(total);
}
