import { z } from 'zod';
import type { Db } from '#app/db/connection.js';
import type { ApplicationStarter } from '#app/db/schema.js';
import type { Actor } from '../accounts/actor.js';
import { decideAccessFor, findCandidate } from '../candidates/queries.js';
import { employerUsers } from '../employers/employer-users.js';
import { categoriesAt } from '../employers/queries.js';
import { isUuid } from '../ids.js';
import { getInstantie, listInstanties } from '../instanties/queries.js';
import { maySearchPool } from '../instanties/settings.js';
import { notifyAll, type NotifyInput } from '../notifications/notify.js';
import type { NotificationKind } from '../notifications/kinds.js';
import { recordEvent } from '../privacy/events.js';
import { conflict, forbidden, invalid, issuesToErrors, notFound, ok, type CommandResult } from '../results.js';
import { isPubliclyListed, todayIso } from '../vacancies/rules.js';
import {
  awaitsTelling,
  candidateSees,
  findApplication,
  isShielded,
  mayActForInstantie,
  partyOf,
  selectApplications,
  type ApplicationParty,
  type ApplicationRow,
} from './access.js';
import { isOpen, nextApplicationState, type ApplicationAction } from './states.js';

/** Anything that is not a form or a JSON object gets this, in Dutch like every other error. */
const formError = { error: 'Stuur het formulier opnieuw. Wat er binnenkwam, kunnen we niet lezen.' };
const messageBody = z
  .string({ error: 'Schrijf een bericht.' })
  .trim()
  .min(1, 'Schrijf een bericht.')
  .max(4000, 'Uw bericht is te lang. Gebruik hoogstens 4000 tekens.');
const optionalMessage = z
  .string({ error: 'Schrijf het bericht als tekst.' })
  .trim()
  .max(4000, 'Uw bericht is te lang. Gebruik hoogstens 4000 tekens.')
  .optional()
  .transform((value) => value || undefined);
/** A decline is written by a person: it needs words, enough to be kind. */
const declineReason = z
  .string({ error: 'Schrijf in een paar woorden waarom.' })
  .trim()
  .min(10, 'Schrijf in een paar woorden waarom (minstens 10 tekens).')
  .max(2000, 'Gebruik hoogstens 2000 tekens.');

export const interestSchema = z.object({ message: optionalMessage }, formError);
export const invitationSchema = z.object({ message: messageBody }, formError);
export const proposalSchema = z.object(
  {
    message: messageBody,
    candidateAgrees: z.literal(true, { error: 'Vraag eerst of de kandidaat dit goed vindt.' }),
  },
  formError,
);
export const messageSchema = z.object({ body: messageBody }, formError);
export const declineSchema = z.object({ reason: declineReason }, formError);
export const withdrawSchema = z.object({ reason: optionalMessage }, formError);
export const invitationAnswerSchema = z.object(
  {
    answer: z.enum(['accept', 'decline'], { error: 'Kies ja of nee.' }),
    reason: optionalMessage,
  },
  formError,
);
export const forwardSchema = z.discriminatedUnion(
  'decision',
  [z.object({ decision: z.literal('forward') }), z.object({ decision: z.literal('decline'), reason: declineReason })],
  { error: 'Kies: doorsturen of afwijzen.' },
);

type StepInput = {
  action: ApplicationAction | 'invite' | 'forward' | 'accept_invitation' | 'message' | 'decline_told' | 'create';
  reason?: string | null;
};

/** Where each side reads an application. */
export function applicationLink(party: ApplicationParty, id: string): string {
  if (party === 'candidate') return `/kandidaat/contacten/${id}`;
  if (party === 'employer') return `/werkgever/contacten/${id}`;
  return `/consulent/contacten/${id}`;
}

/** Writes one step of the application and its event; `to` equal to `from` for steps that do not move the state. */
async function recordStep(
  trx: Db,
  actor: Actor | null,
  application: { id: string; state: ApplicationRow['state'] },
  to: ApplicationRow['state'],
  step: StepInput,
  role: string | null,
): Promise<void> {
  await trx
    .insertInto('application_step')
    .values({
      application_id: application.id,
      from_state: step.action === 'create' ? null : application.state,
      to_state: to,
      action: step.action,
      actor_user_id: actor?.userId ?? null,
      actor_role: role,
      reason: step.reason ?? null,
    })
    .execute();
  await recordEvent(trx, {
    actorUserId: actor?.userId ?? null,
    subjectType: 'application',
    subjectId: application.id,
    action: `application.${step.action}`,
    reason: step.reason ?? null,
    data: { from: step.action === 'create' ? null : application.state, to },
  });
}

