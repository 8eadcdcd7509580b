import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeUser, makeWorld, type World } from '../../../test/support/fixtures.js';
import { makePlacement, type TestPlacement } from '../../../test/support/support-placements.js';
import type { Provision } from '#app/db/schema.js';
import { cancelPlacement } from '../placements/commands.js';
import { addWorkingDays } from '../working-days.js';
import { todayIso } from '../vacancies/rules.js';
import { decideSupportRequest, recordSpending, requestSupport, setBudget, setBudgets, withdrawSupportRequest } from './commands.js';
import { budgetLines, budgetOverview, listSupportRequests, readSupportRequest } from './queries.js';
import { saveSettings } from '../instanties/commands.js';
import { defaultPlanningRates } from '../instanties/settings.js';
import { aboveBudgetMessage, budgetYear, noSubsidyMessage } from './rules.js';

let app: TestApp;
let world: World;
let preferred: TestPlacement;
let committed: TestPlacement;
const year = budgetYear();

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  preferred = await makePlacement(app, world, 'preferred');
  committed = await makePlacement(app, world, 'committed');
});
afterAll(async () => app?.close());

const db = () => app.database.db;
const jobcoach = (hours: number) => ({ provision: 'jobcoach', jobcoachHours: hours, explanation: 'Begeleiding in de eerste maanden.' });

/** Sets the budget of a provision so that exactly `room` euros are left for new approvals. */
async function budgetWithRoom(provision: Provision, room: number): Promise<number> {
  const line = (await budgetLines(db(), 'rotterdam', year)).find((l) => l.provision === provision)!;
  const amount = line.committedEuros + room;
  const result = await setBudgets(db(), world.beheerder, year, { [provision]: String(amount) });
  expect(result.ok).toBe(true);
  return amount;
}

