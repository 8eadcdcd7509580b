import type { Selectable } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { AgreementParty, PlacementTable } from '#app/db/schema.js';
import type { Actor } from '../accounts/actor.js';
import { findApplication, mayActForInstantie, partyOf, type ApplicationRow } from '../applications/access.js';
import { closeOtherApplications, moveApplication, tellParties } from '../applications/commands.js';
import { categoriesAt } from '../employers/queries.js';
import { isUuid } from '../ids.js';
import { getInstantie } from '../instanties/queries.js';
import { notifyAll } from '../notifications/notify.js';
import { recordEvent } from '../privacy/events.js';
import { conflict, forbidden, invalid, issuesToErrors, notFound, ok, type CommandResult } from '../results.js';
import { todayIso } from '../vacancies/rules.js';
import { addWorkingDays } from '../working-days.js';
import { livePlacementStatuses, placementRoute } from './rules.js';
import { decisionSchema, endSchema, placementSchema } from './schema.js';

export type PlacementRow = Selectable<PlacementTable>;

/** Where each side reads a placement. */
export function placementLink(side: 'candidate' | 'employer' | 'consultant', id: string): string {
  if (side === 'candidate') return `/kandidaat/plaatsingen/${id}`;
  if (side === 'employer') return `/werkgever/plaatsingen/${id}`;
  return `/consulent/plaatsingen/${id}`;
}

async function recordPlacementEvent(
  trx: Db,
  actor: Actor | null,
  placement: { id: string },
  action: string,
  reason?: string | null,
  data?: Record<string, unknown>,
) {
  await recordEvent(trx, {
    actorUserId: actor?.userId ?? null,
    subjectType: 'placement',
    subjectId: placement.id,
    action: `placement.${action}`,
    reason: reason ?? null,
    data,
  });
}

/** The consultants who hear about placements of a candidate: their own consultant, else every consultant of the instantie. */
async function consultantsFor(trx: Db, application: ApplicationRow): Promise<string[]> {
  if (application.candidate_consultant_user_id) return [application.candidate_consultant_user_id];
  const rows = await trx
    .selectFrom('membership')
    .select('user_id')
    .where('role', '=', 'consulent')
    .where('instantie_id', '=', application.instantie_id)
    .execute();
  return rows.map((row) => row.user_id);
}

/**
 * The hours the candidate still has: what they are available for, less the hours of placements
 * that are running or waiting for the instantie. Call it with the candidate's row locked.
 */
async function hoursLeft(trx: Db, candidateId: string, hoursAvailable: number): Promise<number> {
  const row = await trx
    .selectFrom('placement')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('hours_per_week'), eb.lit(0)).as('hours'))
    .where('candidate_id', '=', candidateId)
    .where('status', 'in', [...livePlacementStatuses])
    .executeTakeFirstOrThrow();
  return hoursAvailable - Number(row.hours);
}

/**
 * The employer registers a placement from an application: the digital agreement. The route follows
 * the employer's category with the candidate's instantie: a preferred partner's placement starts at
 * once (the instantie is told and may audit it later); a committed partner's waits for the
 * consultant, or starts by itself after some working days without objection; business-as-usual
 * waits for the instantie's approval.
 *
 * Concurrency: the candidate's row is locked first, so two placements of one candidate are decided
 * one after the other and can never together pass the candidate's hours.
 */
