import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

type Fields = Record<string, string | readonly string[]>;
type Person = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Fields) => Promise<LightMyRequestResponse>;
};

let app: TestApp;
let world: World;

/** A logged-in person (or a visitor): GET with their cookie, and POST a form with a CSRF token as a browser would. */
async function person(user: { email: string; password: string } | null): Promise<Person> {
  const cookie = user ? await loginCookie(app, user.email, user.password) : '';
  return {
    get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, fields) => postForm(app, cookie, url, fields, { tokenFrom: '/vacatures' }),
  };
}

async function candidate() {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  return { id: made.id, user: made.user!, browser: await person(made.user!) };
}

const requirements = 'Je staat de hele dag.\n\nJe tilt kratten tot 15 kilo.';
const openHiring = (values: Parameters<typeof makeVacancy>[2] = {}) =>
  makeVacancy(app, world.employers.preferred.id, { suitability: ['open_hiring'], physical_requirements: requirements, ...values });

async function rows() {
  const count = async (table: 'waiting_list_entry' | 'event' | 'application' | 'notification') =>
    Number(
      (
        await app.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    entries: await count('waiting_list_entry'),
    events: await count('event'),
    applications: await count('application'),
    notifications: await count('notification'),
  };
}

let employer: Person;
let otherEmployer: Person;
let visitor: Person;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  employer = await person(world.employers.preferred.user);
  otherEmployer = await person(world.employers.committed.user);
  visitor = await person(null);
});
afterAll(async () => app?.close());

