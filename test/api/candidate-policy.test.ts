import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer, setCategory } from '#app/domain/employers/commands.js';
import { giveConsent, withdrawConsent } from '#app/domain/candidates/commands.js';
import type { EmployerCategory } from '#app/db/schema.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { sessionHeaders } from '../support/api.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../support/fixtures.js';

// The oracle below is written out independently of src/domain/candidates/rules.ts on purpose:
// it is the RAKEW rule in plain terms, so a slip in the rules module makes these tests fail.
const levels = ['consulent', 'voorkeur', 'betrokken', 'alle'] as const;
type Level = (typeof levels)[number];
const groups = {
  identiteit: ['firstName', 'lastName', 'email', 'phone'],
  werkwensen: ['wishedOccupations', 'hoursPerWeek', 'days'],
  ervaring: ['skills', 'workExperience', 'educationLevel', 'languages', 'dutchLevel', 'about'],
  beschikbaarheid: ['availability', 'availabilityExpiresAt', 'availabilityExpired'],
  locatie: ['postcodeArea', 'travelRadiusKm', 'travelModes'],
  ondersteuning: ['supportNeeds', 'participationStep', 'regieLevel'],
  doelgroep: ['targetGroups'],
} as const;
const everyField = [...Object.values(groups).flat(), 'postcode'].sort();
const letsIn: Record<Level, EmployerCategory[]> = {
  consulent: [],
  voorkeur: ['preferred'],
  betrokken: ['preferred', 'committed'],
  alle: ['preferred', 'committed', 'business_as_usual'],
};

function expectedForEmployer(category: EmployerCategory, level: Level, anonymous: boolean, consent: boolean): string[] | null {
  if (!consent) return null;
  const fields = Object.entries(groups).flatMap(([group, fields]) => {
    if (!letsIn[level].includes(category)) return [];
    if (group === 'identiteit' && anonymous) return [];
    if (category === 'business_as_usual' && (group === 'ondersteuning' || group === 'doelgroep')) return [];
    return [...fields];
  });
  return fields.length ? fields.sort() : null;
}

const profileFields = (body: Record<string, unknown>) =>
  Object.keys(body)
    .filter((k) => !['id', 'pseudonym', 'instantieId'].includes(k))
    .sort();

type Case = { id: string; level: Level; anonymous: boolean; consent: boolean; lastName: string };
let app: TestApp;
let world: World;
let cases: Case[];
let otherInstantieCandidate: string;
let preferredElsewhere: Awaited<ReturnType<typeof makeUser>>;
let selfCandidate: { id: string; user: Awaited<ReturnType<typeof makeUser>> };
let otherCandidateUser: Awaited<ReturnType<typeof makeUser>>;
const headers = new Map<string, Record<string, string>>();
const as = async (user: { email: string; password: string }) => {
  if (!headers.has(user.email)) headers.set(user.email, await sessionHeaders(app, user));
  return headers.get(user.email)!;
};

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  cases = [];
  for (const level of levels) {
    for (const anonymous of [true, false]) {
      for (const consent of [true, false]) {
        const visibility = Object.fromEntries(Object.keys(groups).map((g) => [g, level]));
        const { id } = await makeCandidate(app, world.consulent, { visibility, anonymous, consent });
        const row = await app.database.db.selectFrom('candidate').select('last_name').where('id', '=', id).executeTakeFirstOrThrow();
        cases.push({ id, level, anonymous, consent, lastName: row.last_name });
      }
    }
  }
  otherInstantieCandidate = (await makeCandidate(app, world.otherConsulent, { visibility: { identiteit: 'alle' }, anonymous: false })).id;
  const employerId = await createEmployer(app.database.db, null, {
    name: 'Voorkeur elders',
    kvkNumber: '87654321',
    sector: 'Zorg',
    psoLevel: 'trede_3',
    psoEvidenceDate: '2026-01-01',
    codeSocialeOndernemingen: true,
    locations: [],
  });
  await setCategory(app.database.db, {
    employerId,
    instantieId: 'schiedam',
    category: 'preferred',
    reason: 'Testopzet',
    decidedBy: world.beheerder.userId,
  });
  preferredElsewhere = await makeUser(app, 'Werkgever elders', [{ role: 'werkgever', employerId }]);
  const self = await makeCandidate(app, world.consulent, { withLogin: true });
  selfCandidate = { id: self.id, user: self.user! };
  otherCandidateUser = (await makeCandidate(app, world.consulent, { withLogin: true })).user!;
});
afterAll(async () => app?.close());

