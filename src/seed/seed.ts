import { sql, type Kysely } from 'kysely';
import type { App } from '#app/app.js';
import type { Db } from '#app/db/connection.js';
import type { Database, Role } from '#app/db/schema.js';
import { createUserWithPassword, findUserIdByEmail } from '#app/domain/accounts/users.js';
import { demoInstantieId, regions, seedInstanties, type SeedInstantie } from './data.js';
import { seedDemoContacts } from './contacts.js';
import {
  DemoRandom,
  generateCandidate,
  generateEmployer,
  mailName,
  membershipRow,
  pickGemeente,
  userRow,
  type EmployerPlan,
  type Row,
} from './generate.js';

export type DemoLogin = { role: string; email: string };
export type SeedOptions = { candidates: number; employers: number; seed: number; log: (line: string) => void };

export const demoPassword = 'werkregie-demo';

/** One log-in per role, all at the demo instantie (Rotterdam). */
export const demoAccounts: readonly { role: Role; email: string; firstName: string; lastName: string }[] = [
  { role: 'kandidaat', email: 'kandidaat@demo.werkregie.nl', firstName: 'Samira', lastName: 'Bakker' },
  { role: 'werkgever', email: 'werkgever@demo.werkregie.nl', firstName: 'Joost', lastName: 'van Leeuwen' },
  { role: 'consulent', email: 'consulent@demo.werkregie.nl', firstName: 'Priya', lastName: 'Ramdin' },
  { role: 'beheerder', email: 'beheerder@demo.werkregie.nl', firstName: 'Henk', lastName: 'Verbeek' },
  { role: 'auditor', email: 'auditor@demo.werkregie.nl', firstName: 'Fatma', lastName: 'Yilmaz' },
];

/** The demo consultant's caseload; the benchmark pages through it. */
export const demoCaseloadSize = 200;
const caseloadPerConsultant = 150;
const rowsPerStatement = 1_000;
const candidatesPerTransaction = 10_000;

type Tables = keyof Database;

/**
 * Many rows in one statement: the rows travel as one JSON parameter and PostgreSQL turns them into
 * records of the table's own type, so there is no limit on parameters and no per-row round trip.
 * Every column is given (`Row<T>` is the full row), so defaults never silently fill in.
 */
