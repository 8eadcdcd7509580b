import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateProfileSection } from '#app/domain/candidates/commands.js';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { todayIso } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { sessionHeaders } from '../../../../test/support/api.js';
import { makeCandidate, makeWorld, type World } from '../../../../test/support/fixtures.js';

let app: TestApp;
let world: World;
const cleaner = builtinOccupations[0]!;
const [required1, required2, secret] = builtinSkills;
const ids: Record<string, string> = {};
const vacancies: Record<string, string> = {};
let candidateUser: { email: string; password: string };

type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };
async function call(url: string, user?: { email: string; password: string }) {
  const response = await app.server.inject({ method: 'GET', url: `/api/v1${url}`, headers: user ? await sessionHeaders(app, user) : {} });
  return { status: response.statusCode, type: response.headers['content-type'], headers: response.headers, json: response.json() as Json };
}

async function insertVacancy(employerId: string, title: string) {
  return (
    await app.database.db
      .insertInto('vacancy')
      .values({
        employer_id: employerId,
        title,
        postcode: '3011AB',
        hours_per_week: 24,
        contract_type: 'tijdelijk',
        occupation_uri: cleaner.uri,
        required_skills: [required1!.uri, required2!.uri],
        status: 'open',
        published_until: '2099-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
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
  const profile = async (name: string, skills: string[], options: Parameters<typeof makeCandidate>[2] = {}) => {
    const made = await makeCandidate(app, world.consulent, {
      visibility: { werkwensen: 'alle', ervaring: 'alle', locatie: 'alle' },
      ...options,
    });
    await updateProfileSection(db, world.consulent, made.id, 'werk', { hoursPerWeek: 24, days: ['ma'], wishedOccupations: [cleaner.uri] });
    await updateProfileSection(db, world.consulent, made.id, 'ervaring', { skills, educationLevel: 'vmbo', workExperience: [] });
    ids[name] = made.id;
    return made;
  };
  candidateUser = (await profile('own', [required1!.uri, required2!.uri], { withLogin: true })).user!;
  await profile('skillsHidden', [required1!.uri, secret!.uri], {
    visibility: { werkwensen: 'alle', ervaring: 'consulent', locatie: 'alle' },
  });
});
afterAll(async () => app?.close());

describe('GET /kandidaten/{id}/vacatures', () => {
  it('gives the candidate the ranked vacancies with the score parts and the weights version', async () => {
    const response = await call(`/kandidaten/${ids.own}/vacatures?pageSize=1`, candidateUser);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ page: 1, pageSize: 1, total: 2, weightsVersion: 'standaard' });
    const [item] = response.json.items!;
    expect(item).toMatchObject({
      vacancy: { title: expect.stringMatching(/^Schoonmaker/), occupation: { uri: cleaner.uri } },
      distanceKm: expect.any(Number),
    });
    expect(item!.distanceKm).toBeLessThanOrEqual(2);
    const score = item!.score as { total: number; parts: { name: string; value: number | null; weight: number; facts: object }[] };
    expect(score.total).toBeGreaterThan(90);
    expect(score.parts.find((part) => part.name === 'vaardigheden')).toMatchObject({
      value: 1,
      weight: 25,
      facts: { covered: 2, wanted: 2 },
    });
    expect((response.json._links as Record<string, unknown>).next).toEqual({
      href: `/api/v1/kandidaten/${ids.own}/vacatures?pageSize=1&page=2`,
    });
  });

  it('filters, and answers bad filters with 400 problem+json', async () => {
    const filtered = await call(`/kandidaten/${ids.own}/vacatures?hoursMin=30`, world.consulent);
    expect(filtered.json.total).toBe(0);
    const support = await call(`/kandidaten/${ids.own}/vacatures?pageSize=1&supportOffered=jobcoach`, world.consulent);
    expect(support.json.total).toBe(0);
    expect((support.json._links as { self: { href: string } }).self.href).toContain('supportOffered=jobcoach&');
    const bad = await call(`/kandidaten/${ids.own}/vacatures?maxKm=ver`, candidateUser);
    expect(bad.status).toBe(400);
    expect(bad.type).toContain('application/problem+json');
    expect(JSON.stringify(bad.json)).toContain('Vul een aantal kilometers in tussen 1 en 500.');
  });

  it('is 404 for another candidate, an employer and another instantie, and 401 without logging in', async () => {
    expect((await call(`/kandidaten/${ids.skillsHidden}/vacatures`, candidateUser)).status).toBe(404);
    expect((await call(`/kandidaten/${ids.own}/vacatures`, world.employers.preferred.user)).status).toBe(404);
    expect((await call(`/kandidaten/${ids.own}/vacatures`, world.otherConsulent)).status).toBe(404);
    expect((await call(`/kandidaten/geen-id/vacatures`, world.consulent)).status).toBe(404);
    const anonymous = await call(`/kandidaten/${ids.own}/vacatures`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toContain('application/problem+json');
  });
});

describe('GET /vacatures/{id}/kandidaten', () => {
  it('ranks the pool for the owning employer with only the visible fields, also in the score', async () => {
    const response = await call(`/vacatures/${vacancies.main}/kandidaten`, world.employers.preferred.user);
    expect(response.status).toBe(200);
    expect(response.json.weightsVersion).toBe('standaard');
    const items = response.json.items as {
      candidate: Record<string, unknown>;
      score: { parts: { name: string; facts: object; value: number | null }[] };
    }[];
    expect(items.map((item) => item.candidate.id).sort()).toEqual([ids.own, ids.skillsHidden].sort());
    for (const item of items) expect(item.candidate.firstName).toBeUndefined();
    const hidden = items.find((item) => item.candidate.id === ids.skillsHidden)!;
    expect(hidden.candidate.skills).toBeUndefined();
    expect(hidden.score.parts.find((part) => part.name === 'vaardigheden')).toMatchObject({ value: null, facts: {} });
    expect(JSON.stringify(response.json)).not.toContain(secret!.uri);
  });

  it('gives the consultant the caseload with names', async () => {
    const response = await call(`/vacatures/${vacancies.main}/kandidaten`, world.consulent);
    expect(response.status).toBe(200);
    expect((response.json.items as { candidate: { firstName?: string } }[]).every((item) => item.candidate.firstName === 'Fatima')).toBe(
      true,
    );
  });

  it('refuses: another employer 404, business-as-usual 403, too large a pool page 400, no login 401', async () => {
    expect((await call(`/vacatures/${vacancies.main}/kandidaten`, world.employers.committed.user)).status).toBe(404);
    expect((await call(`/vacatures/00000000-0000-4000-8000-000000000000/kandidaten`, world.consulent)).status).toBe(404);
    const bau = await call(`/vacatures/${vacancies.bau}/kandidaten`, world.employers.business_as_usual.user);
    expect(bau.status).toBe(403);
    expect(bau.type).toContain('application/problem+json');
    expect((await call(`/vacatures/${vacancies.main}/kandidaten?pageSize=50`, world.employers.preferred.user)).status).toBe(400);
    expect((await call(`/vacatures/${vacancies.main}/kandidaten?scope=alles`, world.employers.preferred.user)).status).toBe(400);
    expect((await call(`/vacatures/${vacancies.main}/kandidaten`)).status).toBe(401);
  });

  it('answers 429 with Retry-After when the day is used up', async () => {
    await app.database.db
      .insertInto('profile_view_count')
      .values({ user_id: world.employers.preferred.user.userId, day: todayIso(), views: 1_000_000 })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doUpdateSet({ views: 1_000_000 }))
      .execute();
    const response = await call(`/vacatures/${vacancies.main}/kandidaten`, world.employers.preferred.user);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBeDefined();
    expect(JSON.stringify(response.json)).not.toContain(ids.own!);
  });
});