/**
 * Moves an open application along the state machine (states.ts), with its step and event, or
 * answers `conflict` when the action is not allowed in its state.
 */
export async function moveApplication(
  trx: Db,
  actor: Actor | null,
  application: ApplicationRow,
  action: ApplicationAction,
  role: string | null,
  change: { reason?: string | null; closedBy?: string | null; set?: Partial<{ identity_revealed: boolean; invitation: 'accepted' }> } = {},
): Promise<CommandResult> {
  const to = nextApplicationState(application.state, action);
  if (!to) return conflict(stateConflict(application.state));
  const now = new Date();
  const values = {
    state: to,
    state_changed_at: now,
    last_activity_at: now,
    ...(isOpen(to) || to === 'placed' ? {} : { closed_reason: change.reason ?? null, closed_by: change.closedBy ?? null }),
    ...change.set,
  };
  await trx.updateTable('application').set(values).where('id', '=', application.id).execute();
  await recordStep(trx, actor, application, to, { action, reason: change.reason }, role);
  if (application.state === 'offer' && !isOpen(to) && to !== 'placed') await cancelWaitingPlacement(trx, actor, application.id, action);
  Object.assign(application, values);
  return ok(undefined);
}

/**
 * An offer is a placement that waits for the instantie (placements/commands.ts). When the offer
 * closes otherwise (declined, withdrawn, expired, or the candidate was placed elsewhere), that
 * placement can no longer start: it is cancelled, so it holds no hours and no decision waits on it.
 */
async function cancelWaitingPlacement(trx: Db, actor: Actor | null, applicationId: string, action: ApplicationAction): Promise<void> {
  const cancelled = await trx
    .updateTable('placement')
    .set({ status: 'cancelled', starts_unless_objection_at: null })
    .where('application_id', '=', applicationId)
    .where('status', '=', 'awaiting_instantie')
    .returning('id')
    .execute();
  for (const placement of cancelled) {
    await recordEvent(trx, {
      actorUserId: actor?.userId ?? null,
      subjectType: 'placement',
      subjectId: placement.id,
      action: 'placement.cancelled',
      reason: `application.${action}`,
    });
  }
}

function stateConflict(state: ApplicationRow['state']): string {
  const words: Record<ApplicationRow['state'], string> = {
    new: 'Dit contact is nog nieuw.',
    in_conversation: 'U bent hierover al in gesprek.',
    offer: 'Er ligt al een aanbod.',
    placed: 'Dit contact heeft al tot een plaatsing geleid.',
    declined: 'Dit contact is afgesloten: er is nee gezegd.',
    withdrawn: 'Dit contact is ingetrokken.',
    expired: 'Dit contact is verlopen, omdat er lang niets gebeurde.',
  };
  return `${words[state]} Ververs de pagina om te zien wat er nu kan.`;
}

type Recipients = { candidate: string[]; employer: string[]; consultant: string[] };

/** The people of each side; a candidate without a consultant of their own has every consultant of their instantie. */
export async function recipientsOf(trx: Db, application: ApplicationRow, sides: readonly ApplicationParty[]): Promise<Recipients> {
  const employer = sides.includes('employer') ? (await employerUsers(trx, application.employer_id)).map((user) => user.userId) : [];
  let consultant = application.candidate_consultant_user_id ? [application.candidate_consultant_user_id] : [];
  if (sides.includes('consultant') && consultant.length === 0) {
    const rows = await trx
      .selectFrom('membership')
      .select('user_id')
      .where('role', '=', 'consulent')
      .where('instantie_id', '=', application.instantie_id)
      .execute();
    consultant = rows.map((row) => row.user_id);
  }
  return { candidate: application.candidate_user_id ? [application.candidate_user_id] : [], employer, consultant };
}

