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
const path = '/werkgever/kandidaten-zoeken';
const cleaner = builtinOccupations[0]!;
const otherOccupation = builtinOccupations[1]!;
// Skills that find candidates: transversal ones only add to the score (decision 018).
const plainSkills = builtinSkills.filter((skill) => !skill.reuseLevel && /^[a-zà-ÿ -]+$/i.test(skill.label));
const [required1, required2, secret] = plainSkills;
const ids: Record<string, string> = {};
const people = {} as Record<'preferred' | 'committed' | 'bau' | 'consultant' | 'candidate', Person>;

async function person(user: { email: string; password: string }): Promise<Person> {
  const cookie = await loginCookie(app, user.email, user.password);
  return { get: (url) => app.server.inject({ method: 'GET', url, headers: { cookie } }) };
}

/** The card of one candidate on a list page: the <article> that links to the candidate. */
function cardOf(html: string, candidateId: string): string {
  return html.split('<article').find((part) => part.includes(`/${candidateId}"`)) ?? '';
}

const search = (params: Record<string, string | string[]>) => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) for (const item of [value].flat()) query.append(name, item);
  return `${path}?${query}`;
};
const cleanerSearch = search({ beroep: cleaner.uri, vaardigheden: [required1!.uri, required2!.uri], postcode: '3011 AB', uren: '24' });

const criteriaLog = () =>
  app.database.db.selectFrom('match_log').selectAll().where('direction', '=', 'candidates_by_criteria').orderBy('at').execute();

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
  const profile = async (name: string, occupations: string[], skills: string[], options: Parameters<typeof makeCandidate>[2] = {}) => {
    const made = await makeCandidate(app, world.consulent, {
      visibility: { werkwensen: 'alle', ervaring: 'alle', locatie: 'alle' },
      ...options,
    });
    await updateProfileSection(db, world.consulent, made.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: occupations });
    await updateProfileSection(db, world.consulent, made.id, 'ervaring', { skills, educationLevel: 'vmbo', workExperience: [] });
    ids[name] = made.id;
  };
  await profile('own', [cleaner.uri], [required1!.uri, required2!.uri], { withLogin: true });
  await profile('skillsHidden', [cleaner.uri], [required1!.uri, secret!.uri], {
    visibility: { werkwensen: 'alle', ervaring: 'consulent', locatie: 'alle' },
  });
  await profile('preferredOnly', [cleaner.uri], [required1!.uri], {
    visibility: { werkwensen: 'voorkeur', ervaring: 'voorkeur', locatie: 'voorkeur' },
  });
  await profile('noConsent', [cleaner.uri], [required1!.uri], { consent: false });
  await profile('elsewhere', [otherOccupation.uri], [], {});
  for (let n = 0; n < 9; n++) await profile(`extra${n}`, [cleaner.uri], [], {});

  people.preferred = await person(world.employers.preferred.user);
  people.committed = await person(world.employers.committed.user);
  people.bau = await person(world.employers.business_as_usual.user);
  people.consultant = await person(world.consulent);
  people.candidate = await person(await makeUser(app, 'Kandidaat Zoekt', [{ role: 'kandidaat', instantieId: 'rotterdam' }]));
});
afterAll(async () => app?.close());