async function insertRows<T extends Tables>(db: Kysely<Database>, table: T, rows: readonly Row<T>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).map((column) => sql.ref(column));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = JSON.stringify(rows.slice(start, start + rowsPerStatement));
    await sql`insert into ${sql.table(table)} (${sql.join(columns)})
      select ${sql.join(columns)} from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(db);
  }
}

const formatNumber = (n: number) => new Intl.NumberFormat('nl-NL').format(n);
const seconds = (since: number) =>
  `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format((performance.now() - since) / 1000)} s`;

/** The demo log-ins that exist, in a fixed order. */
export async function demoLogins(db: Db): Promise<DemoLogin[]> {
  const emails = demoAccounts.map((a) => a.email);
  const rows = await db.selectFrom('user').select('email').where('email', 'in', emails).execute();
  const existing = new Set(rows.map((row) => row.email));
  return demoAccounts.filter((a) => existing.has(a.email)).map((a) => ({ role: a.role, email: a.email }));
}

async function membershipOf(db: Db, userId: string, role: Role): Promise<boolean> {
  return !!(await db.selectFrom('membership').select('id').where('user_id', '=', userId).where('role', '=', role).executeTakeFirst());
}

/**
 * Fills the database with a realistic, reproducible demo: two arbeidsmarktregio's, their
 * instanties with staff, employers of every category with vacancies, and candidates. The same
 * seed on an empty database gives the same people. Running it again adds more; demo log-ins that
 * exist already are left as they are.
 */
export async function seedDemo(app: App, options: SeedOptions): Promise<DemoLogin[]> {
  const { candidates: candidateCount, employers: employerCount, seed, log } = options;
  for (const [name, value] of [
    ['--candidates', candidateCount],
    ['--employers', employerCount],
    ['--seed', seed],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Ongeldige waarde voor ${name}: geef een geheel getal van 0 of meer.`);
  }
  const db = app.database.db;
  const started = performance.now();
  const now = new Date();

  // Numbers in e-mail addresses continue after the users already there, so a second run adds people.
  const [{ users: existingUsers }] = (await db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<string>().as('users'))
    .execute()) as [{ users: string }];
  const numberOffset = Number(existingUsers);
  let lastNumber = numberOffset;
  const nextNumber = () => ++lastNumber;
  const r = new DemoRandom(numberOffset === 0 ? seed : [seed, numberOffset]);

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('region')
      .values(regions.map((region) => ({ id: region.id, name: region.name })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('instantie')
      .values(seedInstanties.map((i) => ({ id: i.id, name: i.name, kind: i.kind, region_id: i.regionId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  log(`Demogegevens: ${regions.length} arbeidsmarktregio's met ${seedInstanties.length} instanties.`);

  // The demo log-ins get a password through better-auth; every other person is made in bulk without one.
  const demo = new Map<Role, { userId: string; setUp: boolean }>();
  for (const account of demoAccounts) {
    if (account.role === 'kandidaat' && candidateCount === 0) continue;
    if (account.role === 'werkgever' && employerCount === 0) continue;
    const userId =
      (await findUserIdByEmail(db, account.email)) ??
      (await createUserWithPassword(app.auth, {
        email: account.email,
        password: demoPassword,
        name: `${account.firstName} ${account.lastName}`,
      }));
    demo.set(account.role, { userId, setUp: !(await membershipOf(db, userId, account.role)) });
  }
  const demoSetUp = (role: Role) => (demo.get(role)?.setUp ? demo.get(role)!.userId : null);

  // Where each candidate belongs; the demo consultant's caseload comes first, all at Rotterdam.
  const rotterdam = seedInstanties.find((i) => i.id === demoInstantieId)!;
  const demoConsultant = demoSetUp('consulent');
  const demoCandidate = demoSetUp('kandidaat');
  const caseload = demoConsultant ? Math.min(demoCaseloadSize, candidateCount) : 0;
  const instantieOf: SeedInstantie[] = [];
  const instantieWeights = seedInstanties.map((i) => [i, i.weight] as const);
  for (let i = 0; i < candidateCount; i++)
    instantieOf.push(i < caseload || (i === 0 && demoCandidate) ? rotterdam : r.weighted(instantieWeights));

  const staffUsers: Row<'user'>[] = [];
  const staffMemberships: Row<'membership'>[] = [];
  const staffMember = (instantie: SeedInstantie, role: Role) => {
    const first = r.faker.person.firstName();
    const last = r.faker.person.lastName();
    const user = userRow({
      name: `${first} ${last}`,
      email: `${mailName(first, last)}.${nextNumber()}@${instantie.id}.demo.werkregie.nl`,
      createdAt: r.daysBefore(now, 100, 2000),
    });
    staffUsers.push(user);
    staffMemberships.push(membershipRow(user.id, role, { instantieId: instantie.id }, user.createdAt));
    return user.id;
  };
  for (const role of ['consulent', 'beheerder', 'auditor'] as const) {
    const userId = demoSetUp(role);
    if (userId) staffMemberships.push(membershipRow(userId, role, { instantieId: demoInstantieId }, now));
  }
  const existingStaff = await db
    .selectFrom('membership')
    .select(['instantie_id', 'role', 'user_id'])
    .where('role', 'in', ['consulent', 'beheerder', 'auditor'])
    .execute();
  const beheerders = new Map<string, string>();
  for (const m of [...existingStaff, ...staffMemberships])
    if (m.role === 'beheerder' && m.instantie_id && !beheerders.has(m.instantie_id)) beheerders.set(m.instantie_id, m.user_id);
  const staffed = (role: Role) =>
    new Set([...existingStaff, ...staffMemberships].filter((m) => m.role === role).map((m) => m.instantie_id));
  const hasAuditor = staffed('auditor');
  const hasConsultant = staffed('consulent');
  const consultants = new Map<string, string[]>();
  for (const instantie of seedInstanties) {
    if (!beheerders.has(instantie.id)) beheerders.set(instantie.id, staffMember(instantie, 'beheerder'));
    if (!hasAuditor.has(instantie.id)) staffMember(instantie, 'auditor');
    const assigned = instantieOf.filter((i, index) => i === instantie && index >= caseload).length;
    // Every instantie gets at least one consultant; new ones only when there are new candidates for them.
    const count = Math.max(hasConsultant.has(instantie.id) ? 0 : 1, Math.ceil(assigned / caseloadPerConsultant));
    consultants.set(
      instantie.id,
      Array.from({ length: count }, () => staffMember(instantie, 'consulent')),
    );
  }
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'user', staffUsers);
    await insertRows(trx, 'membership', staffMemberships);
  });
  log(`Medewerkers: ${formatNumber(staffMemberships.length)} (consulenten, beheerders en auditors).`);

  // Employers, with their places, categories, contacts and vacancies.
  const kvkTaken = new Set((await db.selectFrom('employer').select('kvk_number').execute()).map((row) => row.kvk_number));
  const plans: EmployerPlan[] = [];
  const demoEmployer = demoSetUp('werkgever');
  for (let i = 0; i < employerCount; i++) {
    const isDemo = i === 0 && !!demoEmployer;
    const region = isDemo
      ? regions.find((g) => g.id === rotterdam.regionId)!
      : r.weighted(regions.map((g) => [g, g.gemeenten.reduce((s, x) => s + x.weight, 0)] as const));
    const home = isDemo ? rotterdam.gemeenten[0]! : pickGemeente(r, region.gemeenten);
    const plan = generateEmployer(r, {
      home,
      region,
      category: isDemo ? 'preferred' : undefined,
      kvkTaken,
      beheerderOf: (id) => beheerders.get(id)!,
      nextNumber,
      now,
    });
    if (isDemo) {
      plan.employer.pso_level = 'trede_3';
      plan.employer.code_sociale_ondernemingen = true;
      plan.memberships.push(membershipRow(demoEmployer, 'werkgever', { employerId: plan.employer.id }, now));
    }
    plans.push(plan);
  }
  const employers = plans.map((p) => p.employer);
  const locations = plans.flatMap((p) => p.locations);
  const categories = plans.flatMap((p) => p.categories);
  const changes = plans.flatMap((p) => p.changes);
  const contacts = plans.flatMap((p) => p.users);
  const contactMemberships = plans.flatMap((p) => p.memberships);
  const vacancies = plans.flatMap((p) => p.vacancies);
  await db.transaction().execute(async (trx) => {
    await insertRows(trx, 'employer', employers);
    await insertRows(trx, 'employer_location', locations);
    await insertRows(trx, 'employer_category', categories);
    await insertRows(trx, 'employer_category_change', changes);
    await insertRows(trx, 'user', contacts);
    await insertRows(trx, 'membership', contactMemberships);
    await insertRows(trx, 'vacancy', vacancies);
  });
  log(`Werkgevers: ${formatNumber(plans.length)} met ${formatNumber(vacancies.length)} vacatures (${seconds(started)}).`);

  // Candidates, in transactions of a few thousand so progress shows and memory stays small.
  const pseudonymsTaken = new Set((await db.selectFrom('candidate').select('pseudonym').execute()).map((row) => row.pseudonym));
  const demoCandidateAccount = demoAccounts.find((a) => a.role === 'kandidaat')!;
  const consultantPick = new Map<string, number>();
  for (let start = 0; start < candidateCount; start += candidatesPerTransaction) {
    const users: Row<'user'>[] = [];
    const memberships: Row<'membership'>[] = [];
    const rows: Row<'candidate'>[] = [];
    const consents: Row<'consent'>[] = [];
    for (let i = start; i < Math.min(candidateCount, start + candidatesPerTransaction); i++) {
      const instantie = instantieOf[i]!;
      let consultantUserId: string;
      if (i < caseload) consultantUserId = demoConsultant!;
      else {
        // Round-robin within the instantie keeps caseloads even.
        const list = consultants.get(instantie.id)!;
        const turn = consultantPick.get(instantie.id) ?? 0;
        consultantPick.set(instantie.id, turn + 1);
        consultantUserId = list[turn % list.length]!;
      }
      const isDemo = i === 0 && !!demoCandidate;
      const plan = generateCandidate(r, {
        instantie,
        consultantUserId,
        pseudonymsTaken,
        nextNumber,
        now,
        demo: isDemo
          ? {
              userId: demoCandidate,
              firstName: demoCandidateAccount.firstName,
              lastName: demoCandidateAccount.lastName,
              email: demoCandidateAccount.email,
            }
          : undefined,
      });
      rows.push(plan.candidate);
      consents.push(...plan.consents);
      if (plan.user) users.push(plan.user);
      if (plan.membership) memberships.push(plan.membership);
      if (isDemo) memberships.push(membershipRow(demoCandidate, 'kandidaat', { instantieId: instantie.id }, now));
    }
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'user', users);
      await insertRows(trx, 'membership', memberships);
      await insertRows(trx, 'candidate', rows);
      await insertRows(trx, 'consent', consents);
    });
    log(`Kandidaten: ${formatNumber(start + rows.length)} van ${formatNumber(candidateCount)} (${seconds(started)}).`);
  }
  // Contacts for the demo log-ins, once: on the run that set those log-ins up.
  if (demoSetUp('kandidaat') && demoSetUp('werkgever') && demoSetUp('consulent')) await seedDemoContacts(db, log);
  log(`Klaar: demogegevens in ${seconds(started)}.`);
  return demoLogins(db);
}

/**
 * On first start of an empty database: a demo of a useful size, so trying Werkregie takes one
 * command (also on a PostgreSQL server). `serve` never calls this in production. Always returns
 * the demo log-ins that exist.
 */
export async function seedDemoIfEmpty(app: App, options: { log: (line: string) => void }): Promise<DemoLogin[]> {
  const db = app.database.db;
  const anyInstantie = await db.selectFrom('instantie').select('id').limit(1).executeTakeFirst();
  if (!anyInstantie) {
    options.log('De database is leeg: Werkregie vult hem met demogegevens.');
    return seedDemo(app, { candidates: 500, employers: 60, seed: 1, log: options.log });
  }
  return demoLogins(db);
}
