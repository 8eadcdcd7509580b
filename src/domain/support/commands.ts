import type { Db } from '#app/db/connection.js';
import type { Provision } from '#app/db/schema.js';
import { staffInstantie, type Actor } from '../accounts/actor.js';
import { isUuid } from '../ids.js';
import { getInstantie } from '../instanties/queries.js';
import { notifyAll } from '../notifications/notify.js';
import { addWorkingDays } from '../working-days.js';
import { recordEvent } from '../privacy/events.js';
import { conflict, forbidden, invalid, issuesToErrors, notFound, ok, type CommandResult } from '../results.js';
import { todayIso } from '../vacancies/rules.js';
import { committedEuros, findSupportPlacement, supportSideOf, type SupportPlacement } from './queries.js';
import {
  aboveBudgetMessage,
  budgetAmountField,
  budgetMessage,
  budgetYear,
  fitsBudget,
  isProvision,
  noSubsidyMessage,
  provisions,
  spendingSchema,
  spentTooMuchMessage,
  supportCost,
  supportDecisionSchema,
  supportRequestSchema,
  yearField,
  yearMessage,
} from './rules.js';

/** Where each side reads a request: the employer with the placement, the consultant on their work list. */
export function supportLink(side: 'employer' | 'consultant', request: { id: string; placement_id: string }): string {
  return side === 'employer' ? `/werkgever/plaatsingen/${request.placement_id}/ondersteuning` : `/consulent/ondersteuning/${request.id}`;
}

/** The budget of one provision in one year, locked until the transaction ends; undefined when none is set. */
async function lockBudget(trx: Db, instantieId: string, year: number, provision: Provision) {
  return trx
    .selectFrom('support_budget')
    .select('amount_euros')
    .where('instantie_id', '=', instantieId)
    .where('year', '=', year)
    .where('provision', '=', provision)
    .forUpdate()
    .executeTakeFirst();
}

/** The consultants who handle a request: the candidate's own consultant, else every consultant of the instantie. */
async function consultantsFor(trx: Db, placement: SupportPlacement): Promise<string[]> {
  if (placement.candidate_consultant_user_id) return [placement.candidate_consultant_user_id];
  const rows = await trx
    .selectFrom('membership')
    .select('user_id')
    .where('role', '=', 'consulent')
    .where('instantie_id', '=', placement.instantie_id)
    .execute();
  return rows.map((row) => row.user_id);
}

async function employerUserIds(trx: Db, employerId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('membership')
    .select('user_id')
    .where('role', '=', 'werkgever')
    .where('employer_id', '=', employerId)
    .execute();
  return [...new Set(rows.map((row) => row.user_id))];
}

async function recordRequestEvent(
  trx: Db,
  actor: Actor,
  id: string,
  action: string,
  reason?: string | null,
  data?: Record<string, unknown>,
) {
  await recordEvent(trx, {
    actorUserId: actor.userId,
    subjectType: 'support_request',
    subjectId: id,
    action: `support_request.${action}`,
    reason: reason ?? null,
    data,
  });
}

export type RequestedSupport = { id: string; status: 'approved' | 'requested'; approvedByDefault: boolean; dueDate: string };

/**
 * The employer (or a consultant of the instantie) asks for support with a placement that waits or
 * runs. The instantie handles it before the due date (`supportDueWorkingDays` working days).
 *
 * A preferred partner's request is approved by default while the budget of that provision for
 * the year has room; otherwise — no budget, not enough room, or another route — it waits for a
 * person. The budget row is locked for the check and the approval, so requests at the same time
 * are counted one after the other and can never together pass the budget.
 */
