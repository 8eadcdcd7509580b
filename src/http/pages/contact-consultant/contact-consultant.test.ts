import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '#app/domain/accounts/actor.js';
import { partyOf, findApplication } from '#app/domain/applications/access.js';
import {
  declineApplication,
  inviteCandidate,
  proposeCandidate,
  sendMessage,
  setConsultantReads,
  startConversation,
} from '#app/domain/applications/commands.js';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations } from '#app/domain/taxonomy/builtin.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { okValue, rowCounts } from '../../../../test/support/applications.js';
import { makeCandidate, makeUser, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

type Fields = Record<string, string | readonly string[]>;
type Person = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Fields, tokenFrom?: string) => Promise<LightMyRequestResponse>;
};

let app: TestApp;
let world: World;
let vacancyId: string;
/** Candidates of the consultant: with regie 'begeleid' and an account, without an account, and one on their own. */
let guided: { id: string; user: (Actor & { password: string }) | null };
let noLogin: { id: string };
let own: { id: string; user: (Actor & { password: string }) | null };
let foreign: { id: string };
let consultant: Person;
let other: Person;
let auditor: Person;
let beheerder: Person;
let employer: Person;

async function person(user: { email: string; password: string } | null): Promise<Person> {
  const cookie = user ? await loginCookie(app, user.email, user.password) : '';
  return {
    get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, fields, tokenFrom) => postForm(app, cookie, url, fields, { tokenFrom }),
  };
}

const db = () => app.database.db;
const lastNameOf = async (id: string) =>
  (await db().selectFrom('candidate').select('last_name').where('id', '=', id).executeTakeFirstOrThrow()).last_name!;
const contact = (id: string) => `/consulent/contacten/${id}`;
const proposal = (vacancy: string, candidate: string) => `/consulent/vacatures/${vacancy}/voorstellen/${candidate}`;
const invitationMessage = 'Wij zoeken iemand voor de groenploeg. Komt u kennismaken?';

/** A fresh open vacancy of the preferred employer, so that every test has its own contacts. */
const freshVacancy = () => makeVacancy(app, world.employers.preferred.id);

async function invite(candidateId: string, vacancy: string): Promise<string> {
  return okValue(await inviteCandidate(db(), world.employers.preferred.user, vacancy, candidateId, { message: invitationMessage })).id;
}

async function propose(candidateId: string, vacancy: string): Promise<string> {
  return okValue(
    await proposeCandidate(db(), world.consulent, vacancy, candidateId, { message: 'Een goede kandidaat.', candidateAgrees: true }),
  ).id;
}

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  vacancyId = await freshVacancy();
  guided = await makeCandidate(app, world.consulent, { withLogin: true });
  noLogin = await makeCandidate(app, world.consulent);
  own = await makeCandidate(app, world.consulent, { withLogin: true });
  foreign = await makeCandidate(app, world.otherConsulent);
  await db().updateTable('candidate').set({ regie_level: 'begeleid' }).where('id', 'in', [guided.id, noLogin.id]).execute();
  consultant = await person(world.consulent);
  other = await person(world.otherConsulent);
  auditor = await person(world.auditor);
  beheerder = await person(world.beheerder);
  employer = await person(world.employers.preferred.user);
});
afterAll(async () => app?.close());

