import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeCandidate, makeUser, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie } from '../../../../test/support/session.js';

type Person = { get: (url: string) => Promise<LightMyRequestResponse> };

let app: TestApp;
let world: World;
const cleaner = builtinOccupations[0]!;
const plainSkills = builtinSkills.filter((skill) => /^[a-zà-ÿ -]+$/i.test(skill.label));
const [required1, required2, nice, secret] = plainSkills;
const ids: Record<string, string> = {};
const vacancies: Record<string, string> = {};
const people = {} as Record<'candidate' | 'consultant' | 'otherConsultant' | 'preferred' | 'committed' | 'bau' | 'noProfile', Person>;

async function person(user: { email: string; password: string }): Promise<Person> {
  const cookie = await loginCookie(app, user.email, user.password);
  return { get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }) };
}

/** The card of one candidate on a list page: the <article> that links to the candidate. */
function cardOf(html: string, candidateId: string): string {
  return html.split('<article').find((part) => part.includes(`/${candidateId}"`)) ?? '';
}

async function insertVacancy(employerId: string, title: string, values: Record<string, unknown> = {}) {
  const row = await app.database.db
    .insertInto('vacancy')
    .values({
      employer_id: employerId,
      title,
      postcode: '3011AB',
      hours_per_week: 24,
      contract_type: 'tijdelijk',
      occupation_uri: cleaner.uri,
      required_skills: [required1!.uri, required2!.uri],
      nice_skills: [nice!.uri],
      support_offered: ['jobcoach'],
      status: 'open',
      published_until: '2099-12-31',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  const db = app.database.db;
  await db
    .insertInto('postcode_area')
    .values([
      { pc4: '3011', latitude: 51.9225, longitude: 4.4792, place: 'Rotterdam', municipality: 'Rotterdam' },
      { pc4: '3012', latitude: 51.9217, longitude: 4.4731, place: 'Rotterdam', municipality: 'Rotterdam' },
    ])
    .onConflict((oc) => oc.column('pc4').doNothing())
    .execute();
  vacancies.main = await insertVacancy(world.employers.preferred.id, 'Schoonmaker kantoren');
  vacancies.bau = await insertVacancy(world.employers.business_as_usual.id, 'Schoonmaker hal');
  vacancies.openHiring = await insertVacancy(world.employers.committed.id, 'Schoonmaker open', {
    hours_per_week: 32,
    suitability: ['open_hiring'],
  });
  for (let n = 0; n < 10; n++)
    await insertVacancy(world.employers.committed.id, `Extra vacature ${n}`, { required_skills: [], nice_skills: [], hours_per_week: 16 });

  const secondConsultant = await makeUser(app, 'Tweede Consulent', [{ role: 'consulent', instantieId: 'rotterdam' }]);
  const profile = async (
    name: string,
    consultant: typeof world.consulent,
    skills: string[],
    options: Parameters<typeof makeCandidate>[2] = {},
  ) => {
    const made = await makeCandidate(app, consultant, {
      visibility: { werkwensen: 'alle', ervaring: 'alle', locatie: 'alle' },
      ...options,
    });
    await updateProfileSection(db, consultant, made.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: [cleaner.uri] });
    await updateProfileSection(db, consultant, made.id, 'ervaring', { skills, educationLevel: 'vmbo', workExperience: [] });
    ids[name] = made.id;
    return made;
  };
  const own = await profile('own', world.consulent, [required1!.uri, required2!.uri, nice!.uri], { withLogin: true });
  await profile('skillsHidden', world.consulent, [required1!.uri, secret!.uri], {
    visibility: { werkwensen: 'alle', ervaring: 'consulent', locatie: 'alle' },
  });
  await profile('colleagues', secondConsultant, [required1!.uri]);

  people.candidate = await person(own.user!);
  people.consultant = await person(world.consulent);
  people.otherConsultant = await person(world.otherConsulent);
  people.preferred = await person(world.employers.preferred.user);
  people.committed = await person(world.employers.committed.user);
  people.bau = await person(world.employers.business_as_usual.user);
  people.noProfile = await person(await makeUser(app, 'Zonder Profiel', [{ role: 'kandidaat', instantieId: 'rotterdam' }]));
});
afterAll(async () => app?.close());

