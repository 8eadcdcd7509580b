import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '#app/db/connection.js';
import type { RegieLevel } from '#app/db/schema.js';
import {
  declineApplication,
  handleInvitation,
  inviteCandidate,
  markDeclineTold,
  showInterest,
  startConversation,
  withdrawApplication,
} from '#app/domain/applications/commands.js';
import { okValue, rowCounts } from '../../../../test/support/applications.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

type Person = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Record<string, string>, tokenFrom?: string) => Promise<LightMyRequestResponse>;
};

let app: TestApp;
let db: Db;
let world: World;

async function person(user: { email: string; password: string }): Promise<Person> {
  const cookie = await loginCookie(app, user.email, user.password);
  return {
    get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, fields, tokenFrom) => postForm(app, cookie, url, fields, { tokenFrom: tokenFrom ?? '/kandidaat' }),
  };
}

/** A fresh candidate of Rotterdam who can log in (anonymous in the pool), with their browser. */
async function candidate(regie?: RegieLevel) {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  if (regie) await db.updateTable('candidate').set({ regie_level: regie }).where('id', '=', made.id).execute();
  return { id: made.id, user: made.user!, browser: await person(made.user!) };
}

const employer = () => world.employers.preferred.user;
const vacancy = (title?: string) => makeVacancy(app, world.employers.preferred.id, title ? { title } : {});
const stored = (id: string) => db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const contactPath = (id: string) => `/kandidaat/contacten/${id}`;