describe('an employer searches candidates by criteria', () => {
  it('shows the empty form first, without errors or results, linked from the menu and the overview', async () => {
    const page = await people.preferred.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 class="utrecht-heading-1">Kandidaten zoeken</h1>');
    expect(page.body).toMatch(/<form role="search"[^>]*action="\/werkgever\/kandidaten-zoeken" method="get">/);
    expect(page.body).toContain('id="veld-beroep"');
    expect(page.body).toContain('id="veld-vaardigheden"');
    expect(page.body).toContain('id="veld-taalniveau"');
    expect(page.body).not.toContain('foutmelding-titel');
    expect(page.body).not.toContain('id="resultaten"');
    const overview = await people.preferred.get('/werkgever');
    expect(overview.body).toContain(`href="${path}"`);
    expect(overview.body).toContain('Zoek kandidaten die passen bij het werk dat u heeft');
  });

  it('ranks the pool by pseudonym, each with its explanation, 10 to a page, and records the list', async () => {
    const before = (await criteriaLog()).length;
    const page = await people.preferred.get(cleanerSearch);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('12 kandidaten passen.');
    expect(page.body.match(/<article/g)).toHaveLength(10);
    const own = await app.database.db
      .selectFrom('candidate')
      .select(['pseudonym', 'last_name'])
      .where('id', '=', ids.own!)
      .executeTakeFirstOrThrow();
    const card = cardOf(page.body, ids.own!);
    expect(card).toContain(own.pseudonym);
    expect(card).toContain('href="/kandidaten/');
    expect(card).toContain('<details class="werkregie-score">');
    expect(card).toContain('Dat beroep zoekt de kandidaat.');
    expect(page.body).not.toContain(own.last_name);
    expect(page.body).not.toContain('Fatima');
    // The best fits come first: the occupation and both skills, or the occupation with the skills not shown (they do not count).
    const order = page.body
      .split('<article')
      .slice(1)
      .map((part) => /href="\/kandidaten\/([^"]+)"/.exec(part)?.[1]);
    expect(order.slice(0, 2).sort()).toEqual([ids.own, ids.skillsHidden].sort());
    expect(order[2]).toBe(ids.preferredOnly);
    expect(page.body).toContain('href="/hoe-werkt-het-matchen"');
    // The page links keep the criteria (the postcode as typed) and leave the picker search fields out.
    const next = /href="(\/werkgever\/kandidaten-zoeken\?[^"]*pagina=2)"/.exec(page.body)?.[1];
    expect(next).toBeDefined();
    const nextUrl = next!.replaceAll('&amp;', '&');
    expect(nextUrl).toContain(`beroep=${encodeURIComponent(cleaner.uri)}`);
    expect(nextUrl).not.toContain('zoekBeroep');
    const second = await people.preferred.get(nextUrl);
    expect(second.statusCode).toBe(200);
    expect(second.body.match(/<article/g)).toHaveLength(2);
    const beyond = await people.preferred.get(`${cleanerSearch}&pagina=99`);
    expect(beyond.statusCode).toBe(200);
    expect(beyond.body).toContain('12 kandidaten passen.');
    expect(beyond.body).not.toContain('<article');

    const log = await criteriaLog();
    expect(log.length).toBe(before + 3);
    const first = log[before]!;
    expect(first).toMatchObject({ viewer_user_id: world.employers.preferred.user.userId, viewer_role: 'werkgever', subject_id: null });
    expect(first.shown_ids).toHaveLength(10);
    expect(first.shown_ids).toEqual(order);
    expect(JSON.stringify(first.query)).toContain('3011AB');
  });

  it('never shows a hidden field, nor finds a candidate through one', async () => {
    const page = await people.preferred.get(cleanerSearch);
    const card = cardOf(page.body, ids.skillsHidden!);
    expect(card).not.toBe('');
    expect(page.body).not.toContain(secret!.label);
    for (const skill of [required1!, required2!]) expect(card).not.toContain(skill.label);
    expect(card).toContain('Vaardigheden die nodig zijn');
    for (const id of [ids.noConsent!, ids.elsewhere!]) expect(page.body).not.toContain(id);
    // A skill finds the candidates who show it; the skill a candidate shares only with the consultant finds no one.
    const byShown = await people.preferred.get(search({ vaardigheden: required2!.uri }));
    expect(byShown.body).toContain('1 kandidaat past.');
    expect(byShown.body).toContain(`/kandidaten/${ids.own}"`);
    const bySecret = await people.preferred.get(search({ vaardigheden: secret!.uri }));
    expect(bySecret.statusCode).toBe(200);
    expect(bySecret.body).not.toContain(ids.skillsHidden!);
    expect(bySecret.body).toContain('Wij vinden nu geen kandidaten die hierbij passen.');
  });

  it('limits the pool by the category: a committed employer does not see what is open to preferred partners only', async () => {
    const preferred = await people.preferred.get(search({ beroep: cleaner.uri }));
    expect(preferred.body).toContain('12 kandidaten passen.');
    const committed = await people.committed.get(search({ beroep: cleaner.uri }));
    expect(committed.statusCode).toBe(200);
    expect(committed.body).toContain('11 kandidaten passen.');
    expect(committed.body).not.toContain(ids.preferredOnly!);
  });

  it('sends a business-as-usual employer to the instantie, with or without criteria', async () => {
    for (const url of [path, cleanerSearch]) {
      const page = await people.bau.get(url);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('De gemeente zoekt voor u kandidaten.');
      expect(page.body).toContain('Neem contact op met uw contactpersoon bij de gemeente');
      expect(page.body).not.toContain('<article');
      expect(page.body).not.toContain('role="search"');
      for (const id of Object.values(ids)) expect(page.body).not.toContain(id);
    }
  });

  it('refuses a consultant and a candidate, and sends a visitor to log in', async () => {
    expect((await people.consultant.get(cleanerSearch)).statusCode).toBe(403);
    expect((await people.candidate.get(cleanerSearch)).statusCode).toBe(403);
    const visitor = await app.server.inject({ method: 'GET', url: cleanerSearch });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toMatch(/^\/inloggen\?terug=/);
  });

  it('answers bad input with 400, Dutch errors, the values kept and nothing ranked or recorded', async () => {
    const before = (await criteriaLog()).length;
    const page = await people.preferred.get(search({ beroep: '', postcode: '12', uren: '50', taalniveau: 'Z9' }));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<h2 class="utrecht-heading-2" id="foutmelding-titel">Er is een probleem</h2>');
    expect(page.body).toContain('Kies een beroep of minstens één vaardigheid. Wij zoeken kandidaten die dat beroep willen doen');
    expect(page.body).toContain('href="#veld-beroep"');
    expect(page.body).toContain('Vul een postcode in met 4 cijfers, zoals 3011, of een hele postcode, zoals 3011 AB.');
    expect(page.body).toContain('Vul een aantal uren per week in tussen 1 en 40.');
    expect(page.body).toContain('Kies een niveau Nederlands uit de lijst.');
    expect(page.body).toContain('value="12"');
    expect(page.body).toContain('value="50"');
    expect(page.body).not.toContain('<article');
    const badSkill = await people.preferred.get(search({ vaardigheden: ['geen-uri'] }));
    expect(badSkill.statusCode).toBe(400);
    expect(badSkill.body).toContain('href="#veld-vaardigheden"');
    expect(badSkill.body).toContain('Kies vaardigheden uit de lijst.');
    const english = await people.preferred.get(`${search({ beroep: '' })}&taal=en`);
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Choose an occupation or at least one skill.');
    expect((await criteriaLog()).length).toBe(before);
  });

  it('searches an occupation in the picker without ranking anything', async () => {
    const before = (await criteriaLog()).length;
    const page = await people.preferred.get(search({ beroep: '', zoekBeroep: cleaner.label.slice(0, 8), actie: 'zoeken', postcode: '12' }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(cleaner.label);
    expect(page.body).toContain(`value="${cleaner.uri}"`);
    expect(page.body).not.toContain('foutmelding-titel');
    expect(page.body).not.toContain('id="resultaten"');
    expect((await criteriaLog()).length).toBe(before);
  });

  it('says when it does not know the postcode area', async () => {
    const page = await people.preferred.get(search({ beroep: cleaner.uri, postcode: '9999' }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Wij kennen postcodegebied 9999 niet.');
    const known = await people.preferred.get(search({ beroep: cleaner.uri, postcode: '3011' }));
    expect(known.body).not.toContain('Wij kennen postcodegebied');
  });

  it('answers 429 with the view-limit page when the day is used up', async () => {
    await app.database.db
      .insertInto('profile_view_count')
      .values({ user_id: world.employers.preferred.user.userId, day: todayIso(), views: 1_000_000 })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doUpdateSet({ views: 1_000_000 }))
      .execute();
    const page = await people.preferred.get(cleanerSearch);
    expect(page.statusCode).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    for (const id of Object.values(ids)) expect(page.body).not.toContain(id);
  });
});
