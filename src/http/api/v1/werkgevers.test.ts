import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateEmployer } from '#app/domain/employers/commands.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeUser, makeWorld, type World } from '../../../../test/support/fixtures.js';

let app: TestApp;
let world: World;
let candidateUser: Awaited<ReturnType<typeof makeUser>>;
const sessions = new Map<string, Record<string, string>>();
const as = async (user: { email: string; password: string }) => {
  if (!sessions.has(user.email)) sessions.set(user.email, await sessionHeaders(app, user));
  return sessions.get(user.email)!;
};
const get = async (url: string, user?: { email: string; password: string }) => {
  const response = await app.server.inject({ method: 'GET', url: `/api/v1${url}`, headers: user ? await as(user) : {} });
  return {
    status: response.statusCode,
    type: response.headers['content-type'],
    json: response.json() as Record<string, unknown> & { items?: { id: string; categories: { instantieId: string }[] }[] },
  };
};

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  candidateUser = await makeUser(app, 'Kandidaat', [{ role: 'kandidaat', instantieId: 'rotterdam' }]);
});
afterAll(async () => app?.close());

describe('GET /werkgevers', () => {
  it('shows an employer user only their own organisation, with every category it has', async () => {
    const { preferred } = world.employers;
    const response = await get('/werkgevers', preferred.user);
    expect(response.status).toBe(200);
    expect(response.json.total).toBe(1);
    expect(response.json.items![0]).toMatchObject({
      id: preferred.id,
      name: 'Werkgever preferred',
      psoLevel: 'geen',
      psoEvidenceDate: null,
      locations: [{ name: 'Hoofdvestiging', postcode: '3011AB' }],
      categories: [{ instantieId: 'rotterdam', instantieName: 'Gemeente Rotterdam', category: 'preferred' }],
    });
  });

  it('shows staff the employers with a category at their own instantie, and only those categories', async () => {
    const { preferred, committed } = world.employers;
    await app.database.db
      .insertInto('employer_category')
      .values({ employer_id: preferred.id, instantie_id: 'schiedam', category: 'committed' })
      .execute();
    const rotterdam = await get('/werkgevers', world.consulent);
    expect(rotterdam.json.items!.map((e) => e.id).sort()).toEqual([preferred.id, committed.id].sort());
    for (const employer of rotterdam.json.items!) expect(employer.categories.map((c) => c.instantieId)).toEqual(['rotterdam']);
    const schiedam = await get('/werkgevers', world.otherConsulent);
    expect(schiedam.json.items!.map((e) => e.id)).toEqual([preferred.id]);
    expect(schiedam.json.items![0]!.categories.map((c) => c.instantieId)).toEqual(['schiedam']);
  });

  it('refuses a candidate (403) and a visitor (401)', async () => {
    const candidate = await get('/werkgevers', candidateUser);
    expect(candidate.status).toBe(403);
    expect(candidate.type).toMatch(/^application\/problem\+json/);
    expect((await get('/werkgevers')).status).toBe(401);
  });

  it('pages by name with links', async () => {
    const first = await get('/werkgevers?pageSize=1', world.beheerder);
    expect(first.json).toMatchObject({ page: 1, pageSize: 1 });
    expect((first.json._links as { next?: unknown }).next).toBeDefined();
    expect((await get('/werkgevers?pageSize=0', world.beheerder)).status).toBe(400);
  });
});

describe('GET /werkgevers/{id}', () => {
  it('shows the employer to its own users and to staff of an instantie that works with it', async () => {
    const { preferred, business_as_usual } = world.employers;
    expect((await get(`/werkgevers/${preferred.id}`, preferred.user)).status).toBe(200);
    expect((await get(`/werkgevers/${preferred.id}`, world.auditor)).status).toBe(200);
    expect((await get(`/werkgevers/${business_as_usual.id}`, business_as_usual.user)).json.categories).toEqual([]);
  });

  it('answers 404 to another employer, to staff of an instantie without a category for it, and for unknown ids', async () => {
    const { preferred, committed, business_as_usual } = world.employers;
    const other = await get(`/werkgevers/${preferred.id}`, committed.user);
    expect(other.status).toBe(404);
    expect(other.type).toMatch(/^application\/problem\+json/);
    expect((await get(`/werkgevers/${business_as_usual.id}`, world.consulent)).status).toBe(404);
    expect((await get(`/werkgevers/${committed.id}`, world.otherConsulent)).status).toBe(404);
    expect((await get('/werkgevers/00000000-0000-4000-8000-000000000000', world.beheerder)).status).toBe(404);
    expect((await get('/werkgevers/onzin', world.beheerder)).status).toBe(404);
  });
});