beforeAll(async () => {
  app = await createTestApp();
  db = app.database.db;
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

describe('showing interest on the vacancy page', () => {
  it('offers a signed-in candidate the form and says plainly that the employer will see their name and profile', async () => {
    const me = await candidate();
    const id = await vacancy('Hovenier bij het park');
    const page = await me.browser.get(`/vacatures/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 class="utrecht-heading-2" id="interesse">Ik heb interesse</h2>');
    expect(page.body).toContain('De werkgever ziet dan je naam en je profiel.');
    expect(page.body).toContain(`action="/vacatures/${id}/interesse"`);
    // A visitor and the employer get no interest form.
    const visitor = await app.server.inject({ method: 'GET', url: `/vacatures/${id}` });
    expect(visitor.body).not.toContain('id="interesse"');
    expect(visitor.body).toContain('Wil je reageren?');
    expect((await (await person(employer())).get(`/vacatures/${id}`)).body).not.toContain('id="interesse"');
  });

  it('refuses a message that is too long with 400 and a Dutch error summary, and writes nothing', async () => {
    const me = await candidate();
    const id = await vacancy();
    const before = await rowCounts(db);
    const page = await me.browser.post(`/vacatures/${id}/interesse`, { bericht: 'x'.repeat(4001) }, `/vacatures/${id}`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Fout: Interesse tonen – Werkregie</title>');
    expect(page.body).toContain('<a class="utrecht-link" href="#veld-bericht">Uw bericht is te lang. Gebruik hoogstens 4000 tekens.</a>');
    expect(page.body).toContain(`action="/vacatures/${id}/interesse"`);
    expect(await rowCounts(db)).toEqual(before);
  });

  it('opens a contact with post/redirect/get; the vacancy page then links to it, and a second interest is a conflict', async () => {
    const me = await candidate();
    const id = await vacancy('Groenwerker aan de Maas');
    const posted = await me.browser.post(`/vacatures/${id}/interesse`, { bericht: 'Ik werk graag buiten.' }, `/vacatures/${id}`);
    expect(posted.statusCode).toBe(303);
    const location = posted.headers.location as string;
    expect(location).toMatch(/^\/kandidaat\/contacten\/[0-9a-f-]{36}\?klaar=interesse$/);
    const applicationId = location.split('/')[3]!.split('?')[0]!;
    expect(await stored(applicationId)).toMatchObject({ state: 'new', started_by: 'candidate', identity_revealed: true });

    const page = await me.browser.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Je interesse is verstuurd. De werkgever ziet nu je naam en je profiel.');
    expect(page.body).toContain('<h1 class="utrecht-heading-1">Contact over Groenwerker aan de Maas</h1>');
    expect(page.body).toContain('Je hebt interesse getoond. De werkgever kijkt ernaar.');
    expect(page.body).toContain('<strong>Jij</strong>');
    expect(page.body).toContain('Ik werk graag buiten.');

    const vacancyPage = await me.browser.get(`/vacatures/${id}`);
    expect(vacancyPage.body).toContain('Je hebt al contact met deze werkgever over deze vacature.');
    expect(vacancyPage.body).toContain(`href="/kandidaat/contacten/${applicationId}"`);
    expect(vacancyPage.body).not.toContain(`action="/vacatures/${id}/interesse"`);

    const before = await rowCounts(db);
    const again = await me.browser.post(`/vacatures/${id}/interesse`, {}, `/vacatures/${id}`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Je hebt al contact over deze vacature. Kijk bij je contacten.');
    expect(await rowCounts(db)).toEqual(before);
  });

  it('answers 404 for a vacancy that is not online and sends a visitor to log in', async () => {
    const me = await candidate();
    const closed = await makeVacancy(app, world.employers.preferred.id, { status: 'closed' });
    expect((await me.browser.post(`/vacatures/${closed}/interesse`, {})).statusCode).toBe(404);
    expect((await me.browser.get(`/vacatures/${closed}/interesse`)).statusCode).toBe(404);
    expect((await me.browser.get('/vacatures/geen-id/interesse')).statusCode).toBe(404);
    const visitor = await app.server.inject({ method: 'GET', url: `/vacatures/${await vacancy()}/interesse` });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toMatch(/^\/inloggen\?terug=/);
  });
});

describe('the list of contacts', () => {
  it('shows invitations waiting for an answer first, then open contacts, then closed ones, each in plain words', async () => {
    const me = await candidate();
    const closed = okValue(await showInterest(db, me.user, await vacancy('Gesloten vacature'), {})).id;
    okValue(await withdrawApplication(db, me.user, closed, {}));
    const open = okValue(await showInterest(db, me.user, await vacancy('Open vacature'), {})).id;
    const invited = okValue(await inviteCandidate(db, employer(), await vacancy('Uitnodiging'), me.id, { message: 'Kom kennismaken.' })).id;

    const page = await me.browser.get('/kandidaat/contacten');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="utrecht-heading-1">Je contacten</h1>');
    const order = [invited, open, closed].map((id) => page.body.indexOf(`href="/kandidaat/contacten/${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page.body).toContain('De werkgever nodigt je uit. De werkgever wacht op je antwoord.');
    expect(page.body).toContain('Je hebt gezegd dat je niet verder wilt.');
    expect(page.body).toContain('<td class="utrecht-table__cell">Werkgever preferred</td>');
  });

  it('says so when there are none, and is for candidates only', async () => {
    const me = await candidate();
    expect((await me.browser.get('/kandidaat/contacten')).body).toContain('Je hebt nog geen contact met werkgevers.');
    expect((await (await person(employer())).get('/kandidaat/contacten')).statusCode).toBe(403);
  });
});

describe('who may open a contact', () => {
  it("gives another candidate, and anything that is not an id, 404; an employer user gets 403 on the candidate's page", async () => {
    const me = await candidate();
    const other = await candidate();
    const id = okValue(await showInterest(db, me.user, await vacancy(), {})).id;
    expect((await me.browser.get(contactPath(id))).statusCode).toBe(200);
    expect((await other.browser.get(contactPath(id))).statusCode).toBe(404);
    const before = await rowCounts(db);
    expect((await other.browser.post(contactPath(id), { actie: 'bericht', bericht: 'Hallo' })).statusCode).toBe(404);
    expect((await other.browser.post(contactPath(id), { actie: 'bericht', bericht: '' })).statusCode).toBe(404);
    expect(await rowCounts(db)).toEqual(before);
    expect((await other.browser.get('/kandidaat/contacten/geen-id')).statusCode).toBe(404);
    expect((await (await person(employer())).get(contactPath(id))).statusCode).toBe(403);
    expect((await other.browser.get('/kandidaat/contacten')).body).not.toContain(id);
  });

  it("does not show a 'begeleid' candidate an invitation before their consultant forwards it", async () => {
    const me = await candidate('begeleid');
    const id = okValue(await inviteCandidate(db, employer(), await vacancy(), me.id, { message: 'Wilt u komen praten?' })).id;
    expect((await me.browser.get(contactPath(id))).statusCode).toBe(404);
    expect((await me.browser.get('/kandidaat/contacten')).body).not.toContain(id);
    okValue(await handleInvitation(db, world.consulent, id, { decision: 'forward' }));
    const page = await me.browser.get(contactPath(id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wil je met deze werkgever praten?');
    expect(page.body).toContain('Wilt u komen praten?');
    expect((await me.browser.get('/kandidaat/contacten')).body).toContain(id);
  });
});

describe('answering an invitation', () => {
  it('asks for ja or nee (400, nothing written), says yes with post/redirect/get, and gives 409 when answered twice', async () => {
    const me = await candidate();
    const id = okValue(await inviteCandidate(db, employer(), await vacancy(), me.id, { message: 'Kom kennismaken.' })).id;
    const page = await me.browser.get(contactPath(id));
    expect(page.body).toContain('Zeg je ja? Dan ziet de werkgever je naam en je profiel');
    expect(page.body).not.toContain('name="bericht"');

    const before = await rowCounts(db);
    const missing = await me.browser.post(contactPath(id), { actie: 'antwoord', antwoordReden: 'Ik twijfel nog.' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('<a class="utrecht-link" href="#veld-antwoord">Kies ja of nee.</a>');
    expect(missing.body).toContain('Ik twijfel nog.</textarea>');
    expect(await rowCounts(db)).toEqual(before);

    const yes = await me.browser.post(contactPath(id), { actie: 'antwoord', antwoord: 'ja' });
    expect(yes.statusCode).toBe(303);
    expect(yes.headers.location).toBe(`${contactPath(id)}?klaar=ja`);
    expect(await stored(id)).toMatchObject({ state: 'in_conversation', invitation: 'accepted', identity_revealed: true });
    const after = await me.browser.get(`${contactPath(id)}?klaar=ja`);
    expect(after.body).toContain('Je hebt ja gezegd.');
    expect(after.body).toContain('Jullie zijn met elkaar in gesprek.');
    expect(after.body).toContain('name="bericht"');

    const counts = await rowCounts(db);
    const twice = await me.browser.post(contactPath(id), { actie: 'antwoord', antwoord: 'nee' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Je hebt al op deze uitnodiging geantwoord. Ververs de pagina.');
    expect(await rowCounts(db)).toEqual(counts);
    expect((await stored(id)).state).toBe('in_conversation');
  });

  it('says no with a reason the employer reads', async () => {
    const me = await candidate();
    const id = okValue(await inviteCandidate(db, employer(), await vacancy(), me.id, { message: 'Kom kennismaken.' })).id;
    const no = await me.browser.post(contactPath(id), { actie: 'antwoord', antwoord: 'nee', antwoordReden: 'Ik heb geen vervoer.' });
    expect(no.statusCode).toBe(303);
    expect(await stored(id)).toMatchObject({ state: 'declined', closed_by: 'candidate', closed_reason: 'Ik heb geen vervoer.' });
    const page = await me.browser.get(`${contactPath(id)}?klaar=nee`);
    expect(page.body).toContain('Je hebt nee gezegd. Het contact is gestopt.');
    expect(page.body).toContain('Dit schreef je erbij:');
    expect(page.body).toContain('Dit contact is gestopt. Je kunt geen berichten meer sturen.');
  });
});

describe('the conversation and the other steps', () => {
  it('refuses an empty message with 400 (nothing written) and sends one with post/redirect/get', async () => {
    const me = await candidate();
    const id = okValue(await showInterest(db, me.user, await vacancy(), {})).id;
    okValue(await startConversation(db, employer(), id));
    const before = await rowCounts(db);
    const empty = await me.browser.post(contactPath(id), { actie: 'bericht', bericht: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('<a class="utrecht-link" href="#veld-bericht">Schrijf een bericht.</a>');
    expect(await rowCounts(db)).toEqual(before);

    const sent = await me.browser.post(contactPath(id), { actie: 'bericht', bericht: 'Wanneer kan ik langskomen?' });
    expect(sent.statusCode).toBe(303);
    const page = await me.browser.get(`${contactPath(id)}?klaar=bericht`);
    expect(page.body).toContain('Je bericht is verstuurd.');
    expect(page.body).toContain('Wanneer kan ik langskomen?');
    expect(page.body).toMatch(/<strong>Jij<\/strong> · <time dateTime="[^"]+">/);
  });

  it('lets the candidate stop ("Ik wil niet meer verder"); then no more messages, and stopping again is a conflict', async () => {
    const me = await candidate();
    const id = okValue(await showInterest(db, me.user, await vacancy(), {})).id;
    const stopped = await me.browser.post(contactPath(id), { actie: 'stoppen', stopReden: 'Ik heb ander werk.' });
    expect(stopped.statusCode).toBe(303);
    expect(await stored(id)).toMatchObject({ state: 'withdrawn', closed_by: 'candidate' });
    const page = await me.browser.get(contactPath(id));
    expect(page.body).not.toContain('name="bericht"');
    expect(page.body).not.toContain('value="stoppen"');
    const again = await me.browser.post(contactPath(id), { actie: 'stoppen' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Dit contact is ingetrokken.');
    const message = await me.browser.post(contactPath(id), { actie: 'bericht', bericht: 'Toch nog even dit.' });
    expect(message.statusCode).toBe(409);
  });

  it('switches reading along by the consultant off and on', async () => {
    const me = await candidate();
    const id = okValue(await showInterest(db, me.user, await vacancy(), {})).id;
    expect((await me.browser.get(contactPath(id))).body).toContain('Je consulent mag dit gesprek meelezen.');
    const off = await me.browser.post(contactPath(id), { actie: 'meelezen', meelezen: 'nee' });
    expect(off.headers.location).toBe(`${contactPath(id)}?klaar=meelezen-uit`);
    expect((await stored(id)).consultant_reads).toBe(false);
    expect((await me.browser.get(contactPath(id))).body).toContain('Mijn consulent mag meelezen');
    await me.browser.post(contactPath(id), { actie: 'meelezen', meelezen: 'ja' });
    expect((await stored(id)).consultant_reads).toBe(true);
  });

  it('answers an unknown step with 400', async () => {
    const me = await candidate();
    const id = okValue(await showInterest(db, me.user, await vacancy(), {})).id;
    expect((await me.browser.post(contactPath(id), { actie: 'iets' })).statusCode).toBe(400);
  });
});

describe('a no from the employer', () => {
  it("shows the employer's own words to a candidate who manages themself", async () => {
    const me = await candidate();
    const id = okValue(await showInterest(db, me.user, await vacancy(), {})).id;
    okValue(await declineApplication(db, employer(), id, { reason: 'We kozen iemand met meer ervaring.' }));
    const page = await me.browser.get(contactPath(id));
    expect(page.body).toContain('De werkgever heeft nee gezegd.');
    expect(page.body).toContain('Dit schreef de werkgever:');
    expect(page.body).toContain('We kozen iemand met meer ervaring.');
  });

  it("keeps it from a 'begeleid' candidate until the consultant has talked it through", async () => {
    const me = await candidate('begeleid');
    const id = okValue(await showInterest(db, me.user, await vacancy(), {})).id;
    okValue(await declineApplication(db, employer(), id, { reason: 'We kozen iemand met meer ervaring.' }));
    const hidden = await me.browser.get(contactPath(id));
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('meer ervaring');
    expect((await me.browser.get('/kandidaat/contacten')).body).not.toContain(id);
    okValue(await markDeclineTold(db, world.consulent, id));
    const told = await me.browser.get(contactPath(id));
    expect(told.statusCode).toBe(200);
    expect(told.body).toContain('Je consulent heeft dit met je besproken.');
    expect(told.body).toContain('We kozen iemand met meer ervaring.');
  });
});

describe('a placement', () => {
  it('links the contact to the placement page', async () => {
    const me = await candidate();
    const vacancyId = await vacancy();
    const id = okValue(await showInterest(db, me.user, vacancyId, {})).id;
    const placement = await db
      .insertInto('placement')
      .values({
        application_id: id,
        candidate_id: me.id,
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
    expect((await me.browser.get(contactPath(id))).body).toContain(`href="/kandidaat/plaatsingen/${placement.id}"`);
  });
});

describe('in English', () => {
  it('shows the list, a contact and a conflict in English', async () => {
    const me = await candidate();
    const vacancyId = await vacancy();
    const id = okValue(await showInterest(db, me.user, vacancyId, {})).id;
    const again = await me.browser.post(`/vacatures/${vacancyId}/interesse?taal=en`, {}, `/vacatures/${vacancyId}`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('You are already in contact about this vacancy. Look at your contacts.');
    expect((await me.browser.get('/kandidaat/contacten?taal=en')).body).toContain('<h1 class="utrecht-heading-1">Your contacts</h1>');
    const page = await me.browser.get(`${contactPath(id)}?taal=en`);
    expect(page.body).toContain('You showed interest. The employer is looking at it.');
    expect(page.body).toContain('Your consultant may read this conversation.');
  });
});