describe('who may open the contact pages', () => {
  it('sends a visitor to log in, and refuses employers and candidates', async () => {
    const id = await invite(guided.id, vacancyId);
    const visitor = await (await person(null)).get('/consulent/contacten');
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toBe('/inloggen?terug=%2Fconsulent%2Fcontacten');
    const candidate = await person(own.user);
    for (const who of [employer, candidate]) {
      for (const url of ['/consulent/contacten', contact(id), proposal(vacancyId, own.id)]) {
        expect((await who.get(url)).statusCode, url).toBe(403);
      }
    }
    const before = await rowCounts(db());
    expect((await employer.post(contact(id), { actie: 'doorsturen' }, '/werkgever')).statusCode).toBe(403);
    expect(await rowCounts(db())).toEqual(before);
  });

  it('answers 404 to the consultant of another instantie, and for unknown or odd ids', async () => {
    const id = await invite(guided.id, await freshVacancy());
    expect((await other.get(contact(id))).statusCode).toBe(404);
    expect((await other.get(proposal(vacancyId, own.id))).statusCode).toBe(404);
    const list = await other.get('/consulent/contacten');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(contact(id));
    const before = await rowCounts(db());
    const post = await other.post(contact(id), { actie: 'doorsturen' }, '/consulent/contacten');
    expect(post.statusCode).toBe(404);
    expect(await rowCounts(db())).toEqual(before);
    for (const bad of [crypto.randomUUID(), 'geen-id']) {
      expect((await consultant.get(contact(bad))).statusCode, bad).toBe(404);
      expect((await consultant.get(proposal(vacancyId, bad))).statusCode, bad).toBe(404);
      expect((await consultant.get(proposal(bad, own.id))).statusCode, bad).toBe(404);
    }
    expect((await consultant.get(proposal(vacancyId, foreign.id))).statusCode).toBe(404);
  });

  it('lets the auditor read, but not act', async () => {
    const id = await invite(guided.id, await freshVacancy());
    const list = await auditor.get('/consulent/contacten');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(contact(id));
    expect(list.body).toContain('Je kunt contacten lezen, maar niet aanpassen.');
    const page = await auditor.get(contact(id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(await lastNameOf(guided.id));
    expect(page.body).not.toContain('Doorsturen naar de kandidaat');
    const before = await rowCounts(db());
    expect((await auditor.post(contact(id), { actie: 'doorsturen' })).statusCode).toBe(403);
    expect((await auditor.post(contact(id), { actie: 'afzeggen', reason: 'Past niet bij wat de kandidaat zoekt.' })).statusCode).toBe(403);
    expect(await rowCounts(db())).toEqual(before);
    expect((await auditor.get(proposal(vacancyId, own.id))).statusCode).toBe(403);
    expect((await auditor.post(proposal(vacancyId, own.id), { message: 'Hallo', candidateAgrees: 'ja' }, contact(id))).statusCode).toBe(
      403,
    );
    expect(await rowCounts(db())).toEqual(before);
  });
});

describe('the list of contacts', () => {
  it('shows what waits first, then my candidates, then the rest of the instantie, and logs the reads', async () => {
    const vacancy = await freshVacancy();
    const waiting = await invite(noLogin.id, vacancy);
    const mine = await propose(own.id, vacancy);
    const colleague = await makeUser(app, 'Collega Rotterdam', [{ role: 'consulent', instantieId: 'rotterdam' }]);
    const colleagues = await makeCandidate(app, colleague);
    const theirs = okValue(
      await proposeCandidate(db(), colleague, vacancy, colleagues.id, { message: 'Kijk eens naar deze kandidaat.', candidateAgrees: true }),
    ).id;

    const response = await consultant.get('/consulent/contacten');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    const start = (marker: string) => body.indexOf(`id="${marker}"`);
    const [todo, mineAt, others] = [start('te-doen'), start('mijn-kandidaten'), start('organisatie')];
    const at = (id: string) => body.indexOf(contact(id));
    expect(at(waiting)).toBeGreaterThan(todo);
    expect(at(waiting)).toBeLessThan(mineAt);
    expect(at(mine)).toBeGreaterThan(mineAt);
    expect(at(mine)).toBeLessThan(others);
    expect(at(theirs)).toBeGreaterThan(others);
    expect(body).toContain('Uitnodiging ligt bij jou');
    expect(body).toContain('Voorgesteld: wacht op de werkgever');
    for (const id of [noLogin.id, own.id, colleagues.id]) expect(body).toContain(await lastNameOf(id));

    const logged = await db()
      .selectFrom('access_log')
      .select('candidate_id')
      .where('viewer_user_id', '=', world.consulent.userId)
      .where('context', '=', 'consulent.contacten')
      .execute();
    expect(logged.map((row) => row.candidate_id)).toEqual(expect.arrayContaining([noLogin.id, own.id, colleagues.id]));

    const english = await consultant.get('/consulent/contacten?taal=en');
    expect(english.body).toContain('Invitation is with you');
    expect(english.body).toContain('Contacts of my candidates');

    // A beheerder has no caseload of their own: the rest of the instantie is all of it.
    const management = await beheerder.get('/consulent/contacten');
    expect(management.statusCode).toBe(200);
    expect(management.body).not.toContain('id="mijn-kandidaten"');
    expect(management.body).toContain(contact(mine));
  });
});

describe('an invitation with the consultant', () => {
  it('shows the invitation and its history, forwards it once, and a second time is a conflict', async () => {
    const id = await invite(guided.id, await freshVacancy());
    const page = await consultant.get(contact(id));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(invitationMessage);
    expect(page.body).toContain(`href="/consulent/kandidaten/${guided.id}"`);
    expect(page.body).toContain('Uitgenodigd');
    expect(page.body).toContain('Werkgever preferred (werkgever)');
    expect(page.body).toContain('Doorsturen naar de kandidaat');
    // Before it is forwarded, the candidate does not see it.
    expect(partyOf(guided.user, (await findApplication(db(), id))!)).toBeNull();

    const forwarded = await consultant.post(contact(id), { actie: 'doorsturen' });
    expect(forwarded.statusCode).toBe(303);
    expect(forwarded.headers.location).toBe(`${contact(id)}?gedaan=doorgestuurd`);
    const after = await consultant.get(String(forwarded.headers.location));
    expect(after.body).toContain('De uitnodiging is doorgestuurd.');
    expect(after.body).toContain('Uitnodiging ligt bij de kandidaat');
    expect(after.body).toContain('Uitnodiging doorgestuurd naar de kandidaat');
    expect(partyOf(guided.user, (await findApplication(db(), id))!)).toBe('candidate');

    const before = await rowCounts(db());
    const again = await consultant.post(contact(id), { actie: 'doorsturen' }, '/consulent/contacten');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Deze uitnodiging is al behandeld. Ververs de pagina.');
    expect(await rowCounts(db())).toEqual(before);
  });

  it('needs a reason to decline, in the consultant’s own words', async () => {
    const id = await invite(guided.id, await freshVacancy());
    const before = await rowCounts(db());
    const empty = await consultant.post(contact(id), { actie: 'afzeggen', reason: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Schrijf in een paar woorden waarom (minstens 10 tekens).');
    expect(empty.body).toContain('href="#veld-reason"');
    const short = await consultant.post(contact(id), { actie: 'afzeggen', reason: 'Nee' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('>Nee</textarea>');
    expect(await rowCounts(db())).toEqual(before);
    const odd = await consultant.post(contact(id), { actie: 'iets-anders' });
    expect(odd.statusCode).toBe(400);
    expect(await rowCounts(db())).toEqual(before);

    const reason = 'De kandidaat wil liever werk dichter bij huis.';
    const declined = await consultant.post(contact(id), { actie: 'afzeggen', reason });
    expect(declined.statusCode).toBe(303);
    const row = await db().selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.state, row.closed_by, row.closed_reason]).toEqual(['declined', 'consultant', reason]);
    const page = await consultant.get(contact(id));
    expect(page.body).toContain('Afgezegd door de consulent');
    expect(page.body).toContain(reason);
    expect(page.body).toContain('Er is nu niets voor jou te doen.');
  });

  it('cannot be forwarded to a candidate without an account', async () => {
    const id = await invite(noLogin.id, await freshVacancy());
    const page = await consultant.get(contact(id));
    expect(page.body).toContain('De kandidaat heeft nog geen account.');
    expect(page.body).not.toContain('Doorsturen naar de kandidaat');
    expect(page.body).toContain('Afzeggen');
  });
});

describe('a decline to tell in person', () => {
  it('shows the employer’s words until the consultant has told the candidate', async () => {
    const id = await propose(guided.id, await freshVacancy());
    const words = 'We kiezen voor iemand met meer ervaring in het groen.';
    okValue(await declineApplication(db(), world.employers.preferred.user, id, { reason: words }));
    expect(partyOf(guided.user, (await findApplication(db(), id))!)).toBeNull();

    const list = await consultant.get('/consulent/contacten');
    const todo = list.body.slice(list.body.indexOf('id="te-doen"'), list.body.indexOf('id="mijn-kandidaten"'));
    expect(todo).toContain(contact(id));
    expect(todo).toContain('Afgewezen: nog vertellen aan de kandidaat');

    const page = await consultant.get(contact(id));
    expect(page.body).toContain(words);
    expect(page.body).toContain('Ik heb dit met de kandidaat besproken');
    const told = await consultant.post(contact(id), { actie: 'besproken' });
    expect(told.statusCode).toBe(303);
    expect(partyOf(guided.user, (await findApplication(db(), id))!)).toBe('candidate');
    const after = await consultant.get('/consulent/contacten');
    expect(after.body).not.toContain(contact(id));

    const before = await rowCounts(db());
    const again = await consultant.post(contact(id), { actie: 'besproken' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Er is hier niets door te geven.');
    expect(await rowCounts(db())).toEqual(before);
  });
});

describe('an open contact', () => {
  it('can be withdrawn for the candidate, with or without a reason, once', async () => {
    const id = await propose(own.id, await freshVacancy());
    const page = await consultant.get(contact(id));
    expect(page.body).toContain('Contact intrekken');
    const before = await rowCounts(db());
    const long = await consultant.post(contact(id), { actie: 'intrekken', withdrawReason: 'x'.repeat(4001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('Uw bericht is te lang. Gebruik hoogstens 4000 tekens.');
    expect(long.body).toContain('href="#veld-withdrawReason"');
    expect(await rowCounts(db())).toEqual(before);

    const withdrawn = await consultant.post(contact(id), { actie: 'intrekken', withdrawReason: '' });
    expect(withdrawn.statusCode).toBe(303);
    const row = await db().selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([row.state, row.closed_by]).toEqual(['withdrawn', 'consultant']);
    const again = await consultant.post(contact(id), { actie: 'intrekken' }, '/consulent/contacten');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Dit contact is ingetrokken.');
  });

  it('shows the conversation only while the candidate lets the consultant read along, and links the placement', async () => {
    const id = await propose(own.id, await freshVacancy());
    okValue(await startConversation(db(), world.employers.preferred.user, id));
    const words = 'Kunt u dinsdag om tien uur langskomen?';
    okValue(await sendMessage(db(), world.employers.preferred.user, id, { body: words }));
    expect((await consultant.get(contact(id))).body).toContain(words);

    okValue(await setConsultantReads(db(), own.user!, id, false));
    const hidden = await consultant.get(contact(id));
    expect(hidden.body).not.toContain(words);
    expect(hidden.body).toContain('De kandidaat houdt dit gesprek privé.');

    const application = await db().selectFrom('application').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const placement = await db()
      .insertInto('placement')
      .values({
        application_id: id,
        candidate_id: application.candidate_id,
        employer_id: application.employer_id,
        vacancy_id: application.vacancy_id,
        instantie_id: application.instantie_id,
        route: 'preferred',
        kind: 'dienstverband',
        status: 'active',
        start_date: '2099-01-04',
        hours_per_week: 24,
        registered_by: world.employers.preferred.user.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await consultant.get(contact(id))).body).toContain(`href="/consulent/plaatsingen/${placement.id}"`);
  });
});

describe('proposing a candidate', () => {
  it('asks for a message and the candidate’s agreement, and writes nothing without them', async () => {
    const vacancy = await freshVacancy();
    const form = await consultant.get(proposal(vacancy, own.id));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(await lastNameOf(own.id));
    expect(form.body).toContain('De kandidaat weet ervan en vindt het goed');
    const before = await rowCounts(db());
    const empty = await consultant.post(proposal(vacancy, own.id), { message: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Schrijf een bericht.');
    expect(empty.body).toContain('Vraag eerst of de kandidaat dit goed vindt.');
    expect(empty.body).toContain('href="#veld-candidateAgrees"');
    const noAgreement = await consultant.post(proposal(vacancy, own.id), { message: 'Sterke kandidaat voor dit werk.' });
    expect(noAgreement.statusCode).toBe(400);
    expect(noAgreement.body).toContain('Sterke kandidaat voor dit werk.</textarea>');
    expect(noAgreement.body).not.toContain('Schrijf een bericht.');
    expect(await rowCounts(db())).toEqual(before);
    const english = await consultant.post(`${proposal(vacancy, own.id)}?taal=en`, { message: '' }, proposal(vacancy, own.id));
    expect(english.body).toContain('First ask whether the candidate agrees.');
  });

  it('proposes, goes to the new contact, and a second proposal is a conflict', async () => {
    const vacancy = await freshVacancy();
    const done = await consultant.post(proposal(vacancy, own.id), { message: 'Sterke kandidaat voor dit werk.', candidateAgrees: 'ja' });
    expect(done.statusCode).toBe(303);
    const id = /^\/consulent\/contacten\/([0-9a-f-]{36})\?gedaan=voorgesteld$/.exec(String(done.headers.location))?.[1];
    expect(id).toBeDefined();
    const row = await db().selectFrom('application').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    expect([row.candidate_id, row.vacancy_id, row.started_by, row.identity_revealed]).toEqual([own.id, vacancy, 'consultant', true]);
    const page = await consultant.get(String(done.headers.location));
    expect(page.body).toContain('Je voorstel is verstuurd.');
    expect(page.body).toContain('Sterke kandidaat voor dit werk.');

    const form = await consultant.get(proposal(vacancy, own.id));
    expect(form.body).toContain('Deze kandidaat heeft al contact over deze vacature.');
    expect(form.body).toContain(`href="${contact(id!)}"`);
    const before = await rowCounts(db());
    const again = await consultant.post(
      proposal(vacancy, own.id),
      { message: 'Nog een keer.', candidateAgrees: 'ja' },
      '/consulent/contacten',
    );
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Er is al een contact over deze vacature.');
    expect(await rowCounts(db())).toEqual(before);
  });

  it('is linked from the consultant’s lists and from the candidate’s page', async () => {
    const id = await propose(own.id, await freshVacancy());
    const candidatePage = await consultant.get(`/consulent/kandidaten/${own.id}`);
    expect(candidatePage.body).toContain(`href="${contact(id)}"`);
    expect(candidatePage.body).toContain(`href="/consulent/kandidaten/${own.id}/vacatures"`);

    // A vacancy and a candidate that match: the ranked lists link each row to the proposal.
    const occupation = builtinOccupations[0]!.uri;
    const matching = await makeVacancy(app, world.employers.preferred.id, { occupation_uri: occupation });
    okValue(
      await updateProfileSection(db(), world.consulent, own.id, 'werk', {
        hoursPerWeek: 24,
        days: ['ma'],
        wishedOccupations: [occupation],
      }),
    );
    const vacancies = await consultant.get(`/consulent/kandidaten/${own.id}/vacatures`);
    expect(vacancies.body).toContain(`href="${proposal(matching, own.id)}"`);
    const candidates = await consultant.get(`/consulent/vacatures/${matching}/kandidaten`);
    expect(candidates.body).toContain(`href="${proposal(matching, own.id)}"`);
    expect(candidates.body).toContain('>Voorstellen<');
  });
});
