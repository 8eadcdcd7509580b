import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '#app/domain/accounts/actor.js';
import { listCandidates, readCandidate } from '#app/domain/candidates/queries.js';
import { fieldGroupNames, visibilityLevels } from '#app/domain/candidates/rules.js';
import { profileSections } from '#app/domain/candidates/profile.js';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { vacancySchema } from '#app/domain/vacancies/rules.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { seedInstanties } from './data.js';
import { demoAccounts, demoCaseloadSize, demoPassword, seedDemo, seedDemoIfEmpty } from './seed.js';

const quiet = () => {};

/** Candidate, employer and vacancy rows without the parts that differ per run: ids (random uuids) and moments (relative to now). */
async function candidateDigest(app: TestApp): Promise<string> {
  const rows = await app.database.db
    .selectFrom('candidate')
    .innerJoin('user as consultant', 'consultant.id', 'candidate.consultant_user_id')
    .select([
      'candidate.instantie_id',
      'candidate.pseudonym',
      'candidate.first_name',
      'candidate.last_name',
      'candidate.email',
      'candidate.phone',
      'candidate.postcode',
      'candidate.travel_radius_km',
      'candidate.travel_modes',
      'candidate.hours_per_week',
      'candidate.days',
      'candidate.wished_occupations',
      'candidate.skills',
      'candidate.work_experience',
      'candidate.education_level',
      'candidate.languages',
      'candidate.dutch_level',
      'candidate.support_needs',
      'candidate.participation_step',
      'candidate.regie_level',
      'candidate.target_groups',
      'candidate.about',
      'candidate.availability',
      'candidate.visibility',
      'candidate.anonymous',
      'consultant.email as consultant_email',
    ])
    .orderBy('candidate.pseudonym')
    .execute();
  const employers = await app.database.db
    .selectFrom('employer')
    .select(['name', 'kvk_number', 'sector', 'pso_level', 'code_sociale_ondernemingen'])
    .orderBy('kvk_number')
    .execute();
  const vacancies = await app.database.db
    .selectFrom('vacancy')
    .innerJoin('employer', 'employer.id', 'vacancy.employer_id')
    .select([
      'employer.kvk_number',
      'vacancy.title',
      'vacancy.description',
      'vacancy.hours_per_week',
      'vacancy.contract_type',
      'vacancy.required_dutch_level',
      'vacancy.required_skills',
      'vacancy.status',
    ])
    .orderBy('employer.kvk_number')
    .orderBy('vacancy.description')
    .orderBy('vacancy.title')
    .orderBy('vacancy.contract_type')
    .orderBy('vacancy.required_dutch_level')
    .orderBy('vacancy.status')
    .execute();
  return createHash('sha256').update(JSON.stringify({ rows, employers, vacancies })).digest('hex');
}

