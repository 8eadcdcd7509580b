import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployerCategory } from '#app/db/schema.js';
import type { Actor } from '#app/domain/accounts/actor.js';
import { proposeCandidate, showInterest, startConversation } from '#app/domain/applications/commands.js';
import { registerPlacement } from '#app/domain/placements/commands.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { formatDate } from '#app/i18n.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeCandidate, makeVacancy, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

type Person = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Record<string, string | string[]>, tokenFrom?: string) => Promise<LightMyRequestResponse>;
};

let app: TestApp;
let world: World;
const db = () => app.database.db;

async function person(user: { email: string; password: string }): Promise<Person> {
  const cookie = await loginCookie(app, user.email, user.password);
  return {
    get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, fields, tokenFrom) => postForm(app, cookie, url, fields, tokenFrom ? { tokenFrom } : {}),
  };
}

const isoDaysFromNow = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));

type Candidate = { id: string; user: Actor & { password: string }; name: string };
async function newCandidate(): Promise<Candidate> {
  const made = await makeCandidate(app, world.consulent, { withLogin: true });
  const row = await db().selectFrom('candidate').select(['first_name', 'last_name']).where('id', '=', made.id).executeTakeFirstOrThrow();
  return { id: made.id, user: made.user!, name: `${row.first_name} ${row.last_name}` };
}

/** A contact in conversation, as the three routes start: interest, or (business-as-usual) a proposal by the consultant. */
async function inConversation(candidate: Candidate, category: EmployerCategory, title = `Magazijn ${category}`): Promise<string> {
  const vacancyId = await makeVacancy(app, world.employers[category].id, { title });
  const started =
    category === 'business_as_usual'
      ? await proposeCandidate(db(), world.consulent, vacancyId, candidate.id, { message: 'Zij past hier goed.', candidateAgrees: true })
      : await showInterest(db(), candidate.user, vacancyId, { message: 'Ik wil graag bij u werken.' });
  if (!started.ok) throw new Error(JSON.stringify(started));
  const talk = await startConversation(db(), world.employers[category].user, started.value.id);
  if (!talk.ok) throw new Error(JSON.stringify(talk));
  return started.value.id;
}

const agreement = (overrides: Record<string, string> = {}) => ({
  kind: 'dienstverband',
  startDate: isoDaysFromNow(7),
  endDate: '',
  hoursPerWeek: '20',
  support: 'Een vaste collega helpt de eerste weken.',
  conditions: 'Loon volgens de cao.',
  intendedContractMonths: '',
  positiveAdviceDate: '',
  positiveAdviceReference: '',
  ...overrides,
});

