import { addMembership, loadActor, type Actor } from '#app/domain/accounts/actor.js';
import { createUserWithPassword } from '#app/domain/accounts/users.js';
import { createCandidate, giveConsent, setVisibility, updateProfileSection } from '#app/domain/candidates/commands.js';
import { defaultVisibility, type Visibility } from '#app/domain/candidates/rules.js';
import { createEmployer, setCategory } from '#app/domain/employers/commands.js';
import type { Insertable } from 'kysely';
import type { EmployerCategory, Role, VacancyTable } from '#app/db/schema.js';
import type { TestApp } from './app.js';

export const testPassword = 'werkregie-test-wachtwoord';
let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

export async function makeUser(
  app: TestApp,
  name: string,
  memberships: { role: Role; instantieId?: string; employerId?: string }[],
): Promise<Actor & { password: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${unique()}@test.werkregie.nl`;
  const userId = await createUserWithPassword(app.auth, { email, password: testPassword, name });
  for (const m of memberships)
    await addMembership(app.database.db, userId, { role: m.role, instantieId: m.instantieId ?? null, employerId: m.employerId ?? null });
  return { ...(await loadActor(app.database.db, userId))!, password: testPassword };
}

/** Two instanties in one region, staff for each, and an employer of every category at the first. */
export async function makeWorld(app: TestApp) {
  const db = app.database.db;
  await db.insertInto('region').values({ id: 'rijnmond', name: 'Rijnmond' }).execute();
  await db
    .insertInto('instantie')
    .values([
      { id: 'rotterdam', name: 'Gemeente Rotterdam', kind: 'gemeente', region_id: 'rijnmond' },
      { id: 'schiedam', name: 'Gemeente Schiedam', kind: 'gemeente', region_id: 'rijnmond' },
    ])
    .execute();
  const consulent = await makeUser(app, 'Consulent Rotterdam', [{ role: 'consulent', instantieId: 'rotterdam' }]);
  const otherConsulent = await makeUser(app, 'Consulent Schiedam', [{ role: 'consulent', instantieId: 'schiedam' }]);
  const beheerder = await makeUser(app, 'Beheerder Rotterdam', [{ role: 'beheerder', instantieId: 'rotterdam' }]);
  const auditor = await makeUser(app, 'Auditor Rotterdam', [{ role: 'auditor', instantieId: 'rotterdam' }]);
  const employers = {} as Record<EmployerCategory, { id: string; user: Actor & { password: string } }>;
  let kvk = 10000000 + (counter % 1000) * 1000;
  for (const category of ['preferred', 'committed', 'business_as_usual'] as const) {
    const id = await createEmployer(db, null, {
      name: `Werkgever ${category}`,
      kvkNumber: String(kvk++),
      sector: 'Groen',
      psoLevel: 'geen',
      psoEvidenceDate: null,
      codeSocialeOndernemingen: false,
      locations: [{ name: 'Hoofdvestiging', postcode: '3011AB' }],
    });
    if (category !== 'business_as_usual') {
      await setCategory(db, { employerId: id, instantieId: 'rotterdam', category, reason: 'Testopzet', decidedBy: beheerder.userId });
    }
    employers[category] = { id, user: await makeUser(app, `Werkgever ${category}`, [{ role: 'werkgever', employerId: id }]) };
  }
  return { consulent, otherConsulent, beheerder, auditor, employers };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

/** A candidate of the consultant's instantie with a filled profile, consent and visibility as given. */
export async function makeCandidate(
  app: TestApp,
  consultant: Actor,
  options: { visibility?: Partial<Visibility>; anonymous?: boolean; consent?: boolean; withLogin?: boolean } = {},
): Promise<{ id: string; user: (Actor & { password: string }) | null }> {
  const db = app.database.db;
  const n = unique();
  const created = await createCandidate(db, consultant, { firstName: 'Fatima', lastName: `Bakker-${n}`, email: '' });
  if (!created.ok) throw new Error(`makeCandidate: ${JSON.stringify(created)}`);
  const id = created.value.id;
  const sections = {
    contact: { firstName: 'Fatima', lastName: `Bakker-${n}`, email: `fatima.${n}@voorbeeld.nl`, phone: '0612345678' },
    werk: { wishedOccupations: [], hoursPerWeek: 24, days: ['ma', 'di', 'wo'] },
    ervaring: { skills: [], educationLevel: 'vmbo', workExperience: [], about: 'Ik werk graag buiten.' },
    talen: { dutchLevel: 'B1', languages: [{ language: 'Arabisch', level: 'C2' }] },
    reizen: { postcode: '3012 CD', travelRadiusKm: 10, travelModes: ['fiets'] },
    ondersteuning: { supportNeeds: ['jobcoach'], participationStep: 4, regieLevel: 'samen' },
    doelgroep: { targetGroups: ['doelgroepregister'] },
  } as const;
  for (const [section, input] of Object.entries(sections)) {
    const result = await updateProfileSection(db, consultant, id, section as keyof typeof sections, input);
    if (!result.ok) throw new Error(`makeCandidate ${section}: ${JSON.stringify(result)}`);
  }
  await setVisibility(db, consultant, id, {
    visibility: { ...defaultVisibility, ...options.visibility },
    anonymous: options.anonymous ?? true,
  });
  if (options.consent ?? true) await giveConsent(db, consultant, id);
  let user: (Actor & { password: string }) | null = null;
  if (options.withLogin) {
    user = await makeUser(app, 'Kandidaat', [{ role: 'kandidaat', instantieId: consultant.memberships[0]!.instantieId! }]);
    await db.updateTable('candidate').set({ user_id: user.userId }).where('id', '=', id).execute();
  }
  return { id, user };
}

/** A vacancy of the employer, open and online until 2099 unless `values` say otherwise (status, published_until, …). */
export async function makeVacancy(app: TestApp, employerId: string, values: Partial<Insertable<VacancyTable>> = {}): Promise<string> {
  const row = await app.database.db
    .insertInto('vacancy')
    .values({
      employer_id: employerId,
      title: `Medewerker groen ${unique()}`,
      postcode: '3011AB',
      hours_per_week: 24,
      contract_type: 'tijdelijk',
      status: 'open',
      published_until: '2099-12-31',
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
