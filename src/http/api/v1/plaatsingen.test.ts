import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployerCategory } from '#app/db/schema.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { placementOutputSchema } from './plaatsingen.js';

type User = { email: string; password: string; userId: string };
type Json = Record<string, unknown> & {
  items?: Record<string, unknown>[];
  invalidParams?: { name: string; reason: string }[];
  detail?: string;
  confirmations?: { party: string; name: string | null; confirmedAt: string }[];
};

let app: TestApp;
let world: World;
const sessions = new Map<string, Record<string, string>>();

async function call(method: 'GET' | 'POST', url: string, user?: User, body?: unknown) {
  let headers: Record<string, string> = {};
  if (user) {
    if (!sessions.has(user.email)) sessions.set(user.email, await sessionHeaders(app, user));
    headers = { ...sessions.get(user.email)! };
  }
  const payload = method === 'GET' ? undefined : JSON.stringify(body ?? {});
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await app.server.inject({ method, url: `/api/v1${url}`, headers, payload });
  return {
    status: response.statusCode,
    type: response.headers['content-type'] ?? '',
    location: response.headers.location,
    json: (response.body ? response.json() : {}) as Json,
  };
}

const db = () => app.database.db;
const daysFromNow = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));
const agreement = (overrides: Record<string, unknown> = {}) => ({
  kind: 'dienstverband',
  startDate: daysFromNow(7),
  hoursPerWeek: 16,
  support: 'Een vaste collega helpt de eerste weken.',
  conditions: 'Loon volgens de cao.',
  ...overrides,
});

/** A contact in conversation between a new candidate (with login) and the employer of this category. */
async function contact(category: EmployerCategory) {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  const user = made.user!;
  const vacancyId = await makeVacancy(app, world.employers[category].id);
  const employer = world.employers[category].user;
  const started =
    category === 'business_as_usual'
      ? await call('POST', `/vacatures/${vacancyId}/voorstellen`, world.consulent, {
          candidateId: made.id,
          message: 'Zij past goed bij dit werk.',
          candidateAgrees: true,
        })
      : await call('POST', `/vacatures/${vacancyId}/interesse`, user, { message: 'Ik wil graag bij u werken.' });
  if (started.status !== 201) throw new Error(JSON.stringify(started.json));
  const id = String(started.json.id);
  const talk = await call('POST', `/contacten/${id}/gesprek`, employer);
  if (talk.status !== 200) throw new Error(JSON.stringify(talk.json));
  return { id, candidateId: made.id, candidate: user, employer };
}

async function register(category: EmployerCategory, overrides: Record<string, unknown> = {}) {
  const c = await contact(category);
  const response = await call('POST', `/contacten/${c.id}/plaatsingen`, c.employer, agreement(overrides));
  expect(response.status, JSON.stringify(response.json)).toBe(201);
  return { ...c, placementId: String(response.json.id), response };
}

async function snapshot() {
  const [placements, confirmations, applications] = await Promise.all([
    db().selectFrom('placement').selectAll().orderBy('id').execute(),
    db().selectFrom('placement_confirmation').selectAll().orderBy('placement_id').orderBy('party').execute(),
    db().selectFrom('application').select(['id', 'state']).orderBy('id').execute(),
  ]);
  return { placements, confirmations, applications };
}