async function placed(candidate: Candidate, category: EmployerCategory): Promise<string> {
  const applicationId = await inConversation(candidate, category);
  const result = await registerPlacement(db(), world.employers[category].user, applicationId, agreement());
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

const placementRows = (applicationId: string) =>
  db().selectFrom('placement').selectAll().where('application_id', '=', applicationId).execute();
const statusOf = async (id: string) =>
  (await db().selectFrom('placement').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
/** The text of a page without tags, with the entities React writes decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const people = {} as Record<'employer' | 'committedEmployer' | 'bauEmployer' | 'consultant' | 'otherConsultant' | 'auditor', Person>;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  people.employer = await person(world.employers.preferred.user);
  people.committedEmployer = await person(world.employers.committed.user);
  people.bauEmployer = await person(world.employers.business_as_usual.user);
  people.consultant = await person(world.consulent);
  people.otherConsultant = await person(world.otherConsulent);
  people.auditor = await person(world.auditor);
});
afterAll(async () => app?.close());

describe('the form to register a placement', () => {
  it('says first what happens for the employer’s category, and explains each kind', async () => {
    const candidate = await newCandidate();
    const preferred = await people.employer.get(`/werkgever/contacten/${await inConversation(candidate, 'preferred')}/plaatsing`);
    expect(preferred.statusCode).toBe(200);
    const text = textOf(preferred.body);
    expect(text).toContain('De plaatsing begint meteen als u de afspraken vastlegt.');
    expect(text).toContain(`Kandidaat: ${candidate.name}.`);
    expect(text).toContain('De kandidaat kan 24 uur per week werken.');
    expect(text).toContain('Dit duurt hoogstens 2 maanden.');
    expect(text).toContain('Dan mag het 6 maanden duren.');
    expect(text).toContain('Dit kan alleen met een positief advies van UWV.');
    expect(preferred.body).toContain('aria-describedby="hint-kind-beschut_werk"');

    const committed = await people.committedEmployer.get(`/werkgever/contacten/${await inConversation(candidate, 'committed')}/plaatsing`);
    expect(textOf(committed.body)).toContain('Of vanzelf na 5 werkdagen, als niemand bezwaar maakt.');
    const bau = await people.bauEmployer.get(`/werkgever/contacten/${await inConversation(candidate, 'business_as_usual')}/plaatsing`);
    expect(textOf(bau.body)).toContain('Gemeente Rotterdam moet de plaatsing eerst goedkeuren.');
  });

  it('is only for the employer of the contact', async () => {
    const candidate = await newCandidate();
    const applicationId = await inConversation(candidate, 'preferred');
    const url = `/werkgever/contacten/${applicationId}/plaatsing`;
    expect((await people.committedEmployer.get(url)).statusCode).toBe(404);
    expect((await (await person(candidate.user)).get(url)).statusCode).toBe(403);
    expect((await people.consultant.get(url)).statusCode).toBe(403);
    expect((await people.employer.get('/werkgever/contacten/niet-een-id/plaatsing')).statusCode).toBe(404);
    const other = await people.committedEmployer.post(url, agreement(), `/werkgever/plaatsingen`);
    expect(other.statusCode).toBe(404);
    expect(await placementRows(applicationId)).toEqual([]);
    const visitor = await app.server.inject({ method: 'GET', url });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toContain('/inloggen');
  });

  it('answers bad input with 400, Dutch errors and the values typed, and writes nothing', async () => {
    const candidate = await newCandidate();
    const applicationId = await inConversation(candidate, 'preferred');
    const url = `/werkgever/contacten/${applicationId}/plaatsing`;
    const page = await people.employer.post(url, agreement({ kind: '', startDate: '2020-13-40', hoursPerWeek: '99', support: 'Maatje' }));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Fout: Plaatsing vastleggen');
    expect(page.body).toContain('<a class="utrecht-link" href="#veld-kind">Kies het soort plaatsing.</a>');
    expect(page.body).toContain('Vul een geldige datum in, bijvoorbeeld 2027-01-04.');
    expect(page.body).toContain('Vul een aantal uren per week in tussen 1 en 40.');
    expect(page.body).toContain('value="99"');
    expect(page.body).toContain('>Maatje</textarea>');
    // The summary follows the order of the form.
    expect(page.body.indexOf('#veld-kind')).toBeLessThan(page.body.indexOf('#veld-startDate'));
    expect(page.body.indexOf('#veld-startDate')).toBeLessThan(page.body.indexOf('#veld-hoursPerWeek'));

    const trial = await people.employer.post(url, agreement({ kind: 'proefplaatsing' }));
    expect(trial.statusCode).toBe(400);
    expect(trial.body).toContain('Een proefplaatsing duurt hoogstens 2 maanden. Vul de einddatum in.');
    expect(trial.body).toContain('name="kind" checked="" value="proefplaatsing"');
    const sheltered = await people.employer.post(url, agreement({ kind: 'beschut_werk' }));
    expect(sheltered.body).toContain('Beschut werk kan alleen met een positief advies. Vul de datum van het advies in.');
    expect(sheltered.body).toContain('Vul het kenmerk van het positieve advies in.');

    // More hours than the candidate has: the domain's Dutch sentence at the hours field.
    const hours = await people.employer.post(url, agreement({ hoursPerWeek: '30' }));
    expect(hours.statusCode).toBe(400);
    expect(hours.body).toContain('De kandidaat kan nog 24 uur per week werken. Kies hoogstens 24 uur.');
    expect(hours.body).toContain('href="#veld-hoursPerWeek"');

    expect(await placementRows(applicationId)).toEqual([]);
    const english = await people.employer.post(`${url}?taal=en`, agreement({ kind: '' }));
    expect(english.body).toContain('Choose the kind of placement.');
  });

  it('registers with post/redirect/get; a second registration meets a 409 notice', async () => {
    const candidate = await newCandidate();
    const applicationId = await inConversation(candidate, 'preferred');
    const url = `/werkgever/contacten/${applicationId}/plaatsing`;
    const done = await people.employer.post(url, agreement({ kind: 'leerwerktraject', endDate: isoDaysFromNow(200) }));
    expect(done.statusCode).toBe(303);
    const [row] = await placementRows(applicationId);
    expect(row).toMatchObject({ kind: 'leerwerktraject', status: 'active', hours_per_week: 20 });
    expect(done.headers.location).toBe(`/werkgever/plaatsingen/${row!.id}?vastgelegd=1`);
    const page = await people.employer.get(done.headers.location!);
    expect(textOf(page.body)).toContain('De plaatsing is vastgelegd en begonnen. De instantie heeft bericht gekregen.');

    const again = await people.employer.post(url, agreement(), `/werkgever/plaatsingen/${row!.id}`);
    expect(again.statusCode).toBe(409);
    expect(textOf(again.body)).toContain('Voor dit contact kunt u nu geen plaatsing vastleggen.');
    expect(again.body).toContain('utrecht-alert--error');
    expect(await placementRows(applicationId)).toHaveLength(1);
    const form = await people.employer.get(url);
    expect(form.body).not.toContain('Leg de plaatsing vast</button>');
  });
});

describe('the page of a placement', () => {
  it('opens for each party at its own address, and is not found for anyone else', async () => {
    const candidate = await newCandidate();
    const id = await placed(candidate, 'committed');
    const me = await person(candidate.user);
    expect((await people.committedEmployer.get(`/werkgever/plaatsingen/${id}`)).statusCode).toBe(200);
    expect((await me.get(`/kandidaat/plaatsingen/${id}`)).statusCode).toBe(200);
    expect((await people.consultant.get(`/consulent/plaatsingen/${id}`)).statusCode).toBe(200);
    expect((await people.auditor.get(`/consulent/plaatsingen/${id}`)).statusCode).toBe(200);
    for (const [who, url] of [
      [people.employer, `/werkgever/plaatsingen/${id}`],
      [people.otherConsultant, `/consulent/plaatsingen/${id}`],
      [me, `/werkgever/plaatsingen/${id}`],
      [people.committedEmployer, `/consulent/plaatsingen/${id}`],
      [people.consultant, `/kandidaat/plaatsingen/${id}`],
      [people.consultant, '/consulent/plaatsingen/niet-een-id'],
    ] as const) {
      expect((await who.get(url)).statusCode, url).toBe(404);
    }
  });

  it('shows the agreement, the route, the automatic start and the lead time', async () => {
    const candidate = await newCandidate();
    const id = await placed(candidate, 'committed');
    const row = await db().selectFrom('placement').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const page = await people.committedEmployer.get(`/werkgever/plaatsingen/${id}`);
    const text = textOf(page.body);
    expect(text).toContain(`begint vanzelf op ${formatDate(row.starts_unless_objection_at!, 'nl')} als niemand bezwaar maakt`);
    expect(text).toContain('Betrokken partner: de plaatsing begint als de consulent akkoord geeft');
    expect(text).toContain(`Kandidaat ${candidate.name}`);
    expect(text).toContain('Werkgever Werkgever committed');
    expect(text).toContain('Instantie Gemeente Rotterdam');
    expect(text).toContain('Soort plaatsing Dienstverband');
    expect(text).toContain(`Startdatum ${formatDate(row.start_date, 'nl')}`);
    expect(text).toContain('Uren per week 20 uur');
    expect(text).toContain('Ondersteuning Een vaste collega helpt de eerste weken.');
    expect(text).toContain('Voorwaarden Loon volgens de cao.');
    expect(text).toContain('De plaatsing is nog niet begonnen.');
    expect(text).toContain('Werkgever Werkgever committed');
    // The employer agreed by registering; it can withdraw, but not decide.
    expect(text).not.toContain('Ik ga akkoord met deze afspraken');
    expect(text).toContain('Trek de plaatsing in');
    expect(text).not.toContain('Wijs de plaatsing af');
    expect(page.body).toContain(`href="/plaatsingen/${id}/overeenkomst"`);

    const consultant = textOf((await people.consultant.get(`/consulent/plaatsingen/${id}`)).body);
    expect(consultant).toContain('Geef akkoord: de plaatsing begint nu');
    expect(consultant).toContain('Wijs de plaatsing af');
    expect(consultant).toContain('Ik ga akkoord met deze afspraken');
    const auditor = textOf((await people.auditor.get(`/consulent/plaatsingen/${id}`)).body);
    expect(auditor).not.toContain('Geef akkoord');
    expect(auditor).not.toContain('Ik ga akkoord met deze afspraken');
  });

  it('lets the candidate agree, but not approve; the consultant approves once, a second time is a conflict', async () => {
    const candidate = await newCandidate();
    const id = await placed(candidate, 'business_as_usual');
    const me = await person(candidate.user);

    const approveByCandidate = await me.post(`/kandidaat/plaatsingen/${id}`, { actie: 'goedkeuren' });
    expect(approveByCandidate.statusCode).toBe(403);
    const approveElsewhere = await me.post(`/consulent/plaatsingen/${id}`, { actie: 'goedkeuren' }, `/kandidaat/plaatsingen/${id}`);
    expect(approveElsewhere.statusCode).toBe(404);
    const byOtherConsultant = await people.otherConsultant.post(
      `/consulent/plaatsingen/${id}`,
      { actie: 'goedkeuren' },
      '/consulent/plaatsingen',
    );
    expect(byOtherConsultant.statusCode).toBe(404);
    expect(await statusOf(id)).toBe('awaiting_instantie');

    const agreed = await me.post(`/kandidaat/plaatsingen/${id}`, { actie: 'akkoord' });
    expect(agreed.statusCode).toBe(303);
    expect(agreed.headers.location).toBe(`/kandidaat/plaatsingen/${id}?akkoord=1`);
    const mine = textOf((await me.get(agreed.headers.location!)).body);
    expect(mine).toContain('Het akkoord is bewaard.');
    expect(mine).toContain(`Kandidaat ${candidate.user.name}`);
    expect(mine).not.toContain('Ik ga akkoord met deze afspraken');

    const approved = await people.consultant.post(`/consulent/plaatsingen/${id}`, { actie: 'goedkeuren' });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe(`/consulent/plaatsingen/${id}?goedgekeurd=1`);
    expect(await statusOf(id)).toBe('active');
    const after = textOf((await people.consultant.get(approved.headers.location!)).body);
    expect(after).toContain('De plaatsing is goedgekeurd en begonnen.');
    expect(after).toContain('Van het eerste contact tot de start van de plaatsing:');
    expect(after).toContain(`Instantie ${world.consulent.name}`);

    const twice = await people.consultant.post(`/consulent/plaatsingen/${id}`, { actie: 'goedkeuren' });
    expect(twice.statusCode).toBe(409);
    expect(textOf(twice.body)).toContain('Over deze plaatsing is al beslist. Ververs de pagina.');
  });

  it('asks a reason to reject, in Dutch, and changes nothing without one', async () => {
    const candidate = await newCandidate();
    const id = await placed(candidate, 'business_as_usual');
    const short = await people.consultant.post(`/consulent/plaatsingen/${id}`, { actie: 'afwijzen', reason: 'nee' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain(
      '<a class="utrecht-link" href="#veld-reason">Schrijf in een paar woorden waarom (minstens 10 tekens).</a>',
    );
    expect(short.body).toContain('>nee</textarea>');
    expect(await statusOf(id)).toBe('awaiting_instantie');

    const reason = 'De begeleiding op de werkvloer is nog niet geregeld.';
    const rejected = await people.consultant.post(`/consulent/plaatsingen/${id}`, { actie: 'afwijzen', reason });
    expect(rejected.statusCode).toBe(303);
    expect(await statusOf(id)).toBe('rejected');
    const employer = textOf((await people.bauEmployer.get(`/werkgever/plaatsingen/${id}`)).body);
    expect(employer).toContain('Gemeente Rotterdam heeft de plaatsing afgewezen.');
    expect(employer).toContain(reason);
    expect(employer).not.toContain('Ik ga akkoord met deze afspraken');
  });

  it('lets the employer withdraw before the start, and end a running placement with an evaluation', async () => {
    const candidate = await newCandidate();
    const waiting = await placed(candidate, 'committed');
    const cancelled = await people.committedEmployer.post(`/werkgever/plaatsingen/${waiting}`, { actie: 'intrekken' });
    expect(cancelled.statusCode).toBe(303);
    expect(await statusOf(waiting)).toBe('cancelled');
    const again = await people.committedEmployer.post(`/werkgever/plaatsingen/${waiting}`, { actie: 'intrekken' });
    expect(again.statusCode).toBe(409);
    expect(textOf(again.body)).toContain('Deze plaatsing is al begonnen of afgesloten.');

    const applicationId = await inConversation(candidate, 'preferred');
    const started = await registerPlacement(db(), world.employers.preferred.user, applicationId, agreement({ startDate: todayIso() }));
    if (!started.ok) throw new Error(JSON.stringify(started));
    const url = `/werkgever/plaatsingen/${started.value.id}`;
    const bad = await people.employer.post(url, { actie: 'afsluiten', endedOn: isoDaysFromNow(3), followUp: 'ja', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kies hoe het verder gaat.');
    expect(bad.body).toContain('Schrijf kort hoe het ging.');
    expect(await statusOf(started.value.id)).toBe('active');
    const future = await people.employer.post(url, {
      actie: 'afsluiten',
      endedOn: isoDaysFromNow(3),
      followUp: 'contract',
      reason: 'Goed',
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Die dag is nog niet geweest.');

    const ended = await people.employer.post(url, {
      actie: 'afsluiten',
      endedOn: todayIso(),
      followUp: 'contract',
      reason: 'Het ging goed.',
      evaluation: 'Snel ingewerkt.\nVaste collega hielp veel.',
    });
    expect(ended.statusCode).toBe(303);
    const page = textOf((await people.consultant.get(`/consulent/plaatsingen/${started.value.id}`)).body);
    expect(page).toContain('Hoe het verder gaat De kandidaat krijgt een contract');
    expect(page).toContain('Hoe het ging Het ging goed.');
    expect(page).toContain('Snel ingewerkt.');
  });
});

describe('the printable agreement', () => {
  it('is there for every party, with all confirmations by name and time; and as a download', async () => {
    const candidate = await newCandidate();
    const id = await placed(candidate, 'preferred');
    const me = await person(candidate.user);
    await me.post(`/kandidaat/plaatsingen/${id}`, { actie: 'akkoord' });
    await people.consultant.post(`/consulent/plaatsingen/${id}`, { actie: 'akkoord' });

    for (const who of [people.employer, me, people.consultant]) {
      const page = await who.get(`/plaatsingen/${id}/overeenkomst`);
      expect(page.statusCode).toBe(200);
      const text = textOf(page.body);
      expect(text).toContain('Plaatsingsovereenkomst');
      expect(text).toContain(`Kandidaat ${candidate.name}`);
      expect(text).toContain('Werkgever Werkgever preferred');
      expect(text).toContain('Instantie Gemeente Rotterdam');
      expect(text).toContain('Soort plaatsing Dienstverband');
      expect(text).toContain(`Kenmerk ${id}`);
      expect(text).toMatch(new RegExp(`Kandidaat ${candidate.user.name} \\d+ \\w+\\.? \\d{4},? \\d{2}:\\d{2}`));
      expect(text).toMatch(new RegExp(`Werkgever ${world.employers.preferred.user.name} \\d+ \\w+\\.? \\d{4},? \\d{2}:\\d{2}`));
      expect(text).toMatch(new RegExp(`Instantie ${world.consulent.name} \\d+ \\w+\\.? \\d{4},? \\d{2}:\\d{2}`));
      expect(page.body).toContain('class="werkregie-no-print"');
      expect(page.body).toContain(`href="/plaatsingen/${id}/overeenkomst?download=1"`);
    }
    expect((await people.committedEmployer.get(`/plaatsingen/${id}/overeenkomst`)).statusCode).toBe(404);
    expect((await people.otherConsultant.get(`/plaatsingen/${id}/overeenkomst`)).statusCode).toBe(404);

    const file = await me.get(`/plaatsingen/${id}/overeenkomst?download=1`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="plaatsingsovereenkomst-${id}.html"`);
    expect(file.body).toMatch(/^<!doctype html><html lang="nl">/);
    expect(file.body).toContain('<style>');
    expect(file.body).not.toContain('werkregie-nav');
    expect(textOf(file.body)).toContain(`Kandidaat ${candidate.name}`);

    const css = await app.server.inject({ method: 'GET', url: '/assets/theme.css' });
    expect(css.body).toMatch(/@media print \{[^}]*\.werkregie-header/);
  });
});

describe('the lists', () => {
  it('show each side its placements; the consultant sees waiting ones first with the automatic start', async () => {
    const candidate = await newCandidate();
    const active = await placed(candidate, 'preferred');
    const other = await newCandidate();
    const waiting = await placed(other, 'committed');
    const row = await db().selectFrom('placement').selectAll().where('id', '=', waiting).executeTakeFirstOrThrow();

    const consultant = await people.consultant.get('/consulent/plaatsingen');
    expect(consultant.statusCode).toBe(200);
    const text = textOf(consultant.body);
    expect(text).toMatch(/Er wachten? \d+ plaatsing(en)? op de instantie\./);
    expect(text).toContain(`Begint vanzelf op ${formatDate(row.starts_unless_objection_at!, 'nl')} als niemand bezwaar maakt.`);
    expect(consultant.body.indexOf(`/consulent/plaatsingen/${waiting}`)).toBeLessThan(
      consultant.body.indexOf(`/consulent/plaatsingen/${active}`),
    );
    expect(text).toContain(other.name);

    const employer = await people.employer.get('/werkgever/plaatsingen');
    expect(employer.body).toContain(`href="/werkgever/plaatsingen/${active}"`);
    expect(employer.body).not.toContain(waiting);
    const mine = await (await person(candidate.user)).get('/kandidaat/plaatsingen');
    expect(mine.body).toContain(`href="/kandidaat/plaatsingen/${active}"`);
    expect(mine.body).not.toContain(waiting);
    expect((await people.otherConsultant.get('/consulent/plaatsingen')).body).not.toContain(active);
    expect((await people.employer.get('/consulent/plaatsingen')).statusCode).toBe(403);
  });
});
