import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';

let app: TestApp;
let world: World;
type User = { email: string; password: string };
const headers = new Map<string, Record<string, string>>();
const as = async (user: User) => {
  if (!headers.has(user.email)) headers.set(user.email, await sessionHeaders(app, user));
  return headers.get(user.email)!;
};

type Json = Record<string, unknown> & { invalidParams?: { name: string; reason: string }[] };
async function call(method: 'GET' | 'POST' | 'DELETE', url: string, user?: User, payload?: unknown) {
  const response = await app.server.inject({
    method,
    url: `/api/v1${url}`,
    headers: user ? await as(user) : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    location: response.headers.location,
    json: (response.body ? response.json() : {}) as Json,
  };
}

async function snapshot() {
  const db = app.database.db;
  const count = async (table: 'waiting_list_entry' | 'event' | 'application') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { entries: await count('waiting_list_entry'), events: await count('event'), applications: await count('application') };
}

const candidate = async () => {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  return { id: made.id, user: made.user! };
};
const openHiring = (values: Parameters<typeof makeVacancy>[2] = {}) =>
  makeVacancy(app, world.employers.preferred.id, {
    suitability: ['open_hiring'],
    physical_requirements: 'Je loopt veel en je tilt kratten.',
    ...values,
  });
const read = { requirementsRead: true };

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

describe('the candidate’s side', () => {
  it('joins with requirementsRead true (201 and Location), sees the place, and leaves with DELETE', async () => {
    const vacancyId = await openHiring();
    const [a, b] = [await candidate(), await candidate()];
    const first = await call('POST', `/vacatures/${vacancyId}/wachtlijst`, a.user, read);
    expect(first.status).toBe(201);
    expect(first.location).toBe(`/api/v1/vacatures/${vacancyId}/wachtlijst/mijn-plek`);
    expect(first.json).toMatchObject({ position: 1, waiting: 1 });
    expect((await call('POST', `/vacatures/${vacancyId}/wachtlijst`, b.user, read)).json).toMatchObject({ position: 2, waiting: 2 });

    const place = await call('GET', `/vacatures/${vacancyId}/wachtlijst/mijn-plek`, b.user);
    expect(place.status).toBe(200);
    expect(place.json).toEqual({ position: 2, waiting: 2, joinedAt: expect.any(String) });
    const list = await call('GET', `/vacatures/${vacancyId}/wachtlijst`, b.user);
    expect(list.json).toEqual({
      vacancyId,
      counts: { waiting: 2, taken: 0, withdrawn: 0 },
      ownPlace: { position: 2, waiting: 2, joinedAt: expect.any(String) },
    });

    const again = await call('POST', `/vacatures/${vacancyId}/wachtlijst`, a.user, read);
    expect(again.status).toBe(409);
    expect(again.type).toMatch(/^application\/problem\+json/);
    expect(again.json.detail).toBe('Je staat al op de wachtlijst van deze vacature.');

    expect((await call('DELETE', `/vacatures/${vacancyId}/wachtlijst/mijn-plek`, a.user)).status).toBe(204);
    expect((await call('DELETE', `/vacatures/${vacancyId}/wachtlijst/mijn-plek`, a.user)).status).toBe(404);
    expect((await call('GET', `/vacatures/${vacancyId}/wachtlijst/mijn-plek`, a.user)).status).toBe(404);
    expect((await call('GET', `/vacatures/${vacancyId}/wachtlijst/mijn-plek`, b.user)).json.position).toBe(1);
    expect((await call('GET', `/vacatures/${vacancyId}/wachtlijst`, a.user)).json).toMatchObject({
      counts: { waiting: 1, taken: 0, withdrawn: 1 },
      ownPlace: null,
    });
  });

  it('answers a missing confirmation with 400, the Dutch reason and nothing written', async () => {
    const vacancyId = await openHiring();
    const who = await candidate();
    const before = await snapshot();
    for (const body of [{}, { requirementsRead: false }, { requirementsRead: 'misschien' }]) {
      const response = await call('POST', `/vacatures/${vacancyId}/wachtlijst`, who.user, body);
      expect(response.status).toBe(400);
      expect(response.type).toMatch(/^application\/problem\+json/);
      expect(response.json.invalidParams).toEqual([
        {
          name: 'requirementsRead',
          code: 'invalid',
          reason: 'Lees wat het werk van je lichaam vraagt. Zet dan een vinkje als je dit werk kunt doen.',
        },
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses others than candidates (403), visitors (401), and vacancies without a waiting list', async () => {
    const vacancyId = await openHiring();
    const plain = await makeVacancy(app, world.employers.preferred.id, { suitability: [] });
    const closed = await openHiring({ status: 'closed' });
    const who = await candidate();
    const before = await snapshot();
    expect((await call('POST', `/vacatures/${vacancyId}/wachtlijst`, world.employers.preferred.user, read)).status).toBe(403);
    expect((await call('POST', `/vacatures/${vacancyId}/wachtlijst`, world.consulent, read)).status).toBe(403);
    expect((await call('DELETE', `/vacatures/${vacancyId}/wachtlijst/mijn-plek`, world.consulent)).status).toBe(403);
    expect((await call('POST', `/vacatures/${vacancyId}/wachtlijst`, undefined, read)).status).toBe(401);
    const notOpenHiring = await call('POST', `/vacatures/${plain}/wachtlijst`, who.user, read);
    expect(notOpenHiring.status).toBe(409);
    expect(notOpenHiring.json.detail).toBe('Deze vacature werkt niet met open hiring. Er is geen wachtlijst.');
    expect((await call('GET', `/vacatures/${plain}/wachtlijst`, who.user)).status).toBe(404);
    expect((await call('POST', `/vacatures/${closed}/wachtlijst`, who.user, read)).status).toBe(404);
    expect((await call('GET', `/vacatures/${closed}/wachtlijst`, who.user)).status).toBe(404);
    expect((await call('POST', '/vacatures/geen-uuid/wachtlijst', who.user, read)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the employer’s side', () => {
  it('sees the counts and the queue by pseudonym, and takes the next: 201 with the contact in Location', async () => {
    const vacancyId = await openHiring();
    const [a, b] = [await candidate(), await candidate()];
    for (const who of [a, b]) await call('POST', `/vacatures/${vacancyId}/wachtlijst`, who.user, read);
    const employer = world.employers.preferred.user;
    const pseudonyms = await app.database.db.selectFrom('candidate').select(['id', 'pseudonym']).where('id', 'in', [a.id, b.id]).execute();
    const pseudonymOf = (id: string) => pseudonyms.find((p) => p.id === id)!.pseudonym;

    const list = await call('GET', `/vacatures/${vacancyId}/wachtlijst`, employer);
    expect(list.status).toBe(200);
    expect(list.json).toEqual({
      vacancyId,
      counts: { waiting: 2, taken: 0, withdrawn: 0 },
      queue: [
        { position: 1, pseudonym: pseudonymOf(a.id), joinedAt: expect.any(String) },
        { position: 2, pseudonym: pseudonymOf(b.id), joinedAt: expect.any(String) },
      ],
      viewLimitReached: false,
    });

    const taken = await call('POST', `/vacatures/${vacancyId}/wachtlijst/volgende`, employer, {});
    expect(taken.status).toBe(201);
    expect(taken.json).toEqual({ applicationId: expect.any(String), vacancyId });
    expect(taken.location).toBe(`/api/v1/contacten/${taken.json.applicationId}`);
    const application = await app.database.db
      .selectFrom('application')
      .select(['candidate_id', 'started_by', 'state'])
      .where('id', '=', taken.json.applicationId as string)
      .executeTakeFirstOrThrow();
    expect(application).toEqual({ candidate_id: a.id, started_by: 'waiting_list', state: 'new' });
    expect((await call('GET', `/vacatures/${vacancyId}/wachtlijst/mijn-plek`, b.user)).json.position).toBe(1);

    expect((await call('POST', `/vacatures/${vacancyId}/wachtlijst/volgende`, employer, {})).status).toBe(201);
    const empty = await call('POST', `/vacatures/${vacancyId}/wachtlijst/volgende`, employer, {});
    expect(empty.status).toBe(409);
    expect(empty.json.detail).toBe('Er staat niemand op de wachtlijst. Als iemand zich meldt, kunt u die persoon nemen.');
    expect((await call('GET', `/vacatures/${vacancyId}/wachtlijst`, employer)).json.counts).toEqual({ waiting: 0, taken: 2, withdrawn: 0 });
  });

  it('refuses other employers, staff and candidates (403), and a closed vacancy (409), writing nothing', async () => {
    const vacancyId = await openHiring();
    const who = await candidate();
    await call('POST', `/vacatures/${vacancyId}/wachtlijst`, who.user, read);
    const concept = await openHiring({ status: 'concept' });
    const before = await snapshot();
    for (const user of [world.employers.committed.user, world.consulent, who.user]) {
      const response = await call('POST', `/vacatures/${vacancyId}/wachtlijst/volgende`, user, {});
      expect(response.status).toBe(403);
      expect(response.type).toMatch(/^application\/problem\+json/);
      expect((await call('POST', `/vacatures/${concept}/wachtlijst/volgende`, user, {})).status).toBe(404);
    }
    expect((await call('GET', `/vacatures/${vacancyId}/wachtlijst`, world.employers.committed.user)).status).toBe(403);
    expect((await call('GET', `/vacatures/${concept}/wachtlijst`, world.employers.committed.user)).status).toBe(404);
    expect((await call('POST', `/vacatures/${vacancyId}/wachtlijst/volgende`, undefined, {})).status).toBe(401);

    await app.database.db.updateTable('vacancy').set({ status: 'closed' }).where('id', '=', vacancyId).execute();
    const closed = await call('POST', `/vacatures/${vacancyId}/wachtlijst/volgende`, world.employers.preferred.user, {});
    expect(closed.status).toBe(409);
    expect(closed.json.detail).toBe('Deze vacature is niet meer open. U kunt niemand meer van de wachtlijst nemen.');
    expect(await snapshot()).toEqual(before);
  });
});