describe('Vacatures voor jou', () => {
  it('ranks work for the signed-in candidate, explains each score, and records the list', async () => {
    const page = await people.candidate.get('/kandidaat/vacatures-voor-jou');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="utrecht-heading-1">Vacatures voor jou</h1>');
    expect(page.body).toContain('href="/hoe-werkt-het-matchen"');
    expect(page.body).toContain('13 vacatures passen.');
    const shown = page.body
      .split('<article')
      .slice(1)
      .map((card) => /href="\/vacatures\/([^"]+)"/.exec(card)?.[1]);
    // The two vacancies that ask for exactly the candidate's skills and hours come first (equal scores).
    expect(shown.slice(0, 2).sort()).toEqual([vacancies.main, vacancies.bau].sort());
    expect(page.body).toContain('Werkgever preferred · 3011 Rotterdam · 24 uur per week');
    expect(page.body).toContain('<details class="werkregie-score">');
    expect(page.body).toContain('Dat beroep zoek je.');
    expect(page.body).toContain('href="/kandidaat/vacatures-voor-jou?pagina=2"');
    const log = await app.database.db.selectFrom('match_log').selectAll().where('subject_id', '=', ids.own!).execute();
    expect(log.at(-1)).toMatchObject({ direction: 'vacancies_for_candidate', viewer_role: 'kandidaat' });
    expect(log.at(-1)!.shown_ids).toHaveLength(10);
  });

  it('pages with pagina and keeps the filters in the page links', async () => {
    const second = await people.candidate.get('/kandidaat/vacatures-voor-jou?pagina=2');
    expect(second.statusCode).toBe(200);
    expect(second.body.match(/<article/g)).toHaveLength(3);
    const filtered = await people.candidate.get('/kandidaat/vacatures-voor-jou?openHiring=true&urenVanaf=30');
    expect(filtered.body).toContain('1 vacature past.');
    expect(filtered.body).toContain(`href="/vacatures/${vacancies.openHiring}"`);
    expect(filtered.body).toMatch(/<input[^>]*id="veld-urenVanaf"[^>]*value="30"|<input[^>]*value="30"[^>]*id="veld-urenVanaf"/);
  });

  it('says in plain words when nothing fits the choices', async () => {
    const page = await people.candidate.get('/kandidaat/vacatures-voor-jou?urenVanaf=40');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Met deze keuzes vinden we geen werk.');
    expect(page.body).not.toContain('<article');
  });

  it('answers bad filters with 400, the values kept and a Dutch error summary', async () => {
    const page = await people.candidate.get('/kandidaat/vacatures-voor-jou?km=ver&urenVanaf=30');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<h2 class="utrecht-heading-2" id="foutmelding-titel">Er is een probleem</h2>');
    expect(page.body).toContain('Vul een aantal kilometers in tussen 1 en 500.');
    expect(page.body).toContain('value="ver"');
    expect(page.body).toContain('value="30"');
    expect(page.body).not.toContain('<article');
    const order = await people.candidate.get('/kandidaat/vacatures-voor-jou?urenVanaf=30&urenTot=10');
    expect(order.statusCode).toBe(400);
    expect(order.body).toContain('Het minimum aantal uren is hoger dan het maximum.');
  });

  it('tells a candidate without a profile what to do, and refuses other roles', async () => {
    const none = await people.noProfile.get('/kandidaat/vacatures-voor-jou');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('Er is nog geen profiel van je.');
    expect((await people.preferred.get('/kandidaat/vacatures-voor-jou')).statusCode).toBe(403);
    expect((await app.server.inject({ method: 'GET', url: '/kandidaat/vacatures-voor-jou' })).statusCode).toBe(303);
  });

  it('is linked from the candidate overview', async () => {
    expect((await people.candidate.get('/kandidaat')).body).toContain('href="/kandidaat/vacatures-voor-jou"');
  });
});