describe('updateEmployer', () => {
  const db = () => app.database.db;
  const locationsOf = (id: string) =>
    db().selectFrom('employer_location').select(['id', 'name', 'postcode']).where('employer_id', '=', id).orderBy('name').execute();

  it('changes name, sector and locations; keeps the KvK number; records the claims separately', async () => {
    const { committed } = world.employers;
    const [main] = await locationsOf(committed.id);
    const kvkBefore = (await db().selectFrom('employer').select('kvk_number').where('id', '=', committed.id).executeTakeFirstOrThrow())
      .kvk_number;
    const result = await updateEmployer(db(), committed.user, committed.id, {
      name: 'Groen en Zo',
      kvkNumber: '99999999',
      sector: 'Groenvoorziening',
      psoLevel: 'trede_2',
      psoEvidenceDate: '2025-03-01',
      codeSocialeOndernemingen: 'ja',
      locations: [
        { id: main!.id, name: 'Hoofdkantoor', postcode: '3011 AB' },
        { name: 'Kwekerij', postcode: '3112 cd' },
      ],
    });
    expect(result).toEqual({ ok: true });
    const employer = await db().selectFrom('employer').selectAll().where('id', '=', committed.id).executeTakeFirstOrThrow();
    expect(employer).toMatchObject({
      name: 'Groen en Zo',
      sector: 'Groenvoorziening',
      kvk_number: kvkBefore,
      pso_level: 'trede_2',
      code_sociale_ondernemingen: true,
    });
    const locations = await locationsOf(committed.id);
    expect(locations.map((l) => [l.name, l.postcode])).toEqual([
      ['Hoofdkantoor', '3011AB'],
      ['Kwekerij', '3112CD'],
    ]);
    expect(locations[0]!.id).toBe(main!.id);
    const events = await db()
      .selectFrom('event')
      .select(['action', 'data'])
      .where('subject_id', '=', committed.id)
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(events.map((e) => e.action).sort()).toEqual(['employer.claims.changed', 'employer.updated']);
    const claims = events.find((e) => e.action === 'employer.claims.changed')!.data;
    expect(claims).toEqual({
      psoLevel: { from: 'geen', to: 'trede_2' },
      psoEvidenceDate: { from: null, to: '2025-03-01' },
      codeSocialeOndernemingen: { from: false, to: true },
    });

    // Leaving a location out removes it; unchanged claims record no claims event.
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('event')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('action', '=', 'employer.claims.changed')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const claimsBefore = await count();
    await updateEmployer(db(), committed.user, committed.id, {
      name: 'Groen en Zo',
      sector: 'Groenvoorziening',
      psoLevel: 'trede_2',
      psoEvidenceDate: '2025-03-01',
      codeSocialeOndernemingen: 'ja',
      locations: [{ id: main!.id, name: 'Hoofdkantoor', postcode: '3011AB' }],
    });
    expect((await locationsOf(committed.id)).map((l) => l.name)).toEqual(['Hoofdkantoor']);
    expect(await count()).toBe(claimsBefore);
  });

  it('refuses another employer and bad input, changing nothing', async () => {
    const { preferred, committed } = world.employers;
    const before = await db().selectFrom('employer').selectAll().where('id', '=', preferred.id).executeTakeFirstOrThrow();
    const locationsBefore = await locationsOf(preferred.id);
    const input = { name: 'Overgenomen', sector: 'X', psoLevel: 'geen', codeSocialeOndernemingen: 'nee', locations: [] };
    expect(await updateEmployer(db(), committed.user, preferred.id, input)).toEqual({ ok: false, reason: 'not_found' });
    expect(await updateEmployer(db(), world.beheerder, preferred.id, input)).toEqual({ ok: false, reason: 'not_found' });
    const bad = await updateEmployer(db(), preferred.user, preferred.id, {
      ...input,
      name: ' ',
      psoLevel: 'trede_9',
      locations: [{ name: 'Loods', postcode: '12' }],
    });
    expect(bad).toEqual({
      ok: false,
      reason: 'invalid',
      errors: {
        name: 'Vul de naam van de organisatie in.',
        psoLevel: 'Kies een PSO-niveau.',
        'locations.0.postcode': 'Vul een geldige postcode in, bijvoorbeeld 3011 AB.',
      },
    });
    expect(await db().selectFrom('employer').selectAll().where('id', '=', preferred.id).executeTakeFirstOrThrow()).toEqual(before);
    expect(await locationsOf(preferred.id)).toEqual(locationsBefore);
  });
});
