import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeWorld, type World } from '../../../../test/support/fixtures.js';
import { makePlacement, type TestPlacement } from '../../../../test/support/support-placements.js';
import { setBudgets } from '#app/domain/support/commands.js';
import { defaultPlanningRates } from '#app/domain/instanties/settings.js';
import { budgetYear } from '#app/domain/support/rules.js';

let app: TestApp;
let world: World;
let preferred: TestPlacement;
let committed: TestPlacement;
const year = budgetYear();

type User = { email: string; password: string };
const sessions = new Map<string, Record<string, string>>();
async function as(user: User) {
  if (!sessions.has(user.email)) sessions.set(user.email, await sessionHeaders(app, user));
  return sessions.get(user.email)!;
}
async function call(method: 'GET' | 'POST' | 'PUT', url: string, user?: User, body?: unknown) {
  const response = await app.server.inject({
    method,
    url: `/api/v1${url}`,
    headers: { ...(user ? await as(user) : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    location: response.headers.location,
    json: response.json(),
  };
}
const requestCount = async () => (await app.database.db.selectFrom('support_request').select('id').execute()).length;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  preferred = await makePlacement(app, world, 'preferred');
  committed = await makePlacement(app, world, 'committed');
  await setBudgets(app.database.db, world.beheerder, year, { jobcoach: String(50 * defaultPlanningRates.jobcoachHourEuros) });
});
afterAll(async () => app?.close());

describe('POST /plaatsingen/{id}/ondersteuningsaanvragen', () => {
  it('a preferred partner’s request within the budget is approved by default (201, Location)', async () => {
    const response = await call('POST', `/plaatsingen/${preferred.id}/ondersteuningsaanvragen`, world.employers.preferred.user, {
      provision: 'jobcoach',
      jobcoachHours: 10,
      explanation: 'Hulp bij het inwerken.',
    });
    expect(response.status).toBe(201);
    expect(response.location).toBe(`/api/v1/ondersteuningsaanvragen/${response.json.id}`);
    expect(response.json).toMatchObject({
      placementId: preferred.id,
      instantieId: 'rotterdam',
      employer: { id: world.employers.preferred.id, name: 'Werkgever preferred' },
      vacancyTitle: preferred.vacancyTitle,
      provision: 'jobcoach',
      status: 'approved',
      budgetYear: year,
      amountEuros: 10 * defaultPlanningRates.jobcoachHourEuros,
      jobcoachHours: 10,
      approvedByDefault: true,
      approvedAboveBudget: false,
      overdue: false,
      _links: { placement: { href: `/api/v1/plaatsingen/${preferred.id}` } },
    });
    expect(response.json.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('computes loonkostensubsidie from the loonwaarde and the placement’s hours', async () => {
    const response = await call('POST', `/plaatsingen/${committed.id}/ondersteuningsaanvragen`, world.employers.committed.user, {
      provision: 'loonkostensubsidie',
      loonwaardePercent: 60,
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      status: 'requested',
      loonwaardePercent: 60,
      subsidyPercent: 40,
      amountEuros: 8162,
      approvedByDefault: false,
    });
  });

  it('answers bad input with 400 and the fields, and refuses others with 403 or 404; nothing is written', async () => {
    const before = await requestCount();
    const path = `/plaatsingen/${preferred.id}/ondersteuningsaanvragen`;
    const bad = await call('POST', path, world.employers.preferred.user, { provision: 'werkplekaanpassing', amountEuros: -1 });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(bad.json.invalidParams).toEqual([
      { name: 'amountEuros', code: 'invalid', reason: "Vul een bedrag in hele euro's in, zonder komma. Bijvoorbeeld 1500." },
      { name: 'explanation', code: 'invalid', reason: 'Schrijf in een paar zinnen waarvoor het geld nodig is (minstens 10 tekens).' },
    ]);
    expect((await call('POST', path, world.employers.preferred.user, { provision: 'fiets' })).status).toBe(400);
    const input = { provision: 'jobcoach', jobcoachHours: 2 };
    expect((await call('POST', path, preferred.candidate.user, input)).status).toBe(403);
    expect((await call('POST', path, world.auditor, input)).status).toBe(403);
    expect((await call('POST', path, world.employers.committed.user, input)).status).toBe(404);
    expect((await call('POST', path, world.otherConsulent, input)).status).toBe(404);
    expect((await call('POST', '/plaatsingen/x/ondersteuningsaanvragen', world.employers.preferred.user, input)).status).toBe(404);
    expect((await call('POST', path, undefined, input)).status).toBe(401);
    expect(await requestCount()).toBe(before);
  });
});

describe('GET /ondersteuningsaanvragen and /ondersteuningsaanvragen/{id}', () => {
  it('shows staff the instantie’s requests and employers their own; a candidate is refused', async () => {
    const staff = await call('GET', '/ondersteuningsaanvragen?status=requested', world.consulent);
    expect(staff.status).toBe(200);
    expect(staff.json.items.length).toBeGreaterThan(0);
    expect(staff.json.items.every((r: { status: string }) => r.status === 'requested')).toBe(true);
    expect(staff.json._links.self.href).toContain('/api/v1/ondersteuningsaanvragen?');

    const own = await call('GET', '/ondersteuningsaanvragen', world.employers.preferred.user);
    expect(own.json.items.map((r: { employer: { id: string } }) => r.employer.id)).toEqual(
      own.json.items.map(() => world.employers.preferred.id),
    );
    expect(own.json.total).toBe(1);
    const other = await call('GET', '/ondersteuningsaanvragen', world.otherConsulent);
    expect(other.json.total).toBe(0);
    expect((await call('GET', '/ondersteuningsaanvragen', preferred.candidate.user)).status).toBe(403);
    expect((await call('GET', '/ondersteuningsaanvragen?status=alles', world.consulent)).status).toBe(400);

    const id = own.json.items[0].id;
    expect((await call('GET', `/ondersteuningsaanvragen/${id}`, world.employers.preferred.user)).json.id).toBe(id);
    expect((await call('GET', `/ondersteuningsaanvragen/${id}`, world.auditor)).status).toBe(200);
    expect((await call('GET', `/ondersteuningsaanvragen/${id}`, world.employers.committed.user)).status).toBe(404);
    expect((await call('GET', `/ondersteuningsaanvragen/${id}`, world.otherConsulent)).status).toBe(404);
    expect((await call('GET', `/ondersteuningsaanvragen/${id}`, preferred.candidate.user)).status).toBe(404);
  });
});

describe('POST /ondersteuningsaanvragen/{id}/besluiten', () => {
  it('approves above the budget only with aboveBudget; once; only by staff of the instantie', async () => {
    await setBudgets(app.database.db, world.beheerder, year, { werkplekaanpassing: '100' });
    const asked = await call('POST', `/plaatsingen/${committed.id}/ondersteuningsaanvragen`, world.employers.committed.user, {
      provision: 'werkplekaanpassing',
      amountEuros: 900,
      explanation: 'Een tillift bij de werkbank.',
    });
    const path = `/ondersteuningsaanvragen/${asked.json.id}/besluiten`;
    expect((await call('POST', path, world.employers.committed.user, { decision: 'approve', aboveBudget: true })).status).toBe(403);
    expect((await call('POST', path, world.otherConsulent, { decision: 'approve', aboveBudget: true })).status).toBe(404);
    const withoutConfirmation = await call('POST', path, world.consulent, { decision: 'approve' });
    expect(withoutConfirmation.status).toBe(400);
    expect(withoutConfirmation.json.invalidParams[0]).toMatchObject({ name: 'aboveBudget' });
    expect((await call('POST', path, world.consulent, { decision: 'reject', reason: 'kort' })).status).toBe(400);

    const approved = await call('POST', path, world.consulent, { decision: 'approve', aboveBudget: true });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'approved', approvedAboveBudget: true, approvedByDefault: false });
    expect(approved.json.decidedAt).not.toBeNull();
    const again = await call('POST', path, world.consulent, { decision: 'reject', reason: 'Toch maar niet, te duur.' });
    expect(again.status).toBe(409);
    expect(again.json.detail).toContain('Over deze aanvraag is al beslist');
  });
});

describe('withdrawing and spending', () => {
  it('POST …/intrekkingen withdraws a waiting request for the employer; others are refused; once', async () => {
    const asked = await call('POST', `/plaatsingen/${committed.id}/ondersteuningsaanvragen`, world.employers.committed.user, {
      provision: 'werkplekaanpassing',
      amountEuros: 300,
      explanation: 'Een verhoogde werktafel.',
    });
    expect(asked.json.status).toBe('requested');
    const path = `/ondersteuningsaanvragen/${asked.json.id}/intrekkingen`;
    expect((await call('POST', path, world.otherConsulent, {})).status).toBe(404);
    expect((await call('POST', path, committed.candidate.user, {})).status).toBe(404);
    const byStaff = await call('POST', path, world.consulent, {});
    expect(byStaff.status).toBe(403);
    expect(byStaff.json.detail).toBe('Alleen de werkgever, of wie de aanvraag deed, kan een aanvraag intrekken.');
    expect((await call('GET', `/ondersteuningsaanvragen/${asked.json.id}`, world.consulent)).json.status).toBe('requested');

    const withdrawn = await call('POST', path, world.employers.committed.user, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({ id: asked.json.id, status: 'withdrawn' });
    const again = await call('POST', path, world.employers.committed.user, {});
    expect(again.status).toBe(409);
    expect(again.json.detail).toContain('kunt u niet meer intrekken');
  });

  it('PUT …/uitgaven records the total spent on an approved request; for staff only; never above the amount', async () => {
    const asked = await call('POST', `/plaatsingen/${preferred.id}/ondersteuningsaanvragen`, world.employers.preferred.user, {
      provision: 'jobcoach',
      jobcoachHours: 5,
      explanation: 'Hulp bij nieuwe taken.',
    });
    expect(asked.json).toMatchObject({ status: 'approved', amountEuros: 5 * defaultPlanningRates.jobcoachHourEuros, spentEuros: 0 });
    const path = `/ondersteuningsaanvragen/${asked.json.id}/uitgaven`;
    expect((await call('PUT', path, world.employers.preferred.user, { spentEuros: 100 })).status).toBe(403);
    expect((await call('PUT', path, world.otherConsulent, { spentEuros: 100 })).status).toBe(404);
    const words = await call('PUT', path, world.consulent, { spentEuros: 'veel' });
    expect(words.status).toBe(400);
    expect(words.json.invalidParams[0]).toMatchObject({ name: 'spentEuros' });
    const tooMuch = await call('PUT', path, world.consulent, { spentEuros: 5 * defaultPlanningRates.jobcoachHourEuros + 1 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.json.invalidParams[0].reason).toContain('hoger dan het toegekende bedrag');
    expect((await call('GET', `/ondersteuningsaanvragen/${asked.json.id}`, world.consulent)).json.spentEuros).toBe(0);

    const spent = await call('PUT', path, world.consulent, { spentEuros: 250 });
    expect(spent.status).toBe(200);
    expect(spent.json).toMatchObject({ status: 'approved', spentEuros: 250 });
    // Money was spent, so it can no longer be withdrawn.
    expect((await call('POST', `/ondersteuningsaanvragen/${asked.json.id}/intrekkingen`, world.employers.preferred.user, {})).status).toBe(
      409,
    );

    const waiting = await call('POST', `/plaatsingen/${committed.id}/ondersteuningsaanvragen`, world.employers.committed.user, {
      provision: 'no_riskpolis',
      amountEuros: 200,
      explanation: 'Verzekering bij ziekte van de werknemer.',
    });
    expect((await call('PUT', `/ondersteuningsaanvragen/${waiting.json.id}/uitgaven`, world.consulent, { spentEuros: 10 })).status).toBe(
      409,
    );
  });
});

describe('budgets', () => {
  it('GET /budgetten shows per provision budget, committed, spent and left; for staff only', async () => {
    const response = await call('GET', `/budgetten?jaar=${year}`, world.auditor);
    expect(response.status).toBe(200);
    expect(response.json.items.map((line: { provision: string }) => line.provision)).toEqual([
      'loonwaardebepaling',
      'loonkostensubsidie',
      'jobcoach',
      'werkplekaanpassing',
      'no_riskpolis',
    ]);
    expect(response.json.items.find((line: { provision: string }) => line.provision === 'werkplekaanpassing')).toMatchObject({
      year,
      budgetEuros: 100,
      committedEuros: 900,
      spentEuros: 0,
      leftEuros: -800,
    });
    expect(response.json.items.find((line: { provision: string }) => line.provision === 'no_riskpolis')).toMatchObject({
      budgetEuros: null,
      leftEuros: null,
    });
    expect((await call('GET', '/budgetten', world.consulent)).json.items).toHaveLength(5);
    expect((await call('GET', '/budgetten', world.employers.preferred.user)).status).toBe(403);
    expect((await call('GET', '/budgetten?jaar=twintig', world.consulent)).status).toBe(400);
  });

  it('PUT /budgetten/{jaar}/{voorziening} sets one budget; for a beheerder only', async () => {
    const path = `/budgetten/${year + 1}/no_riskpolis`;
    const response = await call('PUT', path, world.beheerder, { amountEuros: 12000 });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      year: year + 1,
      provision: 'no_riskpolis',
      budgetEuros: 12000,
      committedEuros: 0,
      leftEuros: 12000,
    });
    expect((await call('PUT', path, world.consulent, { amountEuros: 1 })).status).toBe(403);
    expect((await call('PUT', path, world.employers.preferred.user, { amountEuros: 1 })).status).toBe(403);
    const bad = await call('PUT', path, world.beheerder, { amountEuros: 12.5 });
    expect(bad.status).toBe(400);
    expect(bad.json.invalidParams[0].name).toBe('amountEuros');
    expect((await call('PUT', `/budgetten/${year}/fiets`, world.beheerder, { amountEuros: 1 })).status).toBe(404);
    expect((await call('PUT', `/budgetten/1999/jobcoach`, world.beheerder, { amountEuros: 1 })).status).toBe(404);
    const events = await app.database.db
      .selectFrom('event')
      .select('data')
      .where('subject_type', '=', 'support_budget')
      .where('subject_id', '=', `rotterdam/${year + 1}/no_riskpolis`)
      .execute();
    expect(events).toHaveLength(1);
  });
});
