import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCandidate } from '#app/domain/candidates/commands.js';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

/** A logged-in person: the Cookie header, GET with it, and POST a form with a CSRF token from a page. */
type Fields = Record<string, string | readonly string[]>;
type Person = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Fields, tokenFrom?: string) => Promise<LightMyRequestResponse>;
};

async function person(user: { email: string; password: string } | null): Promise<Person> {
  const cookie = user ? await loginCookie(app, user.email, user.password) : '';
  return {
    get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, fields, tokenFrom) => postForm(app, cookie, url, fields, { tokenFrom }),
  };
}

let app: TestApp;
let world: World;
let mine: Person;
let other: Person;
let own: { id: string };
let foreign: { id: string };
let colleagues: { id: string };

const count = async (table: 'candidate' | 'user' | 'event' | 'membership') =>
  Number(
    (
      await app.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const link = (id: string) => `href="/consulent/kandidaten/${id}"`;

const lastNameOf = async (id: string) =>
  (await app.database.db.selectFrom('candidate').select('last_name').where('id', '=', id).executeTakeFirstOrThrow()).last_name;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  own = await makeCandidate(app, world.consulent);
  foreign = await makeCandidate(app, world.otherConsulent);
  const colleague = await makeUser(app, 'Collega Rotterdam', [{ role: 'consulent', instantieId: 'rotterdam' }]);
  colleagues = await makeCandidate(app, colleague);
  mine = await person(world.consulent);
  other = await person(world.otherConsulent);
});
afterAll(async () => app?.close());

describe('who may open the consultant pages', () => {
  it('sends a visitor to the log-in page and refuses an employer', async () => {
    const visitor = await (await person(null)).get('/consulent');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/inloggen?terug=%2Fconsulent');
    const employer = await person(world.employers.preferred.user);
    for (const url of ['/consulent', '/consulent/kandidaten/nieuw', '/consulent/verlopen', `/consulent/kandidaten/${own.id}`]) {
      expect((await employer.get(url)).statusCode, url).toBe(403);
    }
  });

  it('answers 404 for a candidate of another instantie, an unknown id and a bad id', async () => {
    for (const id of [foreign.id, crypto.randomUUID(), 'geen-id']) {
      const response = await mine.get(`/consulent/kandidaten/${id}`);
      expect(response.statusCode, id).toBe(404);
      expect(response.body).toContain('Deze pagina bestaat niet');
    }
    expect((await other.get(`/consulent/kandidaten/${own.id}`)).statusCode).toBe(404);
    expect((await other.get(`/consulent/kandidaten/${foreign.id}`)).statusCode).toBe(200);
  });
});

