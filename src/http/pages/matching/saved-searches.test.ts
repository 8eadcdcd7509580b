import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../../test/support/session.js';

type Person = {
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, fields: Record<string, string | string[]>, tokenFrom?: string) => Promise<LightMyRequestResponse>;
};

let app: TestApp;
let world: World;
const cleaner = builtinOccupations[0]!;
const [skill1, skill2] = builtinSkills.map((s) => s.uri);
let candidateId: string;
let otherCandidateId: string;
const people = {} as Record<'candidate' | 'otherCandidate' | 'consultant' | 'otherConsultant' | 'employer', Person>;

async function person(user: { email: string; password: string }): Promise<Person> {
  const cookie = await loginCookie(app, user.email, user.password);
  return {
    get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, fields, tokenFrom) => postForm(app, cookie, url, fields, tokenFrom ? { tokenFrom } : {}),
  };
}

const rows = (id = candidateId) => app.database.db.selectFrom('saved_search').selectAll().where('candidate_id', '=', id).execute();
const idOf = async (name: string) => (await rows()).find((row) => row.name === name)!.id;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  const db = app.database.db;
  await db
    .insertInto('vacancy')
    .values({
      employer_id: world.employers.preferred.id,
      title: 'Schoonmaker open hiring',
      postcode: '3011AB',
      hours_per_week: 32,
      contract_type: 'tijdelijk',
      occupation_uri: cleaner.uri,
      required_skills: [skill1!, skill2!],
      suitability: ['open_hiring'],
      support_offered: ['jobcoach'],
      status: 'open',
      published_until: '2099-12-31',
    })
    .execute();
  const made = async () => {
    const candidate = await makeCandidate(app, world.consulent, { withLogin: true });
    await updateProfileSection(db, world.consulent, candidate.id, 'werk', {
      hoursPerWeek: 32,
      days: ['ma'],
      wishedOccupations: [cleaner.uri],
    });
    return candidate;
  };
  const own = await made();
  const other = await made();
  candidateId = own.id;
  otherCandidateId = other.id;
  people.candidate = await person(own.user!);
  people.otherCandidate = await person(other.user!);
  people.consultant = await person(world.consulent);
  people.otherConsultant = await person(world.otherConsulent);
  people.employer = await person(world.employers.preferred.user);
});
afterAll(async () => app?.close());