describe('GET /api/v1/kandidaten/{id}: every employer category × visibility level × anonymous × consent', () => {
  it('gives each employer exactly the fields the candidate opened for its category, and logs it', async () => {
    for (const category of ['preferred', 'committed', 'business_as_usual'] as const) {
      const employer = world.employers[category].user;
      for (const c of cases) {
        const response = await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${c.id}`, headers: await as(employer) });
        const expected = expectedForEmployer(category, c.level, c.anonymous, c.consent);
        const label = `${category} ${c.level} anonymous=${c.anonymous} consent=${c.consent}`;
        if (expected === null) {
          expect(response.statusCode, label).toBe(404);
          expect(response.headers['content-type'], label).toContain('application/problem+json');
          expect(response.body, label).not.toContain(c.lastName);
        } else {
          expect(response.statusCode, label).toBe(200);
          expect(profileFields(response.json()), label).toEqual(expected);
          if (c.anonymous) expect(response.body, label).not.toContain(c.lastName);
        }
      }
    }
    const logged = await app.database.db
      .selectFrom('access_log')
      .select(['candidate_id', 'fields', 'viewer_role'])
      .where('context', '=', 'api.kandidaten.get')
      .execute();
    const granted = cases.flatMap((c) =>
      (['preferred', 'committed', 'business_as_usual'] as const).filter(
        (cat) => expectedForEmployer(cat, c.level, c.anonymous, c.consent) !== null,
      ),
    );
    expect(logged).toHaveLength(granted.length);
    expect(logged.every((row) => row.viewer_role === 'werkgever')).toBe(true);
  });

  it('shows the same on the candidate page as in the API', async () => {
    for (const category of ['preferred', 'business_as_usual'] as const) {
      for (const c of cases) {
        const response = await app.server.inject({
          method: 'GET',
          url: `/kandidaten/${c.id}`,
          headers: await as(world.employers[category].user),
        });
        const expected = expectedForEmployer(category, c.level, c.anonymous, c.consent);
        const label = `page ${category} ${c.level} anonymous=${c.anonymous} consent=${c.consent}`;
        expect(response.statusCode, label).toBe(expected === null ? 404 : 200);
        expect(response.body.includes(c.lastName), label).toBe(expected?.includes('lastName') ?? false);
        expect(response.body.includes('Doelgroepregister (banenafspraak)'), label).toBe(expected?.includes('targetGroups') ?? false);
        expect(response.body.includes('3012CD'), label).toBe(false);
      }
    }
  });

  it('never lets an employer with a category only at another instantie see more than a business-as-usual partner', async () => {
    for (const c of cases) {
      const response = await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${c.id}`, headers: await as(preferredElsewhere) });
      const expected = expectedForEmployer('business_as_usual', c.level, c.anonymous, c.consent);
      expect(response.statusCode).toBe(expected === null ? 404 : 200);
      if (expected) expect(profileFields(response.json())).toEqual(expected);
    }
  });

  it('shows staff of the own instantie everything, with the full postcode, whatever the candidate chose', async () => {
    for (const staff of [world.consulent, world.beheerder, world.auditor]) {
      for (const c of cases) {
        const response = await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${c.id}`, headers: await as(staff) });
        expect(response.statusCode).toBe(200);
        expect(profileFields(response.json())).toEqual(everyField);
        expect(response.json().postcode).toBe('3012CD');
      }
    }
  });

  it('refuses staff of another instantie, other candidates and visitors', async () => {
    for (const c of cases) {
      for (const stranger of [world.otherConsulent, otherCandidateUser]) {
        const response = await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${c.id}`, headers: await as(stranger) });
        expect(response.statusCode).toBe(404);
      }
      const visitor = await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${c.id}` });
      expect(visitor.statusCode).toBe(401);
    }
    const page = await app.server.inject({
      method: 'GET',
      url: `/kandidaten/${otherInstantieCandidate}`,
      headers: await as(world.consulent),
    });
    expect(page.statusCode).toBe(404);
  });

  it('shows a candidate their own profile in full', async () => {
    const response = await app.server.inject({
      method: 'GET',
      url: `/api/v1/kandidaten/${selfCandidate.id}`,
      headers: await as(selfCandidate.user),
    });
    expect(response.statusCode).toBe(200);
    expect(profileFields(response.json())).toEqual(everyField);
  });

  it('answers walking ids the same as refusals: no way to tell what exists', async () => {
    const employer = await as(world.employers.preferred.user);
    const hidden = cases.find((c) => !c.consent)!;
    const refused = await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${hidden.id}`, headers: employer });
    for (const id of [randomUUID(), 'niet-een-id', '1', `${hidden.id}x`]) {
      const response = await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${encodeURIComponent(id)}`, headers: employer });
      expect(response.statusCode).toBe(404);
      expect({ ...response.json(), instance: undefined }).toEqual({ ...refused.json(), instance: undefined });
    }
  });
});

describe('GET /api/v1/kandidaten: lists, paging and search stay within the policy', () => {
  it('pages through the pool one by one and never receives a hidden candidate or field', async () => {
    for (const category of ['preferred', 'committed'] as const) {
      const auth = await as(world.employers[category].user);
      const seen: string[] = [];
      let url: string | undefined = '/api/v1/kandidaten?pageSize=1';
      while (url) {
        const response: { statusCode: number; json: () => unknown } = await app.server.inject({ method: 'GET', url, headers: auth });
        expect(response.statusCode).toBe(200);
        const body = response.json() as {
          items: (Record<string, unknown> & { id: string; instantieId: string })[];
          _links: { next?: { href: string } };
        };
        for (const item of body.items) {
          seen.push(item.id);
          const c = cases.find((x) => x.id === item.id);
          if (c) expect(profileFields(item)).toEqual(expectedForEmployer(category, c.level, c.anonymous, c.consent));
          else expect(item.instantieId).toBe('rotterdam');
        }
        url = body._links.next?.href;
      }
      const expectedIds = cases.filter((c) => expectedForEmployer(category, c.level, c.anonymous, c.consent) !== null).map((c) => c.id);
      expect(seen).toEqual(expect.arrayContaining(expectedIds));
      expect(seen.filter((id) => cases.some((c) => c.id === id)).sort()).toEqual(expectedIds.sort());
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain(otherInstantieCandidate);
    }
  });

  it('does not let an employer find anonymous candidates by name', async () => {
    const anonymousVisible = cases.find((c) => c.anonymous && c.consent && c.level === 'alle')!;
    const response = await app.server.inject({
      method: 'GET',
      url: `/api/v1/kandidaten?search=${encodeURIComponent(anonymousVisible.lastName)}`,
      headers: await as(world.employers.preferred.user),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(0);
  });

  it('refuses the pool to business-as-usual partners and staff lists to employers', async () => {
    const bau = await as(world.employers.business_as_usual.user);
    expect((await app.server.inject({ method: 'GET', url: '/api/v1/kandidaten', headers: bau })).statusCode).toBe(403);
    const preferred = await as(world.employers.preferred.user);
    expect((await app.server.inject({ method: 'GET', url: '/api/v1/kandidaten?scope=instantie', headers: preferred })).statusCode).toBe(
      403,
    );
  });

  it('gives staff only their own instantie', async () => {
    const own = await app.server.inject({ method: 'GET', url: '/api/v1/kandidaten?pageSize=100', headers: await as(world.consulent) });
    expect(own.json().items.every((item: { instantieId: string }) => item.instantieId === 'rotterdam')).toBe(true);
    const other = await app.server.inject({
      method: 'GET',
      url: '/api/v1/kandidaten?pageSize=100',
      headers: await as(world.otherConsulent),
    });
    expect(other.json().items.map((item: { id: string }) => item.id)).toEqual([otherInstantieCandidate]);
  });

  it('answers bad query parameters with 400 and the invalid fields', async () => {
    const response = await app.server.inject({
      method: 'GET',
      url: '/api/v1/kandidaten?pageSize=1000&scope=alles',
      headers: await as(world.consulent),
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
    ).toEqual(['pageSize', 'scope']);
  });
});

describe('consent', () => {
  it('makes no candidate visible to any employer without a consent record', async () => {
    const { id } = await makeCandidate(app, world.consulent, {
      visibility: Object.fromEntries(Object.keys(groups).map((g) => [g, 'alle'])),
      anonymous: false,
      consent: false,
    });
    for (const category of ['preferred', 'committed', 'business_as_usual'] as const) {
      const response = await app.server.inject({
        method: 'GET',
        url: `/api/v1/kandidaten/${id}`,
        headers: await as(world.employers[category].user),
      });
      expect(response.statusCode).toBe(404);
    }
    const consents = await app.database.db.selectFrom('consent').selectAll().where('candidate_id', '=', id).execute();
    expect(consents).toEqual([]);
  });

  it('hides the profile at once when consent is withdrawn, and records who did what', async () => {
    const { id } = await makeCandidate(app, world.consulent, { visibility: { werkwensen: 'alle' }, consent: false });
    const employer = await as(world.employers.preferred.user);
    await giveConsent(app.database.db, world.consulent, id);
    expect((await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${id}`, headers: employer })).statusCode).toBe(200);
    await withdrawConsent(app.database.db, world.consulent, id);
    expect((await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${id}`, headers: employer })).statusCode).toBe(404);
    const [consent] = await app.database.db.selectFrom('consent').selectAll().where('candidate_id', '=', id).execute();
    expect(consent).toMatchObject({
      given_by: world.consulent.userId,
      recorded_as: 'consulent_met_kandidaat',
      withdrawn_by: world.consulent.userId,
    });
    expect(consent!.withdrawn_at).toBeInstanceOf(Date);
  });
});
