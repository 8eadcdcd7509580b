import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { sessionHeaders } from '../../../test/support/api.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../../../test/support/fixtures.js';
import { createEmployer, setCategory } from '../employers/commands.js';
import { profileViewRule, readSettings } from '../instanties/settings.js';
import { todayIso } from '../vacancies/rules.js';
import { chargeProfileViews, secondsUntilNextDay, withinProfileViewLimit } from './view-limit.js';

// Small limits so that a test reaches them quickly: preferred 10, committed 5, business-as-usual 3.
const limits = { preferred: 10, committed: 5, business_as_usual: 3 };
let app: TestApp;
let world: World;
/** Candidates of Rotterdam that every employer category may see (consent, work wishes open to all). */
let candidates: string[];
let schiedamCandidate: string;

const db = () => app.database.db;
type User = Awaited<ReturnType<typeof makeUser>>;
const headers = new Map<string, Record<string, string>>();
const as = async (user: User) => {
  if (!headers.has(user.email)) headers.set(user.email, await sessionHeaders(app, user));
  return headers.get(user.email)!;
};
const get = async (user: User, url: string) => app.server.inject({ method: 'GET', url, headers: await as(user) });
const employerUser = (category: keyof World['employers'], name: string) =>
  makeUser(app, name, [{ role: 'werkgever', employerId: world.employers[category].id }]);
const viewsOf = async (user: User) =>
  db().selectFrom('profile_view_count').select(['day', 'views']).where('user_id', '=', user.userId).execute();
const readsLoggedFor = async (user: User) =>
  (await db().selectFrom('access_log').select('candidate_id').where('viewer_user_id', '=', user.userId).execute()).length;
const flagsOf = (user: User) => db().selectFrom('scraping_flag').selectAll().where('user_id', '=', user.userId).execute();

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  await db()
    .updateTable('instantie')
    .set({ settings: JSON.stringify({ dailyProfileViews: limits, flagAtFraction: 0.8 }) })
    .where('id', 'in', ['rotterdam', 'schiedam'])
    .execute();
  candidates = [];
  for (let i = 0; i < 12; i++) candidates.push((await makeCandidate(app, world.consulent)).id);
  schiedamCandidate = (await makeCandidate(app, world.otherConsulent)).id;
});
afterAll(async () => app?.close());

