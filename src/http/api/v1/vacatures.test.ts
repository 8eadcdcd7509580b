import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeUser, makeWorld, type World } from '../../../../test/support/fixtures.js';

let app: TestApp;
let world: World;
const headers = new Map<string, Record<string, string>>();
const as = async (user: { email: string; password: string }) => {
  if (!headers.has(user.email)) headers.set(user.email, await sessionHeaders(app, user));
  return headers.get(user.email)!;
};
const daysFromToday = (days: number) => todayIso(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
const occupation = builtinOccupations.find((o) => o.label === 'magazijnmedewerker')!.uri;
const forklift = builtinSkills.find((s) => s.label === 'vorkheftruck bedienen')!.uri;

const body = (employerId: string, extra: Record<string, unknown> = {}) => ({
  employerId,
  title: 'Medewerker magazijn',
  description: 'Je pakt dozen in en zet ze klaar.',
  postcode: '3011 AB',
  hoursPerWeek: 24,
  contractType: 'tijdelijk',
  occupationUri: occupation,
  requiredSkills: [forklift],
  supportOffered: ['jobcoach'],
  suitability: [],
  publishedUntil: daysFromToday(30),
  ...extra,
});

type Json = Record<string, unknown> & { invalidParams?: { name: string }[] };
async function call(method: 'GET' | 'POST' | 'PATCH', url: string, user?: { email: string; password: string }, payload?: unknown) {
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
    json: response.json() as Json,
  };
}

