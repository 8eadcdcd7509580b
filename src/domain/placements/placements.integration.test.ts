import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../../../test/support/fixtures.js';
import type { Actor } from '../accounts/actor.js';
import { proposeCandidate, showInterest, startConversation } from '../applications/commands.js';
import { readCandidate } from '../candidates/queries.js';
import type { EmployerCategory } from '#app/db/schema.js';
import { todayIso } from '../vacancies/rules.js';
import {
  cancelPlacement,
  confirmAgreement,
  decidePlacement,
  endPlacement,
  registerPlacement,
  startPlacementsWithoutObjection,
} from './commands.js';
import { readPlacement } from './queries.js';
import { addWorkingDays } from '../working-days.js';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

const db = () => app.database.db;

function isoDaysFromNow(days: number): string {
  return todayIso(new Date(Date.now() + days * 86_400_000));
}

async function openVacancy(category: EmployerCategory, title = `Magazijnmedewerker ${category}`): Promise<string> {
  const row = await db()
    .insertInto('vacancy')
    .values({
      employer_id: world.employers[category].id,
      title,
      description: 'Dozen inpakken en klaarzetten.',
      postcode: '3011AB',
      hours_per_week: 24,
      contract_type: 'tijdelijk',
      status: 'open',
      published_until: isoDaysFromNow(30),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type Candidate = { id: string; user: Actor };
async function candidateWithLogin(): Promise<Candidate> {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  return { id: made.id, user: made.user! };
}

/** An application in conversation: the candidate showed interest and the employer wants to talk. */
async function inConversation(candidate: Candidate, category: EmployerCategory): Promise<string> {
  const vacancyId = await openVacancy(category);
  const employer = world.employers[category].user;
  if (category === 'business_as_usual') {
    const proposed = await proposeCandidate(db(), world.consulent, vacancyId, candidate.id, {
      message: 'Zij past hier goed.',
      candidateAgrees: true,
    });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    const talk = await startConversation(db(), employer, proposed.value.id);
    if (!talk.ok) throw new Error(JSON.stringify(talk));
    return proposed.value.id;
  }
  const interest = await showInterest(db(), candidate.user, vacancyId, { message: 'Ik wil graag bij u werken.' });
  if (!interest.ok) throw new Error(JSON.stringify(interest));
  const talk = await startConversation(db(), employer, interest.value.id);
  if (!talk.ok) throw new Error(JSON.stringify(talk));
  return interest.value.id;
}

const agreement = (overrides: Record<string, unknown> = {}) => ({
  kind: 'dienstverband',
  startDate: isoDaysFromNow(7),
  hoursPerWeek: 20,
  support: 'Een vaste collega helpt de eerste weken.',
  conditions: 'Loon volgens de cao.',
  ...overrides,
});

async function applicationState(id: string) {
  return (await db().selectFrom('application').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
}

describe('the three routes', () => {
  test('a preferred partner places at once: the instantie is told, the other applications close kindly', async () => {
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'preferred');
    const other = await inConversation(candidate, 'committed');

    const result = await registerPlacement(db(), world.employers.preferred.user, applicationId, agreement());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const view = (await readPlacement(db(), world.consulent, result.value.id))!;
    expect(view.placement.status).toBe('active');
    expect(view.placement.route).toBe('preferred');
    expect(view.confirmations.map((c) => c.party)).toEqual(['employer']);
    expect(view.leadTime.milliseconds).toBeGreaterThanOrEqual(0);
    expect(await applicationState(applicationId)).toBe('placed');
    expect(await applicationState(other)).toBe('withdrawn');
    const closed = await db()
      .selectFrom('application')
      .select(['closed_reason', 'closed_by'])
      .where('id', '=', other)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ closed_reason: 'placed_elsewhere', closed_by: 'system' });

    const kinds = await db().selectFrom('notification').select(['user_id', 'kind']).execute();
    expect(kinds).toContainEqual({ user_id: world.consulent.userId, kind: 'placement_registered' });
    expect(kinds).toContainEqual({ user_id: candidate.user.userId, kind: 'placement_started' });
    expect(kinds).toContainEqual({ user_id: world.employers.committed.user.userId, kind: 'application_closed' });
    const steps = await db()
      .selectFrom('application_step')
      .select(['action', 'to_state'])
      .where('application_id', '=', applicationId)
      .orderBy('id')
      .execute();
    expect(steps.map((s) => s.to_state)).toEqual(['new', 'in_conversation', 'offer', 'placed']);
    const events = await db().selectFrom('event').select('action').where('subject_id', '=', result.value.id).execute();
    expect(events.map((e) => e.action)).toContain('placement.registered');
  });

  test('a committed partner waits for the consultant, or starts by itself after the working days', async () => {
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'committed');
    const before = new Date();
    const result = await registerPlacement(db(), world.employers.committed.user, applicationId, agreement());
    if (!result.ok) throw new Error(JSON.stringify(result));
    const waiting = (await readPlacement(db(), world.employers.committed.user, result.value.id))!;
    expect(waiting.placement.status).toBe('awaiting_instantie');
    expect(await applicationState(applicationId)).toBe('offer');
    const deadline = waiting.placement.starts_unless_objection_at!;
    expect(deadline.getTime()).toBeGreaterThanOrEqual(addWorkingDays(before, 5).getTime() - 1000);

    expect(await startPlacementsWithoutObjection(db(), new Date(deadline.getTime() - 60_000))).toBe(0);
    expect(await startPlacementsWithoutObjection(db(), deadline)).toBe(1);
    expect(await startPlacementsWithoutObjection(db(), deadline)).toBe(0);
    const started = (await readPlacement(db(), world.consulent, result.value.id))!;
    expect(started.placement.status).toBe('active');
    expect(started.confirmations.map((c) => c.party)).toEqual(['employer']);
    expect(await applicationState(applicationId)).toBe('placed');
  });

  test('business-as-usual: the consultant proposes, the instantie approves; a rejection lets the conversation go on', async () => {
    const candidate = await candidateWithLogin();
    const first = await inConversation(candidate, 'business_as_usual');
    const rejected = await registerPlacement(db(), world.employers.business_as_usual.user, first, agreement());
    if (!rejected.ok) throw new Error(JSON.stringify(rejected));
    expect(await startPlacementsWithoutObjection(db(), new Date(Date.now() + 365 * 86_400_000))).toBe(0);

    const noReason = await decidePlacement(db(), world.consulent, rejected.value.id, { decision: 'reject', reason: 'nee' });
    expect(noReason).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { reason: 'Schrijf in een paar woorden waarom (minstens 10 tekens).' },
    });
    expect(await decidePlacement(db(), world.otherConsulent, rejected.value.id, { decision: 'approve' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await decidePlacement(db(), world.employers.business_as_usual.user, rejected.value.id, { decision: 'approve' })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    const reason = 'De begeleiding op de werkvloer is nog niet geregeld.';
    expect((await decidePlacement(db(), world.consulent, rejected.value.id, { decision: 'reject', reason })).ok).toBe(true);
    expect(await applicationState(first)).toBe('in_conversation');

    const again = await registerPlacement(db(), world.employers.business_as_usual.user, first, agreement());
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect((await decidePlacement(db(), world.consulent, again.value.id, { decision: 'approve' })).ok).toBe(true);
    expect(await decidePlacement(db(), world.consulent, again.value.id, { decision: 'approve' })).toMatchObject({ reason: 'conflict' });
    const view = (await readPlacement(db(), candidate.user, again.value.id))!;
    expect(view.placement.status).toBe('active');
    expect(view.confirmations.map((c) => c.party).sort()).toEqual(['employer', 'instantie']);
    expect(await applicationState(first)).toBe('placed');
  });
});

describe('rules of the agreement', () => {
  test('a candidate is never placed for more hours than they are available', async () => {
    const candidate = await candidateWithLogin(); // 24 hours a week
    const first = await inConversation(candidate, 'committed');
    expect((await registerPlacement(db(), world.employers.committed.user, first, agreement({ hoursPerWeek: 16 }))).ok).toBe(true);
    const second = await inConversation(candidate, 'preferred');
    expect(await registerPlacement(db(), world.employers.preferred.user, second, agreement({ hoursPerWeek: 16 }))).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { hoursPerWeek: 'De kandidaat kan nog 8 uur per week werken. Kies hoogstens 8 uur.' },
    });
    expect(await db().selectFrom('placement').select('id').where('application_id', '=', second).execute()).toEqual([]);
    expect((await registerPlacement(db(), world.employers.preferred.user, second, agreement({ hoursPerWeek: 8 }))).ok).toBe(true);
  });

  test('proefplaatsing and beschut werk follow the instantie and the law', async () => {
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'preferred');
    const employer = world.employers.preferred.user;
    const start = isoDaysFromNow(7);
    const trial = (overrides: Record<string, unknown>) =>
      registerPlacement(db(), employer, applicationId, agreement({ kind: 'proefplaatsing', ...overrides }));
    expect(await trial({})).toMatchObject({
      reason: 'invalid',
      errors: { endDate: 'Een proefplaatsing duurt hoogstens 2 maanden. Vul de einddatum in.' },
    });
    const fourMonths = todayIso(new Date(new Date(`${start}T12:00:00Z`).getTime() + 120 * 86_400_000));
    const tooLong = await trial({ endDate: fourMonths });
    expect(tooLong).toMatchObject({ reason: 'invalid' });
    expect(!tooLong.ok && tooLong.reason === 'invalid' && tooLong.errors.endDate).toContain('hoogstens 2 maanden');
    expect(await registerPlacement(db(), employer, applicationId, agreement({ kind: 'beschut_werk' }))).toMatchObject({
      reason: 'invalid',
      errors: { positiveAdviceDate: expect.stringContaining('positief advies') },
    });
    expect(await db().selectFrom('placement').select('id').where('application_id', '=', applicationId).execute()).toEqual([]);
    expect((await trial({ endDate: fourMonths, intendedContractMonths: 6 })).ok).toBe(true);
  });

  test('bad input gets Dutch errors and writes nothing', async () => {
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'preferred');
    const result = await registerPlacement(db(), world.employers.preferred.user, applicationId, {
      kind: 'stage',
      startDate: '2020-13-40',
      hoursPerWeek: '99',
    });
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        kind: 'Kies het soort plaatsing.',
        startDate: 'Vul een geldige datum in, bijvoorbeeld 2027-01-04.',
        hoursPerWeek: 'Vul een aantal uren per week in tussen 1 en 40.',
      },
    });
    expect(await db().selectFrom('placement').select('id').where('application_id', '=', applicationId).execute()).toEqual([]);
    expect(await applicationState(applicationId)).toBe('in_conversation');
  });
});

