import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEsco } from '#app/domain/taxonomy/import-esco.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../../test/support/fixtures.js';
import { loginCookie, postForm } from '../../../test/support/session.js';
import { escoFixtureFolder } from '../../../test/support/esco-fixtures.js';

// Concepts that exist only in the imported fixtures, not in the built-in list.
const inspicient = 'http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34';
const pallets = 'http://data.europa.eu/esco/skill/f1a7e0c2-0000-4000-8000-000000000001';
const forklift = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';
const notInTaxonomy = 'http://data.europa.eu/esco/occupation/99999999-0000-4000-8000-000000000000';

let app: TestApp;
let world: World;
const inDays = (days: number) => todayIso(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

async function session(user: { email: string; password: string }, tokenFrom: string) {
  const cookie = await loginCookie(app, user.email, user.password);
  return {
    get: (url: string) => app.server.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, fields: Record<string, string | readonly string[]>) => postForm(app, cookie, url, fields, { tokenFrom }),
  };
}

/** The check box or radio button with this value, and whether it is ticked; null when the page has none. */
function choice(html: string, name: string, value: string): { checked: boolean; label: string } | null {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*value="${value.replace(/[.]/g, '\\.')}"[^>]*>`).exec(html)?.[0];
  if (!input) return null;
  const id = /id="([^"]+)"/.exec(input)![1]!;
  const label = new RegExp(`<label[^>]*for="${id}"[^>]*>([^<]*)</label>`).exec(html)?.[1] ?? '';
  return { checked: /checked=""/.test(input), label };
}
const vacancyRows = async () => (await app.database.db.selectFrom('vacancy').select('id').execute()).length;

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  await importEsco(app.database.db, escoFixtureFolder());
});
afterAll(async () => app?.close());

describe('the occupation picker of a profile', () => {
  it('finds an imported occupation without diacritics, keeps it after saving, and names it on the profile', async () => {
    const candidate = await makeCandidate(app, world.consulent, { withLogin: true });
    const me = await session(candidate.user!, '/kandidaat');
    const search = await me.post('/kandidaat/profiel/werk', { hoursPerWeek: '24', zoekterm: 'inspicient', actie: 'zoeken' });
    expect(search.statusCode).toBe(200);
    expect(choice(search.body, 'wishedOccupations', inspicient)).toEqual({ checked: false, label: 'inspiciënt' });
    expect(search.body).toContain('Gevonden bij &quot;inspicient&quot;: 1.');
    // The search saved nothing.
    const before = await app.database.db
      .selectFrom('candidate')
      .select('wished_occupations')
      .where('id', '=', candidate.id)
      .executeTakeFirstOrThrow();
    expect(before.wished_occupations).toEqual([]);

    const save = await me.post('/kandidaat/profiel/werk', { hoursPerWeek: '24', wishedOccupations: inspicient, zoekterm: 'inspicient' });
    expect(save.statusCode).toBe(303);
    const form = await me.get('/kandidaat/profiel/werk');
    expect(choice(form.body, 'wishedOccupations', inspicient)).toEqual({ checked: true, label: 'inspiciënt' });
    const overview = await me.get('/kandidaat');
    expect(overview.body).toContain('inspiciënt');
    expect(overview.body).not.toContain(inspicient);

    const consultant = await session(world.consulent, '/consulent');
    const staffView = await consultant.get(`/consulent/kandidaten/${candidate.id}`);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.body).toContain('inspiciënt');
  });

  it('is tolerant of a typo, and says when nothing is found', async () => {
    const candidate = await makeCandidate(app, world.consulent, { withLogin: true });
    const me = await session(candidate.user!, '/kandidaat');
    const typo = await me.post('/kandidaat/profiel/werk', { zoekterm: 'schonmaker', actie: 'zoeken' });
    expect(typo.body).toMatch(/<label[^>]*>schoonmaker gebouwen<\/label>/);
    const nothing = await me.post('/kandidaat/profiel/werk', { zoekterm: 'xqzwv', actie: 'zoeken' });
    expect(nothing.statusCode).toBe(200);
    expect(nothing.body).toContain('Niets gevonden bij &quot;xqzwv&quot;.');
    const skill = await me.post('/kandidaat/profiel/ervaring', { zoekterm: 'pallets', actie: 'zoeken' });
    expect(choice(skill.body, 'skills', pallets)?.label).toBe('pallets stapelen');
  });

  it('carries what the JavaScript enhancement needs, and loads the script once', async () => {
    const candidate = await makeCandidate(app, world.consulent, { withLogin: true });
    const me = await session(candidate.user!, '/kandidaat');
    const page = await me.get('/kandidaat/profiel/werk');
    expect(page.body).toContain('data-source="/api/v1/beroepen"');
    expect(page.body).toMatch(/<p class="utrecht-paragraph" role="status" data-concept-status=""><\/p>/);
    expect(page.body.match(/<script[^>]*src="\/assets\/concept-search\.js"/g)).toHaveLength(1);
    const script = await app.server.inject({ method: 'GET', url: '/assets/concept-search.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('data-concept-picker');
  });
});

describe('the occupation and skill pickers of a vacancy', () => {
  it('search the imported taxonomy without saving, and store the chosen concepts with their labels', async () => {
    const employer = world.employers.preferred;
    const me = await session(employer.user, '/werkgever/vacatures/nieuw');
    const fields = {
      employerId: employer.id,
      title: 'Inspiciënt theater',
      description: 'Je regelt alles achter de schermen.',
      postcode: '3011 AB',
      hoursPerWeek: '32',
      contractType: 'vast',
      publishedUntil: inDays(30),
    };
    const before = await vacancyRows();
    const search = await me.post('/werkgever/vacatures/nieuw', {
      ...fields,
      zoekBeroep: 'inspiciënt',
      zoekNodig: 'palets',
      actie: 'zoeken',
    });
    expect(search.statusCode).toBe(200);
    expect(await vacancyRows()).toBe(before);
    expect(choice(search.body, 'occupationUri', inspicient)).toEqual({ checked: false, label: 'inspiciënt' });
    expect(choice(search.body, 'requiredSkills', pallets)).toEqual({ checked: false, label: 'pallets stapelen' });
    expect(choice(search.body, 'niceToHaveSkills', pallets)).toBeNull();
    // The values typed so far come back.
    expect(search.body).toContain('value="Inspiciënt theater"');
    expect(search.body.match(/<script[^>]*src="\/assets\/concept-search\.js"/g)).toHaveLength(1);

    const save = await me.post('/werkgever/vacatures/nieuw', { ...fields, occupationUri: inspicient, requiredSkills: [pallets, forklift] });
    expect(save.statusCode).toBe(303);
    const path = save.headers.location!.split('?')[0]!;
    const edit = await me.get(path);
    expect(choice(edit.body, 'occupationUri', inspicient)).toEqual({ checked: true, label: 'inspiciënt' });
    expect(choice(edit.body, 'requiredSkills', pallets)).toEqual({ checked: true, label: 'pallets stapelen' });
    expect(choice(edit.body, 'requiredSkills', forklift)).toEqual({ checked: true, label: 'vorkheftruck bedienen' });
    const details = await me.get(`/vacatures/${path.split('/').pop()}`);
    expect(details.body).toContain('<dd>inspiciënt</dd>');
    expect(details.body).toContain('pallets stapelen');
  });

  it('refuse a concept that is not in the taxonomy, or of the wrong kind, with 400 and nothing stored', async () => {
    const employer = world.employers.preferred;
    const me = await session(employer.user, '/werkgever/vacatures/nieuw');
    const fields = {
      employerId: employer.id,
      title: 'Magazijn',
      description: 'Dozen.',
      postcode: '3011 AB',
      hoursPerWeek: '20',
      contractType: 'vast',
      publishedUntil: inDays(30),
    };
    const before = await vacancyRows();
    const unknown = await me.post('/werkgever/vacatures/nieuw', { ...fields, occupationUri: notInTaxonomy });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Kies een beroep uit de lijst.');
    const wrongKind = await me.post('/werkgever/vacatures/nieuw', {
      ...fields,
      niceToHaveSkills: [pallets, inspicient.replace('occupation', 'skill')],
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.body).toContain('Kies vaardigheden uit de lijst.');
    // The chosen skill that does exist is still ticked, with its label.
    expect(choice(wrongKind.body, 'niceToHaveSkills', pallets)).toEqual({ checked: true, label: 'pallets stapelen' });
    expect(await vacancyRows()).toBe(before);
  });

  it('never shows the form of another employer’s vacancy through a search', async () => {
    const owner = world.employers.preferred;
    const created = await (
      await session(owner.user, '/werkgever/vacatures/nieuw')
    ).post('/werkgever/vacatures/nieuw', {
      employerId: owner.id,
      title: 'Van een ander',
      description: 'Geheim concept.',
      postcode: '3011 AB',
      hoursPerWeek: '20',
      contractType: 'vast',
      publishedUntil: inDays(30),
    });
    const path = created.headers.location!.split('?')[0]!;
    const other = await session(world.employers.committed.user, '/werkgever/vacatures/nieuw');
    const search = await other.post(path, { zoekBeroep: 'magazijn', actie: 'zoeken' });
    expect(search.statusCode).toBe(404);
    expect(search.body).not.toContain('Geheim concept.');
  });
});