describe('the demo data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, { candidates: 400, employers: 25, seed: 7, log: quiet });
  });
  afterAll(async () => app?.close());

  const userIdOf = async (email: string) =>
    (await app.database.db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  it('lets every demo account log in with the demo password, and no one with another', async () => {
    for (const account of demoAccounts) {
      const ok = await app.auth.api.signInEmail({ body: { email: account.email, password: demoPassword }, asResponse: true });
      expect(ok.status, account.email).toBe(200);
      const wrong = await app.auth.api.signInEmail({ body: { email: account.email, password: 'niet-het-wachtwoord' }, asResponse: true });
      expect(wrong.status, account.email).toBe(401);
    }
  });

  it('gives the demo consultant a caseload of exactly 200 at Rotterdam, with the demo candidate in it', async () => {
    const consultant = await userIdOf('consulent@demo.werkregie.nl');
    const caseload = await app.database.db
      .selectFrom('candidate')
      .select(['instantie_id', 'user_id'])
      .where('consultant_user_id', '=', consultant)
      .execute();
    expect(caseload).toHaveLength(demoCaseloadSize);
    expect(new Set(caseload.map((c) => c.instantie_id))).toEqual(new Set(['rotterdam']));
    expect(caseload.map((c) => c.user_id)).toContain(await userIdOf('kandidaat@demo.werkregie.nl'));
  });

  it('gives the demo candidate a filled profile, a log-in and consent', async () => {
    const userId = await userIdOf('kandidaat@demo.werkregie.nl');
    const candidate = await app.database.db.selectFrom('candidate').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
    expect(candidate).toMatchObject({
      instantie_id: 'rotterdam',
      email: 'kandidaat@demo.werkregie.nl',
      first_name: 'Samira',
      last_name: 'Bakker',
    });
    for (const field of ['postcode', 'phone', 'hours_per_week', 'education_level', 'dutch_level', 'participation_step', 'about'] as const)
      expect(candidate[field], field).not.toBeNull();
    expect(candidate.wished_occupations.length).toBeGreaterThan(0);
    expect(candidate.availability_expires_at.getTime()).toBeGreaterThan(Date.now());
    const actor = await loadActor(app.database.db, userId);
    expect(actor?.memberships).toEqual([{ role: 'kandidaat', instantieId: 'rotterdam', employerId: null }]);
    const consent = await app.database.db
      .selectFrom('consent')
      .selectAll()
      .where('candidate_id', '=', candidate.id)
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ withdrawn_at: null, recorded_as: 'kandidaat', given_by: userId });
  });

  it('makes the demo employer a preferred partner at Rotterdam that can search the pool there', async () => {
    const actor = (await loadActor(app.database.db, await userIdOf('werkgever@demo.werkregie.nl')))!;
    expect(actor.memberships).toHaveLength(1);
    const category = await app.database.db
      .selectFrom('employer_category')
      .select('category')
      .where('employer_id', '=', actor.memberships[0]!.employerId!)
      .where('instantie_id', '=', 'rotterdam')
      .executeTakeFirstOrThrow();
    expect(category.category).toBe('preferred');
    const pool = await listCandidates(app.database.db, actor, { scope: 'pool', page: 1, pageSize: 10 }, 'test');
    expect(pool).not.toBe('forbidden');
    expect(typeof pool !== 'string' && pool.total).toBeGreaterThan(0);
  });

  it('keeps the pool closed to an employer that is business-as-usual everywhere', async () => {
    const row = await app.database.db
      .selectFrom('membership')
      .select('membership.user_id')
      .where('membership.role', '=', 'werkgever')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('employer_category')
              .select('employer_id')
              .whereRef('employer_category.employer_id', '=', 'membership.employer_id')
              .where('category', '!=', 'business_as_usual'),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const actor = (await loadActor(app.database.db, row.user_id))!;
    expect(await listCandidates(app.database.db, actor, { scope: 'pool', page: 1, pageSize: 10 }, 'test')).toBe('forbidden');
  });

  it('lets the demo consultant read a candidate of Rotterdam but not one of Den Haag', async () => {
    const actor = (await loadActor(app.database.db, await userIdOf('consulent@demo.werkregie.nl')))!;
    const own = await app.database.db
      .selectFrom('candidate')
      .select('id')
      .where('instantie_id', '=', 'rotterdam')
      .executeTakeFirstOrThrow();
    const other = await app.database.db
      .selectFrom('candidate')
      .select('id')
      .where('instantie_id', '=', 'den-haag')
      .executeTakeFirstOrThrow();
    expect(await readCandidate(app.database.db, actor, own.id, 'test')).not.toBeNull();
    expect(await readCandidate(app.database.db, actor, other.id, 'test')).toBeNull();
  });

  it('staffs every instantie with a beheerder, an auditor and consultants who each have a caseload', async () => {
    const staff = await app.database.db
      .selectFrom('membership')
      .select(['instantie_id', 'role', 'user_id'])
      .where('role', 'in', ['consulent', 'beheerder', 'auditor'])
      .execute();
    for (const instantie of seedInstanties) {
      for (const role of ['consulent', 'beheerder', 'auditor'])
        expect(
          staff.some((m) => m.instantie_id === instantie.id && m.role === role),
          `${instantie.id} ${role}`,
        ).toBe(true);
    }
    const withoutCaseload = await app.database.db
      .selectFrom('membership')
      .select('user_id')
      .where('role', '=', 'consulent')
      .where((eb) =>
        eb.not(eb.exists(eb.selectFrom('candidate').select('id').whereRef('candidate.consultant_user_id', '=', 'membership.user_id'))),
      )
      .execute();
    // Only an instantie that drew no candidate at all may have an idle consultant.
    const instantiesWithCandidates = new Set(
      (await app.database.db.selectFrom('candidate').select('instantie_id').distinct().execute()).map((r) => r.instantie_id),
    );
    for (const { user_id } of withoutCaseload)
      expect(instantiesWithCandidates.has(staff.find((m) => m.user_id === user_id)!.instantie_id!)).toBe(false);
  });

  it('stores candidates the domain can read: full visibility, availability 8 weeks after confirmation, known ESCO concepts', async () => {
    const rows = await app.database.db.selectFrom('candidate').selectAll().execute();
    expect(rows).toHaveLength(400);
    const occupations = new Set(builtinOccupations.map((o) => o.uri));
    const skills = new Set(builtinSkills.map((s) => s.uri));
    for (const row of rows) {
      expect(Object.keys(row.visibility).sort()).toEqual([...fieldGroupNames].sort());
      for (const level of Object.values(row.visibility)) expect(visibilityLevels).toContain(level);
      expect(row.availability_expires_at.getTime() - row.availability_confirmed_at.getTime()).toBe(8 * 7 * 24 * 3600 * 1000);
      for (const uri of row.wished_occupations) expect(occupations.has(uri), uri).toBe(true);
      for (const uri of row.skills) expect(skills.has(uri), uri).toBe(true);
    }
    // Every section that is filled in passes the same checks as the profile forms.
    for (const row of rows) {
      const sections = {
        contact: { firstName: row.first_name, lastName: row.last_name, email: row.email ?? '', phone: row.phone ?? '' },
        werk:
          row.hours_per_week === null
            ? null
            : { wishedOccupations: row.wished_occupations, hoursPerWeek: row.hours_per_week, days: row.days },
        ervaring:
          row.education_level === null
            ? null
            : { skills: row.skills, educationLevel: row.education_level, workExperience: row.work_experience, about: row.about ?? '' },
        talen: row.dutch_level === null ? null : { dutchLevel: row.dutch_level, languages: row.languages },
        reizen:
          row.postcode === null ? null : { postcode: row.postcode, travelRadiusKm: row.travel_radius_km, travelModes: row.travel_modes },
        ondersteuning: { supportNeeds: row.support_needs, participationStep: row.participation_step ?? '', regieLevel: row.regie_level },
        beschikbaarheid: { availability: row.availability },
        doelgroep: { targetGroups: row.target_groups },
      };
      for (const [section, input] of Object.entries(sections)) {
        if (input === null) continue;
        const parsed = profileSections[section as keyof typeof sections].safeParse(input);
        expect(parsed.success, `${section}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
    const share = (test: (row: (typeof rows)[number]) => boolean) => rows.filter(test).length / rows.length;
    expect(share((r) => r.availability_expires_at.getTime() <= Date.now())).toBeGreaterThan(0.1);
    expect(share((r) => r.availability_expires_at.getTime() <= Date.now())).toBeLessThan(0.3);
    expect(new Set(rows.map((r) => r.regie_level))).toEqual(new Set(['zelf', 'samen', 'begeleid']));
    expect(new Set(rows.map((r) => r.participation_step).filter((s) => s !== null))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(new Set(rows.flatMap((r) => r.target_groups))).toEqual(
      new Set(['doelgroepregister', 'participatiewet', 'nug', 'statushouder', 'wajong']),
    );
    const consented = await app.database.db.selectFrom('consent').select('candidate_id').where('withdrawn_at', 'is', null).execute();
    expect(consented.length / rows.length).toBeGreaterThan(0.6);
    expect(consented.length / rows.length).toBeLessThan(0.8);
  });

  it('gives employers all three categories, each with a history that ends in the current category', async () => {
    const categories = await app.database.db.selectFrom('employer_category').selectAll().execute();
    expect(new Set(categories.map((c) => c.category))).toEqual(new Set(['preferred', 'committed', 'business_as_usual']));
    const latest = await sql<{ employer_id: string; instantie_id: string; to_category: string }>`
      select distinct on (employer_id, instantie_id) employer_id, instantie_id, to_category
      from employer_category_change order by employer_id, instantie_id, decided_at desc`.execute(app.database.db);
    expect(latest.rows).toHaveLength(categories.length);
    for (const c of categories) {
      expect(latest.rows.find((l) => l.employer_id === c.employer_id && l.instantie_id === c.instantie_id)?.to_category).toBe(c.category);
    }
    const vacancies = await app.database.db.selectFrom('vacancy').select(['employer_id', 'status', 'required_dutch_level']).execute();
    const perEmployer = new Map<string, number>();
    for (const v of vacancies) perEmployer.set(v.employer_id, (perEmployer.get(v.employer_id) ?? 0) + 1);
    expect(perEmployer.size).toBe(25);
    for (const count of perEmployer.values()) expect(count).toBeGreaterThanOrEqual(2);
    expect(vacancies.filter((v) => v.status === 'open').length / vacancies.length).toBeGreaterThan(0.5);
    // About half ask for a level of Dutch, mostly A2 or B1.
    const levels = vacancies.flatMap((v) => (v.required_dutch_level ? [v.required_dutch_level] : []));
    expect(levels.length / vacancies.length).toBeGreaterThan(0.3);
    expect(levels.length / vacancies.length).toBeLessThan(0.7);
    expect(levels.filter((l) => l === 'A2' || l === 'B1').length / levels.length).toBeGreaterThan(0.6);
    // An open vacancy passes the checks of the vacancy form.
    const open = await app.database.db
      .selectFrom('vacancy')
      .selectAll()
      .select(sql<string>`published_until::text`.as('published_until'))
      .where('status', '=', 'open')
      .execute();
    for (const v of open) {
      const parsed = vacancySchema.safeParse({
        title: v.title,
        description: v.description,
        postcode: v.postcode,
        hoursPerWeek: v.hours_per_week,
        contractType: v.contract_type,
        occupationUri: v.occupation_uri,
        requiredDutchLevel: v.required_dutch_level,
        requiredSkills: v.required_skills,
        niceToHaveSkills: v.nice_skills,
        supportOffered: v.support_offered,
        suitability: v.suitability,
        publishedUntil: v.published_until,
        physicalRequirements: v.physical_requirements,
      });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });

  it('gives the same data for the same seed, and other data for another seed', async () => {
    const [first, second] = [await createTestApp(), await createTestApp()];
    try {
      await seedDemo(first, { candidates: 250, employers: 10, seed: 3, log: quiet });
      await seedDemo(second, { candidates: 250, employers: 10, seed: 3, log: quiet });
      const digest = await candidateDigest(first);
      expect(await candidateDigest(second)).toBe(digest);
      expect(await candidateDigest(app)).not.toBe(digest);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('refuses a count that is not a whole number', async () => {
    await expect(seedDemo(app, { candidates: Number('veel'), employers: 1, seed: 1, log: quiet })).rejects.toThrow(/--candidates/);
  });
});

describe('seeding on start', () => {
  it('fills an empty database once, adds on a second seed, and always returns the demo log-ins', async () => {
    const app = await createTestApp();
    try {
      const count = async () =>
        Number(
          (
            await app.database.db
              .selectFrom('candidate')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const lines: string[] = [];
      const logins = await seedDemoIfEmpty(app, { log: (line) => lines.push(line) });
      expect(logins.map((l) => l.role)).toEqual(['kandidaat', 'werkgever', 'consulent', 'beheerder', 'auditor']);
      expect(lines.at(-1)).toMatch(/^Klaar/);
      expect(await count()).toBe(500);

      expect(await seedDemoIfEmpty(app, { log: (line) => lines.push(`second: ${line}`) })).toEqual(logins);
      expect(lines.filter((l) => l.startsWith('second'))).toEqual([]);
      expect(await count()).toBe(500);

      await seedDemo(app, { candidates: 50, employers: 5, seed: 1, log: () => {} });
      expect(await count()).toBe(550);
      const consultant = await app.database.db
        .selectFrom('user')
        .select('id')
        .where('email', '=', 'consulent@demo.werkregie.nl')
        .executeTakeFirstOrThrow();
      const caseload = await app.database.db.selectFrom('candidate').select('id').where('consultant_user_id', '=', consultant.id).execute();
      expect(caseload).toHaveLength(demoCaseloadSize);
    } finally {
      await app.close();
    }
  });
});