beforeAll(async () => {
  app = await createTestApp({ rateLimitPerMinute: 100_000 });
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

describe('registering a placement follows the employer’s route', () => {
  it('starts a preferred partner’s placement at once, with the employer’s confirmation and the lead time', async () => {
    const { placementId, response, id, candidate } = await register('preferred');
    expect(response.location).toBe(`/api/v1/plaatsingen/${placementId}`);
    const placement = placementOutputSchema.parse(response.json);
    expect(placement).toMatchObject({
      side: 'employer',
      route: 'preferred',
      status: 'active',
      kind: 'dienstverband',
      contactId: id,
      hoursPerWeek: 16,
      startDate: daysFromNow(7),
      endDate: null,
    });
    expect(placement.confirmations.map((c) => c.party)).toEqual(['employer']);
    expect(placement.confirmations[0]!.name).toBe('Werkgever preferred');
    expect(placement.leadTime.milliseconds).toBeGreaterThanOrEqual(0);
    expect(placement.leadTime.startedAt).toBe(placement.startedAt);
    const contactNow = await call('GET', `/contacten/${id}`, candidate);
    expect(contactNow.json).toMatchObject({ state: 'placed', placement: { id: placementId, status: 'active' } });
    expect((await call('GET', `/plaatsingen/${placementId}`, candidate)).json.side).toBe('candidate');
    expect((await call('GET', `/plaatsingen/${placementId}`, world.consulent)).json.side).toBe('consultant');
  });

  it('lets a committed partner’s placement wait for the instantie, with the day it starts by itself', async () => {
    const { placementId, response } = await register('committed');
    expect(response.json).toMatchObject({ route: 'committed', status: 'awaiting_instantie', startedAt: null });
    expect(response.json.startsUnlessObjectionAt).toEqual(expect.any(String));
    const approved = await call('POST', `/plaatsingen/${placementId}/besluiten`, world.consulent, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'active', startsUnlessObjectionAt: null, side: 'consultant' });
    expect(approved.json.confirmations!.map((c) => c.party).sort()).toEqual(['employer', 'instantie']);
  });

  it('waits for the instantie’s approval on business-as-usual; a rejection needs a reason and lets the conversation go on', async () => {
    const { placementId, id, employer } = await register('business_as_usual');
    const short = await call('POST', `/plaatsingen/${placementId}/besluiten`, world.consulent, { decision: 'reject', reason: 'nee' });
    expect(short.status).toBe(400);
    expect(short.json.invalidParams).toEqual([
      expect.objectContaining({ name: 'reason', reason: 'Schrijf in een paar woorden waarom (minstens 10 tekens).' }),
    ]);
    const odd = await call('POST', `/plaatsingen/${placementId}/besluiten`, world.consulent, { decision: 'misschien' });
    expect(odd.status).toBe(400);
    expect(odd.json.invalidParams).toEqual([expect.objectContaining({ name: 'decision', reason: 'Kies: goedkeuren of afwijzen.' })]);
    const byEmployer = await call('POST', `/plaatsingen/${placementId}/besluiten`, employer, { decision: 'approve' });
    expect(byEmployer.status).toBe(403);
    expect(byEmployer.json.detail).toBe('Alleen een consulent of beheerder van de instantie van de kandidaat besluit over een plaatsing.');
    expect((await call('POST', `/plaatsingen/${placementId}/besluiten`, world.auditor, { decision: 'approve' })).status).toBe(403);
    expect((await call('POST', `/plaatsingen/${placementId}/besluiten`, world.otherConsulent, { decision: 'approve' })).status).toBe(404);

    const reason = 'De begeleiding op de werkvloer is nog niet geregeld.';
    const rejected = await call('POST', `/plaatsingen/${placementId}/besluiten`, world.beheerder, { decision: 'reject', reason });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({ status: 'rejected', decisionReason: reason });
    expect((await call('GET', `/contacten/${id}`, employer)).json.state).toBe('in_conversation');
    const again = await call('POST', `/plaatsingen/${placementId}/besluiten`, world.consulent, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.json.detail).toBe('Over deze plaatsing is al beslist. Ververs de pagina.');

    const second = await call('POST', `/contacten/${id}/plaatsingen`, employer, agreement());
    expect(second.status).toBe(201);
    expect(
      (await call('POST', `/plaatsingen/${String(second.json.id)}/besluiten`, world.consulent, { decision: 'approve' })).json.status,
    ).toBe('active');
  });
});

describe('registration: who and what', () => {
  it('refuses other sides, unknown contacts and contacts that are not ready', async () => {
    const c = await contact('preferred');
    expect((await call('POST', `/contacten/${c.id}/plaatsingen`, c.candidate, agreement())).status).toBe(403);
    expect((await call('POST', `/contacten/${c.id}/plaatsingen`, world.consulent, agreement())).status).toBe(403);
    expect((await call('POST', `/contacten/${c.id}/plaatsingen`, world.employers.committed.user, agreement())).status).toBe(404);
    expect((await call('POST', `/contacten/${crypto.randomUUID()}/plaatsingen`, c.employer, agreement())).status).toBe(404);
    expect((await call('POST', '/contacten/geen-id/plaatsingen', c.employer, agreement())).status).toBe(404);
    expect((await call('POST', `/contacten/${c.id}/plaatsingen`, c.employer, agreement())).status).toBe(201);
    const placed = await call('POST', `/contacten/${c.id}/plaatsingen`, c.employer, agreement());
    expect(placed.status).toBe(409);
    expect(placed.json.detail).toBe(
      'Voor dit contact kunt u nu geen plaatsing vastleggen. Ververs de pagina om te zien hoe het ervoor staat.',
    );
  });

  it('answers bad agreements with Dutch field errors and writes nothing', async () => {
    const c = await contact('preferred');
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kind: 'stage' }, 'kind', 'Kies het soort plaatsing.'],
      [{ startDate: '2020-13-40' }, 'startDate', 'Vul een geldige datum in, bijvoorbeeld 2027-01-04.'],
      [{ startDate: daysFromNow(-3) }, 'startDate', 'De startdatum is al voorbij. Kies vandaag of een latere datum.'],
      [{ hoursPerWeek: 99 }, 'hoursPerWeek', 'Vul een aantal uren per week in tussen 1 en 40.'],
      [{ hoursPerWeek: 'veel' }, 'hoursPerWeek', 'Vul een aantal uren per week in tussen 1 en 40.'],
      [{ hoursPerWeek: 30 }, 'hoursPerWeek', 'De kandidaat kan nog 24 uur per week werken. Kies hoogstens 24 uur.'],
      [{ kind: 'proefplaatsing' }, 'endDate', 'Een proefplaatsing duurt hoogstens 2 maanden. Vul de einddatum in.'],
      [{ endDate: daysFromNow(1) }, 'endDate', 'De einddatum ligt voor de startdatum.'],
      [{ kind: 'beschut_werk' }, 'positiveAdviceDate', 'Beschut werk kan alleen met een positief advies. Vul de datum van het advies in.'],
    ];
    for (const [overrides, field, reason] of cases) {
      const response = await call('POST', `/contacten/${c.id}/plaatsingen`, c.employer, agreement(overrides));
      expect(response.status, JSON.stringify(overrides)).toBe(400);
      expect(response.type).toContain('application/problem+json');
      expect(response.json.invalidParams, JSON.stringify(overrides)).toContainEqual(expect.objectContaining({ name: field, reason }));
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('confirming, cancelling and ending', () => {
  it('records one confirmation per party; confirming again changes nothing', async () => {
    const { placementId, candidate, employer } = await register('committed');
    const first = await call('POST', `/plaatsingen/${placementId}/bevestigingen`, candidate);
    expect(first.status).toBe(200);
    const mine = first.json.confirmations!.find((c) => c.party === 'candidate')!;
    expect(mine).toMatchObject({ party: 'candidate', name: null });
    const again = await call('POST', `/plaatsingen/${placementId}/bevestigingen`, candidate);
    expect(again.status).toBe(200);
    expect(again.json.confirmations).toEqual(first.json.confirmations);
    expect((await call('POST', `/plaatsingen/${placementId}/bevestigingen`, employer)).json.confirmations).toHaveLength(2);
    expect((await call('POST', `/plaatsingen/${placementId}/bevestigingen`, world.auditor)).status).toBe(403);
    expect((await call('POST', `/plaatsingen/${placementId}/bevestigingen`, world.otherConsulent)).status).toBe(404);
    expect((await call('POST', `/plaatsingen/${placementId}/bevestigingen`, world.employers.preferred.user)).status).toBe(404);
    const instantie = await call('POST', `/plaatsingen/${placementId}/bevestigingen`, world.consulent);
    expect(instantie.json.confirmations!.map((c) => c.party).sort()).toEqual(['candidate', 'employer', 'instantie']);
    expect(instantie.json.status).toBe('awaiting_instantie');
  });

  it('lets the employer cancel a placement that waits, not one that runs', async () => {
    const waiting = await register('business_as_usual');
    expect((await call('POST', `/plaatsingen/${waiting.placementId}/annulering`, waiting.candidate)).status).toBe(403);
    expect((await call('POST', `/plaatsingen/${waiting.placementId}/annulering`, world.consulent)).status).toBe(403);
    const cancelled = await call('POST', `/plaatsingen/${waiting.placementId}/annulering`, waiting.employer);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect((await call('GET', `/contacten/${waiting.id}`, waiting.employer)).json.state).toBe('in_conversation');
    const confirm = await call('POST', `/plaatsingen/${waiting.placementId}/bevestigingen`, waiting.candidate);
    expect(confirm.status).toBe(409);
    expect(confirm.json.detail).toBe('Deze plaatsing gaat niet door. Er is niets te bevestigen.');

    const running = await register('preferred');
    const refused = await call('POST', `/plaatsingen/${running.placementId}/annulering`, running.employer);
    expect(refused.status).toBe(409);
    expect(refused.json.detail).toBe('Deze plaatsing is al begonnen of afgesloten. Ververs de pagina.');
  });

  it('records the end of a running placement by the employer or the instantie', async () => {
    const { placementId, candidate, employer } = await register('preferred', { startDate: todayIso() });
    const end = { endedOn: todayIso(), followUp: 'contract', reason: 'Het ging goed.', evaluation: 'Vast contract aangeboden.' };
    expect((await call('POST', `/plaatsingen/${placementId}/beeindiging`, candidate, end)).status).toBe(403);
    expect((await call('POST', `/plaatsingen/${placementId}/beeindiging`, world.auditor, end)).status).toBe(403);
    const future = await call('POST', `/plaatsingen/${placementId}/beeindiging`, employer, { ...end, endedOn: daysFromNow(3) });
    expect(future.status).toBe(400);
    expect(future.json.invalidParams).toEqual([
      expect.objectContaining({ name: 'endedOn', reason: 'Die dag is nog niet geweest. Leg het einde vast op of na de laatste dag.' }),
    ]);
    const missing = await call('POST', `/plaatsingen/${placementId}/beeindiging`, employer, { endedOn: todayIso() });
    expect(missing.status).toBe(400);
    expect(missing.json.invalidParams!.map((p) => p.name).sort()).toEqual(['followUp', 'reason']);
    const ended = await call('POST', `/plaatsingen/${placementId}/beeindiging`, world.consulent, end);
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ status: 'ended', endedOn: todayIso(), followUp: 'contract', endReason: 'Het ging goed.' });
    expect((await call('POST', `/plaatsingen/${placementId}/beeindiging`, employer, end)).status).toBe(409);
  });
});

describe('GET /plaatsingen', () => {
  it('lists by the actor’s role, pages, filters by status, and refuses a scope the actor has no role for', async () => {
    const a = await register('committed');
    const b = await register('committed');
    const employer = world.employers.committed.user;
    const page = await call('GET', '/plaatsingen?pageSize=1&status=awaiting_instantie', employer);
    expect(page.status).toBe(200);
    expect(page.json.total).toBeGreaterThanOrEqual(2);
    expect(page.json.items).toHaveLength(1);
    expect(page.json._links).toMatchObject({ next: { href: '/api/v1/plaatsingen?pageSize=1&status=awaiting_instantie&page=2' } });
    const all = await call('GET', '/plaatsingen?pageSize=100', employer);
    expect(all.json.items!.map((p) => p.id)).toEqual(expect.arrayContaining([a.placementId, b.placementId]));
    expect(all.json.items!.every((p) => (p.employer as { id: string }).id === world.employers.committed.id)).toBe(true);
    expect(all.json.items![0]).toMatchObject({ confirmedParties: ['employer'] });

    const own = await call('GET', '/plaatsingen', a.candidate);
    expect(own.json.items!.map((p) => p.id)).toEqual([a.placementId]);
    const staff = await call('GET', '/plaatsingen?pageSize=100', world.auditor);
    expect(staff.json.items!.map((p) => p.id)).toEqual(expect.arrayContaining([a.placementId, b.placementId]));
    expect((await call('GET', '/plaatsingen?pageSize=100', world.otherConsulent)).json.items!.map((p) => p.id)).not.toContain(
      a.placementId,
    );
    expect((await call('GET', '/plaatsingen?scope=instantie', employer)).status).toBe(403);
    const bad = await call('GET', '/plaatsingen?scope=alles&status=klaar', employer);
    expect(bad.status).toBe(400);
    expect(bad.json.invalidParams!.map((p) => p.name).sort()).toEqual(['scope', 'status']);
    expect((await call('GET', '/plaatsingen')).status).toBe(401);
  });

  it('answers 404 for a placement the actor may not see, and for anything that is not an id', async () => {
    const { placementId } = await register('preferred');
    for (const user of [world.otherConsulent, world.employers.committed.user]) {
      expect((await call('GET', `/plaatsingen/${placementId}`, user)).status).toBe(404);
    }
    for (const odd of ['x', '00000000-0000-0000-0000-000000000000']) {
      const response = await call('GET', `/plaatsingen/${odd}`, world.consulent);
      expect(response.status).toBe(404);
      expect(response.type).toContain('application/problem+json');
    }
  });
});