describe('who may do what', () => {
  test('only the employer of the application registers; others are refused or told it does not exist', async () => {
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'preferred');
    expect(await registerPlacement(db(), candidate.user, applicationId, agreement())).toEqual({ ok: false, reason: 'forbidden' });
    expect(await registerPlacement(db(), world.employers.committed.user, applicationId, agreement())).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await registerPlacement(db(), world.otherConsulent, applicationId, agreement())).toEqual({ ok: false, reason: 'not_found' });
    expect(await registerPlacement(db(), world.employers.preferred.user, 'niet-een-id', agreement())).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  test('each party confirms the agreement once; the consultant of another instantie cannot', async () => {
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'preferred');
    const placed = await registerPlacement(db(), world.employers.preferred.user, applicationId, agreement());
    if (!placed.ok) throw new Error(JSON.stringify(placed));
    const id = placed.value.id;
    expect(await confirmAgreement(db(), candidate.user, id)).toEqual({ ok: true, value: { party: 'candidate' } });
    expect(await confirmAgreement(db(), candidate.user, id)).toEqual({ ok: true, value: { party: 'candidate' } });
    expect(await confirmAgreement(db(), world.auditor, id)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await confirmAgreement(db(), world.otherConsulent, id)).toEqual({ ok: false, reason: 'not_found' });
    expect(await confirmAgreement(db(), world.consulent, id)).toEqual({ ok: true, value: { party: 'instantie' } });
    const view = (await readPlacement(db(), world.employers.preferred.user, id))!;
    expect(view.confirmations.map((c) => c.party).sort()).toEqual(['candidate', 'employer', 'instantie']);
    const events = await db()
      .selectFrom('event')
      .select('data')
      .where('subject_id', '=', id)
      .where('action', '=', 'placement.confirmed')
      .execute();
    expect(events).toHaveLength(2);
    expect(await readPlacement(db(), world.employers.committed.user, id)).toBeNull();
  });

  test('ending records how it went; only a running placement ends, and not by the candidate', async () => {
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'committed');
    const placed = await registerPlacement(db(), world.employers.committed.user, applicationId, agreement({ startDate: todayIso() }));
    if (!placed.ok) throw new Error(JSON.stringify(placed));
    const end = { endedOn: todayIso(), followUp: 'contract', reason: 'Het ging goed: zij krijgt een contract.' };
    expect(await endPlacement(db(), world.employers.committed.user, placed.value.id, end)).toMatchObject({ reason: 'conflict' });
    expect((await cancelPlacement(db(), world.employers.committed.user, placed.value.id)).ok).toBe(true);
    expect(await applicationState(applicationId)).toBe('in_conversation');

    const again = await registerPlacement(db(), world.employers.committed.user, applicationId, agreement({ startDate: todayIso() }));
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect((await decidePlacement(db(), world.consulent, again.value.id, { decision: 'approve' })).ok).toBe(true);
    expect(await endPlacement(db(), candidate.user, again.value.id, end)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await endPlacement(db(), world.employers.committed.user, again.value.id, { ...end, followUp: 'ja' })).toMatchObject({
      reason: 'invalid',
      errors: { followUp: 'Kies hoe het verder gaat.' },
    });
    expect((await endPlacement(db(), world.employers.committed.user, again.value.id, end)).ok).toBe(true);
    const view = (await readPlacement(db(), world.consulent, again.value.id))!;
    expect(view.placement).toMatchObject({ status: 'ended', follow_up: 'contract', end_reason: end.reason });
  });

  test('once in contact, the employer sees the name of an anonymous candidate; another employer does not', async () => {
    const candidate = await candidateWithLogin();
    const before = await readCandidate(db(), world.employers.preferred.user, candidate.id, 'test');
    expect(before && before !== 'limit' && before.access.groups).not.toContain('identiteit');
    await inConversation(candidate, 'preferred');
    const after = await readCandidate(db(), world.employers.preferred.user, candidate.id, 'test');
    expect(after && after !== 'limit' && after.access.groups).toContain('identiteit');
    const other = await readCandidate(db(), world.employers.committed.user, candidate.id, 'test');
    expect(other && other !== 'limit' && other.access.groups).not.toContain('identiteit');
  });
});

