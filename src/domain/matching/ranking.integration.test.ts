import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bruteForceCandidates, bruteForceVacancies } from '../../../bench/match-baseline.js';
import { generateCandidates, generateInstanties, generatePostcodes, generateSkills, generateVacancies } from '../../../bench/match-data.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeWorld, type World } from '../../../test/support/fixtures.js';
import type { Actor } from '../accounts/actor.js';
import { defaultVisibility } from '../candidates/rules.js';
import { loadActor } from '../accounts/actor.js';
import { importEsco } from '../taxonomy/import-esco.js';
import { candidatesForVacancy, newMatchesForSearches, vacanciesForCandidate } from './queries.js';
import { escoFixtureFolder } from '../../../test/support/esco-fixtures.js';

// The SQL ranking against the plain one: on a generated national pool (the data of `npm run bench:match`),
// every list must hold the same top 20, in the same order, with the same totals, as scoring every row
// in the application with score.ts (bench/match-baseline.ts); and the weekly alerts' batch query must
// find what the candidate's own list finds.
let app: TestApp;
let world: World;
let employer: Actor;
let staff: Actor;
let vacancyIds: string[];
let candidateIds: string[];

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  const db = app.database.db;
  await importEsco(db, escoFixtureFolder());
  await generateSkills(db);
  await generatePostcodes(db);
  const instanties = await generateInstanties(db);
  const employerId = world.employers.preferred.id;
  await db
    .insertInto('employer_category')
    .values(
      instanties
        .filter((id) => id.startsWith('bench-3'))
        .map((instantie_id) => ({ employer_id: employerId, instantie_id, category: 'preferred' as const })),
    )
    .execute();
  await generateVacancies(db, 400, [employerId]);
  await generateCandidates(db, 3000);
  employer = (await loadActor(db, world.employers.preferred.user.userId))!;
  staff = {
    userId: 'staff',
    name: 'Staf',
    email: 'staf@example.org',
    memberships: instanties.map((instantieId) => ({ role: 'consulent', instantieId, employerId: null })),
  };
  vacancyIds = (
    await db
      .selectFrom('vacancy')
      .select('id')
      .where('employer_id', '=', employerId)
      .where('postcode', 'like', '3%')
      .orderBy('id')
      .limit(12)
      .execute()
  ).map((v) => v.id);
  candidateIds = (
    await db.selectFrom('candidate').select('id').where('pseudonym', 'like', 'Bench-%').orderBy('id').limit(12).execute()
  ).map((c) => c.id);
  // The first four vacancies ask for an occupation whose ISCO group has others, and five candidates of
  // the region per vacancy (with consent and the default visibility; made available, in the same PC4
  // area, with its hours and required skills) wish another occupation of that group, so the lists meet the
  // related-occupation part of the score whatever the random data holds.
  await sql`update vacancy set occupation_uri = (
      select min(uri) from esco_concept where kind = 'occupation' and isco_group = (
        select isco_group from esco_concept where kind = 'occupation' and isco_group is not null
        group by isco_group having count(*) >= 2 order by isco_group limit 1))
    where id = any(${vacancyIds.slice(0, 4)}::uuid[])`.execute(db);
  await sql`with sibling as (
      select vacancy.id, vacancy.postcode, vacancy.hours_per_week, vacancy.required_skills,
        (array_agg(other.uri order by other.uri))[1] as uri
      from vacancy
      join esco_concept own on own.uri = vacancy.occupation_uri
      join esco_concept other on other.isco_group = own.isco_group and other.uri <> own.uri and other.kind = 'occupation'
      where vacancy.id = any(${vacancyIds}::uuid[])
      group by vacancy.id),
    chosen as (
      select candidate.id, sibling.uri, sibling.postcode, sibling.hours_per_week, sibling.required_skills
      from (select sibling.*, row_number() over (order by sibling.id) as n from sibling) sibling
      join (select candidate.id, row_number() over (order by candidate.id) as n from candidate
            where candidate.pseudonym like 'Bench-%' and candidate.instantie_id like 'bench-3%' and candidate.consent_given
              and candidate.visibility = ${JSON.stringify(defaultVisibility)}::jsonb) candidate
        on candidate.n between sibling.n * 5 - 4 and sibling.n * 5)
    update candidate set wished_occupations = array[chosen.uri], skills = chosen.required_skills, postcode = chosen.postcode,
      hours_per_week = chosen.hours_per_week, availability = 'beschikbaar',
      availability_expires_at = now() + interval '4 weeks'
    from chosen where candidate.id = chosen.id`.execute(db);
}, 120_000);
afterAll(async () => app?.close());

