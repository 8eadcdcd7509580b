import { sql, type Selectable } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type {
  EmployerCategory,
  PlacementKind,
  PlacementStatus,
  Provision,
  SupportRequestStatus,
  SupportRequestTable,
} from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { mayActForInstantie } from '../applications/access.js';
import { isUuid } from '../ids.js';
import { provisions } from './rules.js';

/** A placement as support on call needs it: who it belongs to, its route, status and hours. */
export type SupportPlacement = {
  id: string;
  instantie_id: string;
  employer_id: string;
  candidate_id: string;
  route: EmployerCategory;
  kind: PlacementKind;
  status: PlacementStatus;
  hours_per_week: number;
  start_date: string;
  end_date: string | null;
  vacancy_title: string;
  employer_name: string;
  candidate_user_id: string | null;
  candidate_consultant_user_id: string | null;
};

export async function findSupportPlacement(db: Db, id: string): Promise<SupportPlacement | null> {
  if (!isUuid(id)) return null;
  const row = await db
    .selectFrom('placement')
    .innerJoin('vacancy', 'vacancy.id', 'placement.vacancy_id')
    .innerJoin('employer', 'employer.id', 'placement.employer_id')
    .innerJoin('candidate', 'candidate.id', 'placement.candidate_id')
    .select([
      'placement.id',
      'placement.instantie_id',
      'placement.employer_id',
      'placement.candidate_id',
      'placement.route',
      'placement.kind',
      'placement.status',
      'placement.hours_per_week',
      'placement.start_date',
      'placement.end_date',
      'vacancy.title as vacancy_title',
      'employer.name as employer_name',
      'candidate.user_id as candidate_user_id',
      'candidate.consultant_user_id as candidate_consultant_user_id',
    ])
    .where('placement.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * How the actor stands to the support of a placement: a user of its employer, staff of the
 * candidate's instantie who may act (consultant, beheerder), the instantie's auditor (reads), the
 * candidate (a party of the placement, but support is between employer and instantie), or nobody.
 */
export type SupportSide = 'employer' | 'staff' | 'auditor' | 'candidate';

export function supportSideOf(
  actor: Actor | null,
  placement: Pick<SupportPlacement, 'employer_id' | 'instantie_id' | 'candidate_user_id'>,
): SupportSide | null {
  if (!actor) return null;
  if (mayActForInstantie(actor, placement.instantie_id)) return 'staff';
  if (employerIds(actor).includes(placement.employer_id)) return 'employer';
  if (actor.memberships.some((m) => m.role === 'auditor' && m.instantieId === placement.instantie_id)) return 'auditor';
  if (placement.candidate_user_id !== null && placement.candidate_user_id === actor.userId) return 'candidate';
  return null;
}

/** Who reads support requests: the employer's users and the instantie's staff, the auditor included. */
export const readsSupport = (side: SupportSide | null): side is 'employer' | 'staff' | 'auditor' =>
  side === 'employer' || side === 'staff' || side === 'auditor';

/** A placement for the support pages, or null for anyone who may not read its support (and for non-ids). */
export async function readSupportPlacement(
  db: Db,
  actor: Actor,
  placementId: string,
): Promise<{ placement: SupportPlacement; side: 'employer' | 'staff' | 'auditor' } | null> {
  const placement = await findSupportPlacement(db, placementId);
  if (!placement) return null;
  const side = supportSideOf(actor, placement);
  return readsSupport(side) ? { placement, side } : null;
}

/** The staff instantie of the actor (consultant, beheerder or auditor), the first when several. */
export function supportInstantie(actor: Actor | null): string | null {
  return (
    actor?.memberships.find((m) => (m.role === 'consulent' || m.role === 'beheerder' || m.role === 'auditor') && m.instantieId)
      ?.instantieId ?? null
  );
}

export type SupportRequestRow = Selectable<SupportRequestTable>;

/** A request with what the lists and pages show beside it. */
export type SupportRequestView = SupportRequestRow & {
  vacancy_title: string;
  employer_id: string;
  employer_name: string;
  placement_status: PlacementStatus;
  placement_route: EmployerCategory;
  placement_hours: number;
  requested_by_name: string | null;
  decided_by_name: string | null;
  /** A person approved it beyond the budget, with the "boven budget" confirmation. */
  approved_above_budget: boolean;
};

function selectRequests(db: Db) {
  return db
    .selectFrom('support_request')
    .innerJoin('placement', 'placement.id', 'support_request.placement_id')
    .innerJoin('vacancy', 'vacancy.id', 'placement.vacancy_id')
    .innerJoin('employer', 'employer.id', 'placement.employer_id')
    .leftJoin('user as requester', 'requester.id', 'support_request.requested_by')
    .leftJoin('user as decider', 'decider.id', 'support_request.decided_by')
    .selectAll('support_request')
    .select([
      'vacancy.title as vacancy_title',
      'employer.id as employer_id',
      'employer.name as employer_name',
      'placement.status as placement_status',
      'placement.route as placement_route',
      'placement.hours_per_week as placement_hours',
      'requester.name as requested_by_name',
      'decider.name as decided_by_name',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('event')
            .select('event.id')
            .where('event.subject_type', '=', 'support_request')
            .whereRef('event.subject_id', '=', sql<string>`support_request.id::text`)
            .where('event.action', '=', 'support_request.approved')
            .where(sql<boolean>`event.data ->> 'aboveBudget' = 'true'`),
        )
        .as('approved_above_budget'),
    );
}

/** One request for the employer's users and the instantie's staff; null for anyone else. */
export async function readSupportRequest(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ request: SupportRequestView; side: 'employer' | 'staff' | 'auditor' } | null> {
  if (!isUuid(id)) return null;
  const request = (await selectRequests(db).where('support_request.id', '=', id).executeTakeFirst()) as SupportRequestView | undefined;
  if (!request) return null;
  const placement = await findSupportPlacement(db, request.placement_id);
  const side = placement ? supportSideOf(actor, placement) : null;
  return readsSupport(side) ? { request, side } : null;
}

export type SupportScope = { kind: 'placement'; placementId: string } | { kind: 'employer' } | { kind: 'instantie'; instantieId: string };

export type SupportListOptions = {
  status?: SupportRequestStatus;
  /** 'due': the earliest due date first (the consultant's work list); otherwise the newest first. */
  order?: 'due' | 'newest';
  limit?: number;
  offset?: number;
};

/**
 * The requests an actor follows: those of one placement (its employer and staff), of the actor's
 * employers, or of the actor's instantie (staff). Nothing for anyone else.
 */
export async function listSupportRequests(
  db: Db,
  actor: Actor,
  scope: SupportScope,
  options: SupportListOptions = {},
): Promise<{ items: SupportRequestView[]; total: number }> {
  let query = selectRequests(db);
  if (scope.kind === 'placement') {
    if (!(await readSupportPlacement(db, actor, scope.placementId))) return { items: [], total: 0 };
    query = query.where('support_request.placement_id', '=', scope.placementId);
  } else if (scope.kind === 'employer') {
    const ids = employerIds(actor);
    if (ids.length === 0) return { items: [], total: 0 };
    query = query.where('placement.employer_id', 'in', ids);
  } else {
    if (supportInstantie(actor) !== scope.instantieId) return { items: [], total: 0 };
    query = query.where('support_request.instantie_id', '=', scope.instantieId);
  }
  if (options.status) query = query.where('support_request.status', '=', options.status);
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  const ordered =
    options.order === 'due'
      ? query.orderBy('support_request.due_date').orderBy('support_request.requested_at')
      : query.orderBy('support_request.requested_at', 'desc');
  const items = await ordered
    .orderBy('support_request.id')
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0)
    .execute();
  return { items: items as SupportRequestView[], total: Number(counted.count) };
}

/** One line of the budget overview: one provision in one year. */
export type BudgetLine = {
  provision: Provision;
  /** Null when the beheerder has not set a budget for it. */
  budgetEuros: number | null;
  /** Promised: the amounts of approved requests. */
  committedEuros: number;
  /** Paid so far on approved requests. */
  spentEuros: number;
  /** The budget less what is promised; null without a budget. Below 0 after approvals beyond the budget. */
  leftEuros: number | null;
  /** Asked in requests that still wait for a person. */
  waitingEuros: number;
  updatedAt: Date | null;
  updatedByName: string | null;
};

/** The amounts promised (approved) of one provision in one year: what the budget check counts. */
export async function committedEuros(db: Db, instantieId: string, year: number, provision: Provision): Promise<number> {
  const row = await db
    .selectFrom('support_request')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount_euros'), eb.lit(0)).as('committed'))
    .where('instantie_id', '=', instantieId)
    .where('budget_year', '=', year)
    .where('provision', '=', provision)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return Number(row.committed);
}

/** Per provision for one year of the actor's instantie: budget, committed, spent and left. Null for non-staff. */
export async function budgetOverview(db: Db, actor: Actor, year: number): Promise<BudgetLine[] | null> {
  const instantieId = supportInstantie(actor);
  if (!instantieId) return null;
  return budgetLines(db, instantieId, year);
}

export async function budgetLines(db: Db, instantieId: string, year: number): Promise<BudgetLine[]> {
  const [budgets, sums] = await Promise.all([
    db
      .selectFrom('support_budget')
      .leftJoin('user', 'user.id', 'support_budget.updated_by')
      .select(['support_budget.provision', 'support_budget.amount_euros', 'support_budget.updated_at', 'user.name as updated_by_name'])
      .where('support_budget.instantie_id', '=', instantieId)
      .where('support_budget.year', '=', year)
      .execute(),
    db
      .selectFrom('support_request')
      .select((eb) => [
        'provision',
        eb.fn
          .coalesce(eb.fn.sum<string>(eb.case().when('status', '=', 'approved').then(eb.ref('amount_euros')).else(0).end()), eb.lit(0))
          .as('committed'),
        eb.fn
          .coalesce(eb.fn.sum<string>(eb.case().when('status', '=', 'approved').then(eb.ref('spent_euros')).else(0).end()), eb.lit(0))
          .as('spent'),
        eb.fn
          .coalesce(eb.fn.sum<string>(eb.case().when('status', '=', 'requested').then(eb.ref('amount_euros')).else(0).end()), eb.lit(0))
          .as('waiting'),
      ])
      .where('instantie_id', '=', instantieId)
      .where('budget_year', '=', year)
      .groupBy('provision')
      .execute(),
  ]);
  return provisions.map((provision) => {
    const budget = budgets.find((row) => row.provision === provision);
    const sum = sums.find((row) => row.provision === provision);
    const committed = Number(sum?.committed ?? 0);
    const budgetEuros = budget?.amount_euros ?? null;
    return {
      provision,
      budgetEuros,
      committedEuros: committed,
      spentEuros: Number(sum?.spent ?? 0),
      leftEuros: budgetEuros === null ? null : budgetEuros - committed,
      waitingEuros: Number(sum?.waiting ?? 0),
      updatedAt: budget?.updated_at ?? null,
      updatedByName: budget?.updated_by_name ?? null,
    };
  });
}

export type SupportEvent = { at: Date; action: string; actorName: string | null; reason: string | null; data: Record<string, unknown> };

/** What happened to a request, oldest first: for the consultant's page (who, what, when, why). */
export async function supportRequestHistory(db: Db, id: string): Promise<SupportEvent[]> {
  if (!isUuid(id)) return [];
  const rows = await db
    .selectFrom('event')
    .leftJoin('user', 'user.id', 'event.actor_user_id')
    .select(['event.at', 'event.action', 'event.reason', 'event.data', 'user.name'])
    .where('event.subject_type', '=', 'support_request')
    .where('event.subject_id', '=', id)
    .orderBy('event.at')
    .orderBy('event.id')
    .execute();
  return rows.map((row) => ({
    at: row.at,
    action: row.action,
    actorName: row.name,
    reason: row.reason,
    data: (row.data ?? {}) as Record<string, unknown>,
  }));
}