describe('saving a search on "Vacatures voor jou"', () => {
  it('offers a save form that carries the current filters, with the weekly message on', async () => {
    const page = await people.candidate.get('/kandidaat/vacatures-voor-jou?openHiring=true&urenVanaf=30&hulp=jobcoach&km=');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h2 class="utrecht-heading-2" id="bewaren">Bewaar deze zoekopdracht</h2>');
    expect(page.body).toContain('<input type="hidden" name="urenVanaf" value="30"/>');
    expect(page.body).toContain('<input type="hidden" name="hulp" value="jobcoach"/>');
    expect(page.body).toContain('<input type="hidden" name="openHiring" value="true"/>');
    expect(page.body).not.toContain('<input type="hidden" name="km"');
    expect(page.body).toMatch(/<input[^>]*name="melding" checked=""/);
    expect(page.body).toContain('href="/kandidaat/zoekopdrachten"');
  });

  it('shows no save form while the filters have errors', async () => {
    const page = await people.candidate.get('/kandidaat/vacatures-voor-jou?km=ver');
    expect(page.statusCode).toBe(400);
    expect(page.body).not.toContain('id="bewaren"');
  });

  it('saves with post/redirect/get, and lists the search with its filters in words', async () => {
    const saved = await people.candidate.post('/kandidaat/vacatures-voor-jou', {
      naam: 'Open hiring, veel uren',
      melding: 'ja',
      openHiring: 'true',
      urenVanaf: '30',
      hulp: 'jobcoach',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/kandidaat/zoekopdrachten?bewaard=1');
    const list = await people.candidate.get('/kandidaat/zoekopdrachten?bewaard=1');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Je zoekopdracht is bewaard.');
    expect(list.body).toContain('<th scope="row" class="utrecht-table__header-cell">Open hiring, veel uren</th>');
    expect(list.body).toContain('minstens 30 uur per week · hulp: een jobcoach · alleen open hiring');
    expect(list.body).toContain('<td class="utrecht-table__cell">Aan</td>');
    expect(list.body).toContain('<td class="utrecht-table__cell">Nog geen</td>');
    expect(list.body).toContain('href="/kandidaat/vacatures-voor-jou?urenVanaf=30&amp;hulp=jobcoach&amp;openHiring=true"');
    const opened = await people.candidate.get('/kandidaat/vacatures-voor-jou?urenVanaf=30&hulp=jobcoach&openHiring=true');
    expect(opened.body).toContain('1 vacature past.');
  });

  it('answers a missing name with 400, keeps the list and what was typed, and saves nothing', async () => {
    const before = (await rows()).length;
    const page = await people.candidate.post(
      '/kandidaat/vacatures-voor-jou',
      { naam: ' ', openHiring: 'true' },
      '/kandidaat/vacatures-voor-jou?openHiring=true',
    );
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Fout: Vacatures voor jou – Werkregie</title>');
    expect(page.body).toContain('<a class="utrecht-link" href="#veld-naam">Geef de zoekopdracht een naam.</a>');
    expect(page.body).toContain('1 vacature past.');
    expect(page.body).toContain('<input type="hidden" name="openHiring" value="true"/>');
    // The box was left unticked, so it stays unticked.
    expect(page.body).not.toMatch(/<input[^>]*name="melding" checked=""/);
    expect((await rows()).length).toBe(before);
  });

  it('answers bad hidden filters with 400 on the filter field, and a taken name on the name field', async () => {
    const bad = await people.candidate.post('/kandidaat/vacatures-voor-jou', { naam: 'Ver weg', km: '9999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a class="utrecht-link" href="#veld-km">Vul een aantal kilometers in tussen 1 en 500.</a>');
    const taken = await people.candidate.post('/kandidaat/vacatures-voor-jou', { naam: 'open hiring, VEEL uren' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('Er is al een zoekopdracht met deze naam. Kies een andere naam.');
    expect(await rows()).toHaveLength(1);
  });
});

describe('managing saved searches', () => {
  it('renames a search and switches its message off, with post/redirect/get', async () => {
    const id = await idOf('Open hiring, veel uren');
    const form = await people.candidate.get(`/kandidaat/zoekopdrachten/${id}/wijzigen`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Open hiring, veel uren"');
    expect(form.body).toContain(
      'Deze keuzes horen bij de zoekopdracht: minstens 30 uur per week · hulp: een jobcoach · alleen open hiring.',
    );
    const invalid = await people.candidate.post(`/kandidaat/zoekopdrachten/${id}/wijzigen`, { naam: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Geef de zoekopdracht een naam.');
    expect((await rows())[0]!.name).toBe('Open hiring, veel uren');
    const changed = await people.candidate.post(`/kandidaat/zoekopdrachten/${id}/wijzigen`, { naam: 'Open hiring' });
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/kandidaat/zoekopdrachten?gewijzigd=1');
    const list = await people.candidate.get('/kandidaat/zoekopdrachten?gewijzigd=1');
    expect(list.body).toContain('De zoekopdracht is gewijzigd.');
    expect(list.body).toContain('>Open hiring</th>');
    expect(list.body).toContain('<td class="utrecht-table__cell">Uit</td>');
  });

  it('asks before deleting, and deletes with post/redirect/get', async () => {
    const id = await idOf('Open hiring');
    const confirm = await people.candidate.get(`/kandidaat/zoekopdrachten/${id}/verwijderen`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Wil je de zoekopdracht ‘Open hiring’ echt verwijderen?');
    expect(confirm.body).toContain(`action="/kandidaat/zoekopdrachten/${id}/verwijderen"`);
    expect(await rows()).toHaveLength(1);
    const deleted = await people.candidate.post(`/kandidaat/zoekopdrachten/${id}/verwijderen`, {});
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/kandidaat/zoekopdrachten?verwijderd=1');
    const list = await people.candidate.get('/kandidaat/zoekopdrachten?verwijderd=1');
    expect(list.body).toContain('De zoekopdracht is verwijderd.');
    expect(list.body).toContain('Je hebt nog geen zoekopdrachten bewaard.');
    expect(await rows()).toHaveLength(0);
  });

  it('is linked from the overview, and in English too', async () => {
    expect((await people.candidate.get('/kandidaat')).body).toContain('href="/kandidaat/zoekopdrachten"');
    const english = await people.candidate.get('/kandidaat/zoekopdrachten?taal=en');
    expect(english.body).toContain('<h1 class="utrecht-heading-1">Your searches</h1>');
  });
});

describe('the consultant and everyone else', () => {
  it("lets a consultant save, see and change a candidate's searches from the candidate page", async () => {
    expect((await people.consultant.get(`/consulent/kandidaten/${candidateId}`)).body).toContain(
      `href="/consulent/kandidaten/${candidateId}/zoekopdrachten"`,
    );
    const saved = await people.consultant.post(
      `/consulent/kandidaten/${candidateId}/vacatures`,
      { naam: 'Gesprek 12 mei', urenTot: '32' },
      `/consulent/kandidaten/${candidateId}/vacatures`,
    );
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/consulent/kandidaten/${candidateId}/zoekopdrachten?bewaard=1`);
    const list = await people.consultant.get(`/consulent/kandidaten/${candidateId}/zoekopdrachten?bewaard=1`);
    expect(list.body).toContain('De zoekopdracht is bewaard.');
    expect(list.body).toContain('hoogstens 32 uur per week');
    expect(list.body).toContain(`href="/consulent/kandidaten/${candidateId}/vacatures?urenTot=32"`);
    // The candidate sees what the consultant saved.
    expect((await people.candidate.get('/kandidaat/zoekopdrachten')).body).toContain('Gesprek 12 mei');
    const id = await idOf('Gesprek 12 mei');
    const changed = await people.consultant.post(`/consulent/kandidaten/${candidateId}/zoekopdrachten/${id}/wijzigen`, {
      naam: 'Gesprek 12 mei',
      melding: 'ja',
    });
    expect(changed.headers.location).toBe(`/consulent/kandidaten/${candidateId}/zoekopdrachten?gewijzigd=1`);
    const history = await people.consultant.get(`/consulent/kandidaten/${candidateId}`);
    expect(history.body).toContain('Zoekopdracht bewaard');
    expect(history.body).toContain('Zoekopdracht gewijzigd');
  });

  it('answers 404 to a consultant of another instantie and to another candidate, and 403 to an employer', async () => {
    const id = await idOf('Gesprek 12 mei');
    const base = `/consulent/kandidaten/${candidateId}/zoekopdrachten`;
    expect((await people.otherConsultant.get(base)).statusCode).toBe(404);
    expect((await people.otherConsultant.get(`${base}/${id}/wijzigen`)).statusCode).toBe(404);
    const stolen = await people.otherConsultant.post(`${base}/${id}/verwijderen`, {}, '/consulent');
    expect(stolen.statusCode).toBe(404);
    const saved = await people.otherConsultant.post(`/consulent/kandidaten/${candidateId}/vacatures`, { naam: 'Van buiten' }, '/consulent');
    expect(saved.statusCode).toBe(404);
    // Another candidate reaches only their own searches: this id is not theirs.
    expect((await people.otherCandidate.get(`/kandidaat/zoekopdrachten/${id}/wijzigen`)).statusCode).toBe(404);
    const renamed = await people.otherCandidate.post(
      `/kandidaat/zoekopdrachten/${id}/wijzigen`,
      { naam: 'Van mij' },
      '/kandidaat/zoekopdrachten',
    );
    expect(renamed.statusCode).toBe(404);
    expect((await people.otherCandidate.get('/kandidaat/zoekopdrachten')).body).not.toContain('Gesprek 12 mei');
    expect((await people.employer.get('/kandidaat/zoekopdrachten')).statusCode).toBe(403);
    expect((await people.employer.get(base)).statusCode).toBe(403);
    expect((await people.consultant.get(`${base}/geen-id/wijzigen`)).statusCode).toBe(404);
    expect((await rows()).map((row) => row.name)).toEqual(['Gesprek 12 mei']);
    expect(await rows(otherCandidateId)).toEqual([]);
  });
});