describe('the daily limit on candidate profiles for employer users', () => {
  it('refuses a detail view past the limit, in the API and on the page, and counts and logs nothing for it', async () => {
    const user = await employerUser('committed', 'Werkgever detail');
    for (const id of candidates.slice(0, limits.committed)) expect((await get(user, `/api/v1/kandidaten/${id}`)).statusCode).toBe(200);
    const refused = await get(user, `/api/v1/kandidaten/${candidates[5]}`);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ status: 429, detail: expect.stringContaining('maximum aantal kandidaatprofielen') });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).not.toContain('Bakker');

    const page = await get(user, `/kandidaten/${candidates[0]}`);
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toContain('text/html');
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(page.body).toContain('Je hebt vandaag het maximum aantal profielen bekeken.');
    expect(page.body).not.toContain('Bakker');
    const english = await get(user, `/kandidaten/${candidates[0]}?taal=en`);
    expect(english.body).toContain('You have viewed the maximum number of profiles for today.');

    expect(await viewsOf(user)).toEqual([{ day: todayIso(), views: limits.committed }]);
    expect(await readsLoggedFor(user)).toBe(limits.committed);
  });

  it('counts every row of a pool list, and refuses a page that would pass the limit', async () => {
    const user = await employerUser('preferred', 'Werkgever lijst');
    const first = await get(user, '/api/v1/kandidaten?pageSize=8');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(8);
    expect(await viewsOf(user)).toEqual([{ day: todayIso(), views: 8 }]);

    const tooMany = await get(user, '/api/v1/kandidaten?pageSize=8&page=2');
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().detail).toContain('pageSize');
    expect(await viewsOf(user)).toEqual([{ day: todayIso(), views: 8 }]);

    const rest = await get(user, '/api/v1/kandidaten?pageSize=2&page=5');
    expect(rest.statusCode).toBe(200);
    expect(rest.json().items).toHaveLength(2);
    expect((await get(user, '/api/v1/kandidaten?pageSize=1')).statusCode).toBe(429);
    expect((await get(user, `/api/v1/kandidaten/${candidates[0]}`)).statusCode).toBe(429);
    expect(await viewsOf(user)).toEqual([{ day: todayIso(), views: limits.preferred }]);
    expect(await readsLoggedFor(user)).toBe(limits.preferred);
  });

  it('does not count a candidate the policy refuses', async () => {
    const user = await employerUser('committed', 'Werkgever geweigerd');
    const hidden = (await makeCandidate(app, world.consulent, { consent: false })).id;
    for (let i = 0; i < limits.committed + 2; i++) expect((await get(user, `/api/v1/kandidaten/${hidden}`)).statusCode).toBe(404);
    expect(await viewsOf(user)).toEqual([]);
    expect((await get(user, `/api/v1/kandidaten/${candidates[0]}`)).statusCode).toBe(200);
  });

  it('counts per day in the Netherlands: yesterday’s views do not count today, and tomorrow starts again', async () => {
    const user = await employerUser('committed', 'Werkgever dag');
    const yesterday = todayIso(new Date(Date.now() - 86_400_000));
    await db().insertInto('profile_view_count').values({ user_id: user.userId, day: yesterday, views: limits.committed }).execute();
    expect((await get(user, `/api/v1/kandidaten/${candidates[0]}`)).statusCode).toBe(200);
    expect(await viewsOf(user)).toEqual(
      expect.arrayContaining([
        { day: yesterday, views: limits.committed },
        { day: todayIso(), views: 1 },
      ]),
    );

    // Full today; the same views tomorrow are counted on a new day.
    for (const id of candidates.slice(1, limits.committed)) await get(user, `/api/v1/kandidaten/${id}`);
    const log = async () => {};
    expect(await withinProfileViewLimit(db(), user, ['rotterdam'], {}, log)).toBe(false);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await withinProfileViewLimit(db(), user, ['rotterdam'], { now: tomorrow }, log)).toBe(true);
    const rows = await viewsOf(user);
    expect(rows.find((row) => row.day === todayIso())?.views).toBe(limits.committed);
    expect(rows.find((row) => row.day === todayIso(tomorrow))?.views).toBe(1);
  });

  it('takes the day and the time until the next one in Dutch time', () => {
    // 23:30 UTC in winter is 00:30 the next day in Amsterdam; in summer 22:30 UTC is 00:30 too.
    expect(todayIso(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15');
    expect(todayIso(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(secondsUntilNextDay(new Date('2026-01-14T22:30:00Z'))).toBe(30 * 60);
    expect(secondsUntilNextDay(new Date('2026-07-14T21:00:00Z'))).toBe(3600);
    expect(secondsUntilNextDay(new Date('2026-07-14T22:00:00Z'))).toBe(24 * 3600);
  });

  it('gives the highest limit among the categories of the user’s employers at the candidate’s instantie', async () => {
    const bauOnly = await employerUser('business_as_usual', 'Gewone werkgever');
    const both = await makeUser(app, 'Werkgever van twee', [
      { role: 'werkgever', employerId: world.employers.business_as_usual.id },
      { role: 'werkgever', employerId: world.employers.committed.id },
    ]);
    const countAllowed = async (user: User) => {
      let allowed = 0;
      for (const id of candidates.slice(0, 7)) if ((await get(user, `/api/v1/kandidaten/${id}`)).statusCode === 200) allowed++;
      return allowed;
    };
    expect(await countAllowed(bauOnly)).toBe(limits.business_as_usual);
    expect(await countAllowed(both)).toBe(limits.committed);

    // Preferred at Schiedam only: Rotterdam's candidates come under Rotterdam's business-as-usual limit,
    // Schiedam's under the preferred limit.
    const employerId = await createEmployer(db(), null, {
      name: 'Voorkeur in Schiedam',
      kvkNumber: '55501234',
      sector: 'Zorg',
      psoLevel: 'geen',
      psoEvidenceDate: null,
      codeSocialeOndernemingen: false,
      locations: [],
    });
    await setCategory(db(), {
      employerId,
      instantieId: 'schiedam',
      category: 'preferred',
      reason: 'Testopzet',
      decidedBy: world.beheerder.userId,
    });
    const elsewhere = await makeUser(app, 'Werkgever Schiedam', [{ role: 'werkgever', employerId }]);
    expect(await countAllowed(elsewhere)).toBe(limits.business_as_usual);
    expect((await get(elsewhere, `/api/v1/kandidaten/${schiedamCandidate}`)).statusCode).toBe(200);
    expect(await viewsOf(elsewhere)).toEqual([{ day: todayIso(), views: limits.business_as_usual + 1 }]);
  });

  it('lets parallel requests together never pass the limit', async () => {
    const user = await employerUser('committed', 'Werkgever parallel');
    const auth = await as(user);
    const responses = await Promise.all(
      candidates.slice(0, 10).map((id) => app.server.inject({ method: 'GET', url: `/api/v1/kandidaten/${id}`, headers: auth })),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(limits.committed);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - limits.committed);
    expect(await viewsOf(user)).toEqual([{ day: todayIso(), views: limits.committed }]);
    expect(await readsLoggedFor(user)).toBe(limits.committed);

    const lists = await Promise.all(
      Array.from({ length: 4 }, () => app.server.inject({ method: 'GET', url: '/api/v1/kandidaten?pageSize=3', headers: auth })),
    );
    expect(lists.every((r) => r.statusCode === 429)).toBe(true);
    const fresh = await as(await employerUser('preferred', 'Werkgever parallel lijst'));
    const freshLists = await Promise.all(
      Array.from({ length: 5 }, () => app.server.inject({ method: 'GET', url: '/api/v1/kandidaten?pageSize=3', headers: fresh })),
    );
    // 10 a day, 3 a page: three pages fit, the other two are refused.
    expect(freshLists.filter((r) => r.statusCode === 200)).toHaveLength(3);
    expect(freshLists.filter((r) => r.statusCode === 429)).toHaveLength(2);
  });

  it('raises one flag a day, when the user first reaches the share of the limit, with an event', async () => {
    const user = await employerUser('committed', 'Werkgever vlag');
    const flagAt = profileViewRule(readSettings({ dailyProfileViews: limits, flagAtFraction: 0.8 }), 'committed').flagAt;
    expect(flagAt).toBe(4);
    for (const id of candidates.slice(0, flagAt - 1)) await get(user, `/api/v1/kandidaten/${id}`);
    expect(await flagsOf(user)).toEqual([]);
    await get(user, `/api/v1/kandidaten/${candidates[flagAt - 1]}`);
    await get(user, `/api/v1/kandidaten/${candidates[flagAt]}`);
    await get(user, `/api/v1/kandidaten/${candidates[flagAt + 1]}`); // refused: past the limit
    const flags = await flagsOf(user);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ day: todayIso(), views: flagAt, daily_limit: limits.committed, handled_at: null });
    const events = await db()
      .selectFrom('event')
      .selectAll()
      .where('subject_type', '=', 'user')
      .where('subject_id', '=', user.userId)
      .where('action', '=', 'profile_views_flagged')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ views: flagAt, limit: limits.committed, flagId: flags[0]!.id });
  });

  it('never limits staff or the candidate themself, and counts nothing for them', async () => {
    const consultantAndEmployer = await makeUser(app, 'Consulent en werkgever', [
      { role: 'consulent', instantieId: 'rotterdam' },
      { role: 'werkgever', employerId: world.employers.committed.id },
    ]);
    for (const staff of [world.consulent, world.beheerder, world.auditor, consultantAndEmployer]) {
      for (const id of candidates) expect((await get(staff, `/api/v1/kandidaten/${id}`)).statusCode).toBe(200);
      const list = await get(staff, '/api/v1/kandidaten?scope=instantie&pageSize=100');
      expect(list.statusCode).toBe(200);
      expect(await viewsOf(staff)).toEqual([]);
    }
    // As an employer at another instantie, the same person is limited like any employer user.
    expect((await get(consultantAndEmployer, `/api/v1/kandidaten/${schiedamCandidate}`)).statusCode).toBe(200);
    expect(await viewsOf(consultantAndEmployer)).toEqual([{ day: todayIso(), views: 1 }]);

    const self = await makeCandidate(app, world.consulent, { withLogin: true });
    for (let i = 0; i < limits.preferred + 1; i++) expect((await get(self.user!, `/api/v1/kandidaten/${self.id}`)).statusCode).toBe(200);
    expect(await viewsOf(self.user!)).toEqual([]);
  });

  it('refuses a pool page of more than 20 to an employer with a Dutch message, while staff may ask for 100', async () => {
    const user = await employerUser('preferred', 'Werkgever grote pagina');
    const response = await get(user, '/api/v1/kandidaten?pageSize=21');
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams).toEqual([
      { name: 'pageSize', code: 'invalid', reason: 'pageSize is maximaal 20 in de pool van kandidaten.' },
    ]);
    expect((await get(user, '/api/v1/kandidaten?scope=pool&pageSize=100')).statusCode).toBe(400);
    expect(await viewsOf(user)).toEqual([]);
    // 20 passes the page cap; here it only meets this test's daily limit of 10.
    expect((await get(user, '/api/v1/kandidaten?pageSize=20')).statusCode).toBe(429);
    expect((await get(user, '/api/v1/kandidaten?pageSize=10')).statusCode).toBe(200);
    expect((await get(world.consulent, '/api/v1/kandidaten?pageSize=100')).statusCode).toBe(200);
  });

  it('decides and counts in one statement: a count that would pass the limit changes nothing', async () => {
    const user = await employerUser('committed', 'Werkgever transactie');
    const rule = { limit: 2, flagAt: 2 };
    const day = todayIso();
    const outcome = await db()
      .transaction()
      .execute(async (trx) => [
        await chargeProfileViews(trx, user.userId, 2, rule, day),
        await chargeProfileViews(trx, user.userId, 1, rule, day),
        await chargeProfileViews(trx, user.userId, 3, rule, '2030-01-01'),
      ]);
    expect(outcome).toEqual([{ allowed: true, views: 2, flagged: true }, { allowed: false }, { allowed: false }]);
    expect(await viewsOf(user)).toEqual([{ day, views: 2 }]);
  });
});