describe('the caseload', () => {
  it('lists only my own candidates, with consent and availability, and logs the reads', async () => {
    const response = await mine.get('/consulent');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(await lastNameOf(own.id));
    expect(response.body).toContain(link(own.id));
    expect(response.body).not.toContain(link(foreign.id));
    expect(response.body).not.toContain(link(colleagues.id));
    expect(response.body).toContain('href="/consulent/kandidaten/nieuw"');
    expect(response.body).toContain('href="/consulent/verlopen"');
    const logged = await app.database.db
      .selectFrom('access_log')
      .select(['candidate_id', 'viewer_role'])
      .where('viewer_user_id', '=', world.consulent.userId)
      .where('context', '=', 'consulent.caseload')
      .execute();
    expect(logged.map((row) => row.candidate_id)).toContain(own.id);
    expect(logged.map((row) => row.candidate_id)).not.toContain(foreign.id);
  });

  it('speaks English when asked', async () => {
    const response = await mine.get('/consulent?taal=en');
    expect(response.body).toContain('<html lang="en"');
    expect(response.body).toContain('My candidates');
    expect(response.body).toContain('Add a candidate');
  });

  it('searches by name and says when nothing is found', async () => {
    const found = await mine.get(`/consulent?zoek=${encodeURIComponent(await lastNameOf(own.id))}`);
    expect(found.body).toContain(link(own.id));
    expect(found.body).toContain('1 kandidaat');
    const none = await mine.get('/consulent?zoek=Niemand-heet-zo');
    expect(none.body).toContain('Geen kandidaten gevonden met deze naam.');
    expect(none.body).not.toContain(link(own.id));
  });

  it('shows 50 candidates per page, and an odd page number means the first page', async () => {
    const busy = await makeUser(app, 'Drukke Consulent', [{ role: 'consulent', instantieId: 'rotterdam' }]);
    for (let i = 0; i < 52; i++) {
      const created = await createCandidate(app.database.db, busy, {
        firstName: 'Piet',
        lastName: `Paginaweg-${String(i).padStart(2, '0')}`,
        email: '',
      });
      if (!created.ok) throw new Error('fixture');
    }
    const client = await person(busy);
    const first = await client.get('/consulent');
    expect(first.body.match(/Paginaweg-\d\d/g)).toHaveLength(50);
    expect(first.body).toContain('52 kandidaten');
    expect(first.body).toContain('href="/consulent?pagina=2"');
    const second = await client.get('/consulent?pagina=2');
    expect(second.body.match(/Paginaweg-\d\d/g)).toEqual(['Paginaweg-50', 'Paginaweg-51']);
    expect((await client.get('/consulent?pagina=nul')).body.match(/Paginaweg-\d\d/g)?.[0]).toBe('Paginaweg-00');
    const searched = await client.get('/consulent?zoek=Paginaweg-5');
    expect(searched.body.match(/Paginaweg-\d\d/g)).toEqual(['Paginaweg-50', 'Paginaweg-51']);
  });
});