export async function registerPlacement(
  db: Db,
  actor: Actor,
  applicationId: string,
  input: unknown,
): Promise<CommandResult<{ id: string }>> {
  const application = await findApplication(db, applicationId);
  const party = application ? partyOf(actor, application) : null;
  if (!application || !party) return notFound;
  if (party !== 'employer') return forbidden;
  const instantie = await getInstantie(db, application.instantie_id);
  if (!instantie) return notFound;
  const parsed = placementSchema(instantie.settings.trialPlacementMonths).safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const agreement = parsed.data;
  const category = (await categoriesAt(db, [application.employer_id]))(application.employer_id, application.instantie_id);
  const route = placementRoute(category);

  return db.transaction().execute(async (trx): Promise<CommandResult<{ id: string }>> => {
    const candidate = await trx
      .selectFrom('candidate')
      .select(['id', 'hours_per_week'])
      .where('id', '=', application.candidate_id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const locked = (await findApplication(trx, applicationId, { forUpdate: true }))!;
    if (locked.state !== 'new' && locked.state !== 'in_conversation')
      return conflict('Voor dit contact kunt u nu geen plaatsing vastleggen. Ververs de pagina om te zien hoe het ervoor staat.');
    if (locked.invitation === 'with_consultant' || locked.invitation === 'with_candidate')
      return conflict('De kandidaat heeft nog niet op uw uitnodiging geantwoord.');
    if (candidate.hours_per_week === null)
      return conflict('Van deze kandidaat is niet bekend hoeveel uur die kan werken. Vraag de consulent dit in te vullen.');
    const left = await hoursLeft(trx, candidate.id, candidate.hours_per_week);
    if (agreement.hoursPerWeek > left) {
      return invalid({
        hoursPerWeek:
          left > 0
            ? `De kandidaat kan nog ${left} uur per week werken. Kies hoogstens ${left} uur.`
            : 'De kandidaat werkt al zoveel uur als die kan. Een plaatsing erbij kan niet.',
      });
    }
    const now = new Date();
    const startsUnlessObjectionAt = route.startsWithoutObjection ? addWorkingDays(now, instantie.settings.committedStartWorkingDays) : null;
    const placement = await trx
      .insertInto('placement')
      .values({
        application_id: locked.id,
        candidate_id: locked.candidate_id,
        employer_id: locked.employer_id,
        vacancy_id: locked.vacancy_id,
        instantie_id: locked.instantie_id,
        route: category,
        kind: agreement.kind,
        status: route.startsAtOnce ? 'active' : 'awaiting_instantie',
        start_date: agreement.startDate,
        end_date: agreement.endDate ?? null,
        hours_per_week: agreement.hoursPerWeek,
        support: agreement.support,
        conditions: agreement.conditions,
        intended_contract_months: agreement.intendedContractMonths ?? null,
        positive_advice_reference: agreement.positiveAdviceReference ?? null,
        positive_advice_date: agreement.positiveAdviceDate ?? null,
        starts_unless_objection_at: startsUnlessObjectionAt,
        registered_by: actor.userId,
        started_at: route.startsAtOnce ? now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('placement_confirmation')
      .values({ placement_id: placement.id, party: 'employer', user_id: actor.userId })
      .execute();
    await recordPlacementEvent(trx, actor, placement, 'registered', null, {
      route: category,
      kind: agreement.kind,
      hours: agreement.hoursPerWeek,
    });

    const offered = await moveApplication(trx, actor, locked, 'make_offer', 'werkgever');
    if (!offered.ok) throw new Error('make_offer after a state check');
    const consultants = await consultantsFor(trx, locked);
    await notifyAll(
      trx,
      consultants.map((userId) => ({
        userId,
        kind: 'placement_registered' as const,
        params: {
          vacancyTitle: locked.vacancy_title,
          employerName: locked.employer_name,
          route: category,
          ...(startsUnlessObjectionAt ? { startsAt: startsUnlessObjectionAt.toISOString() } : {}),
        },
        link: placementLink('consultant', placement.id),
      })),
    );
    if (route.startsAtOnce) await startPlacement(trx, actor, locked, agreement.startDate, 'werkgever');
    return ok({ id: placement.id });
  });
}

/** The placement starts: the application is placed, the candidate's other applications close kindly, both sides hear it. */
async function startPlacement(trx: Db, actor: Actor | null, application: ApplicationRow, startDate: string, role: string | null) {
  const placed = await moveApplication(trx, actor, application, 'place', role);
  if (!placed.ok) throw new Error('place after a state check');
  await closeOtherApplications(trx, actor, application.candidate_id, application.id);
  await tellParties(
    trx,
    application,
    ['candidate', 'employer'],
    'placement_started',
    { vacancyTitle: application.vacancy_title, startDate },
    actor?.userId,
  );
}

/**
 * Locks a placement for a change, its candidate's row first: every change that can start a
 * placement takes the candidate's lock before any application's, so two of them never wait on each other.
 */
async function lockPlacement(trx: Db, id: string): Promise<PlacementRow | null> {
  if (!isUuid(id)) return null;
  const found = await trx.selectFrom('placement').select('candidate_id').where('id', '=', id).executeTakeFirst();
  if (!found) return null;
  await trx.selectFrom('candidate').select('id').where('id', '=', found.candidate_id).forUpdate().execute();
  return (await trx.selectFrom('placement').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()) ?? null;
}

/**
 * The instantie decides on a placement that waits for it: a consultant (or beheerder) of the
 * candidate's instantie approves (business-as-usual) or confirms (committed), or turns it down with
 * a reason; then the conversation goes on.
 */
export async function decidePlacement(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult> {
  const parsed = decisionSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const placement = await lockPlacement(trx, id);
    if (!placement) return notFound;
    if (!mayActForInstantie(actor, placement.instantie_id)) return notFound;
    if (placement.status !== 'awaiting_instantie') return conflict('Over deze plaatsing is al beslist. Ververs de pagina.');
    const application = (await findApplication(trx, placement.application_id, { forUpdate: true }))!;
    const now = new Date();
    if (parsed.data.decision === 'approve') {
      await trx
        .updateTable('placement')
        .set({ status: 'active', started_at: now, decided_by: actor.userId, starts_unless_objection_at: null })
        .where('id', '=', placement.id)
        .execute();
      await trx
        .insertInto('placement_confirmation')
        .values({ placement_id: placement.id, party: 'instantie', user_id: actor.userId })
        .onConflict((c) => c.columns(['placement_id', 'party']).doNothing())
        .execute();
      await recordPlacementEvent(trx, actor, placement, 'approved');
      await startPlacement(trx, actor, application, placement.start_date, 'consulent');
      return ok(undefined);
    }
    await trx
      .updateTable('placement')
      .set({ status: 'rejected', decided_by: actor.userId, decision_reason: parsed.data.reason, starts_unless_objection_at: null })
      .where('id', '=', placement.id)
      .execute();
    await recordPlacementEvent(trx, actor, placement, 'rejected', parsed.data.reason);
    await moveApplication(trx, actor, application, 'talk_on', 'consulent', { reason: parsed.data.reason });
    await tellParties(
      trx,
      application,
      ['employer', 'candidate'],
      'placement_rejected',
      { vacancyTitle: application.vacancy_title },
      actor.userId,
    );
    return ok(undefined);
  });
}

/**
 * The job for the committed route: a placement nobody objected to within the working days starts
 * by itself. Safe to run twice or at once: each placement is locked and checked again before it starts.
 */
export async function startPlacementsWithoutObjection(db: Db, now: Date): Promise<number> {
  const due = await db
    .selectFrom('placement')
    .select('id')
    .where('status', '=', 'awaiting_instantie')
    .where('starts_unless_objection_at', '<=', now)
    .execute();
  let started = 0;
  for (const { id } of due) {
    started += await db.transaction().execute(async (trx) => {
      const placement = await lockPlacement(trx, id);
      if (!placement || placement.status !== 'awaiting_instantie' || !placement.starts_unless_objection_at) return 0;
      if (placement.starts_unless_objection_at > now) return 0;
      const application = (await findApplication(trx, placement.application_id, { forUpdate: true }))!;
      await trx.updateTable('placement').set({ status: 'active', started_at: now }).where('id', '=', placement.id).execute();
      await recordPlacementEvent(trx, null, placement, 'started_without_objection');
      await startPlacement(trx, null, application, placement.start_date, null);
      return 1;
    });
  }
  return started;
}

/** The employer takes back a placement that has not started yet; the conversation goes on. */
export async function cancelPlacement(db: Db, actor: Actor, id: string): Promise<CommandResult> {
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const placement = await lockPlacement(trx, id);
    if (!placement) return notFound;
    const application = (await findApplication(trx, placement.application_id, { forUpdate: true }))!;
    const party = partyOf(actor, application);
    if (!party) return notFound;
    if (party !== 'employer') return forbidden;
    if (placement.status !== 'awaiting_instantie') return conflict('Deze plaatsing is al begonnen of afgesloten. Ververs de pagina.');
    await trx
      .updateTable('placement')
      .set({ status: 'cancelled', starts_unless_objection_at: null })
      .where('id', '=', placement.id)
      .execute();
    await recordPlacementEvent(trx, actor, placement, 'cancelled');
    await moveApplication(trx, actor, application, 'talk_on', 'werkgever', { reason: 'placement_cancelled' });
    return ok(undefined);
  });
}