/** Tells the people on `sides` of an application, each with the link to their own page of it. */
export async function tellParties<K extends NotificationKind>(
  trx: Db,
  application: ApplicationRow,
  sides: readonly ApplicationParty[],
  kind: K,
  params: NotifyInput<K>['params'],
  except?: string,
): Promise<void> {
  const recipients = await recipientsOf(trx, application, sides);
  const inputs: NotifyInput<K>[] = sides.flatMap((side) =>
    recipients[side]
      .filter((userId) => userId !== except)
      .map((userId) => ({ userId, kind, params, link: applicationLink(side, application.id) })),
  );
  await notifyAll(trx, inputs);
}

/** The candidate of the actor (their own profile), if any. */
async function ownCandidateId(db: Db, actor: Actor): Promise<string | null> {
  const row = await db.selectFrom('candidate').select('id').where('user_id', '=', actor.userId).executeTakeFirst();
  return row?.id ?? null;
}

type OpenVacancy = { id: string; employer_id: string; title: string };

async function openVacancy(db: Db, vacancyId: string): Promise<OpenVacancy | null> {
  if (!isUuid(vacancyId)) return null;
  const vacancy = await db
    .selectFrom('vacancy')
    .select(['id', 'employer_id', 'title', 'status', 'published_until'])
    .where('id', '=', vacancyId)
    .executeTakeFirst();
  if (!vacancy) return null;
  const listed = isPubliclyListed({ status: vacancy.status, publishedUntil: vacancy.published_until }, todayIso());
  return listed ? vacancy : null;
}

const alreadyInContact = 'Er is al een contact over deze vacature. Kijk bij uw contacten.';
const alreadyInContactYou = 'Je hebt al contact over deze vacature. Kijk bij je contacten.';

type NewApplication = {
  candidateId: string;
  vacancy: OpenVacancy;
  instantieId: string;
  startedBy: ApplicationStarter;
  invitation: 'with_consultant' | 'with_candidate' | null;
  identityRevealed: boolean;
  state?: 'new' | 'offer';
  firstMessage?: { body: string; role: 'candidate' | 'employer' | 'consultant' };
};

/** Writes a new application with its first step (and first message); null when one is open already. */
export async function insertApplication(trx: Db, actor: Actor, input: NewApplication, role: string): Promise<string | null> {
  const row = await trx
    .insertInto('application')
    .values({
      candidate_id: input.candidateId,
      vacancy_id: input.vacancy.id,
      employer_id: input.vacancy.employer_id,
      instantie_id: input.instantieId,
      started_by: input.startedBy,
      invitation: input.invitation,
      state: input.state ?? 'new',
      identity_revealed: input.identityRevealed,
      created_by: actor.userId,
    })
    .onConflict((c) => c.columns(['candidate_id', 'vacancy_id']).where('state', 'in', ['new', 'in_conversation', 'offer']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await recordStep(trx, actor, { id: row.id, state: 'new' }, input.state ?? 'new', { action: 'create' }, role);
  if (input.firstMessage) {
    await trx
      .insertInto('application_message')
      .values({ application_id: row.id, author_user_id: actor.userId, author_role: input.firstMessage.role, body: input.firstMessage.body })
      .execute();
  }
  return row.id;
}

/**
 * A candidate shows interest in an open vacancy. By doing so they let this employer see their name
 * and their profile as far as their choices open it to the employer's category (decision 020).
 */
export async function showInterest(db: Db, actor: Actor, vacancyId: string, input: unknown): Promise<CommandResult<{ id: string }>> {
  const candidateId = await ownCandidateId(db, actor);
  if (!candidateId) return forbidden;
  const vacancy = await openVacancy(db, vacancyId);
  if (!vacancy) return notFound;
  const parsed = interestSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const candidate = await db.selectFrom('candidate').select(['instantie_id']).where('id', '=', candidateId).executeTakeFirstOrThrow();
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertApplication(
      trx,
      actor,
      {
        candidateId,
        vacancy,
        instantieId: candidate.instantie_id,
        startedBy: 'candidate',
        invitation: null,
        identityRevealed: true,
        firstMessage: parsed.data.message ? { body: parsed.data.message, role: 'candidate' } : undefined,
      },
      'kandidaat',
    );
    if (!id) return null;
    const application = (await findApplication(trx, id))!;
    await tellParties(trx, application, ['employer', 'consultant'], 'application_interest', { vacancyTitle: vacancy.title });
    return id;
  });
  return id ? ok({ id }) : conflict(alreadyInContactYou);
}

