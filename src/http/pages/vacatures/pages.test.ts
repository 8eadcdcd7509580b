import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVacancy, publishVacancy } from '#app/domain/vacancies/commands.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeWorld, type World } from '../../../../test/support/fixtures.js';

let app: TestApp;
let world: World;
const inDays = (days: number) => todayIso(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

/** A browser-like session: the log-in cookie plus the CSRF cookie and token a form page hands out. */
async function browser(user: { email: string; password: string }) {
  const { cookie } = await sessionHeaders(app, user);
  const page = await app.server.inject({ method: 'GET', url: '/werkgever/vacatures/nieuw', headers: { cookie } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const csrfCookie = page.cookies.find((c) => c.name === '_csrf');
  if (!token || !csrfCookie) throw new Error('no CSRF token on the form page');
  const headers = { cookie: `${cookie}; _csrf=${csrfCookie.value}` };
  return {
    get: (url: string) => app.server.inject({ method: 'GET', url, headers }),
    post: (url: string, fields: Record<string, string | string[]>) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries({ _csrf: token, ...fields }))
        for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
      return app.server.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      });
    },
  };
}

async function vacancy(employer: World['employers']['preferred'], publish: boolean, title = 'Schoonmaker kantoor') {
  const result = await createVacancy(app.database.db, employer.user, {
    employerId: employer.id,
    title,
    description: 'Je maakt kantoren schoon.',
    postcode: '3011AB',
    hoursPerWeek: 20,
    contractType: 'vast',
    publishedUntil: inDays(20),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  if (publish) await publishVacancy(app.database.db, employer.user, result.value.id);
  return result.value.id;
}

const countRows = async () => ({
  vacancies: (await app.database.db.selectFrom('vacancy').select('id').execute()).length,
  events: (await app.database.db.selectFrom('event').select('id').execute()).length,
});

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

describe('the public vacancy pages', () => {
  it('lists open vacancies for visitors and hides concepts', async () => {
    const open = await vacancy(world.employers.preferred, true, 'Tuinman openbaar');
    const concept = await vacancy(world.employers.preferred, false, 'Tuinman concept');
    const list = await app.server.inject({ method: 'GET', url: '/vacatures?zoek=Tuinman' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/vacatures/${open}"`);
    expect(list.body).not.toContain(concept);
    expect(list.body).toContain('1 vacature gevonden');
    expect((await app.server.inject({ method: 'GET', url: `/vacatures/${open}` })).statusCode).toBe(200);
    expect((await app.server.inject({ method: 'GET', url: `/vacatures/${concept}` })).statusCode).toBe(404);
    expect((await app.server.inject({ method: 'GET', url: '/vacatures/geen-id' })).statusCode).toBe(404);
  });

  it('answers wrong filters with 400, a Dutch error summary and the values kept', async () => {
    const response = await app.server.inject({ method: 'GET', url: '/vacatures?zoek=bakker&urenVanaf=30&urenTot=10' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Het minimum aantal uren is hoger dan het maximum.');
    expect(response.body).toContain('href="#veld-urenTot"');
    expect(response.body).toMatch(/name="zoek"[^>]*value="bakker"/);
  });
});

describe('the employer pages', () => {
  it('send visitors to the log-in page and refuse other roles', async () => {
    const visitor = await app.server.inject({ method: 'GET', url: '/werkgever/vacatures' });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/inloggen?terug=%2Fwerkgever%2Fvacatures');
    const { cookie } = await sessionHeaders(app, world.consulent);
    expect((await app.server.inject({ method: 'GET', url: '/werkgever', headers: { cookie } })).statusCode).toBe(403);
  });

  it('show another employer’s vacancy as not found, and refuse to publish or close it', async () => {
    const concept = await vacancy(world.employers.preferred, false);
    const open = await vacancy(world.employers.preferred, true);
    const other = await browser(world.employers.committed.user);
    expect((await other.get(`/werkgever/vacatures/${concept}`)).statusCode).toBe(404);
    expect((await other.get(`/werkgever/vacatures/${open}`)).statusCode).toBe(404);
    const before = await countRows();
    expect((await other.post(`/werkgever/vacatures/${concept}/publiceren`, {})).statusCode).toBe(404);
    expect((await other.post(`/werkgever/vacatures/${open}/sluiten`, { filled: 'ja' })).statusCode).toBe(404);
    expect((await other.post(`/werkgever/vacatures/${open}`, { title: 'Overgenomen' })).statusCode).toBe(404);
    expect(await countRows()).toEqual(before);
    const statuses = await app.database.db
      .selectFrom('vacancy')
      .select(['id', 'status', 'title'])
      .where('id', 'in', [concept, open])
      .orderBy('status')
      .execute();
    expect(statuses.map((s) => [s.status, s.title])).toEqual([
      ['concept', 'Schoonmaker kantoor'],
      ['open', 'Schoonmaker kantoor'],
    ]);
  });

  it('re-show the new-vacancy form with 400, the values kept and nothing stored', async () => {
    const session = await browser(world.employers.preferred.user);
    const before = await countRows();
    const response = await session.post('/werkgever/vacatures/nieuw', {
      employerId: world.employers.preferred.id,
      title: 'Inpakker',
      description: '',
      postcode: '3011 AB',
      hoursPerWeek: '60',
      contractType: 'vast',
      supportOffered: ['jobcoach', 'vervoer'],
      publishedUntil: inDays(10),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Er is een probleem');
    expect(response.body).toContain('Beschrijf het werk.');
    expect(response.body).toContain('Vul een aantal uren per week in tussen 1 en 40.');
    expect(response.body).toMatch(/name="title"[^>]*value="Inpakker"/);
    expect(response.body).toMatch(/name="supportOffered" checked="" value="vervoer"/);
    expect(await countRows()).toEqual(before);
  });

  it('refuse a Dutch level that is not in the list with 400 and the Dutch message, storing nothing', async () => {
    const { preferred } = world.employers;
    const session = await browser(preferred.user);
    const fields = {
      employerId: preferred.id,
      title: 'Inpakker taalniveau',
      description: 'Dozen inpakken.',
      postcode: '3011 AB',
      hoursPerWeek: '20',
      contractType: 'vast',
      publishedUntil: inDays(10),
    };
    const before = await countRows();
    const response = await session.post('/werkgever/vacatures/nieuw', { ...fields, requiredDutchLevel: 'D1' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Er is een probleem');
    expect(response.body).toContain('Kies het niveau Nederlands dat nodig is.');
    expect(response.body).toContain('href="#veld-requiredDutchLevel"');
    expect(response.body).toMatch(/name="title"[^>]*value="Inpakker taalniveau"/);
    expect(await countRows()).toEqual(before);

    const id = await vacancy(preferred, false);
    const edit = await session.post(`/werkgever/vacatures/${id}`, { ...fields, requiredDutchLevel: 'B3' });
    expect(edit.statusCode).toBe(400);
    expect(edit.body).toContain('Kies het niveau Nederlands dat nodig is.');
    expect(await countRows()).toEqual({ vacancies: before.vacancies + 1, events: before.events + 1 });
    const stored = await app.database.db
      .selectFrom('vacancy')
      .select(['title', 'required_dutch_level'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: 'Schoonmaker kantoor', required_dutch_level: null });
  });

  it('carry the Dutch level from the form to the edit page and the public page, and "not needed" clears it', async () => {
    const { preferred } = world.employers;
    const session = await browser(preferred.user);
    const form = await session.get('/werkgever/vacatures/nieuw');
    expect(form.body).toContain('Nederlands dat nodig is (niveau)');
    expect(form.body).toContain('B1: gewone gesprekken, ook over het werk.');
    expect(form.body).toMatch(/<option value="" selected="">Niet nodig \/ geen eis<\/option>/);
    expect(form.body).not.toContain('<option value="A0"');
    const fields = {
      employerId: preferred.id,
      title: 'Bezorger taalniveau',
      description: 'Je bezorgt pakketten.',
      postcode: '3011 AB',
      hoursPerWeek: '24',
      contractType: 'tijdelijk',
      publishedUntil: inDays(15),
    };
    const created = await session.post('/werkgever/vacatures/nieuw', { ...fields, requiredDutchLevel: 'B1' });
    expect(created.statusCode).toBe(303);
    const id = /\/werkgever\/vacatures\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    const level = async () =>
      (await app.database.db.selectFrom('vacancy').select('required_dutch_level').where('id', '=', id).executeTakeFirstOrThrow())
        .required_dutch_level;
    expect(await level()).toBe('B1');

    const edit = await session.get(`/werkgever/vacatures/${id}`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toMatch(/<option value="B1" selected="">B1: gewone gesprekken, ook over het werk<\/option>/);

    await publishVacancy(app.database.db, preferred.user, id);
    const publicPage = await app.server.inject({ method: 'GET', url: `/vacatures/${id}` });
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toMatch(/<dt>Nederlands dat nodig is<\/dt><dd>B1: gewone gesprekken, ook over het werk<\/dd>/);

    const english = await app.server.inject({ method: 'GET', url: `/vacatures/${id}?taal=en` });
    expect(english.body).toMatch(/<dt>Dutch that is needed<\/dt><dd>B1: ordinary conversations, also about the work<\/dd>/);

    // A0 set through the API stays chosen in the form, so saving the form does not drop it.
    await app.database.db.updateTable('vacancy').set({ required_dutch_level: 'A0' }).where('id', '=', id).execute();
    expect((await session.get(`/werkgever/vacatures/${id}`)).body).toMatch(
      /<option value="A0" selected="">A0: nog geen Nederlands<\/option>/,
    );
    expect((await session.post(`/werkgever/vacatures/${id}`, { ...fields, requiredDutchLevel: 'A0' })).statusCode).toBe(303);
    expect(await level()).toBe('A0');

    expect((await session.post(`/werkgever/vacatures/${id}`, { ...fields, requiredDutchLevel: '' })).statusCode).toBe(303);
    expect(await level()).toBeNull();
    expect((await app.server.inject({ method: 'GET', url: `/vacatures/${id}` })).body).not.toContain('Nederlands dat nodig is');
  });

  it('ask for the physical requirements of an open-hiring vacancy, and show them on the public page', async () => {
    const { preferred } = world.employers;
    const session = await browser(preferred.user);
    expect((await session.get('/werkgever/vacatures/nieuw')).body).toContain('Wat vraagt het werk van het lichaam?');
    const fields = {
      employerId: preferred.id,
      title: 'Inpakker open hiring',
      description: 'Je pakt dozen in.',
      postcode: '3011 AB',
      hoursPerWeek: '24',
      contractType: 'tijdelijk',
      suitability: ['open_hiring'],
      publishedUntil: inDays(15),
    };
    const before = await countRows();
    const missing = await session.post('/werkgever/vacatures/nieuw', { ...fields, physicalRequirements: '  ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Beschrijf wat het werk van het lichaam vraagt. Bij open hiring lezen kandidaten dit');
    expect(missing.body).toContain('href="#veld-physicalRequirements"');
    expect(missing.body).toMatch(/name="title"[^>]*value="Inpakker open hiring"/);
    expect(await countRows()).toEqual(before);

    const created = await session.post('/werkgever/vacatures/nieuw', { ...fields, physicalRequirements: 'Je staat de hele dag.' });
    expect(created.statusCode).toBe(303);
    const id = /\/werkgever\/vacatures\/([0-9a-f-]{36})/.exec(created.headers.location as string)![1]!;
    expect((await session.get(`/werkgever/vacatures/${id}`)).body).toMatch(
      /<textarea[^>]*name="physicalRequirements"[^>]*>Je staat de hele dag\./,
    );
    await publishVacancy(app.database.db, preferred.user, id);
    const publicPage = await app.server.inject({ method: 'GET', url: `/vacatures/${id}` });
    expect(publicPage.body).toContain('Wat het werk van je lichaam vraagt');
    expect(publicPage.body).toContain('Je staat de hele dag.');
  });

  it('refuse a vacancy for an organisation the user does not belong to', async () => {
    const session = await browser(world.employers.preferred.user);
    const before = await countRows();
    const response = await session.post('/werkgever/vacatures/nieuw', {
      employerId: world.employers.committed.id,
      title: 'Inpakker',
      description: 'Dozen inpakken.',
      postcode: '3011 AB',
      hoursPerWeek: '20',
      contractType: 'vast',
      publishedUntil: inDays(10),
    });
    expect(response.statusCode).toBe(403);
    expect(await countRows()).toEqual(before);
  });

  it('save the edit form as a whole: check boxes left empty mean none', async () => {
    const { preferred } = world.employers;
    const id = await vacancy(preferred, false);
    await app.database.db
      .updateTable('vacancy')
      .set({ support_offered: ['jobcoach'], suitability: ['open_hiring'] })
      .where('id', '=', id)
      .execute();
    const session = await browser(preferred.user);
    const response = await session.post(`/werkgever/vacatures/${id}`, {
      title: 'Schoonmaker kantoor',
      description: 'Je maakt kantoren schoon.',
      postcode: '3011AB',
      hoursPerWeek: '16',
      contractType: 'vast',
      occupationUri: '',
      publishedUntil: inDays(20),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/werkgever/vacatures/${id}?opgeslagen=1`);
    const saved = await app.database.db
      .selectFrom('vacancy')
      .select(['hours_per_week', 'support_offered', 'suitability'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({ hours_per_week: 16, support_offered: [], suitability: [] });
  });

  it('answer publishing twice with 409 and the current status', async () => {
    const id = await vacancy(world.employers.preferred, true);
    const session = await browser(world.employers.preferred.user);
    const response = await session.post(`/werkgever/vacatures/${id}/publiceren`, {});
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('de status van de vacature is intussen veranderd');
  });

  it('re-show the organisation form with 400 and the values kept, changing nothing', async () => {
    const { preferred } = world.employers;
    const session = await browser(preferred.user);
    const before = await app.database.db.selectFrom('employer').selectAll().where('id', '=', preferred.id).executeTakeFirstOrThrow();
    const response = await session.post('/werkgever/organisatie', {
      name: 'Nieuwe naam',
      sector: 'Groen',
      psoLevel: 'trede_1',
      psoEvidenceDate: '',
      codeSocialeOndernemingen: 'nee',
      'locations.0.name': 'Hoofdvestiging',
      'locations.0.postcode': '3011AB',
      'locations.1.name': '',
      'locations.1.postcode': '',
      'locations.2.name': 'Loods',
      'locations.2.postcode': '99',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#veld-locations.2.postcode"');
    expect(response.body).toMatch(/name="name"[^>]*value="Nieuwe naam"/);
    expect(response.body).toMatch(/name="locations.2.postcode"[^>]*value="99"/);
    expect(await app.database.db.selectFrom('employer').selectAll().where('id', '=', preferred.id).executeTakeFirstOrThrow()).toEqual(
      before,
    );
  });
});