/** Which party of the agreement the actor confirms for, if any. */
function agreementParty(actor: Actor, application: ApplicationRow): AgreementParty | null {
  const party = partyOf(actor, application);
  if (party === 'candidate') return 'candidate';
  if (party === 'employer') return 'employer';
  if (party === 'consultant' && mayActForInstantie(actor, application.instantie_id)) return 'instantie';
  return null;
}

/**
 * A party confirms the agreement of a placement (candidate, employer or instantie). Once per party;
 * who and when is recorded. Confirming again changes nothing.
 */
export async function confirmAgreement(db: Db, actor: Actor, id: string): Promise<CommandResult<{ party: AgreementParty }>> {
  if (!isUuid(id)) return notFound;
  const placement = await db.selectFrom('placement').select(['id', 'application_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!placement) return notFound;
  const application = await findApplication(db, placement.application_id);
  const party = application ? agreementParty(actor, application) : null;
  if (!party) return application && partyOf(actor, application) ? forbidden : notFound;
  if (placement.status === 'rejected' || placement.status === 'cancelled')
    return conflict('Deze plaatsing gaat niet door. Er is niets te bevestigen.');
  return db.transaction().execute(async (trx) => {
    const written = await trx
      .insertInto('placement_confirmation')
      .values({ placement_id: placement.id, party, user_id: actor.userId })
      .onConflict((c) => c.columns(['placement_id', 'party']).doNothing())
      .returning('party')
      .executeTakeFirst();
    if (written) await recordPlacementEvent(trx, actor, placement, 'confirmed', null, { party });
    return ok({ party });
  });
}

/**
 * The placement ends, with how it went and what follows: a contract, an extension, or it stopped.
 * The employer or the instantie records it; both other sides hear it.
 */
export async function endPlacement(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult> {
  const parsed = endSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  return db.transaction().execute(async (trx): Promise<CommandResult> => {
    const placement = await lockPlacement(trx, id);
    if (!placement) return notFound;
    const application = (await findApplication(trx, placement.application_id))!;
    const party = agreementParty(actor, application);
    if (!party) return partyOf(actor, application) ? forbidden : notFound;
    if (party === 'candidate') return forbidden;
    if (placement.status !== 'active') return conflict('Alleen een lopende plaatsing kan stoppen. Ververs de pagina.');
    if (parsed.data.endedOn < placement.start_date) return invalid({ endedOn: 'De plaatsing kan niet stoppen voor de startdatum.' });
    if (parsed.data.endedOn > todayIso())
      return invalid({ endedOn: 'Die dag is nog niet geweest. Leg het einde vast op of na de laatste dag.' });
    await trx
      .updateTable('placement')
      .set({
        status: 'ended',
        ended_at: new Date(`${parsed.data.endedOn}T12:00:00Z`),
        end_reason: parsed.data.reason,
        follow_up: parsed.data.followUp,
        evaluation: parsed.data.evaluation || null,
      })
      .where('id', '=', placement.id)
      .execute();
    await recordPlacementEvent(trx, actor, placement, 'ended', parsed.data.reason, { followUp: parsed.data.followUp });
    await tellParties(
      trx,
      application,
      ['candidate', 'employer', 'consultant'],
      'placement_ended',
      { vacancyTitle: application.vacancy_title },
      actor.userId,
    );
    return ok(undefined);
  });
}