/** Everything a write could have touched, to show that a refused request changed nothing. */
async function snapshot() {
  const db = app.database.db;
  const vacancies = await db.selectFrom('vacancy').selectAll().orderBy('id').execute();
  const events = await db
    .selectFrom('event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { vacancies, events: Number(events.n) };
}

async function created(user: World['employers']['preferred'], extra: Record<string, unknown> = {}): Promise<string> {
  const response = await call('POST', '/vacatures', user.user, body(user.id, extra));
  expect(response.status).toBe(201);
  return response.json.id as string;
}

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

describe('POST /vacatures', () => {
  it('creates a concept for the employer, with a Location header and an event', async () => {
    const { preferred } = world.employers;
    const response = await call('POST', '/vacatures', preferred.user, body(preferred.id));
    expect(response.status).toBe(201);
    expect(response.location).toBe(`/api/v1/vacatures/${response.json.id}`);
    expect(response.json).toMatchObject({
      status: 'concept',
      postcode: '3011AB',
      employerId: preferred.id,
      employerName: 'Werkgever preferred',
      publiclyListed: false,
    });
    expect(response.json.occupation).toEqual({ uri: occupation, label: 'magazijnmedewerker' });
    const events = await app.database.db
      .selectFrom('event')
      .selectAll()
      .where('subject_id', '=', response.json.id as string)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['vacancy.created']);
    expect(events[0]!.actor_user_id).toBe(preferred.user.userId);
  });

  it('answers bad input with 400 problem+json naming every field, and stores nothing', async () => {
    const { preferred } = world.employers;
    const before = await snapshot();
    const response = await call(
      'POST',
      '/vacatures',
      preferred.user,
      body(preferred.id, {
        hoursPerWeek: 50,
        postcode: 'abc',
        publishedUntil: daysFromToday(-1),
        title: '',
        contractType: 'zzp',
        requiredSkills: ['onzin'],
      }),
    );
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.json.status).toBe(400);
    expect(response.json.invalidParams?.map((p) => p.name).sort()).toEqual([
      'contractType',
      'hoursPerWeek',
      'postcode',
      'publishedUntil',
      'requiredSkills.0',
      'title',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('stores the Dutch level that is needed, and no level when none is sent', async () => {
    const { preferred } = world.employers;
    const response = await call('POST', '/vacatures', preferred.user, body(preferred.id, { requiredDutchLevel: 'B1' }));
    expect(response.status).toBe(201);
    expect(response.json.requiredDutchLevel).toBe('B1');
    const id = response.json.id as string;
    const row = await app.database.db.selectFrom('vacancy').select('required_dutch_level').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.required_dutch_level).toBe('B1');
    expect((await call('GET', `/vacatures/${id}`, preferred.user)).json.requiredDutchLevel).toBe('B1');
    expect((await call('POST', '/vacatures', preferred.user, body(preferred.id))).json.requiredDutchLevel).toBeNull();
  });

  it('refuses a Dutch level that does not exist with 400 and the Dutch message, and stores nothing', async () => {
    const { preferred } = world.employers;
    const before = await snapshot();
    for (const level of ['D1', 'b1', 2]) {
      const response = await call('POST', '/vacatures', preferred.user, body(preferred.id, { requiredDutchLevel: level }));
      expect(response.status).toBe(400);
      expect(response.type).toMatch(/^application\/problem\+json/);
      expect(response.json.invalidParams).toEqual([
        { name: 'requiredDutchLevel', code: 'invalid', reason: 'Kies het niveau Nederlands dat nodig is.' },
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('stores the physical requirements, and asks for them in open-hiring mode with 400 and nothing stored', async () => {
    const { preferred } = world.employers;
    const text = 'Je staat de hele dag.\n\nJe tilt dozen tot 15 kilo.';
    const response = await call(
      'POST',
      '/vacatures',
      preferred.user,
      body(preferred.id, { suitability: ['open_hiring'], physicalRequirements: text }),
    );
    expect(response.status).toBe(201);
    expect(response.json.physicalRequirements).toBe(text);
    const id = response.json.id as string;
    expect((await call('GET', `/vacatures/${id}`, preferred.user)).json.physicalRequirements).toBe(text);
    // A change that leaves the field out keeps it; open hiring without it is refused.
    expect((await call('PATCH', `/vacatures/${id}`, preferred.user, { hoursPerWeek: 20 })).json.physicalRequirements).toBe(text);
    expect((await call('POST', '/vacatures', preferred.user, body(preferred.id))).json.physicalRequirements).toBeNull();

    const before = await snapshot();
    const needed =
      'Beschrijf wat het werk van het lichaam vraagt. Bij open hiring lezen kandidaten dit en kiezen zij zelf of zij het werk kunnen doen.';
    const missing = await call('POST', '/vacatures', preferred.user, body(preferred.id, { suitability: ['open_hiring'] }));
    expect(missing.status).toBe(400);
    expect(missing.json.invalidParams).toEqual([{ name: 'physicalRequirements', code: 'invalid', reason: needed }]);
    const cleared = await call('PATCH', `/vacatures/${id}`, preferred.user, { physicalRequirements: null });
    expect(cleared.status).toBe(400);
    expect(cleared.json.invalidParams).toEqual([{ name: 'physicalRequirements', code: 'invalid', reason: needed }]);
    const tooLong = await call('PATCH', `/vacatures/${id}`, preferred.user, { physicalRequirements: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.invalidParams?.map((p) => p.name)).toEqual(['physicalRequirements']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a vacancy for an employer one is not a member of (403) and for staff (403), and asks visitors to log in (401)', async () => {
    const { preferred, committed } = world.employers;
    const before = await snapshot();
    const other = await call('POST', '/vacatures', committed.user, body(preferred.id));
    expect(other.status).toBe(403);
    expect(other.type).toMatch(/^application\/problem\+json/);
    expect((await call('POST', '/vacatures', world.consulent, body(preferred.id))).status).toBe(403);
    expect((await call('POST', '/vacatures', undefined, body(preferred.id))).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('asks for JSON from a browser session, so an HTML form from elsewhere cannot write', async () => {
    const { preferred } = world.employers;
    const before = await snapshot();
    const response = await app.server.inject({
      method: 'POST',
      url: '/api/v1/vacatures',
      headers: { ...(await as(preferred.user)), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'title=x',
    });
    expect(response.statusCode).toBe(415);
    expect(await snapshot()).toEqual(before);
  });
});

describe('reading vacancies', () => {
  it('shows a concept only to its own employer', async () => {
    const { preferred, committed } = world.employers;
    const id = await created(preferred);
    expect((await call('GET', `/vacatures/${id}`, preferred.user)).json.status).toBe('concept');
    expect((await call('GET', `/vacatures/${id}`)).status).toBe(404);
    const other = await call('GET', `/vacatures/${id}`, committed.user);
    expect(other.status).toBe(404);
    expect(other.type).toMatch(/^application\/problem\+json/);
    expect((await call('GET', '/vacatures/geen-uuid')).status).toBe(404);
  });

  it('lists open vacancies for everyone, with filters and pages', async () => {
    const { preferred, committed } = world.employers;
    const marker = `Filtertest${Date.now()}`;
    const make = async (who: typeof preferred, extra: Record<string, unknown> & { title: string }) => {
      const id = await created(who, { ...extra, title: `${marker} ${extra.title}` });
      expect((await call('POST', `/vacatures/${id}/publiceren`, who.user, {})).status).toBe(200);
      return id;
    };
    const small = await make(preferred, {
      title: 'klein',
      hoursPerWeek: 8,
      contractType: 'vast',
      suitability: ['open_hiring'],
      physicalRequirements: 'Je staat veel en je tilt soms.',
      supportOffered: ['jobcoach', 'vervoer'],
    });
    const large = await make(committed, {
      title: 'groot',
      hoursPerWeek: 36,
      contractType: 'tijdelijk',
      occupationUri: null,
      supportOffered: [],
    });
    await created(preferred, { title: `${marker} concept` });

    const ids = async (query: string) =>
      ((await call('GET', `/vacatures?text=${marker}&${query}`)).json.items as { id: string }[]).map((v) => v.id).sort();
    expect(await ids('')).toEqual([small, large].sort());
    expect(await ids('hoursMin=20')).toEqual([large]);
    expect(await ids('hoursMax=20')).toEqual([small]);
    expect(await ids('contractType=vast')).toEqual([small]);
    expect(await ids('openHiring=true')).toEqual([small]);
    expect(await ids('supportOffered=jobcoach&supportOffered=vervoer')).toEqual([small]);
    expect(await ids('supportOffered=jobcoach,vervoer')).toEqual([small]);
    expect(await ids(`occupationUri=${encodeURIComponent(occupation)}`)).toEqual([small]);

    const first = await call('GET', `/vacatures?text=${marker}&pageSize=1`);
    expect(first.json).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect((first.json._links as { next?: { href: string } }).next?.href).toContain('page=2');
    const second = await call('GET', (first.json._links as { next: { href: string } }).next.href.replace('/api/v1', ''));
    expect((second.json.items as unknown[]).length).toBe(1);
  });

  it('answers a wrong filter with 400 and invalidParams', async () => {
    const response = await call('GET', '/vacatures?hoursMin=veel&hoursMax=0&contractType=zzp&supportOffered=massage&pageSize=500');
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.json.invalidParams?.map((p) => p.name).sort()).toEqual([
      'contractType',
      'hoursMax',
      'hoursMin',
      'pageSize',
      'supportOffered.0',
    ]);
    const backwards = await call('GET', '/vacatures?hoursMin=30&hoursMax=10');
    expect(backwards.json.invalidParams).toEqual([
      { name: 'hoursMax', code: 'invalid', reason: 'Het minimum aantal uren is hoger dan het maximum.' },
    ]);
  });

  it('leaves out an open vacancy whose closing date has passed', async () => {
    const { preferred } = world.employers;
    const id = await created(preferred, { title: 'Verlopen vacature' });
    await call('POST', `/vacatures/${id}/publiceren`, preferred.user, {});
    await app.database.db
      .updateTable('vacancy')
      .set({ published_until: daysFromToday(-1) })
      .where('id', '=', id)
      .execute();
    expect((await call('GET', `/vacatures/${id}`)).status).toBe(404);
    expect((await call('GET', `/vacatures/${id}`, preferred.user)).json.publiclyListed).toBe(false);
    const list = await call('GET', '/vacatures?text=Verlopen');
    expect((list.json.items as { id: string }[]).map((v) => v.id)).not.toContain(id);
  });
});

describe('PATCH /vacatures/{id}', () => {
  it('changes only the fields sent, and records an event', async () => {
    const { preferred } = world.employers;
    const id = await created(preferred);
    const response = await call('PATCH', `/vacatures/${id}`, preferred.user, { title: 'Medewerker expeditie', hoursPerWeek: 32 });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      title: 'Medewerker expeditie',
      hoursPerWeek: 32,
      postcode: '3011AB',
      requiredSkills: [{ uri: forklift, label: 'vorkheftruck bedienen' }],
    });
    const actions = await app.database.db.selectFrom('event').select('action').where('subject_id', '=', id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['vacancy.created', 'vacancy.updated']);
  });

  it('answers bad input with 400 and changes nothing', async () => {
    const { preferred } = world.employers;
    const id = await created(preferred);
    const before = await snapshot();
    const response = await call('PATCH', `/vacatures/${id}`, preferred.user, { title: 'Nieuw', hoursPerWeek: 0 });
    expect(response.status).toBe(400);
    expect(response.json.invalidParams?.map((p) => p.name)).toEqual(['hoursPerWeek']);
    const crossField = await call('PATCH', `/vacatures/${id}`, preferred.user, { niceToHaveSkills: [forklift] });
    expect(crossField.status).toBe(400);
    expect(crossField.json.invalidParams?.map((p) => p.name)).toEqual(['niceToHaveSkills']);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the Dutch level when other fields change, changes it when sent, and clears it with null', async () => {
    const { preferred } = world.employers;
    const id = await created(preferred, { requiredDutchLevel: 'A2' });
    const level = async () =>
      (await app.database.db.selectFrom('vacancy').select('required_dutch_level').where('id', '=', id).executeTakeFirstOrThrow())
        .required_dutch_level;
    expect((await call('PATCH', `/vacatures/${id}`, preferred.user, { hoursPerWeek: 20 })).json.requiredDutchLevel).toBe('A2');
    expect(await level()).toBe('A2');
    expect((await call('PATCH', `/vacatures/${id}`, preferred.user, { requiredDutchLevel: 'B2' })).json.requiredDutchLevel).toBe('B2');
    expect(await level()).toBe('B2');
    const before = await snapshot();
    const bad = await call('PATCH', `/vacatures/${id}`, preferred.user, { requiredDutchLevel: 'C3', title: 'Ander werk' });
    expect(bad.status).toBe(400);
    expect(bad.json.invalidParams).toEqual([
      { name: 'requiredDutchLevel', code: 'invalid', reason: 'Kies het niveau Nederlands dat nodig is.' },
    ]);
    expect(await snapshot()).toEqual(before);
    expect((await call('PATCH', `/vacatures/${id}`, preferred.user, { requiredDutchLevel: null })).json.requiredDutchLevel).toBeNull();
    expect(await level()).toBeNull();
  });

  it('refuses another employer: 403 for an open vacancy, 404 for a concept', async () => {
    const { preferred, committed } = world.employers;
    const concept = await created(preferred);
    const open = await created(preferred);
    await call('POST', `/vacatures/${open}/publiceren`, preferred.user, {});
    const before = await snapshot();
    expect((await call('PATCH', `/vacatures/${open}`, committed.user, { title: 'Overgenomen' })).status).toBe(403);
    expect((await call('PATCH', `/vacatures/${concept}`, committed.user, { title: 'Overgenomen' })).status).toBe(404);
    expect((await call('PATCH', `/vacatures/${open}`, world.consulent, { title: 'Overgenomen' })).status).toBe(403);
    expect((await call('PATCH', `/vacatures/${open}`, undefined, { title: 'Overgenomen' })).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });
});

describe('publishing and closing', () => {
  it('publishes a concept once; a second time is a 409 conflict', async () => {
    const { preferred } = world.employers;
    const id = await created(preferred);
    const published = await call('POST', `/vacatures/${id}/publiceren`, preferred.user, {});
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ status: 'open', publiclyListed: true });
    expect((await call('GET', `/vacatures/${id}`)).status).toBe(200);
    const before = await snapshot();
    const again = await call('POST', `/vacatures/${id}/publiceren`, preferred.user, {});
    expect(again.status).toBe(409);
    expect(again.type).toMatch(/^application\/problem\+json/);
    expect(again.json.detail).toBe('Deze vacature is open. Alleen een concept kunt u publiceren.');
    expect(await snapshot()).toEqual(before);
  });

  it('will not publish a concept whose closing date has passed (409)', async () => {
    const { preferred } = world.employers;
    const id = await created(preferred);
    await app.database.db
      .updateTable('vacancy')
      .set({ published_until: daysFromToday(-2) })
      .where('id', '=', id)
      .execute();
    const response = await call('POST', `/vacatures/${id}/publiceren`, preferred.user, {});
    expect(response.status).toBe(409);
    expect((await call('GET', `/vacatures/${id}`, preferred.user)).json.status).toBe('concept');
  });

  it('refuses publishing and closing by another employer', async () => {
    const { preferred, committed } = world.employers;
    const concept = await created(preferred);
    const open = await created(preferred);
    await call('POST', `/vacatures/${open}/publiceren`, preferred.user, {});
    const before = await snapshot();
    expect((await call('POST', `/vacatures/${concept}/publiceren`, committed.user, {})).status).toBe(404);
    expect((await call('POST', `/vacatures/${open}/sluiten`, committed.user, {})).status).toBe(403);
    expect((await call('POST', `/vacatures/${open}/sluiten`, undefined, {})).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it('closes an open vacancy as filled; closing again or changing it is a 409', async () => {
    const { preferred } = world.employers;
    const id = await created(preferred);
    expect((await call('POST', `/vacatures/${id}/sluiten`, preferred.user, {})).status).toBe(409);
    await call('POST', `/vacatures/${id}/publiceren`, preferred.user, {});
    const bad = await call('POST', `/vacatures/${id}/sluiten`, preferred.user, { filled: 'misschien' });
    expect(bad.status).toBe(400);
    expect(bad.json.invalidParams?.map((p) => p.name)).toEqual(['filled']);
    const closed = await call('POST', `/vacatures/${id}/sluiten`, preferred.user, { filled: true });
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({ status: 'filled', publiclyListed: false });
    expect((await call('GET', `/vacatures/${id}`)).status).toBe(404);
    const before = await snapshot();
    expect((await call('POST', `/vacatures/${id}/sluiten`, preferred.user, {})).status).toBe(409);
    expect((await call('POST', `/vacatures/${id}/publiceren`, preferred.user, {})).status).toBe(409);
    const edit = await call('PATCH', `/vacatures/${id}`, preferred.user, { title: 'Toch nog' });
    expect(edit.status).toBe(409);
    expect(edit.json.detail).toBe('Deze vacature is vervuld. U kunt deze vacature niet meer wijzigen.');
    expect(await snapshot()).toEqual(before);
    const actions = await app.database.db.selectFrom('event').select('action').where('subject_id', '=', id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['vacancy.created', 'vacancy.published', 'vacancy.filled']);
  });

  it('lets a member of two employers act for both, and only for those', async () => {
    const { preferred, committed, business_as_usual } = world.employers;
    const both = await makeUser(app, 'Werkgever van twee', [
      { role: 'werkgever', employerId: preferred.id },
      { role: 'werkgever', employerId: committed.id },
    ]);
    expect((await call('POST', '/vacatures', both, body(committed.id))).status).toBe(201);
    expect((await call('POST', '/vacatures', both, body(business_as_usual.id))).status).toBe(403);
  });
});