describe('GET /kandidaten/zoeken', () => {
  // Skills that find candidates: transversal ones only add to the score (decision 018).
  const [forklift, lifting] = builtinSkills.filter((skill) => !skill.reuseLevel);
  beforeAll(async () => {
    const withSkill = async (name: string, skill: string, ervaring: 'alle' | 'consulent') => {
      const made = await makeCandidate(app, world.consulent, { visibility: { werkwensen: 'alle', ervaring, locatie: 'alle' } });
      const result = await updateProfileSection(app.database.db, world.consulent, made.id, 'ervaring', {
        skills: [skill],
        educationLevel: 'vmbo',
        workExperience: [],
      });
      expect(result.ok).toBe(true);
      ids[name] = made.id;
    };
    await withSkill('forklift', forklift!.uri, 'alle');
    await withSkill('liftingHidden', lifting!.uri, 'consulent');
  });
  const criteria = () => `occupationUri=${encodeURIComponent(cleaner.uri)}&skills=${required1!.uri},${required2!.uri}&postcode=3011%20AB`;

  it('ranks the pool for an employer by its own criteria, with only the visible fields, and records the list', async () => {
    const response = await call(`/kandidaten/zoeken?${criteria()}&hoursPerWeek=24&requiredDutchLevel=B1`, world.employers.committed.user);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ page: 1, pageSize: 20, total: 2, weightsVersion: 'standaard' });
    const items = response.json.items as {
      candidate: Record<string, unknown>;
      score: { parts: { name: string; facts: object; value: number | null }[] };
      distanceKm: number | null;
    }[];
    expect(items.map((item) => item.candidate.id).sort()).toEqual([ids.own, ids.skillsHidden].sort());
    for (const item of items) expect(item.candidate.firstName).toBeUndefined();
    const hidden = items.find((item) => item.candidate.id === ids.skillsHidden)!;
    expect(hidden.candidate.skills).toBeUndefined();
    expect(hidden.score.parts.find((part) => part.name === 'vaardigheden')).toMatchObject({ value: null, facts: {} });
    expect(items.find((item) => item.candidate.id === ids.own)!.distanceKm).toBeLessThanOrEqual(2);
    expect(JSON.stringify(response.json)).not.toContain(secret!.uri);
    const self = new URL((response.json._links as { self: { href: string } }).self.href, 'http://localhost');
    expect(self.pathname).toBe('/api/v1/kandidaten/zoeken');
    expect(Object.fromEntries(self.searchParams)).toMatchObject({
      occupationUri: cleaner.uri,
      skills: `${required1!.uri},${required2!.uri}`,
      postcode: '3011AB',
      page: '1',
    });
    const log = await app.database.db
      .selectFrom('match_log')
      .selectAll()
      .where('direction', '=', 'candidates_by_criteria')
      .where('viewer_user_id', '=', world.employers.committed.user.userId)
      .execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.shown_ids.sort()).toEqual([ids.own, ids.skillsHidden].sort());
  });

  it('finds by skills alone, but never through a skill the candidate did not show', async () => {
    const bySkill = await call(`/kandidaten/zoeken?skills=${forklift!.uri}`, world.employers.committed.user);
    expect(bySkill.status).toBe(200);
    expect((bySkill.json.items as { candidate: { id: string } }[]).map((item) => item.candidate.id)).toEqual([ids.forklift]);
    const byHidden = await call(`/kandidaten/zoeken?skills=${lifting!.uri}`, world.employers.committed.user);
    expect(byHidden.status).toBe(200);
    expect(byHidden.json.total).toBe(0);
  });

  it('answers bad input with 400 problem+json in Dutch', async () => {
    const none = await call('/kandidaten/zoeken?postcode=3011', world.employers.committed.user);
    expect(none.status).toBe(400);
    expect(none.type).toContain('application/problem+json');
    expect(JSON.stringify(none.json)).toContain('Kies een beroep of minstens één vaardigheid.');
    for (const bad of ['postcode=12', 'hoursPerWeek=41', 'requiredDutchLevel=Z1', 'skills=geen-uri', 'pageSize=50']) {
      const response = await call(
        `/kandidaten/zoeken?occupationUri=${encodeURIComponent(cleaner.uri)}&${bad}`,
        world.employers.committed.user,
      );
      expect(response.status, bad).toBe(400);
      expect(response.type).toContain('application/problem+json');
    }
  });

  it('refuses: business-as-usual and staff 403, no login 401', async () => {
    const bau = await call(`/kandidaten/zoeken?${criteria()}`, world.employers.business_as_usual.user);
    expect(bau.status).toBe(403);
    expect(bau.type).toContain('application/problem+json');
    expect(JSON.stringify(bau.json)).toContain('Vraag de instantie om kandidaten.');
    expect((await call(`/kandidaten/zoeken?${criteria()}`, world.consulent)).status).toBe(403);
    expect((await call(`/kandidaten/zoeken?${criteria()}`, candidateUser)).status).toBe(403);
    expect((await call(`/kandidaten/zoeken?${criteria()}`)).status).toBe(401);
  });

  it('answers 429 with Retry-After when the day is used up', async () => {
    await app.database.db
      .insertInto('profile_view_count')
      .values({ user_id: world.employers.committed.user.userId, day: todayIso(), views: 1_000_000 })
      .onConflict((oc) => oc.columns(['user_id', 'day']).doUpdateSet({ views: 1_000_000 }))
      .execute();
    const response = await call(`/kandidaten/zoeken?${criteria()}`, world.employers.committed.user);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBeDefined();
    expect(JSON.stringify(response.json)).not.toContain(ids.own!);
  });
});
