import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../../test/support/fixtures.js';
import { updateProfileSection } from '../candidates/commands.js';
import { builtinOccupations, builtinSkills } from '../taxonomy/builtin.js';
import { candidatesForVacancy, purgeExpiredMatchLog, vacanciesForCandidate } from './queries.js';

const cleaner = builtinOccupations[0]!; // schoonmaker gebouwen, ISCO 9112
const sameGroup = builtinOccupations.find((o) => o.iscoGroup === cleaner.iscoGroup && o.uri !== cleaner.uri)!;
const [teamwork, colleagues, support] = builtinSkills.map((s) => s.uri);

let app: TestApp;
let world: World;
let vacancyId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  const db = app.database.db;
  await db
    .insertInto('postcode_area')
    .values([
      { pc4: '3011', latitude: 51.9225, longitude: 4.4792, place: 'Rotterdam', municipality: 'Rotterdam' },
      { pc4: '3012', latitude: 51.9217, longitude: 4.4731, place: 'Rotterdam', municipality: 'Rotterdam' },
      { pc4: '2511', latitude: 52.0786, longitude: 4.3116, place: "'s-Gravenhage", municipality: "'s-Gravenhage" },
    ])
    .onConflict((oc) => oc.column('pc4').doNothing())
    .execute();
  const vacancy = await db
    .insertInto('vacancy')
    .values({
      employer_id: world.employers.preferred.id,
      title: 'Schoonmaker kantoren',
      postcode: '3011AB',
      hours_per_week: 24,
      contract_type: 'tijdelijk',
      occupation_uri: cleaner.uri,
      required_skills: [teamwork!, colleagues!],
      nice_skills: [support!],
      support_offered: ['jobcoach'],
      status: 'open',
      published_until: '2099-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  vacancyId = vacancy.id;
  const profile = async (
    name: string,
    work: object,
    skills: string[],
    postcode: string,
    options: Parameters<typeof makeCandidate>[2] = {},
  ) => {
    const { id } = await makeCandidate(app, world.consulent, {
      visibility: { werkwensen: 'alle', ervaring: 'alle', locatie: 'alle' },
      ...options,
    });
    await updateProfileSection(db, world.consulent, id, 'werk', { hoursPerWeek: 24, days: ['ma'], ...work });
    await updateProfileSection(db, world.consulent, id, 'ervaring', { skills, educationLevel: 'vmbo', workExperience: [] });
    await updateProfileSection(db, world.consulent, id, 'reizen', { postcode, travelRadiusKm: 10, travelModes: ['fiets'] });
    ids[name] = id;
  };
  await profile('best', { wishedOccupations: [cleaner.uri] }, [teamwork!, colleagues!, support!], '3012AB');
  await profile('farAway', { wishedOccupations: [cleaner.uri] }, [teamwork!], '2511AB');
  await profile('sameGroup', { wishedOccupations: [sameGroup.uri] }, [], '3012AB');
  await profile('nothingShared', { wishedOccupations: [] }, [], '3012AB');
  await profile('noConsent', { wishedOccupations: [cleaner.uri] }, [teamwork!, colleagues!], '3012AB', { consent: false });
  // Far away, so that its ranking (on what it shows) does not tie with 'best'.
  await profile('skillsHidden', { wishedOccupations: [cleaner.uri] }, [teamwork!, colleagues!], '2511AB', {
    visibility: { werkwensen: 'alle', ervaring: 'consulent', locatie: 'alle' },
  });
});
afterAll(async () => app?.close());

describe('vacancies for a candidate', () => {
  it('ranks open vacancies that share work or skills, explains them, and records the list', async () => {
    const result = await vacanciesForCandidate(app.database.db, world.consulent, ids.best!, { page: 1, pageSize: 20, filters: {} }, 'test');
    if (result === 'not_found') throw new Error('not found');
    expect(result.items.map((item) => item.vacancy.id)).toEqual([vacancyId]);
    const [item] = result.items;
    expect(item!.distanceKm).toBeLessThan(2);
    expect(item!.score.parts.find((p) => p.name === 'vaardigheden')).toMatchObject({ value: 1 });
    expect(item!.score.total).toBeGreaterThan(90);
    const log = await app.database.db.selectFrom('match_log').selectAll().where('subject_id', '=', ids.best!).execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      direction: 'vacancies_for_candidate',
      weights_version: 'standaard',
      shown_ids: [vacancyId],
      viewer_role: 'consulent',
    });
  });

  it('is refused to employers and to staff of another instantie', async () => {
    for (const actor of [world.employers.preferred.user, world.otherConsulent]) {
      expect(await vacanciesForCandidate(app.database.db, actor, ids.best!, { page: 1, pageSize: 20, filters: {} }, 'test')).toBe(
        'not_found',
      );
    }
  });
});

