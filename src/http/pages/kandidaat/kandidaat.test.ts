import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

type Person = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Record<string, string | readonly string[]>, tokenFrom?: string) => Promise<LightMyRequestResponse>;
};

async function person(user: { email: string; password: string } | null): Promise<Person> {
  const cookie = user ? await loginCookie(app, user.email, user.password) : '';
  return {
    get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    // Every page has a form with a CSRF token (at least the log-out button), also an error page.
    post: (url, fields, tokenFrom) => postForm(app, cookie, url, fields, { tokenFrom: tokenFrom ?? '/kandidaat' }),
  };
}

let app: TestApp;
let world: World;
let me: Person;
let own: { id: string; user: { userId: string } };
let neighbour: { id: string; user: { userId: string } };

const row = (id: string) => app.database.db.selectFrom('candidate').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string, action?: string) => {
  let query = app.database.db.selectFrom('event').selectAll().where('subject_id', '=', id);
  if (action) query = query.where('action', '=', action);
  return query.execute();
};
const activeConsent = (id: string) =>
  app.database.db.selectFrom('consent').selectAll().where('candidate_id', '=', id).where('withdrawn_at', 'is', null).executeTakeFirst();

/** The <input> tag with this id, to check its value or whether it is ticked. */
const inputTag = (html: string, id: string) => new RegExp(`<input[^>]*id="${id.replace(/[.]/g, '\\.')}"[^>]*>`).exec(html)?.[0] ?? '';

const cleaner = builtinOccupations.find((o) => o.label === 'schoonmaker gebouwen')!;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  const mine = await makeCandidate(app, world.consulent, { withLogin: true, consent: false });
  const theirs = await makeCandidate(app, world.consulent, {
    withLogin: true,
    consent: true,
    anonymous: false,
    visibility: { identiteit: 'alle' },
  });
  own = { id: mine.id, user: mine.user! };
  neighbour = { id: theirs.id, user: theirs.user! };
  me = await person(mine.user);
});
afterAll(async () => app?.close());

describe('who may open the candidate pages', () => {
  const urls = ['/kandidaat', '/kandidaat/profiel/werk', '/kandidaat/zichtbaarheid', '/kandidaat/voorbeeld'];

  it('sends a visitor to log in and refuses an employer and a consultant', async () => {
    const visitor = await person(null);
    for (const url of urls) {
      const response = await visitor.get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(url)}`);
    }
    for (const user of [world.employers.preferred.user, world.consulent]) {
      const someone = await person(user);
      for (const url of urls) expect((await someone.get(url)).statusCode, url).toBe(403);
      const before = await row(own.id);
      const post = await someone.post('/kandidaat/profiel/contact', { firstName: 'Inbreker', lastName: 'X' }, '/');
      expect(post.statusCode).toBe(403);
      expect((await row(own.id)).first_name).toBe(before.first_name);
    }
  });

  it('tells a candidate account without a profile that the consultant makes one', async () => {
    const lonely = await person(await makeUser(app, 'Zonder Profiel', [{ role: 'kandidaat', instantieId: 'rotterdam' }]));
    const response = await lonely.get('/kandidaat');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Je hebt nog geen profiel');
    expect((await lonely.post('/kandidaat/zichtbaarheid/toestemming', { keuze: 'geven' }, '/')).statusCode).toBe(404);
  });

  it('only ever uses the candidate row of the signed-in account, whatever the request names', async () => {
    const theirs = await row(neighbour.id);
    const page = await me.get(`/kandidaat/profiel/contact?id=${neighbour.id}&candidateId=${neighbour.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain((await row(own.id)).last_name);
    expect(page.body).not.toContain(theirs.last_name);
    expect((await me.get(`/kandidaat/${neighbour.id}`)).statusCode).toBe(404);
    expect((await me.get(`/kandidaat/profiel/contact/${neighbour.id}`)).statusCode).toBe(404);

    const saved = await me.post(`/kandidaat/profiel/contact?id=${neighbour.id}`, {
      id: neighbour.id,
      candidateId: neighbour.id,
      firstName: 'Eigen',
      lastName: 'Naam',
      email: '',
      phone: '',
    });
    expect(saved.statusCode).toBe(303);
    expect((await row(own.id)).first_name).toBe('Eigen');
    expect(await row(neighbour.id)).toEqual(theirs);
    await me.post('/kandidaat/zichtbaarheid/toestemming', { keuze: 'intrekken', candidateId: neighbour.id });
    expect(await activeConsent(neighbour.id)).toBeDefined();
    const reads = await app.database.db
      .selectFrom('access_log')
      .select('candidate_id')
      .where('viewer_user_id', '=', own.user.userId)
      .execute();
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((read) => read.candidate_id === own.id)).toBe(true);
  });
});