describe('adding a candidate', () => {
  it('keeps the values and writes nothing when the e-mail address is wrong', async () => {
    const before = await Promise.all([count('candidate'), count('user'), count('event'), count('membership')]);
    const response = await mine.post('/consulent/kandidaten/nieuw', {
      firstName: 'Sanne',
      lastName: 'de Vries',
      email: 'sanne-at-voorbeeld',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.');
    expect(response.body).toContain('href="#veld-email"');
    expect(response.body).toContain('value="Sanne"');
    expect(response.body).toContain('value="de Vries"');
    expect(response.body).toContain('value="sanne-at-voorbeeld"');
    expect(await Promise.all([count('candidate'), count('user'), count('event'), count('membership')])).toEqual(before);
  });

  it('asks for the names', async () => {
    const response = await mine.post('/consulent/kandidaten/nieuw', { firstName: ' ', lastName: '', email: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Vul de voornaam in.');
    expect(response.body).toContain('Vul de achternaam in.');
  });

  it('creates the candidate with an account without password, then shows the new candidate', async () => {
    const email = `sanne.${Date.now()}@voorbeeld.nl`;
    const response = await mine.post('/consulent/kandidaten/nieuw', { firstName: 'Sanne', lastName: 'de Vries', email });
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    const id = /^\/consulent\/kandidaten\/([0-9a-f-]{36})\?toegevoegd=1$/.exec(location)?.[1];
    expect(id).toBeDefined();
    const db = app.database.db;
    const candidate = await db.selectFrom('candidate').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    expect([candidate.instantie_id, candidate.consultant_user_id, candidate.email]).toEqual(['rotterdam', world.consulent.userId, email]);
    expect(candidate.user_id).not.toBeNull();
    // better-auth keeps passwords in its account table: none for this user yet.
    const accounts = await sql<{ n: string }>`select count(*) as n from account where "userId" = ${candidate.user_id}`.execute(db);
    expect(Number(accounts.rows[0]!.n)).toBe(0);
    const membership = await db
      .selectFrom('membership')
      .select(['role', 'instantie_id'])
      .where('user_id', '=', candidate.user_id!)
      .execute();
    expect(membership).toEqual([{ role: 'kandidaat', instantie_id: 'rotterdam' }]);
    const page = await mine.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('De kandidaat is toegevoegd.');
    expect(page.body).toContain('Sanne de Vries');

    const again = await mine.post('/consulent/kandidaten/nieuw', { firstName: 'Sanne', lastName: 'Tweede', email });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Er is al een account met dit e-mailadres.');
  });
});

describe('one candidate', () => {
  it('shows the profile, consent, the access log with names and the history', async () => {
    await (await person(world.employers.preferred.user)).get(`/kandidaten/${own.id}`);
    const response = await mine.get(`/consulent/kandidaten/${own.id}`);
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain(await lastNameOf(own.id));
    for (const section of ['contact', 'werk', 'ervaring', 'talen', 'reizen', 'ondersteuning', 'beschikbaarheid', 'doelgroep']) {
      expect(body).toContain(`href="/consulent/kandidaten/${own.id}/profiel/${section}"`);
    }
    expect(body).toContain(`href="/consulent/kandidaten/${own.id}/zichtbaarheid"`);
    expect(body).toContain(`action="/consulent/kandidaten/${own.id}/beschikbaarheid/bevestigen"`);
    expect(body).toContain('De kandidaat heeft toestemming gegeven.');
    // The access log: this very visit by the consultant and the employer's visit before it.
    expect(body).toContain('Wie heeft dit profiel bekeken');
    expect(body).toContain(world.employers.preferred.user.name);
    expect(body).toMatch(/<td class="utrecht-table__cell">Werkgever<\/td>/);
    expect(body).toContain(world.consulent.name);
    // The history: made, sections changed, consent given.
    expect(body).toContain('Profiel gemaakt');
    expect(body).toContain('Contactgegevens gewijzigd');
    expect(body).toContain('Toestemming gegeven');
    const logged = await app.database.db
      .selectFrom('access_log')
      .select('viewer_role')
      .where('candidate_id', '=', own.id)
      .where('context', '=', 'consulent.kandidaat')
      .execute();
    expect(logged.map((row) => row.viewer_role)).toContain('consulent');
  });

  it('says when there is no consent', async () => {
    const without = await makeCandidate(app, world.consulent, { consent: false });
    const response = await mine.get(`/consulent/kandidaten/${without.id}`);
    expect(response.body).toContain('Er is geen toestemming. Geen enkele werkgever ziet dit profiel.');
  });
});

describe('filling in the profile together', () => {
  const section = (id: string) => `/consulent/kandidaten/${id}/profiel/werk`;
  const hours = async (id: string) =>
    (await app.database.db.selectFrom('candidate').select('hours_per_week').where('id', '=', id).executeTakeFirstOrThrow()).hours_per_week;

  it('saves a section as the consultant, with the values kept on an error', async () => {
    const form = await mine.get(section(own.id));
    expect(form.statusCode).toBe(200);
    const wrong = await mine.post(section(own.id), { hoursPerWeek: '50', days: ['ma', 'di'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Vul een aantal uren in tussen 1 en 40.');
    expect(wrong.body).toContain('value="50"');
    expect(await hours(own.id)).toBe(24);
    const saved = await mine.post(section(own.id), { hoursPerWeek: '32', days: ['ma', 'di'] });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/consulent/kandidaten/${own.id}?opgeslagen=werk`);
    expect(await hours(own.id)).toBe(32);
    const event = await app.database.db
      .selectFrom('event')
      .select(['actor_user_id', 'data'])
      .where('subject_id', '=', own.id)
      .where('action', '=', 'profile.werk.updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_user_id: world.consulent.userId, data: { by: 'consulent' } });
    const page = await mine.get(String(saved.headers.location));
    expect(page.body).toContain('Je gegevens zijn opgeslagen.');
  });

  it('is not found for a consultant of another instantie, and refused to anyone without the consultant role', async () => {
    expect((await other.get(section(own.id))).statusCode).toBe(404);
    expect((await other.post(section(own.id), { hoursPerWeek: '12' }, `/consulent/kandidaten/${foreign.id}`)).statusCode).toBe(404);
    expect(await hours(own.id)).toBe(32);
    const withLogin = await makeCandidate(app, world.consulent, { withLogin: true });
    const candidate = await person(withLogin.user!);
    expect((await candidate.get(section(withLogin.id))).statusCode).toBe(403);
    expect((await candidate.get(`/consulent/kandidaten/${withLogin.id}`)).statusCode).toBe(403);
  });
});

describe('expired availability', () => {
  let expired: { id: string };
  const past = () => new Date(Date.now() - 3 * 24 * 3600 * 1000);
  beforeAll(async () => {
    expired = await makeCandidate(app, world.consulent);
    await app.database.db
      .updateTable('candidate')
      .set({ availability_expires_at: past() })
      .where('id', 'in', [expired.id, foreign.id])
      .execute();
  });

  it('lists a candidate of my instantie whose availability expired, and confirming removes it', async () => {
    const list = await mine.get('/consulent/verlopen');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(link(expired.id));
    expect(list.body).toContain(await lastNameOf(expired.id));
    expect(list.body).not.toContain(link(foreign.id));
    expect(list.body).toContain('8 weken');
    const caseload = await mine.get(`/consulent?zoek=${encodeURIComponent(await lastNameOf(expired.id))}`);
    expect(caseload.body).toContain('Verlopen sinds');

    expect(list.body).toContain(`action="/consulent/verlopen/${expired.id}/bevestigen"`);
    const confirmed = await mine.post(`/consulent/verlopen/${expired.id}/bevestigen`, {}, '/consulent/verlopen');
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/consulent/verlopen?bevestigd=1');
    const after = await mine.get('/consulent/verlopen?bevestigd=1');
    expect(after.body).toContain('De beschikbaarheid is bevestigd.');
    expect(after.body).not.toContain(link(expired.id));
    const row = await app.database.db
      .selectFrom('candidate')
      .select('availability_expires_at')
      .where('id', '=', expired.id)
      .executeTakeFirstOrThrow();
    expect(row.availability_expires_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('uses the number of weeks of the instantie', async () => {
    await app.database.db
      .updateTable('instantie')
      .set({ settings: JSON.stringify({ availabilityWeeks: 6 }) })
      .where('id', '=', 'schiedam')
      .execute();
    const list = await other.get('/consulent/verlopen');
    expect(list.body).toContain('6 weken');
    expect(list.body).toContain(link(foreign.id));
  });

  it('confirms on the candidate page too, and back there', async () => {
    await app.database.db.updateTable('candidate').set({ availability_expires_at: past() }).where('id', '=', expired.id).execute();
    const confirmed = await mine.post(
      `/consulent/kandidaten/${expired.id}/beschikbaarheid/bevestigen`,
      {},
      `/consulent/kandidaten/${expired.id}`,
    );
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/consulent/kandidaten/${expired.id}?opgeslagen=beschikbaarheid-bevestigd`);
    const page = await mine.get(String(confirmed.headers.location));
    expect(page.body).toContain('De beschikbaarheid is bevestigd.');
    expect(page.body).toContain('Geldig tot');
    expect(page.body).toContain('Beschikbaarheid bevestigd');
  });

  it('refuses to confirm for a candidate of another instantie, from the list or the candidate page', async () => {
    for (const url of [`/consulent/verlopen/${foreign.id}/bevestigen`, `/consulent/kandidaten/${foreign.id}/beschikbaarheid/bevestigen`]) {
      expect((await mine.post(url, {}, '/consulent/verlopen')).statusCode, url).toBe(404);
    }
    const row = await app.database.db
      .selectFrom('candidate')
      .select('availability_expires_at')
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(row.availability_expires_at.getTime()).toBeLessThan(Date.now());
  });
});
