import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeUser, makeWorld, testPassword, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';
import { newEmployerReason } from '#app/domain/employers/commands.js';

let app: TestApp;
let world: World;
let beheerder: string;
let otherBeheerder: string;
let consulent: string;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  const schiedam = await makeUser(app, 'Beheerder Schiedam', [{ role: 'beheerder', instantieId: 'schiedam' }]);
  beheerder = await loginCookie(app, world.beheerder.email, world.beheerder.password);
  otherBeheerder = await loginCookie(app, schiedam.email, schiedam.password);
  consulent = await loginCookie(app, world.consulent.email, world.consulent.password);
});
afterAll(async () => app?.close());

const get = (url: string, cookie?: string) => app.server.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const db = () => app.database.db;

async function categoryAt(employerId: string, instantieId: string) {
  const row = await db()
    .selectFrom('employer_category')
    .select('category')
    .where('employer_id', '=', employerId)
    .where('instantie_id', '=', instantieId)
    .executeTakeFirst();
  return row?.category ?? null;
}
async function historyOf(employerId: string) {
  return db().selectFrom('employer_category_change').selectAll().where('employer_id', '=', employerId).orderBy('decided_at').execute();
}

describe('the list of employers', () => {
  it('shows only the employers of my instantie, with the three categories explained', async () => {
    const response = await get('/beheer/werkgevers', beheerder);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Werkgever preferred');
    expect(response.body).toContain('Werkgever committed');
    // The business-as-usual employer of the world was never linked to Rotterdam.
    expect(response.body).not.toContain('Werkgever business_as_usual');
    expect(response.body).toContain('Gewone werkgever');
    expect(response.body).toContain('mag niet zelf zoeken');
    const english = await get('/beheer/werkgevers?taal=en', beheerder);
    expect(english.body).toContain('The three categories');
    expect(english.body).toContain('Regular employer');
  });

  it('filters by category and by name', async () => {
    const byCategory = await get('/beheer/werkgevers?categorie=committed', beheerder);
    expect(byCategory.body).toContain('Werkgever committed');
    expect(byCategory.body).not.toContain('Werkgever preferred');
    const byName = await get('/beheer/werkgevers?naam=PREFER', beheerder);
    expect(byName.body).toContain('Werkgever preferred');
    expect(byName.body).not.toContain('Werkgever committed');
    const wildcard = await get('/beheer/werkgevers?naam=%25', beheerder);
    expect(wildcard.body).toContain('Er zijn geen werkgevers die passen bij je zoekvraag.');
  });

  it('is empty for a beheerder of another instantie and refused to others', async () => {
    const other = await get('/beheer/werkgevers', otherBeheerder);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Werkgever preferred');
    expect((await get('/beheer/werkgevers', consulent)).statusCode).toBe(403);
    const visitor = await get('/beheer/werkgevers');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/inloggen?terug=%2Fbeheer%2Fwerkgevers');
  });
});