/**
 * An employer invites a candidate from the pool for one of its open vacancies. Only employers that
 * may search the pool of the candidate's instantie, and only candidates the policy shows them. A
 * candidate with regie 'begeleid' gets the invitation through their consultant.
 */
export async function inviteCandidate(
  db: Db,
  actor: Actor,
  vacancyId: string,
  candidateId: string,
  input: unknown,
): Promise<CommandResult<{ id: string }>> {
  const vacancy = await openVacancy(db, vacancyId);
  if (!vacancy || !isUuid(candidateId)) return notFound;
  if (!actor.memberships.some((m) => m.role === 'werkgever' && m.employerId === vacancy.employer_id)) return forbidden;
  const parsed = invitationSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) return notFound;
  // May this employer (not another one the user also works for) see the candidate? Nothing is shown, so nothing is logged.
  const asThisEmployer = {
    ...actor,
    memberships: actor.memberships.filter((m) => m.role === 'werkgever' && m.employerId === vacancy.employer_id),
  };
  const [access] = await decideAccessFor(db, asThisEmployer, [candidate]);
  if (!access) return notFound;
  const category = (await categoriesAt(db, [vacancy.employer_id]))(vacancy.employer_id, candidate.instantie_id);
  const instantie = await getInstantie(db, candidate.instantie_id);
  if (!instantie || !maySearchPool(instantie.settings, category)) return forbidden;

  const throughConsultant = candidate.regie_level === 'begeleid' || !candidate.user_id;
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertApplication(
      trx,
      actor,
      {
        candidateId,
        vacancy,
        instantieId: candidate.instantie_id,
        startedBy: 'employer',
        invitation: throughConsultant ? 'with_consultant' : 'with_candidate',
        identityRevealed: false,
        firstMessage: { body: parsed.data.message, role: 'employer' },
      },
      'werkgever',
    );
    if (!id) return null;
    const application = (await findApplication(trx, id))!;
    const params = { vacancyTitle: vacancy.title, employerName: application.employer_name };
    if (throughConsultant) await tellParties(trx, application, ['consultant'], 'invitation_for_consultant', params);
    else await tellParties(trx, application, ['candidate'], 'application_invitation', params);
    return id;
  });
  return id ? ok({ id }) : conflict(alreadyInContact);
}

/**
 * A consultant proposes a candidate of their instantie for an open vacancy (the business-as-usual
 * route, and any time they see a fit). The candidate agreed, so the employer sees their name.
 */
export async function proposeCandidate(
  db: Db,
  actor: Actor,
  vacancyId: string,
  candidateId: string,
  input: unknown,
): Promise<CommandResult<{ id: string }>> {
  const vacancy = await openVacancy(db, vacancyId);
  if (!vacancy || !isUuid(candidateId)) return notFound;
  const candidate = await db.selectFrom('candidate').select(['id', 'instantie_id']).where('id', '=', candidateId).executeTakeFirst();
  if (!candidate) return notFound;
  if (!mayActForInstantie(actor, candidate.instantie_id)) return notFound;
  const parsed = proposalSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertApplication(
      trx,
      actor,
      {
        candidateId,
        vacancy,
        instantieId: candidate.instantie_id,
        startedBy: 'consultant',
        invitation: null,
        identityRevealed: true,
        firstMessage: { body: parsed.data.message, role: 'consultant' },
      },
      'consulent',
    );
    if (!id) return null;
    const application = (await findApplication(trx, id))!;
    await tellParties(trx, application, ['employer'], 'application_proposed', { vacancyTitle: vacancy.title });
    await tellParties(trx, application, ['candidate'], 'application_proposed_to_you', { vacancyTitle: vacancy.title });
    return id;
  });
  return id ? ok({ id }) : conflict(alreadyInContact);
}

type Loaded = { application: ApplicationRow; party: ApplicationParty };