describe('concurrency', () => {
  test('50 parallel attempts to place one candidate leave exactly one placement', async () => {
    const candidate = await candidateWithLogin(); // 24 hours a week; each attempt asks 20
    const employer = world.employers.preferred.user;
    const applications: string[] = [];
    for (let i = 0; i < 50; i++) applications.push(await inConversation(candidate, 'preferred'));
    const results = await Promise.all(applications.map((id) => registerPlacement(db(), employer, id, agreement())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const placements = await db().selectFrom('placement').select(['id', 'status']).where('candidate_id', '=', candidate.id).execute();
    expect(placements).toHaveLength(1);
    // The others were refused cleanly: too many hours, or the application had closed because the candidate was placed.
    for (const result of results.filter((r) => !r.ok)) expect(['invalid', 'conflict']).toContain(!result.ok && result.reason);
  });

  test('50 parallel registrations of one application leave exactly one placement', async () => {
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'committed');
    const employer = world.employers.committed.user;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => registerPlacement(db(), employer, applicationId, agreement({ hoursPerWeek: 4 }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().selectFrom('placement').select('id').where('application_id', '=', applicationId).execute()).toHaveLength(1);
  });

  test('a second employer user of the same organisation is the same party', async () => {
    const colleague = await makeUser(app, 'Collega preferred', [{ role: 'werkgever', employerId: world.employers.preferred.id }]);
    const candidate = await candidateWithLogin();
    const applicationId = await inConversation(candidate, 'preferred');
    expect((await registerPlacement(db(), colleague, applicationId, agreement())).ok).toBe(true);
  });
});