async function requestRow(id: string) {
  return db().selectFrom('support_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function counts() {
  const [requests, events, notifications] = await Promise.all([
    db()
      .selectFrom('support_request')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    db()
      .selectFrom('event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
    db()
      .selectFrom('notification')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { requests: Number(requests.n), events: Number(events.n), notifications: Number(notifications.n) };
}

async function notificationsOf(userId: string, kind: string) {
  return db().selectFrom('notification').selectAll().where('user_id', '=', userId).where('kind', '=', kind).execute();
}

describe('default approval for preferred partners', () => {
  test('a preferred partner’s request within the budget is approved at once; the consultant is told without an e-mail', async () => {
    await budgetWithRoom('jobcoach', 10 * defaultPlanningRates.jobcoachHourEuros);
    const before = new Date();
    const result = await requestSupport(db(), world.employers.preferred.user, preferred.id, jobcoach(10));
    expect(result).toMatchObject({ ok: true, value: { status: 'approved', approvedByDefault: true } });
    if (!result.ok) return;
    const row = await requestRow(result.value.id);
    expect(row).toMatchObject({
      status: 'approved',
      approved_by_default: true,
      provision: 'jobcoach',
      jobcoach_hours: 10,
      amount_euros: 10 * defaultPlanningRates.jobcoachHourEuros,
      budget_year: year,
      instantie_id: 'rotterdam',
      requested_by: world.employers.preferred.user.userId,
      decided_by: null,
    });
    expect(row.due_date).toBe(todayIso(addWorkingDays(before, 10)));
    expect(row.decided_at).not.toBeNull();
    const events = await db().selectFrom('event').select(['action', 'data']).where('subject_id', '=', row.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['support_request.requested', 'support_request.approved_by_default']);
    const told = await notificationsOf(world.consulent.userId, 'support_approved_by_default');
    expect(told.map((n) => n.link)).toContain(`/consulent/ondersteuning/${row.id}`);
    const mails = await db()
      .selectFrom('mail_outbox')
      .select('id')
      .where(
        'notification_id',
        'in',
        told.map((n) => n.id),
      )
      .execute();
    expect(mails).toEqual([]);
    const line = (await budgetOverview(db(), world.consulent, year))!.find((l) => l.provision === 'jobcoach')!;
    expect(line.leftEuros).toBe(0);
  });

  test('over the budget, without a budget, or on another route, the request waits for a person', async () => {
    await budgetWithRoom('jobcoach', 5 * defaultPlanningRates.jobcoachHourEuros);
    const over = await requestSupport(db(), world.employers.preferred.user, preferred.id, jobcoach(6));
    expect(over).toMatchObject({ ok: true, value: { status: 'requested', approvedByDefault: false } });

    await db().deleteFrom('support_budget').where('provision', '=', 'werkplekaanpassing').execute();
    const noBudget = await requestSupport(db(), world.employers.preferred.user, preferred.id, {
      provision: 'werkplekaanpassing',
      amountEuros: '1.200',
      explanation: 'Een tafel die in hoogte verstelbaar is.',
    });
    expect(noBudget).toMatchObject({ ok: true, value: { status: 'requested' } });
    if (noBudget.ok) expect((await requestRow(noBudget.value.id)).amount_euros).toBe(1200);

    await budgetWithRoom('jobcoach', 100 * defaultPlanningRates.jobcoachHourEuros);
    const otherRoute = await requestSupport(db(), world.employers.committed.user, committed.id, jobcoach(4));
    expect(otherRoute).toMatchObject({ ok: true, value: { status: 'requested' } });
    if (!otherRoute.ok) return;
    const waiting = await notificationsOf(world.consulent.userId, 'support_waiting');
    expect(waiting.map((n) => n.link)).toContain(`/consulent/ondersteuning/${otherRoute.value.id}`);
    const mail = await db()
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where(
        'notification_id',
        'in',
        waiting.map((n) => n.id),
      )
      .execute();
    expect(mail.map((m) => m.subject)).toContain('Aanvraag voor ondersteuning van Werkgever committed');

    const list = await listSupportRequests(
      db(),
      world.consulent,
      { kind: 'instantie', instantieId: 'rotterdam' },
      { status: 'requested', order: 'due' },
    );
    expect(list.items.map((r) => r.id)).toContain(otherRoute.value.id);
    expect(list.items.every((r) => r.status === 'requested')).toBe(true);
  });
});

describe('loonkostensubsidie follows the loonwaarde', () => {
  test('the subsidy is 100 minus the loonwaarde, at most 70 %, for a year of the placement’s hours', async () => {
    const asked = (loonwaardePercent: unknown) =>
      requestSupport(db(), world.employers.committed.user, committed.id, { provision: 'loonkostensubsidie', loonwaardePercent });
    const sixty = await asked('60');
    if (!sixty.ok) throw new Error(JSON.stringify(sixty));
    // 40 % of € 14,71 an hour with 8 % holiday pay, 20 hours a week, 52 weeks, plus 23.5 % for employer’s costs.
    expect(await requestRow(sixty.value.id)).toMatchObject({ loonwaarde_percent: 60, subsidy_percent: 40, amount_euros: 8162 });
    const twenty = await asked(20);
    if (!twenty.ok) throw new Error(JSON.stringify(twenty));
    expect(await requestRow(twenty.value.id)).toMatchObject({ loonwaarde_percent: 20, subsidy_percent: 70, amount_euros: 14284 });

    const before = await counts();
    expect(await asked(100)).toEqual({ ok: false, reason: 'invalid', errors: { loonwaardePercent: noSubsidyMessage } });
    expect(await asked(101)).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { loonwaardePercent: 'Vul de loonwaarde in: een heel getal van 0 tot en met 100.' },
    });
    expect(await asked('')).toMatchObject({ reason: 'invalid', errors: { loonwaardePercent: expect.stringContaining('loonwaarde') } });
    expect(await counts()).toEqual(before);
  });
});

describe('planning rates are the instantie’s own', () => {
  test('a jobcoach hour and a loonwaardebepaling reserve what the instantie set', async () => {
    const rates = async (jobcoach: number, loonwaardebepaling: number) => {
      const saved = await saveSettings(db(), world.beheerder, 'rotterdam', {
        'planningRates.jobcoachHourEuros': String(jobcoach),
        'planningRates.loonwaardebepalingEuros': String(loonwaardebepaling),
        reason: 'Tarieven van het nieuwe contract met de jobcoachorganisatie.',
      });
      expect(saved.ok).toBe(true);
    };
    await rates(95, 1250);
    try {
      await budgetWithRoom('jobcoach', 10_000);
      await budgetWithRoom('loonwaardebepaling', 10_000);
      const hours = await requestSupport(db(), world.employers.committed.user, committed.id, jobcoach(10));
      if (!hours.ok) throw new Error(JSON.stringify(hours));
      expect(await requestRow(hours.value.id)).toMatchObject({ jobcoach_hours: 10, amount_euros: 950 });
      const assessment = await requestSupport(db(), world.employers.committed.user, committed.id, {
        provision: 'loonwaardebepaling',
        explanation: 'Wij willen weten wat de werknemer kan.',
      });
      if (!assessment.ok) throw new Error(JSON.stringify(assessment));
      expect(await requestRow(assessment.value.id)).toMatchObject({ amount_euros: 1250 });
      // Out of range: a Dutch message, and nothing changes.
      const refused = await saveSettings(db(), world.beheerder, 'rotterdam', {
        'planningRates.jobcoachHourEuros': '0',
        reason: 'Gratis jobcoaching.',
      });
      expect(refused).toEqual({
        ok: false,
        reason: 'invalid',
        errors: { 'planningRates.jobcoachHourEuros': 'Vul bij "Euro per uur jobcoaching" een heel getal in van 1 tot en met 1.000.' },
      });
    } finally {
      await rates(defaultPlanningRates.jobcoachHourEuros, defaultPlanningRates.loonwaardebepalingEuros);
    }
  });
});

describe('a person decides', () => {
  test('a consultant approves within the budget; the employer hears it; deciding twice is a conflict', async () => {
    await budgetWithRoom('loonwaardebepaling', defaultPlanningRates.loonwaardebepalingEuros);
    const asked = await requestSupport(db(), world.employers.committed.user, committed.id, { provision: 'loonwaardebepaling' });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    expect(asked.value.status).toBe('requested');
    expect(await decideSupportRequest(db(), world.consulent, asked.value.id, { decision: 'approve' })).toEqual({
      ok: true,
      value: { status: 'approved', aboveBudget: false },
    });
    expect(await requestRow(asked.value.id)).toMatchObject({
      status: 'approved',
      decided_by: world.consulent.userId,
      approved_by_default: false,
    });
    const told = await notificationsOf(world.employers.committed.user.userId, 'support_decided');
    expect(told.at(-1)).toMatchObject({ link: `/werkgever/plaatsingen/${committed.id}/ondersteuning` });
    expect(await decideSupportRequest(db(), world.consulent, asked.value.id, { decision: 'approve' })).toMatchObject({
      reason: 'conflict',
    });
  });

  test('approving beyond the budget needs the "boven budget" confirmation, which is recorded', async () => {
    await budgetWithRoom('no_riskpolis', 1000);
    const asked = await requestSupport(db(), world.employers.committed.user, committed.id, {
      provision: 'no_riskpolis',
      amountEuros: 2500,
      explanation: 'Verzekering tegen loonkosten bij ziekte.',
    });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const before = await counts();
    expect(await decideSupportRequest(db(), world.consulent, asked.value.id, { decision: 'approve' })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { aboveBudget: aboveBudgetMessage },
    });
    expect(await counts()).toEqual(before);
    expect((await requestRow(asked.value.id)).status).toBe('requested');

    expect(await decideSupportRequest(db(), world.beheerder, asked.value.id, { decision: 'approve', aboveBudget: 'on' })).toEqual({
      ok: true,
      value: { status: 'approved', aboveBudget: true },
    });
    const event = await db()
      .selectFrom('event')
      .select(['actor_user_id', 'data'])
      .where('subject_id', '=', asked.value.id)
      .where('action', '=', 'support_request.approved')
      .executeTakeFirstOrThrow();
    expect(event.actor_user_id).toBe(world.beheerder.userId);
    expect(event.data).toMatchObject({ aboveBudget: true, amountEuros: 2500 });
    const read = await readSupportRequest(db(), world.consulent, asked.value.id);
    expect(read?.request.approved_above_budget).toBe(true);
    const line = (await budgetOverview(db(), world.beheerder, year))!.find((l) => l.provision === 'no_riskpolis')!;
    expect(line.leftEuros).toBe(-1500);
  });

  test('a rejection needs a reason and tells the employer', async () => {
    const asked = await requestSupport(db(), world.employers.committed.user, committed.id, jobcoach(3));
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    expect(await decideSupportRequest(db(), world.consulent, asked.value.id, { decision: 'reject', reason: 'nee' })).toMatchObject({
      reason: 'invalid',
      errors: { reason: expect.stringContaining('minstens 10 tekens') },
    });
    expect(await decideSupportRequest(db(), world.consulent, asked.value.id, { decision: 'misschien' })).toMatchObject({
      reason: 'invalid',
      errors: { decision: 'Kies: goedkeuren of afwijzen.' },
    });
    const reason = 'De werkgever heeft al een eigen jobcoach.';
    expect((await decideSupportRequest(db(), world.consulent, asked.value.id, { decision: 'reject', reason })).ok).toBe(true);
    expect(await requestRow(asked.value.id)).toMatchObject({ status: 'rejected', decision_reason: reason });
    const told = await notificationsOf(world.employers.committed.user.userId, 'support_decided');
    expect(told.at(-1)!.params).toMatchObject({ decision: 'rejected', provision: 'jobcoach' });
  });
});

describe('who may do what', () => {
  test('another employer, the candidate, the auditor and another instantie’s consultant cannot request; nothing is written', async () => {
    const before = await counts();
    const input = jobcoach(2);
    expect(await requestSupport(db(), world.employers.committed.user, preferred.id, input)).toEqual({ ok: false, reason: 'not_found' });
    expect(await requestSupport(db(), world.otherConsulent, preferred.id, input)).toEqual({ ok: false, reason: 'not_found' });
    expect(await requestSupport(db(), preferred.candidate.user, preferred.id, input)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await requestSupport(db(), world.auditor, preferred.id, input)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await requestSupport(db(), world.employers.preferred.user, 'geen-id', input)).toEqual({ ok: false, reason: 'not_found' });
    expect(await counts()).toEqual(before);
    // A consultant of the instantie may ask on the employer's behalf.
    expect((await requestSupport(db(), world.consulent, committed.id, input)).ok).toBe(true);
  });

  test('only staff of the instantie decide and record spending; others are refused or told it does not exist', async () => {
    const asked = await requestSupport(db(), world.employers.committed.user, committed.id, jobcoach(1));
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const id = asked.value.id;
    const before = await counts();
    const approve = { decision: 'approve', aboveBudget: true };
    expect(await decideSupportRequest(db(), world.employers.committed.user, id, approve)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await decideSupportRequest(db(), world.auditor, id, approve)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await decideSupportRequest(db(), committed.candidate.user, id, approve)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await decideSupportRequest(db(), world.otherConsulent, id, approve)).toEqual({ ok: false, reason: 'not_found' });
    expect(await decideSupportRequest(db(), world.employers.preferred.user, id, approve)).toEqual({ ok: false, reason: 'not_found' });
    expect(await recordSpending(db(), world.employers.committed.user, id, { spentEuros: 10 })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await readSupportRequest(db(), world.employers.preferred.user, id)).toBeNull();
    expect(await readSupportRequest(db(), world.otherConsulent, id)).toBeNull();
    expect(await readSupportRequest(db(), committed.candidate.user, id)).toBeNull();
    expect((await readSupportRequest(db(), world.auditor, id))?.side).toBe('auditor');
    expect(await counts()).toEqual(before);
    expect((await listSupportRequests(db(), world.otherConsulent, { kind: 'instantie', instantieId: 'rotterdam' })).items).toEqual([]);
    expect(
      (await listSupportRequests(db(), world.employers.preferred.user, { kind: 'employer' })).items.map((r) => r.employer_id),
    ).not.toContain(world.employers.committed.id);
  });

  test('bad input gets Dutch errors per field and writes nothing', async () => {
    const before = await counts();
    expect(await requestSupport(db(), world.employers.preferred.user, preferred.id, { provision: 'fiets' })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { provision: 'Kies de soort ondersteuning.' },
    });
    expect(
      await requestSupport(db(), world.employers.preferred.user, preferred.id, {
        provision: 'werkplekaanpassing',
        amountEuros: '12,50',
        explanation: 'kort',
      }),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        amountEuros: "Vul een bedrag in hele euro's in, zonder komma. Bijvoorbeeld 1500.",
        explanation: 'Schrijf in een paar zinnen waarvoor het geld nodig is (minstens 10 tekens).',
      },
    });
    expect(
      await requestSupport(db(), world.employers.preferred.user, preferred.id, { provision: 'jobcoach', jobcoachHours: 0 }),
    ).toMatchObject({
      errors: { jobcoachHours: 'Vul het aantal uren jobcoaching in: een heel getal van 1 tot en met 2000.' },
    });
    expect(await counts()).toEqual(before);
  });

  test('a placement that was taken back gets no support', async () => {
    const placement = await makePlacement(app, world, 'committed', { hoursPerWeek: 8 });
    expect((await cancelPlacement(db(), world.employers.committed.user, placement.id)).ok).toBe(true);
    expect(await requestSupport(db(), world.employers.committed.user, placement.id, jobcoach(2))).toMatchObject({ reason: 'conflict' });
  });
});