describe('the public vacancy page', () => {
  it('shows the physical requirements and the way to the waiting list to visitors and candidates, not to employers', async () => {
    const vacancyId = await openHiring();
    const who = await candidate();
    for (const reader of [visitor, who.browser]) {
      const page = await reader.get(`/vacatures/${vacancyId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Wat het werk van je lichaam vraagt');
      expect(page.body).toContain('Je tilt kratten tot 15 kilo.');
      expect(page.body).toContain(`href="/vacatures/${vacancyId}/wachtlijst"`);
    }
    expect((await otherEmployer.get(`/vacatures/${vacancyId}`)).body).not.toContain('/wachtlijst"');
    const plain = await makeVacancy(app, world.employers.preferred.id);
    expect((await who.browser.get(`/vacatures/${plain}`)).body).not.toContain('/wachtlijst"');
  });
});

describe('the candidate’s waiting list page', () => {
  it('sends visitors to log in, refuses other roles, and has no page for vacancies without a list', async () => {
    const vacancyId = await openHiring();
    const visit = await visitor.get(`/vacatures/${vacancyId}/wachtlijst`);
    expect(visit.statusCode).toBe(303);
    expect(visit.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(`/vacatures/${vacancyId}/wachtlijst`)}`);
    expect((await employer.get(`/vacatures/${vacancyId}/wachtlijst`)).statusCode).toBe(403);
    const who = await candidate();
    const plain = await makeVacancy(app, world.employers.preferred.id);
    const closed = await openHiring({ status: 'closed' });
    for (const id of [plain, closed, 'geen-uuid']) expect((await who.browser.get(`/vacatures/${id}/wachtlijst`)).statusCode).toBe(404);
    const before = await rows();
    expect((await who.browser.post(`/vacatures/${closed}/wachtlijst`, { requirementsRead: 'ja' })).statusCode).toBe(404);
    // No open hiring: the waiting list page does not exist.
    expect((await who.browser.post(`/vacatures/${plain}/wachtlijst`, { requirementsRead: 'ja' })).statusCode).toBe(404);
    expect((await employer.post(`/vacatures/${vacancyId}/wachtlijst`, { requirementsRead: 'ja' })).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });

  it('asks to confirm the requirements: without the tick, 400 with the Dutch error and nothing written', async () => {
    const vacancyId = await openHiring();
    const who = await candidate();
    const page = await who.browser.get(`/vacatures/${vacancyId}/wachtlijst`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Je tilt kratten tot 15 kilo.');
    expect(page.body).toContain('Ik heb gelezen wat het werk van mijn lichaam vraagt. Ik kan dit werk doen.');
    expect(page.body).toContain('Zet mij op de wachtlijst');

    const before = await rows();
    for (const fields of [{}, { requirementsRead: 'nee' }] as Fields[]) {
      const response = await who.browser.post(`/vacatures/${vacancyId}/wachtlijst`, fields);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Er is een probleem');
      expect(response.body).toContain('Lees wat het werk van je lichaam vraagt. Zet dan een vinkje als je dit werk kunt doen.');
      expect(response.body).toContain('href="#veld-requirementsRead"');
      expect(response.body).toMatch(/<title>Fout: /);
    }
    expect(await rows()).toEqual(before);
  });

  it('puts the candidate on the list, shows their place, and lets them leave', async () => {
    const vacancyId = await openHiring();
    const [a, b] = [await candidate(), await candidate()];
    const joined = await a.browser.post(`/vacatures/${vacancyId}/wachtlijst`, { requirementsRead: 'ja' });
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`/vacatures/${vacancyId}/wachtlijst?aangemeld=1`);
    expect((await b.browser.post(`/vacatures/${vacancyId}/wachtlijst`, { requirementsRead: 'ja' })).statusCode).toBe(303);

    const first = await a.browser.get(`/vacatures/${vacancyId}/wachtlijst?aangemeld=1`);
    expect(first.body).toContain('Je staat op de wachtlijst.');
    expect(first.body).toContain('Je staat op plaats 1');
    expect(first.body).toContain('Er staan 2 mensen op de wachtlijst.');
    expect(first.body).toContain('Haal mij van de wachtlijst');
    expect((await b.browser.get(`/vacatures/${vacancyId}/wachtlijst`)).body).toContain('Je staat op plaats 2');

    // A second click: 409 with the reason, nothing more written.
    const before = await rows();
    const twice = await a.browser.post(`/vacatures/${vacancyId}/wachtlijst`, { requirementsRead: 'ja' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Je staat al op de wachtlijst van deze vacature.');
    expect(await rows()).toEqual(before);

    const left = await a.browser.post(`/vacatures/${vacancyId}/wachtlijst/verlaten`, {});
    expect(left.statusCode).toBe(303);
    expect(left.headers.location).toBe(`/vacatures/${vacancyId}/wachtlijst?verlaten=1`);
    const after = await a.browser.get(left.headers.location as string);
    expect(after.body).toContain('Je staat niet meer op de wachtlijst.');
    expect(after.body).toContain('Zet mij op de wachtlijst');
    expect((await b.browser.get(`/vacatures/${vacancyId}/wachtlijst`)).body).toContain('Je staat op plaats 1');
    // Leaving again changes nothing and shows how things stand.
    expect((await a.browser.post(`/vacatures/${vacancyId}/wachtlijst/verlaten`, {})).headers.location).toBe(
      `/vacatures/${vacancyId}/wachtlijst`,
    );
  });

  it('lists the candidate’s own waiting lists, with a leave button per list', async () => {
    const [one, two] = [await openHiring({ title: 'Sorteerder eerste lijst' }), await openHiring({ title: 'Sorteerder tweede lijst' })];
    const who = await candidate();
    for (const id of [one, two]) await who.browser.post(`/vacatures/${id}/wachtlijst`, { requirementsRead: 'ja' });
    const list = await who.browser.get('/kandidaat/wachtlijsten');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Mijn wachtlijsten');
    expect(list.body).toContain('Sorteerder eerste lijst');
    expect(list.body).toContain('Plaats 1');
    expect(list.body).toContain('Haal mij van de wachtlijst voor Sorteerder tweede lijst');

    const left = await who.browser.post(`/vacatures/${two}/wachtlijst/verlaten`, { terug: 'lijst' });
    expect(left.headers.location).toBe('/kandidaat/wachtlijsten?verlaten=1');
    const after = await who.browser.get('/kandidaat/wachtlijsten?verlaten=1');
    expect(after.body).toContain('Je staat niet meer op de wachtlijst.');
    expect(after.body).toContain('Je bent van de wachtlijst gegaan');
    expect((await employer.get('/kandidaat/wachtlijsten')).statusCode).toBe(403);
  });
});

describe('the employer’s waiting list page', () => {
  it('shows the counts and the queue by pseudonym, and "take the next" lands on the new contact', async () => {
    const vacancyId = await openHiring({ title: 'Orderpicker open hiring' });
    const [a, b] = [await candidate(), await candidate()];
    for (const who of [a, b]) await who.browser.post(`/vacatures/${vacancyId}/wachtlijst`, { requirementsRead: 'ja' });
    const pseudonym = (await app.database.db.selectFrom('candidate').select('pseudonym').where('id', '=', a.id).executeTakeFirstOrThrow())
      .pseudonym;

    const edit = await employer.get(`/werkgever/vacatures/${vacancyId}`);
    expect(edit.body).toContain(`href="/werkgever/vacatures/${vacancyId}/wachtlijst"`);
    const page = await employer.get(`/werkgever/vacatures/${vacancyId}/wachtlijst`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wachtlijst: Orderpicker open hiring');
    expect(page.body).toMatch(/<dt>Op de wachtlijst<\/dt><dd>2<\/dd>/);
    expect(page.body).toMatch(/<dt>Door u genomen<\/dt><dd>0<\/dd>/);
    expect(page.body).toContain(pseudonym);
    expect(page.body).toContain('Neem de volgende');
    expect(page.body).toContain('Je tilt kratten tot 15 kilo.');

    const taken = await employer.post(`/werkgever/vacatures/${vacancyId}/wachtlijst/volgende`, {});
    expect(taken.statusCode).toBe(303);
    const application = await app.database.db
      .selectFrom('application')
      .select(['id', 'candidate_id'])
      .where('vacancy_id', '=', vacancyId)
      .executeTakeFirstOrThrow();
    expect(taken.headers.location).toBe(`/werkgever/contacten/${application.id}`);
    expect(application.candidate_id).toBe(a.id);
    const turn = await a.browser.get(`/vacatures/${vacancyId}/wachtlijst`);
    expect(turn.body).toContain('Je was aan de beurt bij deze vacature.');
    expect(turn.body).toContain(`href="/kandidaat/contacten/${application.id}"`);
    expect((await employer.get(`/werkgever/vacatures/${vacancyId}/wachtlijst`)).body).toMatch(/<dt>Door u genomen<\/dt><dd>1<\/dd>/);

    await employer.post(`/werkgever/vacatures/${vacancyId}/wachtlijst/volgende`, {});
    const before = await rows();
    const empty = await employer.post(`/werkgever/vacatures/${vacancyId}/wachtlijst/volgende`, {});
    expect(empty.statusCode).toBe(409);
    expect(empty.body).toContain('Er staat niemand op de wachtlijst.');
    expect(await rows()).toEqual(before);
  });

  it('is not found for another employer or a vacancy without a list, and refused to other roles', async () => {
    const vacancyId = await openHiring();
    const who = await candidate();
    await who.browser.post(`/vacatures/${vacancyId}/wachtlijst`, { requirementsRead: 'ja' });
    const plain = await makeVacancy(app, world.employers.preferred.id);
    const before = await rows();
    expect((await otherEmployer.get(`/werkgever/vacatures/${vacancyId}/wachtlijst`)).statusCode).toBe(404);
    expect((await otherEmployer.post(`/werkgever/vacatures/${vacancyId}/wachtlijst/volgende`, {})).statusCode).toBe(404);
    expect((await employer.get(`/werkgever/vacatures/${plain}/wachtlijst`)).statusCode).toBe(404);
    expect((await employer.post(`/werkgever/vacatures/${plain}/wachtlijst/volgende`, {})).statusCode).toBe(404);
    expect((await who.browser.get(`/werkgever/vacatures/${vacancyId}/wachtlijst`)).statusCode).toBe(403);
    expect((await who.browser.post(`/werkgever/vacatures/${vacancyId}/wachtlijst/volgende`, {})).statusCode).toBe(403);
    expect(await rows()).toEqual(before);
  });
});