describe('my profile overview', () => {
  it('shows each section, completeness, availability and consent, and logs the read', async () => {
    const response = await me.get('/kandidaat');
    expect(response.statusCode).toBe(200);
    for (const section of ['contact', 'werk', 'ervaring', 'talen', 'reizen', 'ondersteuning', 'beschikbaarheid']) {
      expect(response.body).toContain(`href="/kandidaat/profiel/${section}"`);
    }
    expect(response.body).toContain('Je profiel is voor 60 procent klaar.');
    expect(response.body).toContain('Ik zoek nog steeds werk');
    expect(response.body).toContain('Werkgevers zien je profiel nu niet.');
    expect(response.body).toContain('href="/kandidaat/zichtbaarheid"');
    expect(response.body).toContain('href="/kandidaat/voorbeeld"');
    const log = await app.database.db.selectFrom('access_log').selectAll().where('context', '=', 'kandidaat:overzicht').execute();
    expect(log.map((entry) => [entry.candidate_id, entry.viewer_role])).toContainEqual([own.id, 'kandidaat']);
  });

  it('confirms that I am still looking for work', async () => {
    await app.database.db
      .updateTable('candidate')
      .set({ availability_expires_at: new Date(Date.now() - 86_400_000) })
      .where('id', '=', own.id)
      .execute();
    expect((await me.get('/kandidaat')).body).toContain('Je beschikbaarheid is verlopen');
    const response = await me.post('/kandidaat/beschikbaarheid/bevestigen', {});
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/kandidaat?opgeslagen=beschikbaarheid-bevestigd');
    expect((await row(own.id)).availability_expires_at.getTime()).toBeGreaterThan(Date.now());
    expect(await events(own.id, 'availability.confirmed')).toHaveLength(1);
    expect((await me.get(response.headers.location as string)).body).toContain('We weten nu dat je nog werk zoekt.');
  });
});