describe('the consultant', () => {
  it('sees the vacancies for a candidate of the own instantie, linked from the candidate page', async () => {
    expect((await people.consultant.get(`/consulent/kandidaten/${ids.own}`)).body).toContain(
      `href="/consulent/kandidaten/${ids.own}/vacatures"`,
    );
    const page = await people.consultant.get(`/consulent/kandidaten/${ids.own}/vacatures`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/vacatures/${vacancies.main}"`);
    expect(page.body).toContain('Dat beroep zoekt de kandidaat.');
  });

  it('gets 404 for a candidate of another instantie, a bad id, and the candidate may not use the consultant address', async () => {
    expect((await people.otherConsultant.get(`/consulent/kandidaten/${ids.own}/vacatures`)).statusCode).toBe(404);
    expect((await people.consultant.get('/consulent/kandidaten/geen-id/vacatures')).statusCode).toBe(404);
    expect((await people.candidate.get(`/consulent/kandidaten/${ids.skillsHidden}/vacatures`)).statusCode).toBe(403);
  });

  it('ranks the own caseload for a vacancy, and the whole instantie on request', async () => {
    expect((await people.consultant.get(`/vacatures/${vacancies.main}`)).body).toContain(
      `href="/consulent/vacatures/${vacancies.main}/kandidaten"`,
    );
    expect((await app.server.inject({ method: 'GET', url: `/vacatures/${vacancies.main}` })).body).not.toContain('/kandidaten"');
    const caseload = await people.consultant.get(`/consulent/vacatures/${vacancies.main}/kandidaten`);
    expect(caseload.statusCode).toBe(200);
    expect(caseload.body).toContain(`href="/consulent/kandidaten/${ids.own}"`);
    expect(caseload.body).not.toContain(ids.colleagues!);
    expect(caseload.body).toContain(`href="/consulent/vacatures/${vacancies.main}/kandidaten?bereik=instantie"`);
    const instantie = await people.consultant.get(`/consulent/vacatures/${vacancies.main}/kandidaten?bereik=instantie`);
    expect(instantie.body).toContain(`href="/consulent/kandidaten/${ids.colleagues}"`);
  });

  it('shows a consultant of another instantie none of these candidates, and 404 for a bad vacancy', async () => {
    const other = await people.otherConsultant.get(`/consulent/vacatures/${vacancies.main}/kandidaten?bereik=instantie`);
    expect(other.statusCode).toBe(200);
    for (const id of Object.values(ids)) expect(other.body).not.toContain(id);
    expect(other.body).toContain('We vinden nu geen kandidaten');
    expect((await people.consultant.get('/consulent/vacatures/00000000-0000-4000-8000-000000000000/kandidaten')).statusCode).toBe(404);
  });
});

describe('the employer', () => {
  it('ranks the pool for its own vacancy by pseudonym, linked from the vacancy', async () => {
    expect((await people.preferred.get(`/werkgever/vacatures/${vacancies.main}`)).body).toContain(
      `href="/werkgever/vacatures/${vacancies.main}/kandidaten"`,
    );
    const page = await people.preferred.get(`/werkgever/vacatures/${vacancies.main}/kandidaten`);
    expect(page.statusCode).toBe(200);
    const own = await app.database.db
      .selectFrom('candidate')
      .select(['pseudonym', 'last_name'])
      .where('id', '=', ids.own!)
      .executeTakeFirstOrThrow();
    expect(cardOf(page.body, ids.own!)).toContain(own.pseudonym);
    expect(page.body).not.toContain(own.last_name);
    expect(page.body).toContain(`href="/kandidaten/${ids.own}"`);
    expect(page.body).toContain('Dat beroep zoekt de kandidaat.');
  });

  it('never shows a hidden field: skills shared only with the consultant are not in the page or the explanation', async () => {
    const page = await people.preferred.get(`/werkgever/vacatures/${vacancies.main}/kandidaten`);
    const card = cardOf(page.body, ids.skillsHidden!);
    expect(card).not.toBe('');
    expect(page.body).not.toContain(secret!.label);
    for (const skill of [required1!, required2!, nice!]) expect(card).not.toContain(skill.label);
    expect(card).toContain('Vaardigheden die nodig zijn');
    // The same candidate's card for the consultant does explain the skills.
    const consultant = await people.consultant.get(`/consulent/vacatures/${vacancies.main}/kandidaten`);
    expect(cardOf(consultant.body, ids.skillsHidden!)).toContain(required2!.label);
  });

  it("gets 404 for another employer's vacancy and for a vacancy that does not exist", async () => {
    expect((await people.committed.get(`/werkgever/vacatures/${vacancies.main}/kandidaten`)).statusCode).toBe(404);
    expect((await people.preferred.get('/werkgever/vacatures/geen-id/kandidaten')).statusCode).toBe(404);
    expect((await people.candidate.get(`/werkgever/vacatures/${vacancies.main}/kandidaten`)).statusCode).toBe(403);
  });

  it('explains to a business-as-usual owner that the instantie proposes candidates', async () => {
    const page = await people.bau.get(`/werkgever/vacatures/${vacancies.bau}/kandidaten`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('De gemeente zoekt voor u kandidaten voor deze vacature.');
    expect(page.body).toContain('Noem de vacature: Schoonmaker hal.');
    expect(page.body).not.toContain('<article');
    for (const id of Object.values(ids)) expect(page.body).not.toContain(id);
  });

  it('answers 429 with the view-limit page when the day is used up', async () => {
    await app.database.db
      .insertInto('profile_view_count')
      .values({ user_id: world.employers.preferred.user.userId, day: todayIso(), views: 1_000_000 })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doUpdateSet({ views: 1_000_000 }))
      .execute();
    const page = await people.preferred.get(`/werkgever/vacatures/${vacancies.main}/kandidaten`);
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    for (const id of Object.values(ids)) expect(page.body).not.toContain(id);
  });
});
