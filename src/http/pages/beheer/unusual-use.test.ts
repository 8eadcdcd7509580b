import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';
import { createEmployer, setCategory } from '#app/domain/employers/commands.js';
import { todayIso } from '#app/domain/vacancies/rules.js';

let app: TestApp;
let world: World;
let beheerder: string;
let otherBeheerder: string;
let consulent: string;
let rotterdamUser: Awaited<ReturnType<typeof makeUser>>;
let schiedamUser: Awaited<ReturnType<typeof makeUser>>;

const db = () => app.database.db;
const get = (url: string, cookie?: string) => app.server.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
/** The page has a form only while a flag is open, so the CSRF token comes from another beheer form. */
const handle = (cookie: string, flag: string) =>
  postForm(app, cookie, '/beheer/opvallend-gebruik', { flag }, { tokenFrom: '/beheer/werkgevers/nieuw' });
const flagOf = (userId: string) => db().selectFrom('scraping_flag').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();

/** Views candidate profiles through the API as this user, up to the flag (limit 5, flagged at 4). */
async function viewUntilFlagged(user: { email: string; password: string }, candidates: string[]) {
  const headers = await sessionHeaders(app, user);
  for (const id of candidates.slice(0, 4)) {
    const response = await app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${id}`, headers });
    expect(response.statusCode).toBe(200);
  }
}

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  await db()
    .updateTable('instantie')
    .set({ settings: JSON.stringify({ dailyProfileViews: { preferred: 5, committed: 5, business_as_usual: 5 } }) })
    .where('id', 'in', ['rotterdam', 'schiedam'])
    .execute();
  const schiedam = await makeUser(app, 'Beheerder Schiedam', [{ role: 'beheerder', instantieId: 'schiedam' }]);
  beheerder = await loginCookie(app, world.beheerder.email, world.beheerder.password);
  otherBeheerder = await loginCookie(app, schiedam.email, schiedam.password);
  consulent = await loginCookie(app, world.consulent.email, world.consulent.password);

  rotterdamUser = await makeUser(app, 'Pieter Verzamelaar', [{ role: 'werkgever', employerId: world.employers.committed.id }]);
  const schiedamEmployer = await createEmployer(db(), null, {
    name: 'Schiedamse Schoonmaak',
    kvkNumber: '66601234',
    sector: 'Schoonmaak',
    psoLevel: 'geen',
    psoEvidenceDate: null,
    codeSocialeOndernemingen: false,
    locations: [],
  });
  await setCategory(db(), {
    employerId: schiedamEmployer,
    instantieId: 'schiedam',
    category: 'committed',
    reason: 'Testopzet',
    decidedBy: schiedam.userId,
  });
  schiedamUser = await makeUser(app, 'Sanne Schiedam', [{ role: 'werkgever', employerId: schiedamEmployer }]);

  const rotterdamCandidates: string[] = [];
  for (let i = 0; i < 4; i++) rotterdamCandidates.push((await makeCandidate(app, world.consulent)).id);
  const schiedamCandidates: string[] = [];
  for (let i = 0; i < 4; i++) schiedamCandidates.push((await makeCandidate(app, world.otherConsulent)).id);
  await viewUntilFlagged(rotterdamUser, rotterdamCandidates);
  await viewUntilFlagged(schiedamUser, schiedamCandidates);
});
afterAll(async () => app?.close());

describe('the beheerder page about unusual use', () => {
  it('is linked from the list of employers', async () => {
    const list = await get('/beheer/werkgevers', beheerder);
    expect(list.body).toContain('href="/beheer/opvallend-gebruik"');
  });

  it('shows the flags of users of the own instantie’s employers, with employer, user, day, views and limit', async () => {
    const response = await get('/beheer/opvallend-gebruik', beheerder);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Opvallend gebruik');
    expect(response.body).toContain('Werkgever committed');
    expect(response.body).toContain('Pieter Verzamelaar');
    const flag = await flagOf(rotterdamUser.userId);
    expect(flag).toMatchObject({ day: todayIso(), views: 4, daily_limit: 5 });
    const row = /<tr class="utrecht-table__row">(?:(?!<\/tr>).)*Pieter Verzamelaar(?:(?!<\/tr>).)*<\/tr>/s.exec(response.body)?.[0] ?? '';
    expect(row).toContain('Werkgever committed');
    expect(row).toMatch(/<td class="utrecht-table__cell">4<\/td><td class="utrecht-table__cell">5<\/td>/);
    expect(row).toContain(`value="${flag.id}"`);
    expect(response.body).toContain('Het maximum per dag bij Gemeente Rotterdam: 5 voor voorkeurspartners');
    // Schiedam's employer user is not Rotterdam's business.
    expect(response.body).not.toContain('Sanne Schiedam');
    expect(response.body).not.toContain('Schiedamse Schoonmaak');
    const english = await get('/beheer/opvallend-gebruik?taal=en', beheerder);
    expect(english.body).toContain('Unusual use');
  });

  it('shows another instantie’s beheerder nothing of it, and does not let them handle it', async () => {
    const other = await get('/beheer/opvallend-gebruik', otherBeheerder);
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain('Pieter Verzamelaar');
    expect(other.body).toContain('Sanne Schiedam');
    const rotterdamFlag = await flagOf(rotterdamUser.userId);
    const refused = await handle(otherBeheerder, rotterdamFlag.id);
    expect(refused.statusCode).toBe(404);
    expect((await flagOf(rotterdamUser.userId)).handled_at).toBeNull();
  });

  it('is refused to other roles and asks visitors to log in', async () => {
    expect((await get('/beheer/opvallend-gebruik', consulent)).statusCode).toBe(403);
    const employer = await loginCookie(app, rotterdamUser.email, rotterdamUser.password);
    expect((await get('/beheer/opvallend-gebruik', employer)).statusCode).toBe(403);
    const visitor = await get('/beheer/opvallend-gebruik');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/inloggen?terug=%2Fbeheer%2Fopvallend-gebruik');
  });

  it('answers an unknown or malformed flag with 404', async () => {
    for (const flag of ['00000000-0000-4000-8000-000000000000', 'geen-id', '']) {
      expect((await handle(beheerder, flag)).statusCode).toBe(404);
    }
  });

  it('handles a flag: records when and by whom, with an event, and moves it to the handled list', async () => {
    const flag = await flagOf(rotterdamUser.userId);
    const response = await handle(beheerder, flag.id);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/beheer/opvallend-gebruik?melding=afgehandeld');
    const handled = await flagOf(rotterdamUser.userId);
    expect(handled.handled_by).toBe(world.beheerder.userId);
    expect(handled.handled_at).toBeInstanceOf(Date);
    const events = await db()
      .selectFrom('event')
      .selectAll()
      .where('action', '=', 'profile_views_flag_handled')
      .where('subject_id', '=', rotterdamUser.userId)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: world.beheerder.userId, subject_type: 'user', data: { flagId: flag.id } });

    const page = await get(response.headers.location as string, beheerder);
    expect(page.body).toContain('De melding is afgehandeld.');
    expect(page.body).toContain('Er is niets af te handelen.');
    expect(page.body).not.toContain(`value="${flag.id}"`);
    const handledSection = page.body.slice(page.body.indexOf('id="afgehandeld"'));
    expect(handledSection).toContain('Pieter Verzamelaar');
    expect(handledSection).toContain('Beheerder Rotterdam');

    const again = await handle(beheerder, flag.id);
    expect(again.headers.location).toBe('/beheer/opvallend-gebruik?melding=al-afgehandeld');
    expect((await flagOf(rotterdamUser.userId)).handled_at).toEqual(handled.handled_at);
    expect(
      await db()
        .selectFrom('event')
        .select('id')
        .where('action', '=', 'profile_views_flag_handled')
        .where('subject_id', '=', rotterdamUser.userId)
        .execute(),
    ).toHaveLength(1);
    // Schiedam's flag is still open for Schiedam.
    expect((await flagOf(schiedamUser.userId)).handled_at).toBeNull();
  });
});