describe('a profile section', () => {
  it('refuses bad input with 400, keeps what I typed and writes nothing', async () => {
    const before = await row(own.id);
    const eventsBefore = (await events(own.id)).length;
    const response = await me.post('/kandidaat/profiel/werk', { hoursPerWeek: '99', days: ['ma', 'vr'], wishedOccupations: cleaner.uri });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Er is een probleem');
    expect(response.body).toContain('href="#veld-hoursPerWeek"');
    expect(response.body).toContain('Vul een aantal uren in tussen 1 en 40.');
    expect(response.body).toMatch(/name="hoursPerWeek"[^>]*value="99"/);
    expect(inputTag(response.body, 'veld-days-vr')).toContain('checked=""');
    expect(inputTag(response.body, 'veld-days-di')).not.toContain('checked');
    expect(inputTag(response.body, 'veld-wishedOccupations-0')).toContain(`value="${cleaner.uri}"`);
    expect(inputTag(response.body, 'veld-wishedOccupations-0')).toContain('checked=""');
    expect(await row(own.id)).toEqual(before);
    expect(await events(own.id)).toHaveLength(eventsBefore);
  });

  it('shows a row error on the row I typed it in, in English too', async () => {
    const body = {
      educationLevel: 'vmbo',
      'workExperience.0.title': '',
      'workExperience.1.title': '',
      'workExperience.1.employer': 'Opslag BV',
    };
    const response = await me.post('/kandidaat/profiel/ervaring', body);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#veld-workExperience.0.title"');
    expect(response.body).toMatch(/name="workExperience.0.employer"[^>]*value="Opslag BV"/);
    const english = await me.post('/kandidaat/profiel/ervaring?taal=en', body);
    expect(english.body).toContain('Enter the job.');
  });

  it('searches occupations without saving, then saves the ticked ones', async () => {
    const before = await row(own.id);
    const search = await me.post('/kandidaat/profiel/werk', { hoursPerWeek: '20', zoekterm: 'schoonm', actie: 'zoeken' });
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(cleaner.label);
    expect(search.body).toMatch(/name="hoursPerWeek"[^>]*value="20"/);
    expect(await row(own.id)).toEqual(before);

    const saved = await me.post('/kandidaat/profiel/werk', {
      hoursPerWeek: '20',
      wishedOccupations: cleaner.uri,
      days: ['di', 'do'],
      zoekterm: '',
      actie: 'zoeken',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/kandidaat?opgeslagen=werk');
    const after = await row(own.id);
    expect(after.wished_occupations).toEqual([cleaner.uri]);
    expect(after.hours_per_week).toBe(20);
    expect(after.days).toEqual(['di', 'do']);
    const [event] = await events(own.id, 'profile.werk.updated').then((list) => list.filter((e) => e.actor_user_id === own.user.userId));
    expect(event?.data).toEqual({ by: 'kandidaat' });
  });

  it('shows the staff-only section read-only and refuses to save it', async () => {
    const page = await me.get('/kandidaat/profiel/doelgroep');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Dit vult je consulent in.');
    expect(page.body).not.toContain('name="targetGroups"');
    const response = await me.post('/kandidaat/profiel/doelgroep', { targetGroups: 'wajong' });
    expect(response.statusCode).toBe(403);
    expect((await row(own.id)).target_groups).toEqual(['doelgroepregister']);
  });

  it('answers 404 for a section that does not exist', async () => {
    expect((await me.get('/kandidaat/profiel/salaris')).statusCode).toBe(404);
    expect((await me.post('/kandidaat/profiel/salaris', { x: '1' }, '/kandidaat')).statusCode).toBe(404);
  });
});

describe('visibility and consent', () => {
  const choices = {
    'visibility.identiteit': 'alle',
    'visibility.werkwensen': 'alle',
    'visibility.ervaring': 'betrokken',
    'visibility.beschikbaarheid': 'alle',
    'visibility.locatie': 'alle',
    'visibility.ondersteuning': 'voorkeur',
    'visibility.doelgroep': 'consulent',
  };

  it('refuses an unknown level or a missing anonymous choice, and keeps the choices', async () => {
    const before = await row(own.id);
    const bad = await me.post('/kandidaat/zichtbaarheid', { ...choices, 'visibility.ervaring': 'iedereen', anonymous: 'nee' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kies wie dit mag zien.');
    expect(bad.body).toContain('href="#veld-visibility.ervaring"');
    expect(inputTag(bad.body, 'veld-visibility.identiteit-alle')).toContain('checked=""');
    expect(inputTag(bad.body, 'veld-visibility.identiteit-consulent')).not.toContain('checked');
    const missing = await me.post('/kandidaat/zichtbaarheid', choices);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Kies of je anoniem wilt zijn.');
    expect(await row(own.id)).toEqual(before);
  });

  it('saves the choices, gives and withdraws consent, and says who sees what', async () => {
    const page = await me.get('/kandidaat/zichtbaarheid');
    expect(page.body).toContain('Je hebt geen toestemming gegeven.');
    expect(page.body).not.toContain('>Ziet dit<');

    const saved = await me.post('/kandidaat/zichtbaarheid', { ...choices, anonymous: 'nee' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/kandidaat/zichtbaarheid?opgeslagen=zichtbaarheid');
    const after = await row(own.id);
    expect(after.visibility).toEqual({
      identiteit: 'alle',
      werkwensen: 'alle',
      ervaring: 'betrokken',
      beschikbaarheid: 'alle',
      locatie: 'alle',
      ondersteuning: 'voorkeur',
      doelgroep: 'consulent',
    });
    expect(after.anonymous).toBe(false);
    const mine = (await events(own.id, 'visibility.changed')).filter((event) => event.actor_user_id === own.user.userId);
    expect(mine.map((event) => event.data)).toEqual([expect.objectContaining({ recordedAs: 'kandidaat', anonymous: false })]);

    const given = await me.post('/kandidaat/zichtbaarheid/toestemming', { keuze: 'geven' });
    expect(given.statusCode).toBe(303);
    expect(given.headers.location).toBe('/kandidaat/zichtbaarheid?opgeslagen=toestemming-gegeven');
    const consent = await activeConsent(own.id);
    expect(consent?.recorded_as).toBe('kandidaat');
    expect(consent?.given_by).toBe(own.user.userId);
    const withConsent = await me.get(given.headers.location as string);
    expect(withConsent.body).toContain('Je hebt toestemming gegeven. Werkgevers kunnen je profiel nu zien');
    expect(withConsent.body).toContain('>Ziet dit<');
    expect(withConsent.body).toContain('Toestemming intrekken');

    const preview = await me.get('/kandidaat/voorbeeld?categorie=business_as_usual');
    expect(preview.body).toContain('Zo ziet een andere werkgever je profiel');
    expect(preview.body).toContain((await row(own.id)).last_name);
    expect(preview.body).toContain('Woongebied');
    expect(preview.body).not.toContain('<dt>Hulp</dt>');
    expect(preview.body).not.toContain('<dt>Vaardigheden</dt>');
    const preferred = await me.get('/kandidaat/voorbeeld?categorie=preferred');
    expect(preferred.body).toContain('<dt>Hulp</dt>');
    expect(preferred.body).toContain('<dt>Vaardigheden</dt>');
    expect(preferred.body).not.toContain('<dt>Doelgroep</dt>');

    const withdrawn = await me.post('/kandidaat/zichtbaarheid/toestemming', { keuze: 'intrekken' });
    expect(withdrawn.statusCode).toBe(303);
    expect(await activeConsent(own.id)).toBeUndefined();
    const consentEvents = await app.database.db
      .selectFrom('event')
      .select('action')
      .where('subject_id', '=', consent!.id)
      .orderBy('at')
      .execute();
    expect(consentEvents.map((e) => e.action)).toEqual(['consent.given', 'consent.withdrawn']);
    const hidden = await me.get('/kandidaat/voorbeeld?categorie=preferred');
    expect(hidden.body).toContain('Je hebt geen toestemming gegeven. Daarom ziet geen enkele werkgever iets van je profiel.');
    expect(hidden.body).not.toContain('<dt>Vaardigheden</dt>');
  });

  it('refuses an unknown consent choice', async () => {
    expect((await me.post('/kandidaat/zichtbaarheid/toestemming', { keuze: 'misschien' })).statusCode).toBe(400);
  });
});