export async function requestSupport(db: Db, actor: Actor, placementId: string, input: unknown): Promise<CommandResult<RequestedSupport>> {
  const placement = await findSupportPlacement(db, placementId);
  if (!placement) return notFound;
  const side = supportSideOf(actor, placement);
  if (!side) return notFound;
  if (side !== 'employer' && side !== 'staff') return forbidden;
  const parsed = supportRequestSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const instantie = await getInstantie(db, placement.instantie_id);
  if (!instantie) return notFound;
  const cost = supportCost(parsed.data, placement.hours_per_week, instantie.settings.planningRates);
  if (!cost) return invalid({ loonwaardePercent: noSubsidyMessage });
  const provision = parsed.data.provision;

  return db.transaction().execute(async (trx): Promise<CommandResult<RequestedSupport>> => {
    // The placement may not end or be taken back while its request is written.
    const current = await trx.selectFrom('placement').select('status').where('id', '=', placement.id).forShare().executeTakeFirstOrThrow();
    if (current.status !== 'awaiting_instantie' && current.status !== 'active')
      return conflict('Ondersteuning kunt u alleen aanvragen voor een plaatsing die loopt of op de instantie wacht.');
    const now = new Date();
    const year = budgetYear(now);
    let approved = false;
    if (placement.route === 'preferred') {
      const budget = await lockBudget(trx, placement.instantie_id, year, provision);
      if (budget)
        approved = fitsBudget(budget.amount_euros, await committedEuros(trx, placement.instantie_id, year, provision), cost.amountEuros);
    }
    const dueDate = todayIso(addWorkingDays(now, instantie.settings.supportDueWorkingDays));
    const request = await trx
      .insertInto('support_request')
      .values({
        placement_id: placement.id,
        instantie_id: placement.instantie_id,
        provision,
        status: approved ? 'approved' : 'requested',
        budget_year: year,
        amount_euros: cost.amountEuros,
        jobcoach_hours: cost.jobcoachHours,
        loonwaarde_percent: cost.loonwaardePercent,
        subsidy_percent: cost.subsidyPercent,
        explanation: parsed.data.explanation,
        due_date: dueDate,
        requested_by: actor.userId,
        requested_at: now,
        decided_at: approved ? now : null,
        approved_by_default: approved,
      })
      .returning(['id', 'placement_id'])
      .executeTakeFirstOrThrow();
    await recordRequestEvent(trx, actor, request.id, 'requested', null, {
      provision,
      amountEuros: cost.amountEuros,
      route: placement.route,
      budgetYear: year,
    });
    if (approved) await recordRequestEvent(trx, actor, request.id, 'approved_by_default', null, { amountEuros: cost.amountEuros });

    const consultants = await consultantsFor(trx, placement);
    const params = { provision, employerName: placement.employer_name, vacancyTitle: placement.vacancy_title, dueDate };
    await notifyAll(
      trx,
      consultants
        .filter((userId) => userId !== actor.userId)
        .map((userId) =>
          approved
            ? // Approved by default: the instantie hears it and may look at it later; there is nothing to do, so no e-mail.
              { userId, kind: 'support_approved_by_default' as const, params, link: supportLink('consultant', request), email: false }
            : { userId, kind: 'support_waiting' as const, params, link: supportLink('consultant', request) },
        ),
    );
    return ok({ id: request.id, status: approved ? 'approved' : 'requested', approvedByDefault: approved, dueDate });
  });
}

/** A request locked for a change, with its placement and how the actor stands to it. */
async function lockRequest(trx: Db, actor: Actor, id: string) {
  if (!isUuid(id)) return null;
  const request = await trx.selectFrom('support_request').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!request) return null;
  const placement = (await findSupportPlacement(trx, request.placement_id))!;
  return { request, placement, side: supportSideOf(actor, placement) };
}

export type SupportDecision = { status: 'approved' | 'rejected'; aboveBudget: boolean };

/**
 * A consultant or beheerder of the instantie decides on a request that waits: approve, or reject
 * with a reason. Approving beyond the budget of the provision for the year (or without a budget)
 * needs the explicit "boven budget" confirmation, which the event records with the numbers.
 * The employer's users hear the decision.
 */