describe('withdrawing and spending', () => {
  test('the employer withdraws a request; what was promised goes back to the budget; spent money keeps it', async () => {
    await budgetWithRoom('werkplekaanpassing', 3000);
    const input = { provision: 'werkplekaanpassing', amountEuros: 1000, explanation: 'Een aangepaste stoel en bureau.' };
    const first = await requestSupport(db(), world.employers.preferred.user, preferred.id, input);
    const second = await requestSupport(db(), world.employers.preferred.user, preferred.id, input);
    if (!first.ok || !second.ok) throw new Error('request failed');
    expect([first.value.status, second.value.status]).toEqual(['approved', 'approved']);
    const left = async () => (await budgetLines(db(), 'rotterdam', year)).find((l) => l.provision === 'werkplekaanpassing')!;
    expect((await left()).leftEuros).toBe(1000);

    expect(await withdrawSupportRequest(db(), world.consulent, first.value.id)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await withdrawSupportRequest(db(), world.employers.committed.user, first.value.id)).toEqual({ ok: false, reason: 'not_found' });
    const colleague = await makeUser(app, 'Collega preferred', [{ role: 'werkgever', employerId: world.employers.preferred.id }]);
    expect(await withdrawSupportRequest(db(), colleague, first.value.id)).toEqual({ ok: true, value: undefined });
    expect((await left()).leftEuros).toBe(2000);
    expect(await withdrawSupportRequest(db(), colleague, first.value.id)).toMatchObject({ reason: 'conflict' });

    expect(await recordSpending(db(), world.consulent, second.value.id, { spentEuros: '1.001' })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { spentEuros: 'Het uitgegeven bedrag is hoger dan het toegekende bedrag. Vul hoogstens het toegekende bedrag in.' },
    });
    expect(await recordSpending(db(), world.consulent, second.value.id, { spentEuros: '€ 750' })).toEqual({
      ok: true,
      value: { spentEuros: 750 },
    });
    expect((await left()).spentEuros).toBe(750);
    expect(await withdrawSupportRequest(db(), world.employers.preferred.user, second.value.id)).toMatchObject({ reason: 'conflict' });
    expect(await recordSpending(db(), world.consulent, first.value.id, { spentEuros: 1 })).toMatchObject({ reason: 'conflict' });
    const events = await db().selectFrom('event').select('action').where('subject_id', '=', second.value.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toContain('support_request.spending_recorded');
  });
});