describe('candidates for a vacancy', () => {
  it('ranks the pool for the owning employer within the policy, reading only the page shown', async () => {
    const before = await app.database.db.selectFrom('access_log').select('id').where('context', '=', 'matching-test').execute();
    expect(before).toHaveLength(0);
    const result = await candidatesForVacancy(
      app.database.db,
      world.employers.preferred.user,
      vacancyId,
      { page: 1, pageSize: 2, scope: 'pool' },
      'matching-test',
    );
    if (typeof result === 'string') throw new Error(result);
    const order = (await candidatesForVacancy(
      app.database.db,
      world.employers.preferred.user,
      vacancyId,
      { page: 1, pageSize: 20, scope: 'pool' },
      'matching-all',
    )) as Exclude<typeof result, string>;
    const ranked = order.items.map((item) => item.read.candidate.id);
    expect(ranked[0]).toBe(ids.best);
    expect(ranked).not.toContain(ids.noConsent);
    expect(ranked).not.toContain(ids.nothingShared);
    expect(ranked.indexOf(ids.best!)).toBeLessThan(ranked.indexOf(ids.farAway!));
    expect(result.items).toHaveLength(2);
    const logged = await app.database.db.selectFrom('access_log').select('candidate_id').where('context', '=', 'matching-test').execute();
    expect(logged.map((row) => row.candidate_id).sort()).toEqual(result.items.map((item) => item.read.candidate.id).sort());
  });

  it('scores with what the employer may see: hidden skills are unknown, not zero, and not explained', async () => {
    const result = await candidatesForVacancy(
      app.database.db,
      world.employers.preferred.user,
      vacancyId,
      { page: 1, pageSize: 20, scope: 'pool' },
      'test',
    );
    if (typeof result === 'string') throw new Error(result);
    const hidden = result.items.find((item) => item.read.candidate.id === ids.skillsHidden)!;
    expect(hidden.score.parts.find((p) => p.name === 'vaardigheden')).toMatchObject({ value: null, facts: {} });
    expect(hidden.read.view.skills).toBeUndefined();
  });

  it('refuses employers that do not own the vacancy, and lets the consultant rank the caseload', async () => {
    expect(
      await candidatesForVacancy(
        app.database.db,
        world.employers.committed.user,
        vacancyId,
        { page: 1, pageSize: 20, scope: 'pool' },
        'test',
      ),
    ).toBe('not_found');
    const consultant = await candidatesForVacancy(
      app.database.db,
      world.consulent,
      vacancyId,
      { page: 1, pageSize: 20, scope: 'caseload' },
      'test',
    );
    if (typeof consultant === 'string') throw new Error(consultant);
    expect(consultant.items.map((item) => item.read.candidate.id)).toContain(ids.noConsent);
    expect(consultant.items[0]!.read.candidate.id).toBe(ids.best);
  });
});

describe('accountability over time', () => {
  it('removes records of shown lists after their retention period, and keeps the rest', async () => {
    const db = app.database.db;
    const before = await db.selectFrom('match_log').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    expect(await purgeExpiredMatchLog(db)).toBe(0);
    const keep = await db.selectFrom('match_log').select('keep_until').executeTakeFirstOrThrow();
    expect(await purgeExpiredMatchLog(db, '2099-01-01')).toBe(before.length);
    expect(keep.keep_until > new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it("leaves expired profiles out of employers' rankings where the instantie chose so, but not out of the consultant's", async () => {
    const db = app.database.db;
    await db
      .updateTable('candidate')
      .set({ availability_expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', ids.farAway!)
      .execute();
    const employerIds = async () => {
      const result = await candidatesForVacancy(
        db,
        world.employers.preferred.user,
        vacancyId,
        { page: 1, pageSize: 20, scope: 'pool' },
        'test',
      );
      if (typeof result === 'string') throw new Error(result);
      return result.items.map((item) => item.read.candidate.id);
    };
    const ranked = await employerIds();
    expect(ranked.at(-1)).toBe(ids.farAway);
    await db
      .updateTable('instantie')
      .set({ settings: JSON.stringify({ expiredProfiles: 'hidden' }) })
      .where('id', '=', 'rotterdam')
      .execute();
    expect(await employerIds()).not.toContain(ids.farAway);
    const consultant = await candidatesForVacancy(db, world.consulent, vacancyId, { page: 1, pageSize: 20, scope: 'caseload' }, 'test');
    if (typeof consultant === 'string') throw new Error(consultant);
    expect(consultant.items.map((item) => item.read.candidate.id)).toContain(ids.farAway);
    await db
      .updateTable('instantie')
      .set({ settings: JSON.stringify({}) })
      .where('id', '=', 'rotterdam')
      .execute();
  });
});
