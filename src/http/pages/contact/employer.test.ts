import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#app/db/connection.js';
import type { Actor } from '#app/domain/accounts/actor.js';
import { answerInvitation, inviteCandidate, showInterest } from '#app/domain/applications/commands.js';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { createEmployer } from '#app/domain/employers/commands.js';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { okValue, rowCounts } from '../../../../test/support/applications.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeCandidate, makeUser, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

type Person = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Record<string, string>, tokenFrom?: string) => Promise<LightMyRequestResponse>;
};

let app: TestApp;
let db: Db;
let world: World;
let boss: Person;
let stranger: Person;
const cleaner = builtinOccupations[0]!;

async function person(user: { email: string; password: string }): Promise<Person> {
  const cookie = await loginCookie(app, user.email, user.password);
  return {
    get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, fields, tokenFrom) => postForm(app, cookie, url, fields, { tokenFrom: tokenFrom ?? '/werkgever' }),
  };
}

/** A fresh candidate of Rotterdam who can log in: anonymous in the pool, who wants to clean. */
async function candidate() {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  await updateProfileSection(db, world.consulent, made.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: [cleaner.uri] });
  const row = await db.selectFrom('candidate').select(['pseudonym', 'last_name']).where('id', '=', made.id).executeTakeFirstOrThrow();
  return { id: made.id, user: made.user! as Actor, pseudonym: row.pseudonym, lastName: row.last_name };
}

const employer = () => world.employers.preferred.user;
const vacancy = (title?: string) =>
  makeVacancy(app, world.employers.preferred.id, { occupation_uri: cleaner.uri, ...(title ? { title } : {}) });
const stored = (id: string) => db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const contactPath = (id: string) => `/werkgever/contacten/${id}`;
const invitePath = (vacancyId: string, candidateId: string) => `/werkgever/vacatures/${vacancyId}/uitnodigen/${candidateId}`;

beforeAll(async () => {
  app = await createTestApp();
  db = app.database.db;
  world = await makeWorld(app);
  boss = await person(employer());
  const otherEmployer = await createEmployer(db, null, {
    name: 'Andere werkgever',
    kvkNumber: '87654321',
    sector: 'Zorg',
    psoLevel: 'geen',
    psoEvidenceDate: null,
    codeSocialeOndernemingen: false,
    locations: [{ name: 'Hoofdvestiging', postcode: '3011AB' }],
  });
  stranger = await person(await makeUser(app, 'Andere werkgever', [{ role: 'werkgever', employerId: otherEmployer }]));
});
afterAll(async () => app?.close());