describe('the ranking in SQL', () => {
  it('gives an employer the same top 20 as scoring the whole pool in the application, hidden fields masked', async () => {
    let ranked = 0;
    let related = 0;
    for (const id of vacancyIds) {
      const list = await candidatesForVacancy(app.database.db, employer, id, { page: 1, pageSize: 20, scope: 'pool' }, 'test');
      if (typeof list === 'string') throw new Error(list);
      const plain = await bruteForceCandidates(app.database.db, employer, id);
      expect(list.items.map((item) => ({ id: item.read.candidate.id, total: item.score.total }))).toEqual(plain);
      ranked += list.items.length;
      related += list.items.filter((item) => item.score.parts.find((part) => part.name === 'beroep')?.facts.fit === 'iscoGroup').length;
    }
    expect(ranked).toBeGreaterThan(5);
    expect(related).toBeGreaterThan(0);
  });

  it('gives a candidate the same top 20 vacancies as scoring every open vacancy in the application', async () => {
    const db = app.database.db;
    let ranked = 0;
    for (const id of candidateIds) {
      const list = await vacanciesForCandidate(db, staff, id, { page: 1, pageSize: 20, filters: {} }, 'test');
      if (list === 'not_found') throw new Error(list);
      const candidate = await db.selectFrom('candidate').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(list.items.map((item) => ({ id: item.vacancy.id, total: item.score.total }))).toEqual(
        await bruteForceVacancies(db, candidate),
      );
      ranked += list.items.length;
    }
    expect(ranked).toBeGreaterThan(5);
  });

  it("finds for the weekly alerts, in one query, what each candidate's own list finds in the window", async () => {
    const db = app.database.db;
    // A window over every generated vacancy (opened in the last 8 weeks), and more candidates than above,
    // so that the batch has enough to find whatever the random data turns out to be.
    const since = new Date(Date.now() - 60 * 24 * 3_600_000);
    const until = new Date();
    const candidates = await db.selectFrom('candidate').selectAll().where('pseudonym', 'like', 'Bench-%').orderBy('id').limit(40).execute();
    const filtersOf = (i: number) => (i % 3 === 0 ? {} : i % 3 === 1 ? { maxHours: 24 } : { maxKm: 15, minHours: 16 });
    const found = await newMatchesForSearches(
      db,
      candidates.map((candidate, i) => ({ key: candidate.id, candidate, filters: filtersOf(i), since })),
      until,
      10,
    );
    for (const [i, candidate] of candidates.entries()) {
      const list = await vacanciesForCandidate(
        db,
        staff,
        candidate.id,
        { page: 1, pageSize: 10, filters: { ...filtersOf(i), publishedAfter: since, publishedUpTo: until } },
        'test',
      );
      if (list === 'not_found') throw new Error(list);
      const batch = found.get(candidate.id);
      expect(batch?.items.map((item) => [item.vacancy.id, item.score.total]) ?? []).toEqual(
        list.items.map((item) => [item.vacancy.id, item.score.total]),
      );
      expect(batch?.total ?? 0).toBe(list.total);
    }
    expect([...found.values()].reduce((sum, matches) => sum + matches.items.length, 0)).toBeGreaterThan(20);
  });
});