export async function decideSupportRequest(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult<SupportDecision>> {
  return db.transaction().execute(async (trx): Promise<CommandResult<SupportDecision>> => {
    const found = await lockRequest(trx, actor, id);
    if (!found?.side) return notFound;
    if (found.side !== 'staff') return forbidden;
    const parsed = supportDecisionSchema.safeParse(input ?? {});
    if (!parsed.success) return invalid(issuesToErrors(parsed.error));
    const { request, placement } = found;
    if (request.status !== 'requested')
      return conflict('Over deze aanvraag is al beslist, of de werkgever heeft haar ingetrokken. Ververs de pagina.');
    const now = new Date();
    let decision: SupportDecision;
    if (parsed.data.decision === 'approve') {
      if (placement.status === 'rejected' || placement.status === 'cancelled')
        return conflict('Deze plaatsing gaat niet door. Wijs de aanvraag af, met een reden.');
      const budget = await lockBudget(trx, request.instantie_id, request.budget_year, request.provision);
      const committed = await committedEuros(trx, request.instantie_id, request.budget_year, request.provision);
      const aboveBudget = !fitsBudget(budget?.amount_euros ?? null, committed, request.amount_euros);
      if (aboveBudget && !parsed.data.aboveBudget) return invalid({ aboveBudget: aboveBudgetMessage });
      await trx
        .updateTable('support_request')
        .set({ status: 'approved', decided_by: actor.userId, decided_at: now })
        .where('id', '=', request.id)
        .execute();
      await recordRequestEvent(trx, actor, request.id, 'approved', null, {
        aboveBudget,
        amountEuros: request.amount_euros,
        budgetEuros: budget?.amount_euros ?? null,
        committedBeforeEuros: committed,
      });
      decision = { status: 'approved', aboveBudget };
    } else {
      await trx
        .updateTable('support_request')
        .set({ status: 'rejected', decided_by: actor.userId, decided_at: now, decision_reason: parsed.data.reason })
        .where('id', '=', request.id)
        .execute();
      await recordRequestEvent(trx, actor, request.id, 'rejected', parsed.data.reason);
      decision = { status: 'rejected', aboveBudget: false };
    }
    const employerUsers = await employerUserIds(trx, placement.employer_id);
    await notifyAll(
      trx,
      employerUsers.map((userId) => ({
        userId,
        kind: 'support_decided' as const,
        params: { provision: request.provision, vacancyTitle: placement.vacancy_title, decision: decision.status },
        link: supportLink('employer', request),
      })),
    );
    return ok(decision);
  });
}

/**
 * The requester (or another user of the employer) takes a request back: while it waits, or after
 * approval as long as nothing was spent on it; what was promised goes back to the budget.
 */
export async function withdrawSupportRequest(db: Db, actor: Actor, id: string): Promise<CommandResult> {
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const found = await lockRequest(trx, actor, id);
    if (!found?.side || found.side === 'candidate') return notFound;
    const { request } = found;
    if (request.requested_by !== actor.userId && found.side !== 'employer') return forbidden;
    const open = request.status === 'requested' || (request.status === 'approved' && request.spent_euros === 0);
    if (!open) return conflict('Deze aanvraag kunt u niet meer intrekken: er is al over beslist of er is al geld uitgegeven.');
    await trx.updateTable('support_request').set({ status: 'withdrawn' }).where('id', '=', request.id).execute();
    await recordRequestEvent(trx, actor, request.id, 'withdrawn', null, { from: request.status });
    return ok(undefined);
  });
}