describe('budgets', () => {
  test('a beheerder sets budgets per provision per year, with an event; others may not', async () => {
    const next = year + 1;
    expect(await setBudgets(db(), world.consulent, next, { jobcoach: '1000' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(await setBudget(db(), world.employers.preferred.user, next, 'jobcoach', 1000)).toEqual({ ok: false, reason: 'forbidden' });
    expect(await setBudgets(db(), world.beheerder, next, { jobcoach: '25.000', loonkostensubsidie: '' })).toEqual({
      ok: true,
      value: { year: next, changed: ['jobcoach'] },
    });
    expect(await setBudget(db(), world.beheerder, next, 'jobcoach', 25000)).toEqual({ ok: true, value: { year: next, changed: [] } });
    expect(await setBudgets(db(), world.beheerder, next, { jobcoach: '', no_riskpolis: '-5' })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        jobcoach: "Vul het budget in hele euro's in, zonder komma. Bijvoorbeeld 250000. Vul 0 in voor geen budget.",
        no_riskpolis: "Vul het budget in hele euro's in, zonder komma. Bijvoorbeeld 250000. Vul 0 in voor geen budget.",
      },
    });
    expect(await setBudgets(db(), world.beheerder, 1999, { jobcoach: '1' })).toMatchObject({
      reason: 'invalid',
      errors: { year: expect.any(String) },
    });
    expect(await setBudget(db(), world.beheerder, next, 'fiets', 1)).toEqual({ ok: false, reason: 'not_found' });
    const lines = (await budgetOverview(db(), world.auditor, next))!;
    expect(lines.map((l) => l.provision)).toEqual([
      'loonwaardebepaling',
      'loonkostensubsidie',
      'jobcoach',
      'werkplekaanpassing',
      'no_riskpolis',
    ]);
    expect(lines.find((l) => l.provision === 'jobcoach')).toMatchObject({
      budgetEuros: 25000,
      committedEuros: 0,
      spentEuros: 0,
      leftEuros: 25000,
      updatedByName: 'Beheerder Rotterdam',
    });
    expect(lines.find((l) => l.provision === 'loonkostensubsidie')).toMatchObject({ budgetEuros: null, leftEuros: null });
    const events = await db()
      .selectFrom('event')
      .select(['actor_user_id', 'data'])
      .where('subject_type', '=', 'support_budget')
      .where('subject_id', '=', `rotterdam/${next}/jobcoach`)
      .execute();
    expect(events).toEqual([
      {
        actor_user_id: world.beheerder.userId,
        data: { instantieId: 'rotterdam', year: next, provision: 'jobcoach', fromEuros: null, toEuros: 25000 },
      },
    ]);
    expect(await budgetOverview(db(), world.employers.preferred.user, next)).toBeNull();
  });
});

describe('concurrency', () => {
  test('20 parallel requests of a preferred partner: only those that fit are approved, the budget is never passed', async () => {
    const hours = 5;
    const each = hours * defaultPlanningRates.jobcoachHourEuros;
    const budget = await budgetWithRoom('jobcoach', 7 * each + each / 2);
    const placement = await makePlacement(app, world, 'preferred', { hoursPerWeek: 4 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => requestSupport(db(), world.employers.preferred.user, placement.id, jobcoach(hours))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const statuses = results.map((r) => (r.ok ? r.value.status : 'failed'));
    expect(statuses.filter((s) => s === 'approved')).toHaveLength(7);
    expect(statuses.filter((s) => s === 'requested')).toHaveLength(13);
    const line = (await budgetLines(db(), 'rotterdam', year)).find((l) => l.provision === 'jobcoach')!;
    expect(line.committedEuros).toBeLessThanOrEqual(budget);
    expect(line.leftEuros).toBe(each / 2);
  });

  test('10 parallel approvals without the confirmation: only those that fit go through', async () => {
    const each = 1000;
    await budgetWithRoom('werkplekaanpassing', 3 * each);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const asked = await requestSupport(db(), world.employers.committed.user, committed.id, {
        provision: 'werkplekaanpassing',
        amountEuros: each,
        explanation: `Aanpassing nummer ${i + 1} aan de werkplek.`,
      });
      if (!asked.ok) throw new Error(JSON.stringify(asked));
      ids.push(asked.value.id);
    }
    const results = await Promise.all(ids.map((id) => decideSupportRequest(db(), world.consulent, id, { decision: 'approve' })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    for (const result of results.filter((r) => !r.ok))
      expect(result).toEqual({ ok: false, reason: 'invalid', errors: { aboveBudget: aboveBudgetMessage } });
    const line = (await budgetLines(db(), 'rotterdam', year)).find((l) => l.provision === 'werkplekaanpassing')!;
    expect(line.leftEuros).toBe(0);
  });
});