/** Loads and locks an application for a change by the actor; not found for those who may not see it. */
async function loadForChange(trx: Db, actor: Actor, id: string): Promise<Loaded | typeof notFound> {
  const application = await findApplication(trx, id, { forUpdate: true });
  const party = application ? partyOf(actor, application) : null;
  return application && party ? { application, party } : notFound;
}

/** The role words stored with each step. */
const roleOf: Record<ApplicationParty, string> = { candidate: 'kandidaat', employer: 'werkgever', consultant: 'consulent' };

/** Runs a change of one application in a transaction, after loading and locking it. */
async function changeApplication<T = void>(
  db: Db,
  actor: Actor,
  id: string,
  change: (trx: Db, loaded: Loaded) => Promise<CommandResult<T>>,
): Promise<CommandResult<T>> {
  return db.transaction().execute(async (trx) => {
    const loaded = await loadForChange(trx, actor, id);
    if (!('application' in loaded)) return loaded;
    return change(trx, loaded);
  });
}

/** The consultant passes an invitation on to a 'begeleid' candidate, or declines it for them, in their own words. */
export async function handleInvitation(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult> {
  const parsed = forwardSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  return changeApplication(db, actor, id, async (trx, { application, party }) => {
    if (party !== 'consultant' || !mayActForInstantie(actor, application.instantie_id)) return forbidden;
    if (application.invitation !== 'with_consultant' || !isOpen(application.state))
      return conflict('Deze uitnodiging is al behandeld. Ververs de pagina.');
    if (parsed.data.decision === 'decline') {
      const moved = await moveApplication(trx, actor, application, 'decline', 'consulent', {
        reason: parsed.data.reason,
        closedBy: 'consultant',
      });
      if (moved.ok) await tellParties(trx, application, ['employer'], 'application_closed', closedParams(application, 'declined'));
      return moved;
    }
    // Without an account the candidate could never read it: the consultant talks it over and answers no, or
    // asks the candidate to make an account first.
    if (!application.candidate_user_id)
      return conflict('Deze kandidaat heeft geen account en kan de uitnodiging niet lezen. Bespreek de uitnodiging met de kandidaat.');
    await trx
      .updateTable('application')
      .set({ invitation: 'with_candidate', last_activity_at: new Date() })
      .where('id', '=', application.id)
      .execute();
    await recordStep(trx, actor, application, application.state, { action: 'forward' }, 'consulent');
    await tellParties(trx, application, ['candidate'], 'application_invitation', {
      vacancyTitle: application.vacancy_title,
      employerName: application.employer_name,
    });
    return ok(undefined);
  });
}

/** The candidate answers an invitation: yes opens the conversation and shows the employer their name; no closes it kindly. */
export async function answerInvitation(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult> {
  const parsed = invitationAnswerSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  return changeApplication(db, actor, id, async (trx, { application, party }) => {
    if (party !== 'candidate') return forbidden;
    if (application.invitation === null) return conflict('Dit is geen uitnodiging. Er is niets om op te antwoorden.');
    if (application.invitation !== 'with_candidate' || !isOpen(application.state))
      return conflict('Je hebt al op deze uitnodiging geantwoord. Ververs de pagina.');
    if (parsed.data.answer === 'decline') {
      const moved = await moveApplication(trx, actor, application, 'decline', 'kandidaat', {
        reason: parsed.data.reason ?? null,
        closedBy: 'candidate',
      });
      if (moved.ok) await tellParties(trx, application, ['employer'], 'application_closed', closedParams(application, 'declined'));
      return moved;
    }
    const moved = await moveApplication(trx, actor, application, 'start_conversation', 'kandidaat', {
      set: { identity_revealed: true, invitation: 'accepted' },
    });
    if (moved.ok) await tellParties(trx, application, ['employer'], 'application_accepted', { vacancyTitle: application.vacancy_title });
    return moved;
  });
}

/** The employer answers interest or a proposal: "let's talk". */
export async function startConversation(db: Db, actor: Actor, id: string): Promise<CommandResult> {
  return changeApplication(db, actor, id, async (trx, { application, party }) => {
    if (party !== 'employer') return forbidden;
    if (application.invitation === 'with_consultant' || application.invitation === 'with_candidate')
      return conflict('De kandidaat heeft nog niet op uw uitnodiging geantwoord.');
    const moved = await moveApplication(trx, actor, application, 'start_conversation', 'werkgever');
    if (moved.ok)
      await tellParties(trx, application, ['candidate'], 'application_accepted_by_employer', { vacancyTitle: application.vacancy_title });
    return moved;
  });
}

/** May this party write in the conversation now? Only candidate and employer talk; the consultant reads along. */
export function mayWrite(application: ApplicationRow, party: ApplicationParty): boolean {
  if (party === 'consultant') return false;
  if (application.invitation === 'with_consultant' || application.invitation === 'with_candidate') return false;
  return isOpen(application.state) || application.state === 'placed';
}

export async function sendMessage(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult> {
  const parsed = messageSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  return changeApplication(db, actor, id, async (trx, { application, party }) => {
    if (party === 'consultant') return forbidden;
    if (!mayWrite(application, party))
      return conflict(
        party === 'candidate' ? 'In dit contact kun je geen berichten meer sturen.' : 'In dit contact kunt u geen berichten meer sturen.',
      );
    await trx
      .insertInto('application_message')
      .values({ application_id: application.id, author_user_id: actor.userId, author_role: party, body: parsed.data.body })
      .execute();
    await trx.updateTable('application').set({ last_activity_at: new Date() }).where('id', '=', application.id).execute();
    const other: ApplicationParty[] = party === 'candidate' ? ['employer'] : ['candidate'];
    await tellParties(trx, application, other, 'application_message', { vacancyTitle: application.vacancy_title }, actor.userId);
    return ok(undefined);
  });
}

type ClosedHow = 'declined' | 'withdrawn' | 'expired' | 'placed_elsewhere';
const closedParams = (application: ApplicationRow, how: ClosedHow) => ({
  vacancyTitle: application.vacancy_title,
  employerName: application.employer_name,
  how,
});

/**
 * The employer says no, in their own words. A 'begeleid' candidate does not get the bare no: their
 * consultant does, and tells them in person (then marks it told, see `markDeclineTold`).
 */
export async function declineApplication(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult> {
  const parsed = declineSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  return changeApplication(db, actor, id, async (trx, { application, party }) => {
    if (party !== 'employer') return forbidden;
    if (application.invitation === 'with_consultant' || application.invitation === 'with_candidate')
      return conflict('De kandidaat heeft nog niet op uw uitnodiging geantwoord. Trek de uitnodiging in als u niet verder wilt.');
    const moved = await moveApplication(trx, actor, application, 'decline', 'werkgever', {
      reason: parsed.data.reason,
      closedBy: 'employer',
    });
    if (!moved.ok) return moved;
    await tellParties(
      trx,
      application,
      isShielded(application) ? ['consultant'] : ['candidate', 'consultant'],
      'application_closed',
      closedParams(application, 'declined'),
    );
    return moved;
  });
}

/** The consultant has talked the decline through with the candidate: from now on the candidate sees it. */
export async function markDeclineTold(db: Db, actor: Actor, id: string): Promise<CommandResult> {
  return changeApplication(db, actor, id, async (trx, { application, party }) => {
    if (party !== 'consultant' || !mayActForInstantie(actor, application.instantie_id)) return forbidden;
    if (!awaitsTelling(application)) return conflict('Er is hier niets door te geven.');
    await trx.updateTable('application').set({ decline_told_at: new Date() }).where('id', '=', application.id).execute();
    await recordStep(trx, actor, application, application.state, { action: 'decline_told' }, 'consulent');
    return ok(undefined);
  });
}

/**
 * The candidate (or their consultant for them) pulls out; the employer may also withdraw its own
 * invitation. A reason is welcome but not needed.
 */
export async function withdrawApplication(db: Db, actor: Actor, id: string, input: unknown): Promise<CommandResult> {
  const parsed = withdrawSchema.safeParse(input ?? {});
  if (!parsed.success) return invalid(issuesToErrors(parsed.error));
  return changeApplication(db, actor, id, async (trx, { application, party }) => {
    if (party === 'consultant' && !mayActForInstantie(actor, application.instantie_id)) return forbidden;
    if (party === 'employer' && !(application.started_by === 'employer' && application.invitation !== 'accepted')) return forbidden;
    const moved = await moveApplication(trx, actor, application, 'withdraw', roleOf[party], {
      reason: parsed.data.reason ?? null,
      closedBy: party,
    });
    if (!moved.ok) return moved;
    const others: ApplicationParty[] = party === 'employer' ? ['consultant'] : ['employer'];
    // An invitation taken back is a no: a shielded candidate hears it from their consultant.
    if (party === 'employer' && application.invitation === 'with_candidate' && !isShielded(application)) others.push('candidate');
    await tellParties(trx, application, others, 'application_closed', closedParams(application, 'withdrawn'));
    return moved;
  });
}

/** The candidate lets their consultant read the conversation along, or stops it. */
export async function setConsultantReads(db: Db, actor: Actor, id: string, allowed: boolean): Promise<CommandResult> {
  return changeApplication(db, actor, id, async (trx, { application, party }) => {
    if (party !== 'candidate') return forbidden;
    await trx.updateTable('application').set({ consultant_reads: allowed }).where('id', '=', application.id).execute();
    await recordEvent(trx, {
      actorUserId: actor.userId,
      subjectType: 'application',
      subjectId: application.id,
      action: allowed ? 'application.consultant_reads' : 'application.consultant_reads_not',
    });
    return ok(undefined);
  });
}

/**
 * When a candidate is placed, their other open applications close with a kind message: the
 * employers hear that the candidate found work, the candidate that nothing more is needed.
 */
export async function closeOtherApplications(
  trx: Db,
  actor: Actor | null,
  candidateId: string,
  placedApplicationId: string,
): Promise<number> {
  const others = await selectOpenOf(trx, candidateId, placedApplicationId);
  for (const application of others) {
    const sides = closingSides(application);
    await moveApplication(trx, actor, application, 'withdraw', null, { reason: 'placed_elsewhere', closedBy: 'system' });
    await tellParties(trx, application, sides, 'application_closed', closedParams(application, 'placed_elsewhere'));
  }
  return others.length;
}

/** Who hears that the system closed an application: the employer, and the candidate or, when they never saw it, their consultant. */
function closingSides(application: ApplicationRow): ApplicationParty[] {
  return candidateSees(application) ? ['candidate', 'employer'] : ['consultant', 'employer'];
}

async function selectOpenOf(trx: Db, candidateId: string, exceptId: string): Promise<ApplicationRow[]> {
  return (await selectApplications(trx)
    .where('application.candidate_id', '=', candidateId)
    .where('application.id', '<>', exceptId)
    .where('application.state', 'in', ['new', 'in_conversation', 'offer'])
    .orderBy('application.id')
    .forUpdate('application')
    .execute()) as ApplicationRow[];
}

/**
 * The daily job: open applications without any action for longer than the instantie's setting
 * expire, and both sides hear it. Safe to run twice: an expired one is no longer open.
 */
export async function expireIdleApplications(db: Db, now: Date): Promise<number> {
  let expired = 0;
  for (const instantie of await listInstanties(db)) {
    const before = new Date(now.getTime() - instantie.settings.applicationExpiryDays * 86_400_000);
    expired += await db.transaction().execute(async (trx) => {
      const idle = (await selectApplications(trx)
        .where('application.instantie_id', '=', instantie.id)
        .where('application.state', 'in', ['new', 'in_conversation', 'offer'])
        .where('application.last_activity_at', '<', before)
        // An offer waiting for the instantie's decision waits on the instantie, not on the parties.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('placement')
                .select('placement.id')
                .whereRef('placement.application_id', '=', 'application.id')
                .where('placement.status', '=', 'awaiting_instantie'),
            ),
          ),
        )
        .forUpdate('application')
        .skipLocked()
        .execute()) as ApplicationRow[];
      for (const application of idle) {
        const sides = closingSides(application);
        await moveApplication(trx, null, application, 'expire', null, { reason: 'idle', closedBy: 'system' });
        await tellParties(trx, application, sides, 'application_closed', closedParams(application, 'expired'));
      }
      return idle.length;
    });
  }
  return expired;
}