/** A consultant or beheerder records what has been paid so far on an approved request (a total, not an addition). */
export async function recordSpending(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult<{ spentEuros: number }>> {
  return db.transaction().execute(async (trx): Promise<CommandResult<{ spentEuros: number }>> => {
    const found = await lockRequest(trx, actor, id);
    if (!found?.side) return notFound;
    if (found.side !== 'staff') return forbidden;
    const parsed = spendingSchema.safeParse(input ?? {});
    if (!parsed.success) return invalid(issuesToErrors(parsed.error));
    const { request } = found;
    if (request.status !== 'approved') return conflict('Uitgaven horen alleen bij een goedgekeurde aanvraag.');
    const spent = parsed.data.spentEuros;
    if (spent > request.amount_euros) return invalid({ spentEuros: spentTooMuchMessage });
    if (spent !== request.spent_euros) {
      await trx.updateTable('support_request').set({ spent_euros: spent }).where('id', '=', request.id).execute();
      await recordRequestEvent(trx, actor, request.id, 'spending_recorded', null, { fromEuros: request.spent_euros, toEuros: spent });
    }
    return ok({ spentEuros: spent });
  });
}

/** How a budget line is named in the event log. */
export const budgetSubjectId = (instantieId: string, year: number, provision: Provision) => `${instantieId}/${year}/${provision}`;

/**
 * A beheerder sets the budgets of their instantie for a year, per provision. `amounts` holds the
 * provisions to set; an empty value leaves a provision without a budget, but a budget once set can
 * only change (0 means none left), not disappear. One event per budget that changes.
 */
export async function setBudgets(
  db: Db,
  actor: Actor,
  yearInput: unknown,
  amounts: Partial<Record<string, unknown>>,
): Promise<CommandResult<{ year: number; changed: Provision[] }>> {
  const instantieId = staffInstantie(actor, 'beheerder');
  if (!instantieId) return forbidden;
  const year = yearField.safeParse(yearInput);
  if (!year.success) return invalid({ year: yearMessage });
  const unknownProvision = Object.keys(amounts).find((key) => !isProvision(key));
  if (unknownProvision) return invalid({ [unknownProvision]: 'Kies een soort ondersteuning uit de lijst.' });

  return db.transaction().execute(async (trx): Promise<CommandResult<{ year: number; changed: Provision[] }>> => {
    const existing = await trx
      .selectFrom('support_budget')
      .select(['provision', 'amount_euros'])
      .where('instantie_id', '=', instantieId)
      .where('year', '=', year.data)
      .forUpdate()
      .execute();
    const errors: Record<string, string> = {};
    const wanted: { provision: Provision; amount: number; from: number | null }[] = [];
    for (const provision of provisions) {
      if (!(provision in amounts)) continue;
      const from = existing.find((row) => row.provision === provision)?.amount_euros ?? null;
      const value = amounts[provision];
      const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
      if (blank) {
        if (from !== null) errors[provision] = budgetMessage;
        continue;
      }
      const amount = budgetAmountField.safeParse(value);
      if (!amount.success) errors[provision] = amount.error.issues[0]?.message ?? budgetMessage;
      else if (amount.data !== from) wanted.push({ provision, amount: amount.data, from });
    }
    if (Object.keys(errors).length > 0) return invalid(errors);
    for (const { provision, amount, from } of wanted) {
      await trx
        .insertInto('support_budget')
        .values({ instantie_id: instantieId, year: year.data, provision, amount_euros: amount, updated_by: actor.userId })
        .onConflict((c) =>
          c
            .columns(['instantie_id', 'year', 'provision'])
            .doUpdateSet({ amount_euros: amount, updated_by: actor.userId, updated_at: new Date() }),
        )
        .execute();
      await recordEvent(trx, {
        actorUserId: actor.userId,
        subjectType: 'support_budget',
        subjectId: budgetSubjectId(instantieId, year.data, provision),
        action: 'support_budget.set',
        data: { instantieId, year: year.data, provision, fromEuros: from, toEuros: amount },
      });
    }
    return ok({ year: year.data, changed: wanted.map((w) => w.provision) });
  });
}

/** One budget line (the API's PUT): `setBudgets` for one provision, whose amount is required. */
export async function setBudget(
  db: Db,
  actor: Actor,
  yearInput: unknown,
  provision: string,
  amountInput: unknown,
): Promise<CommandResult<{ year: number; changed: Provision[] }>> {
  if (!staffInstantie(actor, 'beheerder')) return forbidden;
  if (!isProvision(provision)) return notFound;
  const amount = budgetAmountField.safeParse(amountInput);
  if (!amount.success) return invalid({ amountEuros: amount.error.issues[0]?.message ?? budgetMessage });
  return setBudgets(db, actor, yearInput, { [provision]: amount.data });
}