describe('inviting a candidate from the ranked list', () => {
  it('links every row of the list to the invitation form', async () => {
    const someone = await candidate();
    const vacancyId = await vacancy('Schoonmaker met uitnodiging');
    const list = await boss.get(`/werkgever/vacatures/${vacancyId}/kandidaten`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(
      `<a class="utrecht-link" href="${invitePath(vacancyId, someone.id)}">Uitnodigen<span class="werkregie-visually-hidden">: ${someone.pseudonym}</span></a>`,
    );
  });

  it('asks for a message (400, nothing written), invites with post/redirect/get, and hides the name until the candidate says yes', async () => {
    const someone = await candidate();
    const vacancyId = await vacancy('Schoonmaker kantoren');
    const form = await boss.get(invitePath(vacancyId, someone.id));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`U nodigt ${someone.pseudonym} uit voor de vacature Schoonmaker kantoren.`);
    expect(form.body).not.toContain(someone.lastName);

    const before = await rowCounts(db);
    const empty = await boss.post(invitePath(vacancyId, someone.id), { bericht: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<title>Fout: Kandidaat uitnodigen – Werkregie</title>');
    expect(empty.body).toContain('<a class="utrecht-link" href="#veld-bericht">Schrijf een bericht.</a>');
    expect(await rowCounts(db)).toEqual(before);

    const sent = await boss.post(invitePath(vacancyId, someone.id), { bericht: 'Wilt u kennismaken?' });
    expect(sent.statusCode).toBe(303);
    const location = sent.headers.location as string;
    expect(location).toMatch(/^\/werkgever\/contacten\/[0-9a-f-]{36}\?klaar=uitgenodigd$/);
    const id = location.split('/')[3]!.split('?')[0]!;
    expect(await stored(id)).toMatchObject({ started_by: 'employer', invitation: 'with_candidate', identity_revealed: false });

    const page = await boss.get(location);
    expect(page.body).toContain('Uw uitnodiging is verstuurd.');
    expect(page.body).toContain(`<h1 class="utrecht-heading-1">Contact met ${someone.pseudonym}</h1>`);
    expect(page.body).toContain('Uw uitnodiging wacht op antwoord van de kandidaat.');
    expect(page.body).toContain('U ziet de naam van de kandidaat zodra de kandidaat ja zegt op uw uitnodiging.');
    expect(page.body).toContain('U kunt berichten sturen zodra de kandidaat ja zegt op uw uitnodiging.');
    expect(page.body).toContain('Wilt u kennismaken?');
    expect(page.body).toContain('value="intrekken"');
    expect(page.body).not.toContain('Plaatsing vastleggen');
    expect(page.body).not.toContain(someone.lastName);
    expect((await boss.get('/werkgever/contacten')).body).not.toContain(someone.lastName);

    // The candidate says yes: from now on the employer sees the name.
    okValue(await answerInvitation(db, someone.user, id, { answer: 'accept' }));
    const named = await boss.get(contactPath(id));
    expect(named.body).toContain(`<h1 class="utrecht-heading-1">Contact met Fatima ${someone.lastName}</h1>`);
    expect(named.body).toContain('Plaatsing vastleggen');
    expect(named.body).toContain(`href="/werkgever/contacten/${id}/plaatsing"`);
    expect(named.body).not.toContain('value="intrekken"');
    expect((await boss.get('/werkgever/contacten')).body).toContain(`Fatima ${someone.lastName}`);
  });

  it('shows the existing contact instead of a second invitation, and answers a second post with 409', async () => {
    const someone = await candidate();
    const vacancyId = await vacancy();
    const id = okValue(await inviteCandidate(db, employer(), vacancyId, someone.id, { message: 'Kom kennismaken.' })).id;
    const form = await boss.get(invitePath(vacancyId, someone.id));
    expect(form.body).toContain('U hebt al contact met deze kandidaat over deze vacature.');
    expect(form.body).toContain(`href="/werkgever/contacten/${id}"`);
    const before = await rowCounts(db);
    const again = await boss.post(invitePath(vacancyId, someone.id), { bericht: 'Nog een keer.' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Er is al een contact over deze vacature. Kijk bij uw contacten.');
    expect(await rowCounts(db)).toEqual(before);
  });

  it("gives 404 for another employer's vacancy or an unknown candidate, and 403 to a candidate", async () => {
    const someone = await candidate();
    const vacancyId = await vacancy();
    expect((await stranger.get(invitePath(vacancyId, someone.id))).statusCode).toBe(404);
    const before = await rowCounts(db);
    expect((await stranger.post(invitePath(vacancyId, someone.id), { bericht: 'Hallo' })).statusCode).toBe(404);
    expect((await boss.get(invitePath(vacancyId, 'geen-id'))).statusCode).toBe(404);
    expect((await boss.post(invitePath(vacancyId, '00000000-0000-4000-8000-000000000000'), { bericht: 'Hallo' })).statusCode).toBe(404);
    expect(await rowCounts(db)).toEqual(before);
    expect((await (await person(someone.user as never)).get(invitePath(vacancyId, someone.id))).statusCode).toBe(403);
  });
});

describe('the list of contacts', () => {
  it('puts new interest first, names the candidates as the policy allows, and logs every read', async () => {
    const invited = await candidate();
    const interested = await candidate();
    const invitation = okValue(await inviteCandidate(db, employer(), await vacancy(), invited.id, { message: 'Kom kennismaken.' })).id;
    const interest = okValue(await showInterest(db, interested.user, await vacancy('Met interesse'), {})).id;
    const before = await db.selectFrom('access_log').selectAll().where('context', '=', 'werkgever.contacten').execute();

    const page = await boss.get('/werkgever/contacten');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="utrecht-heading-1">Contacten met kandidaten</h1>');
    const first = page.body.indexOf(`href="/werkgever/contacten/${interest}"`);
    const second = page.body.indexOf(`href="/werkgever/contacten/${invitation}"`);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(page.body).toContain(`>Fatima ${interested.lastName}</a>`);
    expect(page.body).toContain(`>${invited.pseudonym}</a>`);
    expect(page.body).toContain('Nieuw: de kandidaat heeft interesse.');

    const after = await db.selectFrom('access_log').selectAll().where('context', '=', 'werkgever.contacten').execute();
    const logged = after.slice(before.length).map((row) => row.candidate_id);
    expect(logged).toEqual(expect.arrayContaining([invited.id, interested.id]));
    expect(after.find((row) => row.candidate_id === invited.id)!.fields).not.toContain('firstName');
    expect(after.find((row) => row.candidate_id === interested.id)!.fields).toContain('firstName');
  });

  it('shows another employer none of them', async () => {
    const someone = await candidate();
    const id = okValue(await showInterest(db, someone.user, await vacancy(), {})).id;
    const page = await stranger.get('/werkgever/contacten');
    expect(page.body).toContain('U hebt nog geen contacten.');
    expect(page.body).not.toContain(id);
  });
});

describe('one contact', () => {
  it('gives another employer 404, also for a step, and writes nothing', async () => {
    const someone = await candidate();
    const id = okValue(await showInterest(db, someone.user, await vacancy(), {})).id;
    expect((await stranger.get(contactPath(id))).statusCode).toBe(404);
    const before = await rowCounts(db);
    expect((await stranger.post(contactPath(id), { actie: 'praten' })).statusCode).toBe(404);
    expect((await stranger.post(contactPath(id), { actie: 'afwijzen', afwijsReden: 'kort' })).statusCode).toBe(404);
    expect(await rowCounts(db)).toEqual(before);
    expect((await boss.get('/werkgever/contacten/geen-id')).statusCode).toBe(404);
  });

  it('says "Ja, ik wil praten" with post/redirect/get, writes, and answers a second yes with 409', async () => {
    const someone = await candidate();
    const id = okValue(await showInterest(db, someone.user, await vacancy(), { message: 'Ik werk graag buiten.' })).id;
    const page = await boss.get(contactPath(id));
    expect(page.body).toContain(`<h1 class="utrecht-heading-1">Contact met Fatima ${someone.lastName}</h1>`);
    expect(page.body).toContain('Wilt u met deze kandidaat praten?');
    expect(page.body).toContain('Plaatsing vastleggen');
    expect(page.body).toContain(`<strong>Fatima ${someone.lastName}</strong>`);
    const logged = await db.selectFrom('access_log').selectAll().where('candidate_id', '=', someone.id).execute();
    expect(logged.map((row) => row.context)).toContain('werkgever.contact');

    const yes = await boss.post(contactPath(id), { actie: 'praten' });
    expect(yes.statusCode).toBe(303);
    expect(yes.headers.location).toBe(`${contactPath(id)}?klaar=praten`);
    expect((await stored(id)).state).toBe('in_conversation');
    const after = await boss.get(`${contactPath(id)}?klaar=praten`);
    expect(after.body).toContain('U hebt gezegd dat u wilt praten. De kandidaat hoort dat.');
    expect(after.body).not.toContain('Wilt u met deze kandidaat praten?');

    const before = await rowCounts(db);
    const twice = await boss.post(contactPath(id), { actie: 'praten' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('U bent hierover al in gesprek. Ververs de pagina om te zien wat er nu kan.');
    expect(await rowCounts(db)).toEqual(before);

    const empty = await boss.post(contactPath(id), { actie: 'bericht', bericht: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a class="utrecht-link" href="#veld-bericht">Schrijf een bericht.</a>');
    expect(await rowCounts(db)).toEqual(before);
    const sent = await boss.post(contactPath(id), { actie: 'bericht', bericht: 'Komt u dinsdag langs?' });
    expect(sent.statusCode).toBe(303);
    const written = await boss.get(contactPath(id));
    expect(written.body).toContain('<strong>Werkgever preferred (u)</strong>');
    expect(written.body).toContain('Komt u dinsdag langs?');
  });

  it('refuses a short decline reason with 400 (nothing written), and declines in words the candidate reads', async () => {
    const someone = await candidate();
    const id = okValue(await showInterest(db, someone.user, await vacancy(), {})).id;
    const page = await boss.get(contactPath(id));
    expect(page.body).toContain('De kandidaat leest wat u schrijft.');

    const before = await rowCounts(db);
    const short = await boss.post(contactPath(id), { actie: 'afwijzen', afwijsReden: 'Nee.' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('<title>Fout: ');
    expect(short.body).toContain(
      '<a class="utrecht-link" href="#veld-afwijsReden">Schrijf in een paar woorden waarom (minstens 10 tekens).</a>',
    );
    expect(short.body).toContain('Nee.</textarea>');
    expect(await rowCounts(db)).toEqual(before);

    const declined = await boss.post(contactPath(id), { actie: 'afwijzen', afwijsReden: 'We zoeken iemand met een rijbewijs.' });
    expect(declined.statusCode).toBe(303);
    expect(await stored(id)).toMatchObject({ state: 'declined', closed_by: 'employer' });
    const after = await boss.get(`${contactPath(id)}?klaar=nee`);
    expect(after.body).toContain('U hebt nee gezegd. De kandidaat hoort dat.');
    expect(after.body).toContain('Dit schreef u:');
    expect(after.body).not.toContain('Plaatsing vastleggen');
    const candidatePage = await (await person(someone.user as never)).get(`/kandidaat/contacten/${id}`);
    expect(candidatePage.body).toContain('We zoeken iemand met een rijbewijs.');
  });

  it('withdraws an unanswered invitation', async () => {
    const someone = await candidate();
    const id = okValue(await inviteCandidate(db, employer(), await vacancy(), someone.id, { message: 'Kom kennismaken.' })).id;
    const page = await boss.get(contactPath(id));
    // No "let's talk" and no decline while the candidate has not answered.
    expect(page.body).not.toContain('value="praten"');
    expect(page.body).not.toContain('value="afwijzen"');
    const withdrawn = await boss.post(contactPath(id), { actie: 'intrekken', intrekReden: '' });
    expect(withdrawn.statusCode).toBe(303);
    expect(await stored(id)).toMatchObject({ state: 'withdrawn', closed_by: 'employer' });
    expect((await boss.get(contactPath(id))).body).toContain('U hebt de uitnodiging ingetrokken.');
  });

  it('links to the placement once there is one', async () => {
    const someone = await candidate();
    const vacancyId = await vacancy();
    const id = okValue(await showInterest(db, someone.user, vacancyId, {})).id;
    const placement = await db
      .insertInto('placement')
      .values({
        application_id: id,
        candidate_id: someone.id,
        employer_id: world.employers.preferred.id,
        vacancy_id: vacancyId,
        instantie_id: 'rotterdam',
        route: 'preferred',
        kind: 'dienstverband',
        status: 'active',
        start_date: '2030-01-01',
        hours_per_week: 24,
        registered_by: employer().userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await boss.get(contactPath(id))).body).toContain(`href="/werkgever/plaatsingen/${placement.id}"`);
  });
});

describe('the daily view limit', () => {
  it('answers the list and a contact with 429 once a colleague has seen their number of profiles today', async () => {
    const someone = await candidate();
    const id = okValue(await showInterest(db, someone.user, await vacancy(), {})).id;
    const colleague = await makeUser(app, 'Collega', [{ role: 'werkgever', employerId: world.employers.preferred.id }]);
    await db.insertInto('profile_view_count').values({ user_id: colleague.userId, day: todayIso(), views: 1_000_000 }).execute();
    const browser = await person(colleague);
    const before = await db.selectFrom('access_log').selectAll().where('viewer_user_id', '=', colleague.userId).execute();
    for (const url of ['/werkgever/contacten', contactPath(id)]) {
      const page = await browser.get(url);
      expect(page.statusCode).toBe(429);
      expect(page.headers['retry-after']).toBeDefined();
      expect(page.body).not.toContain(someone.lastName);
    }
    expect(await db.selectFrom('access_log').selectAll().where('viewer_user_id', '=', colleague.userId).execute()).toEqual(before);
  });
});