describe('changing the category of an employer', () => {
  it('refuses a change without a reason, keeps the values and changes nothing', async () => {
    const { id } = world.employers.committed;
    const before = await historyOf(id);
    const response = await postForm(app, beheerder, `/beheer/werkgevers/${id}`, { category: 'preferred', reason: ' ' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Schrijf op waarom de categorie verandert');
    expect(response.body).toMatch(/<input(?=[^>]*value="preferred")(?=[^>]*checked="")[^>]*>/);
    expect(await categoryAt(id, 'rotterdam')).toBe('committed');
    expect(await historyOf(id)).toHaveLength(before.length);
  });

  it('refuses the current category and an unknown one', async () => {
    const { id } = world.employers.committed;
    const same = await postForm(app, beheerder, `/beheer/werkgevers/${id}`, { category: 'committed', reason: 'Nog steeds goed' });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Kies een andere categorie dan de huidige.');
    const both = await postForm(app, beheerder, `/beheer/werkgevers/${id}`, { category: 'committed', reason: '' });
    expect(both.body.indexOf('href="#veld-category"')).toBeGreaterThan(-1);
    expect(both.body.indexOf('href="#veld-category"')).toBeLessThan(both.body.indexOf('href="#veld-reason"'));
    const unknown = await postForm(app, beheerder, `/beheer/werkgevers/${id}`, { category: 'koning', reason: 'Goede resultaten' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Kies een categorie.');
    expect(await categoryAt(id, 'rotterdam')).toBe('committed');
  });

  it('saves a change with a reason and shows it in the history with who decided', async () => {
    const { id } = world.employers.committed;
    const response = await postForm(app, beheerder, `/beheer/werkgevers/${id}`, {
      category: 'preferred',
      reason: 'Drie duurzame plaatsingen in een jaar',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/beheer/werkgevers/${id}?opgeslagen=1`);
    expect(await categoryAt(id, 'rotterdam')).toBe('preferred');

    const history = await historyOf(id);
    const last = history.at(-1)!;
    expect(last).toMatchObject({
      from_category: 'committed',
      to_category: 'preferred',
      reason: 'Drie duurzame plaatsingen in een jaar',
      decided_by: world.beheerder.userId,
      instantie_id: 'rotterdam',
    });
    const event = await db()
      .selectFrom('event')
      .selectAll()
      .where('subject_id', '=', id)
      .where('action', '=', 'employer.category.changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.actor_user_id).toBe(world.beheerder.userId);

    const page = await get(`/beheer/werkgevers/${id}?opgeslagen=1`, beheerder);
    expect(page.body).toContain('De categorie is opgeslagen.');
    const rows = page.body.slice(page.body.indexOf('Geschiedenis van de categorie'));
    expect(rows).toMatch(
      /Betrokken partner<\/td><td[^>]*>Voorkeurspartner<\/td><td[^>]*>Drie duurzame plaatsingen in een jaar<\/td><td[^>]*>Beheerder Rotterdam</,
    );
  });

  it('never lets a beheerder of another instantie see or change my category', async () => {
    const { id } = world.employers.preferred;
    const before = await historyOf(id);
    expect((await get(`/beheer/werkgevers/${id}`, otherBeheerder)).statusCode).toBe(404);
    const response = await postForm(
      app,
      otherBeheerder,
      `/beheer/werkgevers/${id}`,
      { category: 'business_as_usual', reason: 'Misbruik gevonden' },
      { tokenFrom: '/beheer/werkgevers' },
    );
    expect(response.statusCode).toBe(404);
    expect(await categoryAt(id, 'rotterdam')).toBe('preferred');
    expect(await categoryAt(id, 'schiedam')).toBeNull();
    expect(await historyOf(id)).toHaveLength(before.length);
  });

  it('refuses people who are not beheerder', async () => {
    const { id } = world.employers.preferred;
    const response = await postForm(
      app,
      consulent,
      `/beheer/werkgevers/${id}`,
      { category: 'committed', reason: 'Zomaar' },
      { tokenFrom: '/' },
    );
    expect(response.statusCode).toBe(403);
    expect(await categoryAt(id, 'rotterdam')).toBe('preferred');
  });

  it('answers 404 for an unknown or malformed employer', async () => {
    expect((await get('/beheer/werkgevers/00000000-0000-4000-8000-000000000000', beheerder)).statusCode).toBe(404);
    expect((await get('/beheer/werkgevers/niet-een-id', beheerder)).statusCode).toBe(404);
  });
});

describe('registering an employer', () => {
  const valid = {
    name: 'Bakkerij De Zon',
    kvkNumber: '7654 3210',
    sector: 'Voeding',
    psoLevel: 'trede_2',
    psoEvidenceDate: '2024-03-01',
    codeSocialeOndernemingen: 'ja',
    locationName: 'Bakkerij',
    locationPostcode: '3012 cd',
  };

  it('keeps the values and lists the problems in the order of the form', async () => {
    const response = await postForm(app, beheerder, '/beheer/werkgevers/nieuw', {
      ...valid,
      kvkNumber: '123',
      sector: '',
      locationName: '',
    });
    expect(response.statusCode).toBe(400);
    const start = response.body.indexOf('id="foutmeldingen"');
    const summary = response.body.slice(start, response.body.indexOf('</ul>', start));
    expect(summary.indexOf('Een KvK-nummer heeft 8 cijfers')).toBeGreaterThan(-1);
    expect(summary.indexOf('Een KvK-nummer heeft 8 cijfers')).toBeLessThan(summary.indexOf('Vul de sector in.'));
    expect(summary.indexOf('Vul de sector in.')).toBeLessThan(summary.indexOf('Vul de naam van de vestiging in.'));
    expect(response.body).toContain('value="Bakkerij De Zon"');
    expect(await db().selectFrom('employer').select('id').where('name', '=', 'Bakkerij De Zon').execute()).toHaveLength(0);
  });

  it('registers a new employer as business-as-usual, with the reason in the history', async () => {
    const response = await postForm(app, beheerder, '/beheer/werkgevers/nieuw', valid);
    expect(response.statusCode).toBe(303);
    const employer = await db().selectFrom('employer').selectAll().where('kvk_number', '=', '76543210').executeTakeFirstOrThrow();
    expect(response.headers.location).toBe(`/beheer/werkgevers/${employer.id}?melding=created`);
    expect(employer).toMatchObject({ name: 'Bakkerij De Zon', pso_level: 'trede_2', code_sociale_ondernemingen: true });
    expect(await categoryAt(employer.id, 'rotterdam')).toBe('business_as_usual');
    expect(await historyOf(employer.id)).toMatchObject([
      { from_category: null, to_category: 'business_as_usual', reason: newEmployerReason, decided_by: world.beheerder.userId },
    ]);
    const page = await get(response.headers.location as string, beheerder);
    expect(page.body).toContain('De werkgever is geregistreerd.');
    expect(page.body).toContain('Bakkerij, 3012 CD');
    expect(page.body).toContain(newEmployerReason);
  });

  it('links an employer whose KvK number is known instead of failing, once', async () => {
    const known = world.employers.business_as_usual.id;
    const { kvk_number: kvkNumber } = await db()
      .selectFrom('employer')
      .select('kvk_number')
      .where('id', '=', known)
      .executeTakeFirstOrThrow();
    const first = await postForm(app, beheerder, '/beheer/werkgevers/nieuw', { kvkNumber, name: '', sector: '' });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/beheer/werkgevers/${known}?melding=linked_existing`);
    expect(await categoryAt(known, 'rotterdam')).toBe('business_as_usual');
    const again = await postForm(app, beheerder, '/beheer/werkgevers/nieuw', { kvkNumber, name: 'Andere naam', sector: 'Iets' });
    expect(again.headers.location).toBe(`/beheer/werkgevers/${known}?melding=already_linked`);
    expect(await historyOf(known)).toHaveLength(1);
    expect((await db().selectFrom('employer').select('name').where('id', '=', known).executeTakeFirstOrThrow()).name).toBe(
      'Werkgever business_as_usual',
    );
  });

  it('links a known employer at the other instantie without touching my category', async () => {
    const { id } = world.employers.preferred;
    const { kvk_number: kvkNumber } = await db().selectFrom('employer').select('kvk_number').where('id', '=', id).executeTakeFirstOrThrow();
    const response = await postForm(app, otherBeheerder, '/beheer/werkgevers/nieuw', { kvkNumber });
    expect(response.statusCode).toBe(303);
    expect(await categoryAt(id, 'schiedam')).toBe('business_as_usual');
    expect(await categoryAt(id, 'rotterdam')).toBe('preferred');
  });
});

describe('adding employer users', () => {
  it('makes a new account that can log in as werkgever', async () => {
    const { id } = world.employers.preferred;
    const email = `nieuwe.collega.${process.pid}@voorbeeld.nl`;
    const response = await postForm(app, beheerder, `/beheer/werkgevers/${id}/gebruikers`, {
      name: 'Nieuwe Collega',
      email,
      password: 'een-goed-wachtwoord',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/beheer/werkgevers/${id}/gebruikers?toegevoegd=nieuw`);
    const cookie = await loginCookie(app, email, 'een-goed-wachtwoord');
    const home = await get('/', cookie);
    expect(home.body).toContain('Ingelogd als Nieuwe Collega');
    const membership = await db()
      .selectFrom('membership')
      .innerJoin('user', 'user.id', 'membership.user_id')
      .select(['membership.role', 'membership.employer_id'])
      .where('user.email', '=', email)
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({ role: 'werkgever', employer_id: id });
    expect((await get(`/beheer/werkgevers/${id}/gebruikers`, beheerder)).body).toContain(email);
  });

  it('adds an existing account without changing its password, and only once', async () => {
    const { id } = world.employers.committed;
    const person = world.employers.preferred.user;
    const response = await postForm(app, beheerder, `/beheer/werkgevers/${id}/gebruikers`, {
      name: 'Wie dan ook',
      email: person.email.toUpperCase(),
      password: '',
    });
    expect(response.headers.location).toBe(`/beheer/werkgevers/${id}/gebruikers?toegevoegd=bestaand`);
    await loginCookie(app, person.email, testPassword);
    const again = await postForm(app, beheerder, `/beheer/werkgevers/${id}/gebruikers`, {
      name: 'Wie dan ook',
      email: person.email,
      password: '',
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Deze persoon is al gebruiker van deze werkgever.');
  });

  it('asks for a password of at least 10 characters for a new account and never sends it back', async () => {
    const { id } = world.employers.preferred;
    const response = await postForm(app, beheerder, `/beheer/werkgevers/${id}/gebruikers`, {
      name: 'Kort',
      email: 'kort@voorbeeld.nl',
      password: 'kort-ww',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Kies een wachtwoord van minstens 10 tekens.');
    expect(response.body).toContain('value="kort@voorbeeld.nl"');
    expect(response.body).not.toContain('kort-ww');
    expect(await db().selectFrom('user').select('id').where('email', '=', 'kort@voorbeeld.nl').execute()).toHaveLength(0);
  });

  it('is not possible for an employer of another instantie', async () => {
    const { id } = world.employers.committed;
    const response = await postForm(
      app,
      otherBeheerder,
      `/beheer/werkgevers/${id}/gebruikers`,
      { name: 'Indringer', email: 'indringer@voorbeeld.nl', password: 'een-goed-wachtwoord' },
      { tokenFrom: '/beheer/werkgevers' },
    );
    expect(response.statusCode).toBe(404);
    expect(await db().selectFrom('user').select('id').where('email', '=', 'indringer@voorbeeld.nl').execute()).toHaveLength(0);
  });
});
